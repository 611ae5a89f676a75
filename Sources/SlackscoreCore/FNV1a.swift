/// FNV-1a, the project's stable hash: the same in every process and on every machine (unlike
/// `Hasher`, which is seeded per process), so whatever is derived from it (feature buckets,
/// near-duplicate shingles, sampling seeds, tie-breaks, fingerprints) is reproducible. Cheap and
/// good enough where a collision is confirmed or harmless; not a cryptographic digest
/// (`ContentDigest` is).
public enum FNV1a {
  /// The 64-bit offset basis: the hash of no bytes.
  public static let offsetBasis64: UInt64 = 0xcbf2_9ce4_8422_2325
  /// The 64-bit FNV prime.
  public static let prime64: UInt64 = 0x0000_0100_0000_01B3
  /// The 32-bit offset basis.
  public static let offsetBasis32: UInt32 = 2_166_136_261
  /// The 32-bit FNV prime.
  public static let prime32: UInt32 = 16_777_619

  /// `hash` with `byte` added.
  @inlinable @inline(__always)
  public static func step(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
    (hash ^ UInt64(byte)) &* prime64
  }

  /// 64-bit FNV-1a of `bytes`, continuing from `hash` (the offset basis for a fresh hash).
  @inlinable
  public static func hash64<Bytes: Sequence<UInt8>>(_ bytes: Bytes, from hash: UInt64 = offsetBasis64) -> UInt64 {
    var h = hash
    for byte in bytes { h = step(h, byte) }
    return h
  }

  /// 64-bit FNV-1a of `text`'s UTF-8, continuing from `hash` (read in place for native strings).
  @inlinable
  public static func hash64(_ text: String, from hash: UInt64 = offsetBasis64) -> UInt64 {
    var text = text
    return text.withUTF8 { hash64($0, from: hash) }
  }

  /// 32-bit FNV-1a of `bytes`.
  @inlinable
  public static func hash32(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
    var h = offsetBasis32
    for b in bytes { h = (h ^ UInt32(b)) &* prime32 }
    return h
  }
}
