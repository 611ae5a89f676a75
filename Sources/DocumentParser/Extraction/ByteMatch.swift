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
