/// A string held as the first 128 bits of its SHA-256: 16 bytes instead of the string, for the
/// large sets and maps that only test membership (the revisit index's record ids, URIs and payload
/// digests; score's document URLs). A collision is not a practical risk at these sizes.
public struct TextKey: Sendable, Hashable, Comparable {
  /// The digest's first 8 bytes, big-endian.
  public let high: UInt64
  /// The digest's next 8 bytes, big-endian.
  public let low: UInt64

  /// The key of `text` (its UTF-8 bytes).
  public init(_ text: String) {
    let bytes = ContentDigest.sha256(text).bytes
    high = bytes[0..<8].reduce(0) { $0 << 8 | UInt64($1) }
    low = bytes[8..<16].reduce(0) { $0 << 8 | UInt64($1) }
  }

  /// Orders keys by their digest (sorting groups equal texts).
  public static func < (a: TextKey, b: TextKey) -> Bool { (a.high, a.low) < (b.high, b.low) }
}
