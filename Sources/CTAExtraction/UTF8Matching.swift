extension String {
  /// `hasSuffix` on UTF-8 bytes: no grapheme breaking, for the per-token hot paths.
  @inline(__always) func utf8HasSuffix(_ suffix: String) -> Bool { utf8Matches(suffix, atEnd: true) }

  /// `hasPrefix` on UTF-8 bytes.
  @inline(__always) func utf8HasPrefix(_ prefix: String) -> Bool { utf8Matches(prefix, atEnd: false) }

  /// Whether the UTF-8 bytes of `part` open (or, `atEnd`, close) this string's.
  @inline(__always) private func utf8Matches(_ part: String, atEnd: Bool) -> Bool {
    let a = utf8
    let b = part.utf8
    guard a.count >= b.count else { return false }
    let fast = a.withContiguousStorageIfAvailable { x in
      b.withContiguousStorageIfAvailable { y in
        let offset = atEnd ? x.count - y.count : 0
        for k in 0..<y.count where x[offset + k] != y[k] { return false }
        return true
      }
    }
    if let fast, let result = fast { return result }
    return atEnd ? a.suffix(b.count).elementsEqual(b) : a.prefix(b.count).elementsEqual(b)
  }

  /// The last four UTF-8 bytes (fewer when shorter), the last one lowest, and how many.
  @inline(__always) var utf8Tail: (UInt32, Int) {
    let bytes = utf8
    var index = bytes.endIndex
    var tail: UInt32 = 0
    var length = 0
    while length < 4 && index != bytes.startIndex {
      bytes.formIndex(before: &index)
      tail |= UInt32(bytes[index]) << UInt32(8 * length)
      length += 1
    }
    return (tail, length)
  }
}
