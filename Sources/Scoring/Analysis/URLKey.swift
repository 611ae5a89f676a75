import PipelineConfiguration
import SlackscoreCore

/// URL comparison key: scheme, `www.`, fragment and tracking parameters (`utm_*`, `fbclid`,
/// `gclid`) dropped, host lower-cased, one trailing `/` removed. `https://www.Example.org/p/x/#top` and `http://example.org/p/x` share a key.
enum URLKey {
  static func make(_ url: String) -> String {
    var text = url.trimmingSpaces()
    if let colon = text.firstIndex(of: ":"), text[colon...].hasPrefix("://") {
      text = String(text[text.index(colon, offsetBy: 3)...])
    }
    if let hash = text.firstIndex(of: "#") { text = String(text[..<hash]) }
    let slash = text.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? text.endIndex
    var host = text[..<slash].lowercased()
    if host.hasPrefix("www.") { host.removeFirst(4) }
    var rest = String(text[slash...])
    if let q = rest.firstIndex(of: "?") {
      let kept = rest[rest.index(after: q)...].split(separator: "&").filter { param in
        let name = param.prefix { $0 != "=" }.lowercased()
        return !(name.hasPrefix("utm_") || name == "fbclid" || name == "gclid")
      }
      rest = String(rest[..<q]) + (kept.isEmpty ? "" : "?" + kept.joined(separator: "&"))
    }
    if rest.hasSuffix("/") { rest.removeLast() }
    return host + rest
  }

  /// Whether `url` matches a config glob on the URL without scheme (`*` matches any run of
  /// characters, `/` included; case-insensitive host, `www.` ignored on both sides).
  static func matches(pattern: String, url: String) -> Bool {
    Pattern(pattern).matches(url)
  }

  /// A config glob (`url_patterns`) normalised once, to test many URLs against it.
  struct Pattern {
    let key: [UInt8]

    init(_ pattern: String) { key = Array(URLKey.make(pattern).utf8) }

    /// Whether `url` matches (see ``URLKey/matches(pattern:url:)``).
    func matches(_ url: String) -> Bool {
      matches(key: Array(URLKey.make(url).utf8))
    }

    /// Whether a URL whose key (``URLKey/make(_:)``, as UTF-8) is `urlKey` matches.
    func matches(key urlKey: [UInt8]) -> Bool {
      Glob.wildcardMatch(key[...], urlKey[...]) || Glob.wildcardMatch(key[...], (urlKey + [0x2F])[...])
    }
  }
}
