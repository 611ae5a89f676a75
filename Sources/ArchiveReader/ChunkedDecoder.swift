/// Undoes HTTP `Transfer-Encoding: chunked`, tolerating chunk sizes with leading zeros,
/// upper-case hex, chunk extensions (`;name=value`), LF-only line ends and a missing
/// final `0` chunk.
enum ChunkedDecoder {
  /// The outcome of de-chunking.
  struct Output {
    var bytes: [UInt8]
    /// Set when the body ended before the chunks said it would.
    var cutShort: Bool
  }

  /// De-chunks `body`; nil when it does not start with a chunk-size line (the header
  /// lied and the body is not chunked).
  static func decode(_ body: UnsafeRawBufferPointer) -> Output? {
    var out: [UInt8] = []
    out.reserveCapacity(body.count)
    var i = 0
    var first = true
    while true {
      // Tolerate blank lines between chunks.
      while !first && i < body.count && (body[i] == 0x0D || body[i] == 0x0A) { i += 1 }
      if i >= body.count { return Output(bytes: out, cutShort: !first) }
      guard let (size, next) = sizeLine(body, at: i) else {
        if first { return nil }
        return Output(bytes: out, cutShort: true)
      }
      first = false
      i = next
      if size == 0 { return Output(bytes: out, cutShort: false) }
      let take = min(size, body.count - i)
      out.append(contentsOf: UnsafeRawBufferPointer(rebasing: body[i..<i + take]))
      i += take
      if take < size { return Output(bytes: out, cutShort: true) }
      if i < body.count && body[i] == 0x0D { i += 1 }
      if i < body.count && body[i] == 0x0A { i += 1 }
    }
  }

  /// A chunk-size line at `at`: the size and the index after the line.
  private static func sizeLine(_ b: UnsafeRawBufferPointer, at: Int) -> (Int, Int)? {
    var i = at
    while i < b.count && (b[i] == 0x20 || b[i] == 0x09) { i += 1 }
    var size = 0
    var digits = 0
    while i < b.count, let v = hexValue(b[i]) {
      if size > (Int.max >> 5) { return nil }
      size = size << 4 | v
      digits += 1
      i += 1
    }
    guard digits > 0 else { return nil }
    // Extensions and spaces up to the line end.
    var j = i
    while j < b.count && b[j] != 0x0A {
      if j == i && !(b[j] == 0x3B || b[j] == 0x20 || b[j] == 0x09 || b[j] == 0x0D) { return nil }
      j += 1
      if j - i > 1024 { return nil }
    }
    return (size, min(j + 1, b.count))
  }

  @inline(__always) private static func hexValue(_ c: UInt8) -> Int? {
    switch c {
    case 0x30...0x39: return Int(c - 0x30)
    case 0x41...0x46: return Int(c - 0x41 + 10)
    case 0x61...0x66: return Int(c - 0x61 + 10)
    default: return nil
    }
  }
}
