/// Decides a page's character set and turns its bytes into UTF-8 for libxml2.
///
/// Order (WHATWG-like, tuned for archives): a byte-order mark; then the HTTP header's
/// charset; then UTF-8 when the bytes validate; then a `<meta charset>` or `http-equiv`
/// declaration; then a fallback that looks at the bytes (mostly-valid UTF-8 stays UTF-8,
/// otherwise windows-1252). `iso-8859-1`, `latin1` and `us-ascii` labels mean
/// windows-1252. UTF-8 and windows-1252 are transcoded here; other charsets (Shift_JIS,
/// GBK, UTF-16, …) are handed to libxml2 by name. The result is then run through
/// ``MojibakeRepair``.
public enum CharsetDecoder {
  /// What was decided for one page.
  public struct Decision: Sendable, Hashable {
    /// The charset the page was read as (lower case label, e.g. `utf-8`, `windows-1252`).
    public var charset: String
    /// Where the decision came from: `bom`, `http`, `utf8-valid`, `meta`, `fallback`.
    public var source: String
    /// Whether mojibake was repaired.
    public var repairedMojibake: Bool
  }

  /// Page bytes ready for libxml2 (parse them with `HTMLDocument(prepared:)`): `bytes` plus
  /// their encoding (`UTF-8` when they are UTF-8 now, the original label when libxml2 should
  /// convert).
  public struct Prepared {
    /// The bytes to parse.
    public var bytes: [UInt8]
    /// `UTF-8`, or the charset libxml2 is to convert from.
    public var libxmlEncoding: String
    /// How it was decided.
    public var decision: Decision
  }

  /// Decides and converts. When the page is already clean UTF-8 (the common case) the
  /// result shares `payload`'s storage: no copy.
  ///
  /// - Parameters:
  ///   - payload: The raw page bytes.
  ///   - httpCharset: The `charset` parameter of the HTTP `Content-Type`, if any.
  public static func prepare(_ payload: [UInt8], httpCharset: String?) -> Prepared {
    let plan = payload.withUnsafeBytes { raw in decide(raw, httpCharset: httpCharset) }
    return payload.withUnsafeBytes { raw in
      let body = UnsafeRawBufferPointer(rebasing: raw[plan.skip...])
      switch plan.target {
      case .utf8(let invalid):
        let clean = plan.skip == 0 && invalid == 0
        return utf8(clean ? payload : nil, body, invalid: invalid, source: plan.source)
      case .windows1252: return windows1252(body, source: plan.source)
      case .foreign(let label): return foreign(body, label: label, source: plan.source)
      }
    }
  }

  /// What `decide` settled on: how many leading bytes (a byte-order mark) to skip, how to
  /// read the rest, and why.
  private struct Plan {
    enum Target {
      /// UTF-8, with the count of invalid bytes found.
      case utf8(invalid: Int)
      case windows1252
      case foreign(String)
    }
    var skip: Int
    var target: Target
    var source: String
  }

  private static func decide(_ raw: UnsafeRawBufferPointer, httpCharset: String?) -> Plan {
    // 1. Byte-order mark.
    if raw.count >= 3, raw[0] == 0xEF, raw[1] == 0xBB, raw[2] == 0xBF {
      let survey = UTF8Bytes.survey(UnsafeRawBufferPointer(rebasing: raw[3...]))
      return Plan(skip: 3, target: .utf8(invalid: survey.invalid), source: "bom")
    }
    if raw.count >= 2, raw[0] == 0xFF, raw[1] == 0xFE {
      return Plan(skip: 2, target: .foreign("utf-16le"), source: "bom")
    }
    if raw.count >= 2, raw[0] == 0xFE, raw[1] == 0xFF {
      return Plan(skip: 2, target: .foreign("utf-16be"), source: "bom")
    }
    let survey = UTF8Bytes.survey(raw)
    let asUTF8 = Plan.Target.utf8(invalid: survey.invalid)
    // 2. The HTTP header. Servers often send a default `iso-8859-1` for UTF-8 pages, so a
    // Latin label on bytes that are valid UTF-8 with non-ASCII text is read as UTF-8.
    if let label = httpCharset.flatMap(normalize) {
      if label == "utf-8" { return Plan(skip: 0, target: asUTF8, source: "http") }
      if label == "windows-1252" {
        if survey.invalid == 0 && survey.multibyte > 0 { return Plan(skip: 0, target: asUTF8, source: "utf8-valid") }
        return Plan(skip: 0, target: .windows1252, source: "http")
      }
      return Plan(skip: 0, target: .foreign(label), source: "http")
    }
    // 3. Valid UTF-8.
    if survey.invalid == 0 { return Plan(skip: 0, target: asUTF8, source: "utf8-valid") }
    // 4. A declaration in the markup.
    if let label = MetaCharsetScanner.declaredCharset(in: raw).flatMap(normalize) {
      if label == "utf-8" { return Plan(skip: 0, target: asUTF8, source: "meta") }
      if label == "windows-1252" { return Plan(skip: 0, target: .windows1252, source: "meta") }
      return Plan(skip: 0, target: .foreign(label), source: "meta")
    }
    // 5. Undeclared and not clean UTF-8: a few stray bytes in UTF-8 text stay UTF-8.
    if survey.multibyte >= survey.invalid { return Plan(skip: 0, target: asUTF8, source: "fallback") }
    return Plan(skip: 0, target: .windows1252, source: "fallback")
  }

  /// Maps a charset label to the name we use (WHATWG aliases for the common ones).
  public static func normalize(_ label: String) -> String? {
    var name = label.lowercased()
    name.removeAll { $0 == "\"" || $0 == "'" || $0 == " " }
    guard !name.isEmpty else { return nil }
    switch name {
    case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8": return "utf-8"
    case "iso-8859-1", "iso8859-1", "latin1", "l1", "iso_8859-1", "iso-ir-100", "cp1252", "windows-1252",
      "x-cp1252", "us-ascii", "ascii", "ansi_x3.4-1968", "cp819", "ibm819", "iso_8859-1:1987", "csisolatin1":
      return "windows-1252"
    case "utf-16", "utf-16le": return "utf-16le"
    case "utf-16be": return "utf-16be"
    case "gb2312", "gbk", "x-gbk", "gb_2312-80": return "gbk"
    case "shift_jis", "sjis", "shift-jis", "x-sjis", "ms_kanji", "windows-31j": return "shift_jis"
    default: return name
    }
  }

  /// UTF-8 bytes: `clean` (the original array, shared) when nothing needs replacing,
  /// else a copy of `raw` with invalid bytes replaced by U+FFFD.
  private static func utf8(_ clean: [UInt8]?, _ raw: UnsafeRawBufferPointer, invalid: Int, source: String) -> Prepared {
    let bytes: [UInt8]
    if invalid > 0 {
      // Replace invalid bytes with U+FFFD so the tree holds valid UTF-8 only.
      bytes = Array(String(decoding: raw, as: UTF8.self).utf8)
    } else {
      bytes = clean ?? Array(raw)
    }
    return repaired(bytes, charset: "utf-8", source: source)
  }

  private static func windows1252(_ raw: UnsafeRawBufferPointer, source: String) -> Prepared {
    repaired(Windows1252.decode(raw), charset: "windows-1252", source: source)
  }

  private static func repaired(_ input: [UInt8], charset: String, source: String) -> Prepared {
    let bytes = NulBytes.removed(from: input) ?? input
    if let fixed = bytes.withUnsafeBytes({ MojibakeRepair.repair($0) }) {
      return Prepared(
        bytes: fixed, libxmlEncoding: "UTF-8",
        decision: Decision(charset: charset, source: source, repairedMojibake: true))
    }
    return Prepared(
      bytes: bytes, libxmlEncoding: "UTF-8",
      decision: Decision(charset: charset, source: source, repairedMojibake: false))
  }

  private static func foreign(_ raw: UnsafeRawBufferPointer, label: String, source: String) -> Prepared {
    Prepared(
      bytes: Array(raw), libxmlEncoding: label.uppercased(),
      decision: Decision(charset: label, source: source, repairedMojibake: false))
  }
}

/// Finds `<meta charset=…>` or `<meta http-equiv=Content-Type content="…; charset=…">` in
/// the first 64 KiB, over bytes (no parsing, no allocation until a match).
enum MetaCharsetScanner {
  static func declaredCharset(in raw: UnsafeRawBufferPointer) -> String? {
    let n = min(raw.count, 1 << 16)
    var i = 0
    while i + 5 < n {
      if raw[i] == UInt8(ascii: "<"), lower(raw[i + 1]) == UInt8(ascii: "m"), lower(raw[i + 2]) == UInt8(ascii: "e"),
        lower(raw[i + 3]) == UInt8(ascii: "t"), lower(raw[i + 4]) == UInt8(ascii: "a")
      {
        var end = i + 5
        while end < n && raw[end] != UInt8(ascii: ">") { end += 1 }
        if let label = charset(inTag: UnsafeRawBufferPointer(rebasing: raw[(i + 5)..<end])) { return label }
        i = end
      }
      i += 1
    }
    return nil
  }

  @inline(__always) private static func lower(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }

  /// The value after `charset=` inside one tag's bytes.
  private static func charset(inTag tag: UnsafeRawBufferPointer) -> String? {
    let key = Array("charset".utf8)
    var i = 0
    while i + key.count < tag.count {
      var matches = true
      for k in 0..<key.count where lower(tag[i + k]) != key[k] {
        matches = false
        break
      }
      if matches {
        var j = i + key.count
        while j < tag.count && (tag[j] == 0x20 || tag[j] == 0x09) { j += 1 }
        guard j < tag.count, tag[j] == UInt8(ascii: "=") else {
          i += 1
          continue
        }
        j += 1
        while j < tag.count && (tag[j] == 0x20 || tag[j] == 0x22 || tag[j] == 0x27) { j += 1 }
        var end = j
        while end < tag.count {
          let b = tag[end]
          if b == 0x22 || b == 0x27 || b == 0x3B || b == 0x20 || b == 0x2F || b == 0x09 { break }
          end += 1
        }
        guard end > j else { return nil }
        return String(decoding: UnsafeRawBufferPointer(rebasing: tag[j..<end]), as: UTF8.self)
      }
      i += 1
    }
    return nil
  }
}
