/// Pieces of compact JSON written straight into bytes, in the form `JSONCoding.lineEncoder()` gives
/// (UTF-8 as is, `/` not escaped, `"`, `\` and control characters escaped, whole doubles without
/// `.0`), for writers whose `JSONEncoder` cost would dominate a stage.
public enum JSONBytes {
  private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

  /// Appends `s` as a JSON string, escaped as `JSONEncoder` escapes it: `"` and `\` with a
  /// backslash, `\n` `\r` `\t` `\b` `\f` by name, the other control characters (below 0x20) as
  /// `\u00XX` in lower-case hex; everything else (`/`, DEL, U+2028/2029, any non-ASCII) as its
  /// UTF-8 bytes. Clean runs are copied eight bytes at a time: this is the hot path of the
  /// parse stage's `documents.jsonl` writer.
  public static func appendString(_ s: String, to bytes: inout [UInt8]) {
    bytes.append(0x22)
    var s = s
    s.withUTF8 { utf8 in
      var runStart = 0
      var i = 0
      let n = utf8.count
      while true {
        i = nextEscape(utf8, from: i)
        guard i < n else { break }
        let byte = utf8[i]
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
        i += 1
        runStart = i
        switch byte {
        case 0x22: appendRaw("\\\"", to: &bytes)
        case 0x5C: appendRaw("\\\\", to: &bytes)
        case 0x0A: appendRaw("\\n", to: &bytes)
        case 0x0D: appendRaw("\\r", to: &bytes)
        case 0x09: appendRaw("\\t", to: &bytes)
        case 0x08: appendRaw("\\b", to: &bytes)
        case 0x0C: appendRaw("\\f", to: &bytes)
        default:
          appendRaw("\\u00", to: &bytes)
          bytes.append(hexDigits[Int(byte >> 4)])
          bytes.append(hexDigits[Int(byte & 0xF)])
        }
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
    }
    bytes.append(0x22)
  }

  /// The index of the first byte at or after `start` that a JSON string must escape (a control
  /// character, `"` or `\`), or `utf8.count`; eight bytes at a time over clean text. Readers use
  /// it too: those are the bytes that end a plain run inside a JSON string.
  @inline(__always)
  public static func nextEscape(_ utf8: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    var i = start
    let n = utf8.count
    if let base = utf8.baseAddress {
      while i + 8 <= n {
        let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
        let flagged =
          ByteSearch.controlMask(word) | ByteSearch.equalMask(word, 0x22) | ByteSearch.equalMask(word, 0x5C)
        if flagged != 0 { break }
        i += 8
      }
    }
    while i < n {
      let byte = utf8[i]
      if byte < 0x20 || byte == 0x22 || byte == 0x5C { return i }
      i += 1
    }
    return n
  }

  /// Appends `strings` as a JSON array of strings.
  public static func appendStrings(_ strings: [String], to bytes: inout [UInt8]) {
    bytes.append(0x5B)
    for (i, s) in strings.enumerated() {
      if i > 0 { bytes.append(0x2C) }
      appendString(s, to: &bytes)
    }
    bytes.append(0x5D)
  }

  /// Appends a finite double as `JSONEncoder` writes it: its `description`, without a final `.0`.
  public static func appendNumber(_ value: Double, to bytes: inout [UInt8]) {
    var text = value.description
    if text.utf8.count >= 2 && text.utf8.suffix(2).elementsEqual(".0".utf8) { text.removeLast(2) }
    bytes.append(contentsOf: text.utf8)
  }

  /// Appends an integer.
  public static func appendNumber(_ value: Int, to bytes: inout [UInt8]) {
    bytes.append(contentsOf: String(value).utf8)
  }

  /// Appends `true` or `false`.
  public static func appendBool(_ value: Bool, to bytes: inout [UInt8]) {
    appendRaw(value ? "true" : "false", to: &bytes)
  }

  /// Appends literal bytes (keys, punctuation).
  @inlinable public static func appendRaw(_ s: StaticString, to bytes: inout [UInt8]) {
    s.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }
}
