/// ASCII-case-insensitive matching over UTF-8 bytes: the hot paths compare class names and
/// short lines against fixed vocabularies, where `String.contains` is far too slow.
struct LowercasedBytes {
  /// The bytes with ASCII letters lower-cased.
  let bytes: [UInt8]

  init(_ string: String) {
    var out = Array(string.utf8)
    for i in out.indices where out[i] >= 65 && out[i] <= 90 { out[i] += 32 }
    bytes = out
  }

  init(lowercased bytes: [UInt8]) { self.bytes = bytes }

  /// Whether `needle` (lower case) occurs anywhere.
  @inline(__always)
  func contains(_ needle: [UInt8]) -> Bool {
    let n = bytes.count
    let m = needle.count
    guard m > 0, m <= n else { return m == 0 }
    let first = needle[0]
    return bytes.withUnsafeBufferPointer { hay in
      needle.withUnsafeBufferPointer { pin in
        var i = 0
        let last = n - m
        while i <= last {
          if hay[i] == first {
            var k = 1
            while k < m && hay[i + k] == pin[k] { k += 1 }
            if k == m { return true }
          }
          i += 1
        }
        return false
      }
    }
  }

  /// Whether the bytes start with `needle` (lower case).
  @inline(__always)
  func hasPrefix(_ needle: [UInt8]) -> Bool {
    guard needle.count <= bytes.count else { return false }
    for i in 0..<needle.count where bytes[i] != needle[i] { return false }
    return true
  }

  /// Whether any of `needles` occurs.
  func containsAny(_ needles: [[UInt8]]) -> Bool { needles.contains { contains($0) } }

  /// Whether it starts with any of `needles`.
  func hasAnyPrefix(_ needles: [[UInt8]]) -> Bool { needles.contains { hasPrefix($0) } }
}

extension Array where Element == String {
  /// The UTF-8 bytes of each string (vocabularies are written in lower case).
  var utf8Needles: [[UInt8]] { map { [UInt8]($0.utf8) } }
}

/// A fixed vocabulary searched in one pass: a bitmap of the needles' first two bytes
/// rules out almost every position before any comparison.
struct NeedleSet: Sendable {
  private let needles: [[UInt8]]
  /// Bit per two-byte key (`b0 << 8 | b1`) that begins some needle.
  private let starts: [UInt64]
  /// Needle indexes per first byte.
  private let byFirst: [[Int]]

  init(_ words: [String]) {
    needles = words.map { Array($0.utf8) }.filter { $0.count >= 2 }
    var starts = [UInt64](repeating: 0, count: 1024)
    var byFirst = [[Int]](repeating: [], count: 256)
    for (i, needle) in needles.enumerated() {
      let key = Int(needle[0]) << 8 | Int(needle[1])
      starts[key >> 6] |= 1 << UInt64(key & 63)
      byFirst[Int(needle[0])].append(i)
    }
    self.starts = starts
    self.byFirst = byFirst
  }

  /// Whether `bytes` starts with one of the needles.
  func startsAny(_ bytes: [UInt8]) -> Bool {
    guard bytes.count >= 2 else { return false }
    for index in byFirst[Int(bytes[0])] {
      let needle = needles[index]
      guard needle.count <= bytes.count else { continue }
      var k = 1
      while k < needle.count && bytes[k] == needle[k] { k += 1 }
      if k == needle.count { return true }
    }
    return false
  }

  /// Whether any needle occurs in `bytes`.
  func occurs(in bytes: [UInt8]) -> Bool {
    let n = bytes.count
    guard n >= 2 else { return false }
    return bytes.withUnsafeBufferPointer { hay in
      for i in 0..<(n - 1) {
        let key = Int(hay[i]) << 8 | Int(hay[i + 1])
        guard starts[key >> 6] & (1 << UInt64(key & 63)) != 0 else { continue }
        for index in byFirst[Int(hay[i])] {
          let needle = needles[index]
          guard needle.count <= n - i, needle[1] == hay[i + 1] else { continue }
          var k = 2
          while k < needle.count && hay[i + k] == needle[k] { k += 1 }
          if k == needle.count { return true }
        }
      }
      return false
    }
  }
}
