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

  /// The digest of `bytes` (any byte collection; contiguous ones are hashed in place).
  public static func of(_ bytes: some Collection<UInt8>, algorithm: Algorithm) -> ContentDigest {
    var hasher = Hasher(algorithm)
    hasher.update(bytes)
    return hasher.finalize()
  }

  /// The SHA-1 of `bytes`; its `description` is a WARC digest field value (`sha1:BASE32`).
  public static func sha1(_ bytes: some Collection<UInt8>) -> ContentDigest { of(bytes, algorithm: .sha1) }

  /// The SHA-256 of `bytes`.
  public static func sha256(_ bytes: some Collection<UInt8>) -> ContentDigest { of(bytes, algorithm: .sha256) }

  /// The SHA-256 of a string's UTF-8 bytes.
  public static func sha256(_ text: String) -> ContentDigest { sha256(Array(text.utf8)) }

  /// The digest bytes as lower-case hexadecimal.
  public var hex: String { Hex.encode(bytes) }

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

    /// Feeds a byte collection (hashed in place when its storage is contiguous).
    public mutating func update(_ bytes: some Collection<UInt8>) {
      let done: Void? = bytes.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
      if done == nil { Array(bytes).withUnsafeBytes { update($0) } }
    }

    /// Feeds a string's UTF-8 bytes.
    public mutating func update(_ text: String) {
      var text = text
      text.withUTF8 { update(UnsafeRawBufferPointer($0)) }
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

extension String {
  fileprivate var trimmingSpaces: String {
    var s = Substring(self)
    while s.first == " " || s.first == "\t" { s.removeFirst() }
    while s.last == " " || s.last == "\t" || s.last == "\r" { s.removeLast() }
    return String(s)
  }
}
