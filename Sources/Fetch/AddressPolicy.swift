import Dispatch

#if canImport(Glibc)
  import Glibc
#endif

/// Why a URL was not fetched before any byte was sent.
public enum AddressRefusal: Error, CustomStringConvertible, Sendable, Equatable {
  /// Only `http` and `https` are fetched.
  case scheme(String)
  /// The host name did not resolve.
  case unresolvable(host: String, reason: String)
  /// The host resolves to a loopback, private, link-local or otherwise special address.
  case forbiddenAddress(host: String, address: String, range: String)

  public var description: String {
    switch self {
    case .scheme(let scheme): "only http and https URLs are fetched, not '\(scheme)'"
    case .unresolvable(let host, let reason): "cannot resolve \(host): \(reason)"
    case .forbiddenAddress(let host, let address, let range):
      "\(host) resolves to \(address), a \(range) address; set fetch.allow_private_addresses: true to allow it"
    }
  }
}

/// Which addresses the fetcher may connect to: only http(s), and no loopback, private,
/// link-local, multicast or reserved addresses unless `allowPrivateAddresses` is set.
///
/// The host is resolved here, every address it resolves to is checked, and the fetcher
/// then connects to the checked address only (pinned through AsyncHTTPClient's
/// `dnsOverride`), so a second DNS answer cannot smuggle in an internal address.
public struct AddressPolicy: Sendable {
  public var allowPrivateAddresses: Bool

  public init(allowPrivateAddresses: Bool) { self.allowPrivateAddresses = allowPrivateAddresses }

  /// Checks `url` and returns the address to connect to.
  public func check(_ url: WebURL) async throws(AddressRefusal) -> String {
    guard url.scheme == "http" || url.scheme == "https" else { throw .scheme(url.scheme) }
    let addresses: [String]
    if AddressPolicy.parseIP(url.host) != nil {
      addresses = [url.host]
    } else {
      let result = await Self.resolve(url.host)
      switch result {
      case .success(let list): addresses = list
      case .failure(let refusal): throw refusal
      }
    }
    guard let first = addresses.first else { throw .unresolvable(host: url.host, reason: "no addresses") }
    if !allowPrivateAddresses {
      for address in addresses {
        if let range = AddressPolicy.specialRange(address) {
          throw .forbiddenAddress(host: url.host, address: address, range: range)
        }
      }
    }
    return first
  }

  /// The name of the special-purpose range `address` falls in, or nil for a public address.
  public static func specialRange(_ address: String) -> String? {
    guard let bytes = parseIP(address) else { return "unparseable" }
    if bytes.count == 4 { return specialRangeV4(bytes) }
    let allZeroPrefix = bytes[0..<10].allSatisfy { $0 == 0 }
    if allZeroPrefix && bytes[10] == 0xFF && bytes[11] == 0xFF { return specialRangeV4(Array(bytes[12..<16])) }
    if bytes.allSatisfy({ $0 == 0 }) { return "unspecified" }
    if bytes[0..<15].allSatisfy({ $0 == 0 }) && bytes[15] == 1 { return "loopback" }
    if bytes[0] & 0xFE == 0xFC { return "private (unique local)" }
    if bytes[0] == 0xFE && bytes[1] & 0xC0 == 0x80 { return "link-local" }
    if bytes[0] == 0xFF { return "multicast" }
    if allZeroPrefix && bytes[10] == 0 && bytes[11] == 0 { return "IPv4-compatible (deprecated)" }
    return nil
  }

  private static func specialRangeV4(_ b: [UInt8]) -> String? {
    switch (b[0], b[1]) {
    case (0, _): return "this-network"
    case (10, _): return "private"
    case (100, 64...127): return "shared (carrier-grade NAT)"
    case (127, _): return "loopback"
    case (169, 254): return "link-local"
    case (172, 16...31): return "private"
    case (192, 0) where b[2] == 0: return "IETF protocol assignment"
    case (192, 168): return "private"
    case (198, 18...19): return "benchmarking"
    case (224...239, _): return "multicast"
    case (240...255, _): return "reserved"
    default: return nil
    }
  }

  /// The bytes of an IPv4 (4) or IPv6 (16) literal, or nil.
  public static func parseIP(_ text: String) -> [UInt8]? {
    var v4 = in_addr()
    if inet_pton(AF_INET, text, &v4) == 1 { return withUnsafeBytes(of: &v4) { Array($0) } }
    var v6 = in6_addr()
    if inet_pton(AF_INET6, text, &v6) == 1 { return withUnsafeBytes(of: &v6) { Array($0) } }
    return nil
  }

  /// Resolves a host name with `getaddrinfo` on a Dispatch thread (it blocks).
  static func resolve(_ host: String) async -> Result<[String], AddressRefusal> {
    await withCheckedContinuation { continuation in
      DispatchQueue.global().async { continuation.resume(returning: resolveBlocking(host)) }
    }
  }

  private static func resolveBlocking(_ host: String) -> Result<[String], AddressRefusal> {
    var hints = addrinfo()
    hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
    var list: UnsafeMutablePointer<addrinfo>?
    let status = getaddrinfo(host, nil, &hints, &list)
    guard status == 0 else {
      return .failure(.unresolvable(host: host, reason: String(cString: gai_strerror(status))))
    }
    defer { freeaddrinfo(list) }
    var addresses: [String] = []
    var node = list
    while let entry = node {
      var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
      if let address = entry.pointee.ai_addr {
        if entry.pointee.ai_family == AF_INET {
          address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { sin in
            var a = sin.pointee.sin_addr
            _ = inet_ntop(AF_INET, &a, &buffer, socklen_t(buffer.count))
          }
        } else if entry.pointee.ai_family == AF_INET6 {
          address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { sin6 in
            var a = sin6.pointee.sin6_addr
            _ = inet_ntop(AF_INET6, &a, &buffer, socklen_t(buffer.count))
          }
        }
      }
      let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
      if !text.isEmpty && !addresses.contains(text) { addresses.append(text) }
      node = entry.pointee.ai_next
    }
    return addresses.isEmpty ? .failure(.unresolvable(host: host, reason: "no addresses")) : .success(addresses)
  }
}
