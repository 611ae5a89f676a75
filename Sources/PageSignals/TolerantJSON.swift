// A small tolerant JSON reader for JSON-LD blocks and page-state scripts. Accepts strict JSON
// plus what hand-written and JavaScript-embedded JSON carries: single-quoted strings, unquoted
// keys, trailing commas, `//` and `/* */` comments, `undefined`/`NaN`/`Infinity`, and `\xHH`
// escapes. Numbers keep the text they were written with. Nesting deeper than 200 levels, and
// anything else, fails cleanly (nil), never traps.

/// A parsed JSON value; numbers keep their source text. (Not `indirect`: the arrays already give
/// the indirection, and boxing every scalar would cost an allocation each.)
enum JSONValue {
  /// Members in source order (duplicates kept).
  case object([(key: String, value: JSONValue)])
  case array([JSONValue])
  case string(String)
  /// A number as written ("1204", "1.2e3").
  case number(String)
  case bool(Bool)
  case null

  /// The first member named `key`.
  subscript(_ key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.key == key }?.value
  }

  var stringValue: String? {
    if case .string(let string) = self { return string }
    return nil
  }
}

/// Parses tolerant JSON from bytes.
struct TolerantJSON {
  let text: ByteText
  private(set) var index: Int
  private var depth = 0
  static let maximumDepth = 200
  /// Strings longer than this (in bytes) that do not start with `{` are read past but kept as
  /// "" — callers that only need short values (counts, currency codes) save the decoding.
  var longStringLimit = Int.max

  init(text: ByteText, at index: Int, longStringLimit: Int = .max) {
    self.text = text
    self.index = index
    self.longStringLimit = longStringLimit
  }

  /// Parses one value starting at `start`, returning it and the index after it.
  static func parse(_ text: ByteText, at start: Int) -> (value: JSONValue, end: Int)? {
    var parser = TolerantJSON(text: text, at: start)
    guard let value = parser.value() else { return nil }
    return (value, parser.index)
  }

  /// Parses a whole string as one JSON value (trailing `;` and whitespace allowed).
  /// `longStringLimit` as for `init`.
  static func parse(_ string: String, longStringLimit: Int = .max) -> JSONValue? {
    ByteText.with(string) { text in
      var parser = TolerantJSON(text: text, at: 0, longStringLimit: longStringLimit)
      guard let value = parser.value() else { return nil }
      parser.skipTrivia()
      while parser.index < text.count, text[parser.index] == 0x3B { parser.index += 1 }
      parser.skipTrivia()
      return parser.index == text.count ? value : nil
    }
  }

  // MARK: Values

  mutating func value() -> JSONValue? {
    skipTrivia()
    guard index < text.count else { return nil }
    switch text[index] {
    case 0x7B: return object()
    case 0x5B: return array()
    case 0x22, 0x27: return string().map(JSONValue.string)
    case 0x2D, 0x2B, 0x2E, 0x30...0x39: return number()
    default:
      guard let word = identifier() else { return nil }
      switch word {
      case "true": return .bool(true)
      case "false": return .bool(false)
      case "null", "undefined", "NaN", "Infinity": return .null
      default: return nil
      }
    }
  }

  private mutating func object() -> JSONValue? {
    depth += 1
    defer { depth -= 1 }
    guard depth <= Self.maximumDepth else { return nil }
    index += 1
    var members: [(key: String, value: JSONValue)] = []
    while true {
      skipTrivia()
      guard index < text.count else { return nil }
      if text[index] == 0x7D {
        index += 1
        return .object(members)
      }
      let key: String
      if text[index] == 0x22 || text[index] == 0x27 {
        guard let quoted = string() else { return nil }
        key = quoted
      } else if let bare = identifier() {
        key = bare
      } else if let digits = bareDigits() {
        key = digits
      } else {
        return nil
      }
      skipTrivia()
      guard index < text.count, text[index] == 0x3A else { return nil }
      index += 1
      guard let member = value() else { return nil }
      members.append((key, member))
      skipTrivia()
      guard index < text.count else { return nil }
      if text[index] == 0x2C {
        index += 1
      } else if text[index] != 0x7D {
        return nil
      }
    }
  }

  private mutating func array() -> JSONValue? {
    depth += 1
    defer { depth -= 1 }
    guard depth <= Self.maximumDepth else { return nil }
    index += 1
    var elements: [JSONValue] = []
    while true {
      skipTrivia()
      guard index < text.count else { return nil }
      if text[index] == 0x5D {
        index += 1
        return .array(elements)
      }
      guard let element = value() else { return nil }
      elements.append(element)
      skipTrivia()
      guard index < text.count else { return nil }
      if text[index] == 0x2C {
        index += 1
      } else if text[index] != 0x5D {
        return nil
      }
    }
  }

  private mutating func number() -> JSONValue? {
    let start = index
    if text[index] == 0x2D || text[index] == 0x2B { index += 1 }
    var digits = 0
    while index < text.count {
      let byte = text[index]
      if ByteText.isDigit(byte) {
        digits += 1
      } else if byte == 0x2E || byte == 0x65 || byte == 0x45 {  // . e E
      } else if (byte == 0x2D || byte == 0x2B) && (text[index - 1] | 0x20) == 0x65 {  // exponent sign
      } else {
        break
      }
      index += 1
    }
    if digits == 0 {
      // "-Infinity"
      guard let word = identifier(), word == "Infinity" else { return nil }
      return .null
    }
    return .number(text.string(start, index))
  }

  private mutating func bareDigits() -> String? {
    let start = index
    while index < text.count, ByteText.isDigit(text[index]) { index += 1 }
    return index > start ? text.string(start, index) : nil
  }

  /// A JavaScript identifier (ASCII letters, digits, `_`, `$`).
  private mutating func identifier() -> String? {
    let start = index
    while index < text.count {
      let byte = text[index]
      guard ByteText.isASCIILetter(byte) || byte == 0x5F || byte == 0x24 || (index > start && ByteText.isDigit(byte))
      else { break }
      index += 1
    }
    return index > start ? text.string(start, index) : nil
  }

  /// A string in `"` or `'` quotes, escapes decoded.
  private mutating func string() -> String? {
    let quote = text[index]
    index += 1
    let start = index
    // Fast path: no escapes.
    while index < text.count {
      let byte = text[index]
      if byte == quote {
        let skip = index - start > longStringLimit && text[start] != 0x7B
        let result = skip ? "" : text.string(start, index)
        index += 1
        return result
      }
      if byte == 0x5C { break }
      index += 1
    }
    if index - start > longStringLimit && text[start] != 0x7B {
      // A long string with escapes: find its end without decoding.
      while index < text.count {
        let byte = text[index]
        if byte == quote {
          index += 1
          return ""
        }
        index += byte == 0x5C ? 2 : 1
      }
      return nil
    }
    guard index < text.count else { return nil }
    var bytes = Array(UnsafeBufferPointer(rebasing: text.bytes[start..<index]))
    while index < text.count {
      let byte = text[index]
      if byte == quote {
        index += 1
        return String(decoding: bytes, as: UTF8.self)
      }
      guard byte == 0x5C else {
        bytes.append(byte)
        index += 1
        continue
      }
      index += 1
      guard index < text.count else { return nil }
      let escaped = text[index]
      index += 1
      switch escaped {
      case 0x6E: bytes.append(0x0A)
      case 0x74: bytes.append(0x09)
      case 0x72: bytes.append(0x0D)
      case 0x62: bytes.append(0x08)
      case 0x66: bytes.append(0x0C)
      case 0x75:  // \uXXXX, with surrogate pairs
        guard var scalar = hex(digits: 4) else { return nil }
        if scalar >= 0xD800 && scalar < 0xDC00, index + 1 < text.count, text[index] == 0x5C,
          text[index + 1] == 0x75
        {
          index += 2
          guard let low = hex(digits: 4), low >= 0xDC00 && low < 0xE000 else { return nil }
          scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        }
        append(scalar: scalar, to: &bytes)
      case 0x78:  // \xHH
        guard let value = hex(digits: 2) else { return nil }
        append(scalar: value, to: &bytes)
      default: bytes.append(escaped)  // \" \\ \/ \' and unknown escapes
      }
    }
    return nil
  }

  private mutating func hex(digits: Int) -> UInt32? {
    guard index + digits <= text.count else { return nil }
    var value: UInt32 = 0
    for _ in 0..<digits {
      let byte = text[index]
      let digit: UInt8
      switch byte {
      case 0x30...0x39: digit = byte - 0x30
      case 0x61...0x66: digit = byte - 0x61 + 10
      case 0x41...0x46: digit = byte - 0x41 + 10
      default: return nil
      }
      value = value << 4 | UInt32(digit)
      index += 1
    }
    return value
  }

  private func append(scalar value: UInt32, to bytes: inout [UInt8]) {
    let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
    bytes.append(contentsOf: UTF8.encode(scalar)!)
  }

  // MARK: Trivia

  /// Skips whitespace and comments.
  mutating func skipTrivia() {
    while index < text.count {
      let byte = text[index]
      if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
        index += 1
      } else if byte == 0x2F, index + 1 < text.count, text[index + 1] == 0x2F {
        while index < text.count, text[index] != 0x0A { index += 1 }
      } else if byte == 0x2F, index + 1 < text.count, text[index + 1] == 0x2A {
        index += 2
        while index + 1 < text.count, !(text[index] == 0x2A && text[index + 1] == 0x2F) { index += 1 }
        index = min(index + 2, text.count)
      } else if byte >= 0x80, text.spaceLength(at: index) > 0 {
        index += text.spaceLength(at: index)  // NBSP and BOM-like spaces pasted into JSON-LD
      } else if byte == 0xEF, index + 2 < text.count, text[index + 1] == 0xBB, text[index + 2] == 0xBF {
        index += 3  // byte-order mark
      } else {
        return
      }
    }
  }
}
