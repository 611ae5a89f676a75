import SlackscoreCore

/// Reads an `ExtractInput` from one JSON line without `JSONDecoder`, which costs about as much as
/// finding the calls to action in a short page.
///
/// Only the plain case is read here: an object whose `id` is a string or a small integer, whose
/// strings are valid UTF-8 without surrogate escapes, whose keys are the snake_case names (other
/// keys ignored unless `JSONDecoder`'s snake-case conversion could turn them into a field name),
/// each key once, and `links` an array of `{url, text, in_main}` objects. Anything else gives nil,
/// and the caller decodes the line with `JSONDecoder` (same values, its error messages), so the
/// two always agree.
enum ExtractInputReader {
  /// The document on `line`, or nil when the line is not the plain case.
  static func read(_ line: [UInt8]) -> ExtractInput? { read(line[...]) }

  /// The document on `line` (a slice of a reader's buffer), or nil when the line is not the plain case.
  static func read(_ line: ArraySlice<UInt8>) -> ExtractInput? {
    line.withUnsafeBufferPointer { buffer in
      var scanner = Scanner(bytes: buffer)
      return scanner.document()
    }
  }

  /// The keys of one object seen so far: those of a short list as bits, others in a set made when
  /// one comes (so that a plain object costs no hashing).
  private struct SeenKeys {
    private var bits: UInt64 = 0
    private var others: Set<String> = []

    /// Whether `key` is new in this object (`fields`: at most 64 keys kept as bits); records it.
    mutating func insert(_ key: String, among fields: [String]) -> Bool {
      guard let slot = fields.firstIndex(of: key) else { return others.insert(key).inserted }
      let bit: UInt64 = 1 << slot
      defer { bits |= bit }
      return bits & bit == 0
    }
  }

  private struct Scanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var i = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
      self.bytes = bytes
    }

    mutating func document() -> ExtractInput? {
      var id: String?
      var text: String?
      var url: String?
      var lang: String?
      var siteName: String?
      var canonicalUrl: String?
      var links: [DocumentLink]?
      var seen = SeenKeys()
      let complete = object { key, scanner in
        guard seen.insert(key, among: Self.documentKeys) else { return false }
        switch key {
        case "id":
          // A string, or else a small integer: a malformed string is no integer after it.
          if scanner.startsString() {
            guard let s = scanner.string() else { return false }
            id = s
          } else if let n = scanner.integer() {
            id = String(n)
          } else {
            return false
          }
        case "text":
          guard let s = scanner.string() else { return false }
          text = s
        case "url": return scanner.optionalString(&url)
        case "lang": return scanner.optionalString(&lang)
        case "site_name": return scanner.optionalString(&siteName)
        case "canonical_url": return scanner.optionalString(&canonicalUrl)
        case "links":
          guard let list = scanner.links() else { return false }
          links = list
        default:
          guard !Self.mayConvert(key, to: Self.documentFields) else { return false }
          return scanner.skipValue(depth: 0)
        }
        return true
      }
      skipSpace()
      guard complete, i == bytes.count, let id, let text else { return nil }
      return ExtractInput(
        id: id, text: text, url: url, lang: lang, siteName: siteName, canonicalUrl: canonicalUrl, links: links ?? [])
    }

    /// `{"url": …, "text": …, "in_main": …}` objects; nil for anything `[LenientLink]` might read
    /// otherwise (then the decoder decides, and a failure there leaves no links).
    mutating func links() -> [DocumentLink]? {
      skipSpace()
      if literal("null") { return [] }
      guard next(0x5B) else { return nil }
      var out: [DocumentLink] = []
      skipSpace()
      if next(0x5D) { return out }
      while true {
        var url: String?
        var text: String?
        var inMain: Bool?
        var seen = SeenKeys()
        let complete = object { key, scanner in
          guard seen.insert(key, among: Self.linkKeys) else { return false }
          switch key {
          case "url":
            guard let s = scanner.string() else { return false }
            url = s
          case "text":
            // A link's fields have no `try?` of their own: a text that is neither a string nor
            // null fails the whole links array in `JSONDecoder`, so the decoder must decide.
            scanner.skipSpace()
            if scanner.literal("null") { return true }
            guard let s = scanner.string() else { return false }
            text = s
          case "in_main":
            scanner.skipSpace()
            if scanner.literal("true") {
              inMain = true
            } else if scanner.literal("false") {
              inMain = false
            } else if !scanner.literal("null") {
              return false
            }
          default:
            guard !Self.mayConvert(key, to: Self.linkFields) else { return false }
            return scanner.skipValue(depth: 0)
          }
          return true
        }
        guard complete, let url else { return nil }
        out.append(DocumentLink(url: url, text: text ?? "", inMain: inMain ?? true))
        skipSpace()
        if next(0x5D) { return out }
        guard next(0x2C) else { return nil }
      }
    }

    /// An object, calling `field` at each key (the scanner before its value); false when the
    /// object is malformed or `field` refuses.
    mutating func object(_ field: (String, inout Scanner) -> Bool) -> Bool {
      skipSpace()
      guard next(0x7B) else { return false }
      skipSpace()
      if next(0x7D) { return true }
      while true {
        skipSpace()
        guard let key = string() else { return false }
        skipSpace()
        guard next(0x3A), field(key, &self) else { return false }
        skipSpace()
        if next(0x7D) { return true }
        guard next(0x2C) else { return false }
      }
    }

    /// A string or null into `value`; any other value is skipped and leaves nil, as
    /// `try? decodeIfPresent(String.self, …)` does.
    mutating func optionalString(_ value: inout String?) -> Bool {
      skipSpace()
      guard i < bytes.count else { return false }
      if bytes[i] == 0x22 {
        guard let s = string() else { return false }
        value = s
        return true
      }
      return skipValue(depth: 0)
    }

    /// Whether the next value (after spaces) is a string.
    mutating func startsString() -> Bool {
      skipSpace()
      return i < bytes.count && bytes[i] == 0x22
    }

    /// A JSON string; nil when malformed, not valid UTF-8, or holding a surrogate escape.
    mutating func string() -> String? {
      skipSpace()
      guard next(0x22) else { return nil }
      let start = i
      i = plainRunEnd(from: i)
      guard i < bytes.count else { return nil }
      if bytes[i] == 0x22 {
        let s = String(validating: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        i += 1
        return s
      }
      var out = Array(bytes[start..<i])
      while i < bytes.count {
        let byte = bytes[i]
        if byte == 0x22 {
          i += 1
          return String(validating: out, as: UTF8.self)
        }
        guard byte >= 0x20 else { return nil }
        guard byte == 0x5C else {
          let end = plainRunEnd(from: i)
          out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<end]))
          i = end
          continue
        }
        guard i + 1 < bytes.count else { return nil }
        let escaped = bytes[i + 1]
        i += 2
        switch escaped {
        case 0x22, 0x5C, 0x2F: out.append(escaped)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
          guard i + 4 <= bytes.count else { return nil }
          var value: UInt32 = 0
          for k in i..<(i + 4) {
            guard let digit = Self.hexValue(bytes[k]) else { return nil }
            value = value << 4 | digit
          }
          i += 4
          // A surrogate (half of a pair) or NUL: left to the decoder.
          guard value != 0, let scalar = Unicode.Scalar(value) else { return nil }
          out.append(contentsOf: String(scalar).utf8)
        default: return nil
        }
      }
      return nil
    }

    /// The first index at or after `start` of a byte that ends a plain run of string bytes (`"`, `\`
    /// or a control character), or `bytes.count`.
    func plainRunEnd(from start: Int) -> Int { JSONBytes.nextEscape(bytes, from: start) }

    /// A small integer (what `Int` decoding reads without question); nil otherwise, the scanner
    /// left where it was.
    mutating func integer() -> Int? {
      skipSpace()
      let start = i
      var k = i
      if k < bytes.count && bytes[k] == 0x2D { k += 1 }
      let digitsStart = k
      while k < bytes.count && bytes[k] >= 0x30 && bytes[k] <= 0x39 { k += 1 }
      let digits = k - digitsStart
      guard digits >= 1 && digits <= 18, !(digits > 1 && bytes[digitsStart] == 0x30) else { return nil }
      // A fraction or exponent follows: not the plain case.
      if k < bytes.count && (bytes[k] == 0x2E || bytes[k] == 0x65 || bytes[k] == 0x45) { return nil }
      var value = 0
      for d in digitsStart..<k { value = value * 10 + Int(bytes[d] - 0x30) }
      i = k
      return bytes[start] == 0x2D ? -value : value
    }

    /// Skips one JSON value; false when it is malformed (or nested deeper than 64).
    mutating func skipValue(depth: Int) -> Bool {
      skipSpace()
      guard i < bytes.count, depth < 64 else { return false }
      switch bytes[i] {
      case 0x22: return string() != nil
      case 0x7B:
        return object { key, scanner in scanner.skipValue(depth: depth + 1) }
      case 0x5B:
        i += 1
        skipSpace()
        if next(0x5D) { return true }
        while true {
          guard skipValue(depth: depth + 1) else { return false }
          skipSpace()
          if next(0x5D) { return true }
          guard next(0x2C) else { return false }
        }
      case UInt8(ascii: "t"): return literal("true")
      case UInt8(ascii: "f"): return literal("false")
      case UInt8(ascii: "n"): return literal("null")
      default: return number()
      }
    }

    /// Skips a number of JSON's grammar.
    mutating func number() -> Bool {
      var k = i
      if k < bytes.count && bytes[k] == 0x2D { k += 1 }
      let intStart = k
      while k < bytes.count && Self.isDigit(bytes[k]) { k += 1 }
      guard k > intStart, !(k - intStart > 1 && bytes[intStart] == 0x30) else { return false }
      if k < bytes.count && bytes[k] == 0x2E {
        k += 1
        let fraction = k
        while k < bytes.count && Self.isDigit(bytes[k]) { k += 1 }
        guard k > fraction else { return false }
      }
      if k < bytes.count && (bytes[k] == 0x65 || bytes[k] == 0x45) {
        k += 1
        if k < bytes.count && (bytes[k] == 0x2B || bytes[k] == 0x2D) { k += 1 }
        let exponent = k
        while k < bytes.count && Self.isDigit(bytes[k]) { k += 1 }
        guard k > exponent else { return false }
      }
      i = k
      return true
    }

    mutating func literal(_ word: StaticString) -> Bool {
      let n = word.utf8CodeUnitCount
      guard i + n <= bytes.count else { return false }
      for k in 0..<n where bytes[i + k] != word.utf8Start[k] { return false }
      i += n
      return true
    }

    @inline(__always) mutating func next(_ byte: UInt8) -> Bool {
      guard i < bytes.count && bytes[i] == byte else { return false }
      i += 1
      return true
    }

    @inline(__always) mutating func skipSpace() {
      while i < bytes.count && (bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09) {
        i += 1
      }
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    static func hexValue(_ byte: UInt8) -> UInt32? {
      switch byte {
      case 0x30...0x39: UInt32(byte - 0x30)
      case 0x41...0x46: UInt32(byte - 0x41 + 10)
      case 0x61...0x66: UInt32(byte - 0x61 + 10)
      default: nil
      }
    }

    /// The keys `document()` and `links()` read, as they are written.
    static let documentKeys = ["id", "text", "url", "lang", "site_name", "canonical_url", "links"]
    static let linkKeys = ["url", "text", "in_main"]

    /// The field names `JSONDecoder` reads (``ExtractInput``'s coding keys), lower-cased as
    /// ``mayConvert(_:to:)`` compares them.
    static let documentFields = Set(ExtractInput.CodingKeys.allCases.map { $0.rawValue.lowercased() })
    static let linkFields = Set(ExtractInput.LenientLink.CodingKeys.allCases.map { $0.rawValue.lowercased() })

    /// Whether the snake-case conversion might turn `key` into one of `fields` (given lower-cased,
    /// without underscores): then the decoder must decide.
    static func mayConvert(_ key: String, to fields: Set<String>) -> Bool {
      var folded = ""
      for scalar in key.unicodeScalars where scalar != "_" {
        guard scalar.isASCII else { return true }
        folded.unicodeScalars.append(
          scalar.value >= 65 && scalar.value <= 90 ? Unicode.Scalar(scalar.value + 32)! : scalar)
      }
      return fields.contains(folded)
    }
  }
}
