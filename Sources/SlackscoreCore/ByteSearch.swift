/// Word-at-a-time byte searches (SWAR): eight bytes per step over long runs of text that
/// hold none of the bytes looked for, without per-byte branches.
public enum ByteSearch {
  private static let ones: UInt64 = 0x0101_0101_0101_0101
  private static let highs: UInt64 = 0x8080_8080_8080_8080

  /// Whether some byte of `word` equals `byte` (exact: no false answers either way).
  @inline(__always)
  public static func wordHolds(_ word: UInt64, _ byte: UInt8) -> Bool {
    let x = word ^ (ones &* UInt64(byte))
    return (x &- ones) & ~x & highs != 0
  }

  /// The first index at or after `start` from which an eight-byte word may hold `a` or `b`;
  /// `bytes.count` rounded down to the last whole word when none does. The caller still
  /// checks the bytes from there one by one.
  @inline(__always)
  public static func skipWords(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, until a: UInt8, or b: UInt8
  )
    -> Int
  {
    guard let base = bytes.baseAddress else { return start }
    var i = start
    let n = bytes.count
    while i + 8 <= n {
      let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
      if wordHolds(word, a) || wordHolds(word, b) { return i }
      i += 8
    }
    return i
  }

  /// The same for three bytes.
  @inline(__always)
  public static func skipWords(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, until a: UInt8, _ b: UInt8, _ c: UInt8
  ) -> Int {
    guard let base = bytes.baseAddress else { return start }
    var i = start
    let n = bytes.count
    while i + 8 <= n {
      let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
      if wordHolds(word, a) || wordHolds(word, b) || wordHolds(word, c) { return i }
      i += 8
    }
    return i
  }

  /// Whether `a` or `b` occurs in `bytes`.
  public static func containsEither(_ bytes: UnsafeBufferPointer<UInt8>, _ a: UInt8, _ b: UInt8) -> Bool {
    var i = skipWords(bytes, from: 0, until: a, or: b)
    while i < bytes.count {
      if bytes[i] == a || bytes[i] == b { return true }
      i += 1
      if i & 7 == 0 { i = skipWords(bytes, from: i, until: a, or: b) }
    }
    return false
  }
}
