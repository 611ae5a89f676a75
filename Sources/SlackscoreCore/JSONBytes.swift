/// Pieces of compact JSON written straight into bytes, in the form `JSONCoding.lineEncoder()` gives
/// (UTF-8 as is, `/` not escaped, `"`, `\` and control characters escaped, whole doubles without
/// `.0`), for writers whose `JSONEncoder` cost would dominate a stage.
public enum JSONBytes {
  private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

  /// Appends `s` as a JSON string.
  public static func appendString(_ s: String, to bytes: inout [UInt8]) {
    bytes.append(0x22)
    for byte in s.utf8 {
      switch byte {
      case 0x22: appendRaw("\\\"", to: &bytes)
      case 0x5C: appendRaw("\\\\", to: &bytes)
      case 0x0A: appendRaw("\\n", to: &bytes)
      case 0x0D: appendRaw("\\r", to: &bytes)
      case 0x09: appendRaw("\\t", to: &bytes)
      case 0x08: appendRaw("\\b", to: &bytes)
      case 0x0C: appendRaw("\\f", to: &bytes)
      case 0..<0x20:
        appendRaw("\\u00", to: &bytes)
        bytes.append(hexDigits[Int(byte >> 4)])
        bytes.append(hexDigits[Int(byte & 0xF)])
      default: bytes.append(byte)
      }
    }
    bytes.append(0x22)
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
  @inline(__always) public static func appendRaw(_ s: StaticString, to bytes: inout [UInt8]) {
    s.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }
}
