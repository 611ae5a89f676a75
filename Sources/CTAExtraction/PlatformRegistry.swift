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

  /// A registry over `entries`.
  public init(entries: [PlatformEntry]) {
    for entry in entries {
      if let category = entry.category { categoryByPlatform[entry.platform] = category }
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
