// Byte-level helpers shared by the scanners: character classes over UTF-8 bytes, the few
// non-ASCII spaces and dashes that web text carries, and case-insensitive word comparison.
// Everything works on an `UnsafeBufferPointer<UInt8>` with plain `Int` indices, so the hot
// loops never allocate or go through `Character`.

/// A read-only view of UTF-8 bytes with the helpers the scanners need.
struct ByteText {
  let bytes: UnsafeBufferPointer<UInt8>

  var count: Int { bytes.count }

  @inline(__always) subscript(_ index: Int) -> UInt8 { bytes[index] }

  /// Runs `body` over the UTF-8 bytes of `string` without copying when the string is native.
  static func with<R>(_ string: String, _ body: (ByteText) -> R) -> R {
    var string = string
    return string.withUTF8 { body(ByteText(bytes: $0)) }
  }

  /// The text of `start..<end` as a `String`.
  func string(_ start: Int, _ end: Int) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
  }

  // MARK: Scalars

  /// The scalar value starting at `index` and its length in bytes (invalid bytes read as U+FFFD, length 1).
  func scalar(at index: Int) -> (value: UInt32, length: Int) {
    let lead = bytes[index]
    if lead < 0x80 { return (UInt32(lead), 1) }
    let length: Int
    var value: UInt32
    switch lead {
    case 0xC2...0xDF: length = 2; value = UInt32(lead & 0x1F)
    case 0xE0...0xEF: length = 3; value = UInt32(lead & 0x0F)
    case 0xF0...0xF4: length = 4; value = UInt32(lead & 0x07)
    default: return (0xFFFD, 1)
    }
    guard index + length <= bytes.count else { return (0xFFFD, 1) }
    for offset in 1..<length {
      let next = bytes[index + offset]
      guard next & 0xC0 == 0x80 else { return (0xFFFD, 1) }
      value = value << 6 | UInt32(next & 0x3F)
    }
    return (value, length)
  }

  /// The scalar ending just before `index` and where it starts, or nil at the start of the text.
  func scalar(before index: Int) -> (value: UInt32, start: Int)? {
    guard index > 0 else { return nil }
    var start = index - 1
    while start > 0, index - start < 4, bytes[start] & 0xC0 == 0x80 { start -= 1 }
    let (value, length) = scalar(at: start)
    guard start + length == index else { return (0xFFFD, index - 1) }
    return (value, start)
  }

  // MARK: Classes

  @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }
  @inline(__always) static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }
  @inline(__always) static func lowercased(_ byte: UInt8) -> UInt8 { byte &- 0x41 < 26 ? byte | 0x20 : byte }

  /// Horizontal spaces: ASCII space and tab, NBSP, the U+2000 block spaces, narrow NBSP, ideographic space.
  @inline(__always) static func isSpace(_ scalar: UInt32) -> Bool {
    scalar == 0x20 || scalar == 0x09 || scalar == 0xA0 || (scalar >= 0x2000 && scalar <= 0x200B)
      || scalar == 0x202F || scalar == 0x205F || scalar == 0x3000
  }

  /// Line breaks, which end every phrase.
  @inline(__always) static func isLineBreak(_ scalar: UInt32) -> Bool {
    scalar == 0x0A || scalar == 0x0D || scalar == 0x0B || scalar == 0x0C || scalar == 0x2028 || scalar == 0x2029
  }

  /// Letters and digits of any script, as far as a counter scanner needs to know: ASCII
  /// letters and digits, `_`, and every non-ASCII scalar that is not a space, punctuation
  /// from the Latin-1 and general-punctuation blocks, or a currency/math sign.
  static func isWordScalar(_ scalar: UInt32) -> Bool {
    if scalar < 0x80 {
      let byte = UInt8(scalar)
      return isDigit(byte) || isASCIILetter(byte) || byte == 0x5F
    }
    if scalar <= 0xBF { return false }  // Latin-1 punctuation, NBSP, ©, «, ·, ...
    if scalar == 0xD7 || scalar == 0xF7 { return false }  // × ÷
    if scalar >= 0x2000 && scalar <= 0x2BFF { return false }  // spaces, dashes, quotes, currency, arrows
    if scalar >= 0x3000 && scalar <= 0x303F { return false }  // CJK punctuation
    return true
  }

  /// Length of a dash (`-`, en dash, em dash, minus sign) at `index`, or 0.
  func dashLength(at index: Int) -> Int {
    guard index < bytes.count else { return 0 }
    if bytes[index] == 0x2D { return 1 }
    if bytes[index] == 0xE2, index + 2 < bytes.count {
      let (value, length) = scalar(at: index)
      if value == 0x2013 || value == 0x2014 || value == 0x2212 { return length }
    }
    return 0
  }

  /// Length of a horizontal space at `index`, or 0.
  func spaceLength(at index: Int) -> Int {
    guard index < bytes.count else { return 0 }
    let byte = bytes[index]
    if byte == 0x20 || byte == 0x09 { return 1 }
    if byte < 0x80 { return 0 }
    let (value, length) = scalar(at: index)
    return Self.isSpace(value) ? length : 0
  }

  /// The index after any horizontal spaces starting at `index`.
  func skipSpaces(from index: Int) -> Int {
    var index = index
    while index < bytes.count {
      let length = spaceLength(at: index)
      if length == 0 { break }
      index += length
    }
    return index
  }

  /// The index of the first of any horizontal spaces ending at `index`.
  func skipSpaces(backFrom index: Int) -> Int {
    var index = index
    while let (value, start) = scalar(before: index), Self.isSpace(value) { index = start }
    return index
  }

  /// Whether the scalar before `index` is part of a word (so `index` is not a word start).
  func isWordScalar(before index: Int) -> Bool {
    guard let (value, _) = scalar(before: index) else { return false }
    return Self.isWordScalar(value)
  }

  /// Whether the scalar at `index` is part of a word (so `index` is not a word end).
  func isWordScalar(at index: Int) -> Bool {
    guard index < bytes.count else { return false }
    return Self.isWordScalar(scalar(at: index).value)
  }

  // MARK: Words

  /// Whether `start..<end` equals `word` (lowercase ASCII), ignoring ASCII case.
  func equalsIgnoringCase(_ start: Int, _ end: Int, _ word: StaticString) -> Bool {
    guard end - start == word.utf8CodeUnitCount else { return false }
    let pointer = word.utf8Start
    for offset in 0..<(end - start) where Self.lowercased(bytes[start + offset]) != pointer[offset] {
      return false
    }
    return true
  }

  /// Whether the bytes at `index` start with `literal` (exact case), without reading past the end.
  func hasPrefix(_ literal: [UInt8], at index: Int) -> Bool {
    guard index + literal.count <= bytes.count else { return false }
    for offset in 0..<literal.count where bytes[index + offset] != literal[offset] { return false }
    return true
  }

  /// Whether the bytes at `index` start with `literal` (lowercase ASCII) ignoring ASCII case.
  func hasPrefixIgnoringCase(_ literal: [UInt8], at index: Int) -> Bool {
    guard index + literal.count <= bytes.count else { return false }
    for offset in 0..<literal.count where Self.lowercased(bytes[index + offset]) != literal[offset] { return false }
    return true
  }

  /// Whether the text at `index` goes on, across spaces, with "of" or "dari" and a number: what
  /// stands before `index` is how many of a total are shown ("10 of 398", "1 - 10 dari 20").
  func goesOnWithTotal(from index: Int) -> Bool {
    let word = skipSpaces(from: index)
    guard word < count, Self.isASCIILetter(bytes[word]) else { return false }
    let end = wordEnd(from: word)
    guard equalsIgnoringCase(word, end, "of") || equalsIgnoringCase(word, end, "dari") else { return false }
    let number = skipSpaces(from: end)
    return number < count && Self.isDigit(bytes[number])
  }

  /// The end of the word (run of word scalars) starting at `index`.
  func wordEnd(from index: Int) -> Int {
    var index = index
    while index < bytes.count {
      let (value, length) = scalar(at: index)
      guard Self.isWordScalar(value) else { break }
      index += length
    }
    return index
  }

  /// The start of the word (run of word scalars) ending at `index`.
  func wordStart(endingAt index: Int) -> Int {
    var index = index
    while let (value, start) = scalar(before: index), Self.isWordScalar(value) { index = start }
    return index
  }
}
