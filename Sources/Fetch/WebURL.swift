import Foundation

/// An absolute http(s) URL split the way the fetcher needs it: scheme, host, port, and
/// the request target (path and query, never the fragment).
public struct WebURL: Sendable, Hashable, CustomStringConvertible {
  /// The URL as given (fragment removed).
  public let string: String
  /// Lower-cased scheme (`http`, `https`, or whatever was given: the address policy refuses others).
  public let scheme: String
  /// Lower-cased host, without the brackets of an IPv6 literal.
  public let host: String
  /// Explicit port, or the scheme's default.
  public let port: Int
  /// Path and query as sent in the request line; at least `/`.
  public let target: String
  /// Whether the port was written in the URL.
  public let hasExplicitPort: Bool

  /// Parses `scheme://[userinfo@]host[:port][/path][?query][#fragment]`; nil otherwise.
  public init?(_ text: String) {
    let trimmed = text.trimmingSpaces()
    guard let separator = trimmed.range(of: "://") else { return nil }
    let scheme = trimmed[..<separator.lowerBound].lowercased()
    guard !scheme.isEmpty, scheme.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." })
    else { return nil }
    var rest = trimmed[separator.upperBound...]
    if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
    let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
    var authority = rest[..<authorityEnd]
    if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
    var host: Substring
    var portText: Substring?
    if authority.hasPrefix("[") {
      guard let close = authority.firstIndex(of: "]") else { return nil }
      host = authority[authority.index(after: authority.startIndex)..<close]
      let after = authority[authority.index(after: close)...]
      if after.hasPrefix(":") { portText = after.dropFirst() } else if !after.isEmpty { return nil }
    } else if let colon = authority.lastIndex(of: ":") {
      host = authority[..<colon]
      portText = authority[authority.index(after: colon)...]
    } else {
      host = authority
    }
    guard !host.isEmpty else { return nil }
    let defaultPort = scheme == "https" ? 443 : 80
    var port = defaultPort
    if let portText, !portText.isEmpty {
      guard let value = Int(portText), (1...65535).contains(value) else { return nil }
      port = value
    }
    var target = String(rest[authorityEnd...])
    if target.isEmpty { target = "/" } else if target.hasPrefix("?") { target = "/" + target }
    self.scheme = scheme
    self.host = host.lowercased()
    self.port = port
    self.hasExplicitPort = portText.map { !$0.isEmpty } ?? false
    self.target = target
    self.string = String(trimmed[..<(trimmed.firstIndex(of: "#") ?? trimmed.endIndex)])
  }

  public var description: String { string }

  /// Whether the host is an IPv4 or IPv6 literal.
  public var hostIsIPLiteral: Bool { AddressPolicy.parseIP(host) != nil }

  /// The `Host` header value: host, plus the port when it is not the scheme's default.
  public var hostHeader: String {
    let name = host.contains(":") ? "[\(host)]" : host
    let defaultPort = scheme == "https" ? 443 : 80
    return port == defaultPort ? name : "\(name):\(port)"
  }

  /// `scheme://host[:port]`.
  public var origin: String { "\(scheme)://\(hostHeader)" }

  /// A redirect target (`Location`), absolute or relative, resolved against this URL.
  public func resolving(_ reference: String) -> WebURL? {
    let trimmed = reference.trimmingSpaces()
    if let absolute = WebURL(trimmed), trimmed.contains("://") { return absolute }
    guard let base = URL(string: string), let resolved = URL(string: trimmed, relativeTo: base) else { return nil }
    return WebURL(resolved.absoluteString)
  }
}
