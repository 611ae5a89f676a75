public import SlackscoreCore

/// Recognises petition, donation, event, voting, contact and social platforms from URLs, using the
/// registry in `Resources/cta-platforms.json`.
public struct PlatformRegistry: Sendable {
  private struct Rule: Sendable {
    var entry: PlatformEntry
    var pathPrefix: String?
  }

  /// Host → rules, most specific (with a path prefix) first.
  private var byHost: [String: [Rule]] = [:]
  private var categoryByPlatform: [String: String] = [:]
  /// The kinds of the registry's platforms (`petition`, `donation`, …), each once, in order of first entry.
  public private(set) var kinds: [String] = []

  /// A registry over `entries`.
  public init(entries: [PlatformEntry]) {
    for entry in entries {
      if let category = entry.category { categoryByPlatform[entry.platform] = category }
      if !kinds.contains(entry.kind) { kinds.append(entry.kind) }
      for domain in entry.domains {
        var host = domain.lowercased()
        var domainPath: String?
        if let slash = host.firstIndex(of: "/") {
          domainPath = String(host[slash...])
          host = String(host[..<slash])
        }
        let prefixes: [String?] = entry.pathPrefixes.map { $0.map { Optional($0) } } ?? [domainPath]
        for prefix in prefixes {
          byHost[host, default: []].append(Rule(entry: entry, pathPrefix: prefix))
        }
      }
    }
    for host in byHost.keys {
      byHost[host]!.sort { ($0.pathPrefix?.count ?? 0) > ($1.pathPrefix?.count ?? 0) }
    }
  }

  /// The platform of `url`, or nil when the host is not in the registry.
  public func target(for url: String) -> CTATarget? {
    guard let (host, path) = Self.hostAndPath(url) else { return nil }
    var candidate = host
    while true {
      if let rules = byHost[candidate] {
        for rule in rules {
          if let prefix = rule.pathPrefix, !path.hasPrefix(prefix) { continue }
          return CTATarget(url: url, platform: rule.entry.platform, kind: rule.entry.kind)
        }
      }
      guard let dot = candidate.firstIndex(of: ".") else { return nil }
      candidate = String(candidate[candidate.index(after: dot)...])
      if !candidate.contains(".") { return nil }
    }
  }

  /// The category a platform's links ask for (`sign` for change.org), if specific.
  public func category(for target: CTATarget) -> String? {
    categoryByPlatform[target.platform]
  }

  /// Lower-cased host (without `www.` and port) and path of a URL, with or without a scheme.
  static func hostAndPath(_ url: String) -> (String, String)? {
    var url = url
    if let answer = url.withUTF8({ asciiHostAndPath($0) }) { return answer }
    return unicodeHostAndPath(url)
  }

  /// `hostAndPath` of an all-ASCII URL, read as bytes (most links); `.some(nil)` when it has no
  /// host with a dot, nil when the URL is not all ASCII.
  private static func asciiHostAndPath(_ bytes: UnsafeBufferPointer<UInt8>) -> (String, String)?? {
    var start = 0
    var colon: Int?
    for (i, byte) in bytes.enumerated() {
      if byte >= 0x80 { return nil }
      if byte == UInt8(ascii: ":") && colon == nil { colon = i }
    }
    if let colon, colon + 2 < bytes.count, bytes[colon + 1] == UInt8(ascii: "/"),
      bytes[colon + 2] == UInt8(ascii: "/"),
      bytes[..<colon].allSatisfy({ ($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z") })
    {
      start = colon + 3
    }
    var hostEnd = start
    while hostEnd < bytes.count {
      let byte = bytes[hostEnd]
      if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") { break }
      hostEnd += 1
    }
    var hostStart = start
    if let at = bytes[start..<hostEnd].lastIndex(of: UInt8(ascii: "@")) { hostStart = at + 1 }
    let hostStop = bytes[hostStart..<hostEnd].firstIndex(of: UInt8(ascii: ":")) ?? hostEnd
    var host = bytes[hostStart..<hostStop]
    if host.count >= 4, (host[host.startIndex] | 0x20) == UInt8(ascii: "w"),
      (host[host.startIndex + 1] | 0x20) == UInt8(ascii: "w"), (host[host.startIndex + 2] | 0x20) == UInt8(ascii: "w"),
      host[host.startIndex + 3] == UInt8(ascii: ".")
    {
      host = host.dropFirst(4)
    }
    guard host.contains(UInt8(ascii: ".")) else { return .some(nil) }
    let path = hostEnd == bytes.count ? "/" : asciiLowercased(bytes[hostEnd...])
    return (asciiLowercased(host), path)
  }

  private static func asciiLowercased(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String {
    String(unsafeUninitializedCapacity: bytes.count) { buffer in
      for (i, byte) in bytes.enumerated() {
        buffer[i] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
      }
      return bytes.count
    }
  }

  /// `hostAndPath` read as characters (URLs with non-ASCII characters).
  static func unicodeHostAndPath(_ url: String) -> (String, String)? {
    var rest = Substring(url)
    if let colon = rest.firstIndex(of: ":"), rest[colon...].hasPrefix("://"),
      rest[..<colon].allSatisfy({ $0.isLetter })
    {
      rest = rest[rest.index(colon, offsetBy: 3)...]
    }
    let hostEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
    var host = rest[..<hostEnd].lowercased()
    if let at = host.lastIndex(of: "@") { host = String(host[host.index(after: at)...]) }
    if let colon = host.firstIndex(of: ":") { host = String(host[..<colon]) }
    if host.hasPrefix("www.") { host.removeFirst(4) }
    guard host.contains(".") else { return nil }
    let path = rest[hostEnd...].lowercased()
    return (host, path.isEmpty ? "/" : path)
  }
}
