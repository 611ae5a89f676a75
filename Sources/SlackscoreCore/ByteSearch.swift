#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Word-at-a-time byte searches (SWAR): eight bytes per step over long runs of text that
/// hold none of the bytes looked for, without per-byte branches. The masks are exact: 0x80
/// in each byte that matches and nowhere else, so they can be counted and combined.
public enum ByteSearch {
  /// A byte repeated in every byte of a word.
  public static let ones: UInt64 = 0x0101_0101_0101_0101
  /// The high bit of every byte.
  public static let highs: UInt64 = 0x8080_8080_8080_8080
  private static let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

  /// Index of the first `byte` in `bytes[from...]` (`memchr`), or nil.
  @inline(__always)
  public static func index(of byte: UInt8, in bytes: UnsafeRawBufferPointer, from: Int = 0) -> Int? {
    guard from < bytes.count, let base = bytes.baseAddress else { return nil }
    guard let hit = memchr(base + from, Int32(byte), bytes.count - from) else { return nil }
    return UnsafeRawPointer(hit) - base
  }

  /// 0x80 in every byte of `word` that is zero.
  @inline(__always)
  public static func zeroMask(_ word: UInt64) -> UInt64 {
    ~(((word & lows) &+ lows) | word | lows)
  }

  /// 0x80 in every byte of `word` that equals `byte`.
  @inline(__always)
  public static func equalMask(_ word: UInt64, _ byte: UInt8) -> UInt64 {
    zeroMask(word ^ (ones &* UInt64(byte)))
  }

  /// 0x80 in every byte of `word` below 0x20 (the ASCII control characters).
  @inline(__always)
  public static func controlMask(_ word: UInt64) -> UInt64 {
    zeroMask(word & (ones &* 0xE0))
  }

  /// Whether some byte of `word` equals `byte`.
  @inline(__always)
  public static func wordHolds(_ word: UInt64, _ byte: UInt8) -> Bool { equalMask(word, byte) != 0 }

  /// The first index at or after `start` from which an eight-byte word may hold `a`, `b` or
  /// `c`; `bytes.count` rounded down to the last whole word when none does. The caller still
  /// checks the bytes from there one by one.
  @inline(__always)
  public static func skipWords(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, until a: UInt8, _ b: UInt8, _ c: UInt8
  ) -> Int {
    guard let base = bytes.baseAddress else { return start }
    var i = start
    let n = bytes.count
    while i + 8 <= n {
      let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
      if equalMask(word, a) | equalMask(word, b) | equalMask(word, c) != 0 { return i }
      i += 8
    }
    return i
  }

  /// Whether `a` or `b` occurs in `bytes`.
  public static func containsEither(_ bytes: UnsafeBufferPointer<UInt8>, _ a: UInt8, _ b: UInt8) -> Bool {
    var i = skipWords(bytes, from: 0, until: a, b, b)
    while i < bytes.count {
      if bytes[i] == a || bytes[i] == b { return true }
      i += 1
      if i & 7 == 0 { i = skipWords(bytes, from: i, until: a, b, b) }
    }
    return false
  }
}
