import CCrypto

/// A content digest as WARC (`WARC-Payload-Digest: sha1:BASE32`) and WACZ
/// (`datapackage.json`: `sha256:HEX`) write it: parsed, computed by libcrypto, compared.
/// Every digest check goes through this one type.
public struct ContentDigest: Sendable, Hashable, CustomStringConvertible {
  /// The hash functions WARC writers use.
  public enum Algorithm: String, Sendable, Hashable {
    case sha1, sha256

    /// Digest length in bytes.
    public var length: Int { self == .sha1 ? 20 : 32 }

    fileprivate var evp: OpaquePointer? { self == .sha1 ? EVP_sha1() : EVP_sha256() }
  }

  public var algorithm: Algorithm
  public var bytes: [UInt8]

  public init(algorithm: Algorithm, bytes: [UInt8]) {
    self.algorithm = algorithm
    self.bytes = bytes
  }

  /// Parses `sha1:…`, `sha256:…` or `sha-256:…` (any case) with the value in base32 or hex.
  /// Nil for other algorithms (md5, …) and for values of the wrong length or alphabet.
  public init?(_ text: String) {
    guard let colon = text.firstIndex(of: ":") else { return nil }
    let name = text[..<colon].lowercased().filter { $0 != "-" }
    guard let algorithm = Algorithm(rawValue: name) else { return nil }
    let value = String(text[text.index(after: colon)...]).trimmingSpaces
    let candidates = [Base32.decode(value), Hex.decode(value)].compactMap { $0 }
    guard let bytes = candidates.first(where: { $0.count == algorithm.length }) else { return nil }
    self.init(algorithm: algorithm, bytes: bytes)
  }

  /// The digest of `bytes`.
  public static func of(_ bytes: UnsafeRawBufferPointer, algorithm: Algorithm) -> ContentDigest {
    var hasher = Hasher(algorithm)
    hasher.update(bytes)
    return hasher.finalize()
  }

  /// `sha1:BASE32` (as WARC writes it) or `sha256:hex` (as WACZ writes it).
  public var description: String {
    algorithm.rawValue + ":" + (algorithm == .sha1 ? Base32.encode(bytes) : Hex.encode(bytes))
  }

  /// An incremental digest, for bytes that arrive in pieces (owns a libcrypto context).
  public struct Hasher: ~Copyable {
    private let context: OpaquePointer?
    public let algorithm: Algorithm

    public init(_ algorithm: Algorithm) {
      self.algorithm = algorithm
      context = EVP_MD_CTX_new()
      EVP_DigestInit_ex(context, algorithm.evp, nil)
    }

    deinit { EVP_MD_CTX_free(context) }

    /// Feeds bytes.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
      if let base = bytes.baseAddress, !bytes.isEmpty { EVP_DigestUpdate(context, base, bytes.count) }
    }

    /// The digest of everything fed.
    public consuming func finalize() -> ContentDigest {
      var out = [UInt8](repeating: 0, count: 64)
      var length: UInt32 = 0
      out.withUnsafeMutableBufferPointer { _ = EVP_DigestFinal_ex(context, $0.baseAddress, &length) }
      return ContentDigest(algorithm: algorithm, bytes: Array(out[..<Int(length)]))
    }
  }
}

extension Base32 {
  /// Decodes RFC 4648 base32 (either case, padding optional); nil for other characters.
  public static func decode(_ text: String) -> [UInt8]? {
    var out: [UInt8] = []
    var buffer: UInt64 = 0
    var bits = 0
    for c in text.utf8 where c != UInt8(ascii: "=") {
      let value: UInt8
      switch c {
      case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = c - UInt8(ascii: "A")
      case UInt8(ascii: "a")...UInt8(ascii: "z"): value = c - UInt8(ascii: "a")
      case UInt8(ascii: "2")...UInt8(ascii: "7"): value = c - UInt8(ascii: "2") + 26
      default: return nil
      }
      buffer = buffer << 5 | UInt64(value)
      bits += 5
      if bits >= 8 {
        out.append(UInt8(truncatingIfNeeded: buffer >> UInt64(bits - 8)))
        bits -= 8
      }
    }
    return out
  }
}

extension Hex {
  /// Decodes hex (either case); nil for odd lengths or other characters.
  public static func decode(_ text: String) -> [UInt8]? {
    let digits = Array(text.utf8)
    guard digits.count % 2 == 0 else { return nil }
    func nibble(_ c: UInt8) -> UInt8? {
      switch c {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
      default: nil
      }
    }
    var out: [UInt8] = []
    out.reserveCapacity(digits.count / 2)
    for i in stride(from: 0, to: digits.count, by: 2) {
      guard let high = nibble(digits[i]), let low = nibble(digits[i + 1]) else { return nil }
      out.append(high << 4 | low)
    }
    return out
  }
}

extension String {
  fileprivate var trimmingSpaces: String {
    var s = Substring(self)
    while s.first == " " || s.first == "\t" { s.removeFirst() }
    while s.last == " " || s.last == "\t" || s.last == "\r" { s.removeLast() }
    return String(s)
  }
}
