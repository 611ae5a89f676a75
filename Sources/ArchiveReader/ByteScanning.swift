import SlackscoreCore

/// Small byte helpers for the hot paths: the header-block search and ASCII comparisons over raw
/// buffers, no allocation (a byte search is `ByteSearch.index`).
enum ByteScanning {
  /// Index just after the blank line ending a header block (`\n\n`, `\r\n\r\n`,
  /// `\r\r\n\r\r\n` or any mix), searching from `from`; nil if none is buffered.
  static func headerEnd(in bytes: UnsafeRawBufferPointer, from: Int = 0) -> Int? {
    var i = from
    while let nl = ByteSearch.index(of: 0x0A, in: bytes, from: i) {
      var j = nl + 1
      while j < bytes.count && bytes[j] == 0x0D { j += 1 }
      if j >= bytes.count { return nil }
      if bytes[j] == 0x0A { return j + 1 }
      i = j
    }
    return nil
  }

  /// Whether `bytes[at...]` starts with the ASCII text `prefix`, ignoring case.
  static func hasPrefix(_ bytes: UnsafeRawBufferPointer, at: Int = 0, _ prefix: StaticString) -> Bool {
    let n = prefix.utf8CodeUnitCount
    guard at + n <= bytes.count else { return false }
    let p = prefix.utf8Start
    for k in 0..<n where lower(bytes[at + k]) != lower(p[k]) { return false }
    return true
  }

  /// ASCII lower case.
  @inline(__always) static func lower(_ b: UInt8) -> UInt8 { (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b }

  /// Whether a slice equals the lower-case ASCII `name`, ignoring case.
  static func equalsIgnoringCase(
    _ bytes: UnsafeRawBufferPointer, _ start: Int, _ end: Int, _ name: StaticString
  ) -> Bool {
    let n = name.utf8CodeUnitCount
    guard end - start == n else { return false }
    let p = name.utf8Start
    for k in 0..<n where lower(bytes[start + k]) != p[k] { return false }
    return true
  }

  /// `[start, end)` without leading and trailing spaces, tabs and CRs.
  static func trim(_ bytes: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> (Int, Int) {
    var s = start
    var e = end
    while s < e && isSpace(bytes[s]) { s += 1 }
    while e > s && isSpace(bytes[e - 1]) { e -= 1 }
    return (s, e)
  }

  @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A }

  /// The bytes as a `String` (invalid UTF-8 repaired).
  static func string(_ bytes: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> String {
    String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
  }

  /// A non-negative decimal integer, or nil (also on overflow or any other byte).
  static func decimal(_ bytes: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> Int? {
    guard start < end else { return nil }
    var value = 0
    for i in start..<end {
      let d = bytes[i] &- 0x30
      guard d < 10 else { return nil }
      let (m, o1) = value.multipliedReportingOverflow(by: 10)
      let (a, o2) = m.addingReportingOverflow(Int(d))
      if o1 || o2 { return nil }
      value = a
    }
    return value
  }

  /// Whether a line `WARC/<version>` starts at `at`: `WARC/`, then up to 8 digits and
  /// dots, then the line end. Returns the index after the line end, or nil.
  static func warcVersionLine(_ bytes: UnsafeRawBufferPointer, at: Int) -> Int? {
    guard hasPrefix(bytes, at: at, "WARC/") else { return nil }
    var i = at + 5
    let digitsStart = i
    while i < bytes.count && i - digitsStart <= 8 && (bytes[i] == 0x2E || (bytes[i] &- 0x30) < 10) { i += 1 }
    guard i > digitsStart else { return nil }
    while i < bytes.count && (bytes[i] == 0x0D || bytes[i] == 0x20) { i += 1 }
    guard i < bytes.count, bytes[i] == 0x0A else { return nil }
    return i + 1
  }
}
