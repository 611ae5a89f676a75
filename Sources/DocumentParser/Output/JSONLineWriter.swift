public import SlackscoreCore

/// A small byte-level JSON writer for `documents.jsonl`: one compact object per line, keys
/// in snake_case and sorted (the shape `JSONCoding.lineEncoder()` gives `Document`, with
/// absent optionals written as `null`), UTF-8 written as is, `/` not escaped.
///
/// Foundation's `JSONEncoder` per document costs more than parsing the page; this writes
/// straight into a byte buffer.
public struct JSONLineWriter {
  /// The bytes written so far.
  public private(set) var bytes: [UInt8] = []

  /// An empty writer.
  public init() { bytes.reserveCapacity(1 << 14) }

  /// Appends one document as a line (with the trailing `\n`).
  public mutating func append(_ d: Document) {
    // One allocation for the line (the text dominates), not a series of doublings.
    bytes.reserveCapacity(bytes.count + d.text.utf8.count + 256 * (d.links.count + d.counters.count) + 4096)
    raw("{\"author\":")
    optional(d.author)
    raw(",\"canonical_url\":")
    optional(d.canonicalUrl)
    raw(",\"captured_at\":")
    optional(d.capturedAt)
    raw(",\"counters\":[")
    for (i, c) in d.counters.enumerated() {
      if i > 0 { raw(",") }
      raw("{\"currency\":")
      optional(c.currency)
      raw(",\"kind\":")
      string(c.kind)
      raw(",\"origin\":")
      string(c.origin)
      if c.primary == true { raw(",\"primary\":true") }
      raw(",\"raw\":")
      string(c.raw)
      if let subject = c.subject {
        raw(",\"subject\":")
        string(subject)
      }
      raw(",\"value\":")
      number(c.value)
      raw("}")
    }
    raw("],\"empty_reason\":")
    optional(d.emptyReason)
    raw(",\"hashtags\":")
    strings(d.hashtags)
    raw(",\"id\":")
    string(d.id)
    raw(",\"lang\":")
    optional(d.lang)
    raw(",\"links\":[")
    for (i, link) in d.links.enumerated() {
      if i > 0 { raw(",") }
      raw("{\"in_main\":")
      raw(link.inMain ? "true" : "false")
      raw(",\"text\":")
      string(link.text)
      raw(",\"url\":")
      string(link.url)
      raw("}")
    }
    raw("],\"mentions\":")
    strings(d.mentions)
    raw(",\"published_at\":")
    optional(d.publishedAt)
    raw(",\"site_name\":")
    optional(d.siteName)
    raw(",\"source\":{\"offset\":")
    if let offset = d.source.offset { raw(String(offset)) } else { raw("null") }
    raw(",\"path\":")
    string(d.source.path)
    raw(",\"payload_digest\":")
    optional(d.source.payloadDigest)
    raw(",\"record_id\":")
    optional(d.source.recordId)
    if let original = d.source.revisitOf {
      raw(",\"revisit_of\":{\"offset\":")
      raw(String(original.offset))
      raw(",\"path\":")
      string(original.path)
      raw(",\"record_id\":")
      optional(original.recordId)
      raw("}")
    }
    raw("},\"text\":")
    string(d.text)
    raw(",\"title\":")
    optional(d.title)
    raw(",\"url\":")
    optional(d.url)
    raw("}\n")
  }

  /// Appends an object of string, integer or null fields (for `rejects.jsonl`), keys sorted.
  public mutating func appendObject(_ fields: [(String, JSONScalar)]) {
    raw("{")
    for (i, (key, value)) in fields.sorted(by: { $0.0 < $1.0 }).enumerated() {
      if i > 0 { raw(",") }
      string(key)
      raw(":")
      switch value {
      case .string(let s): string(s)
      case .int(let n): raw(String(n))
      case .null: raw("null")
      }
    }
    raw("}\n")
  }

  /// Empties the buffer, keeping its capacity.
  public mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

  // MARK: Pieces

  @inline(__always) private mutating func raw(_ s: StaticString) {
    s.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  @inline(__always) private mutating func raw(_ s: String) {
    var s = s
    s.withUTF8 { bytes.append(contentsOf: $0) }
  }

  private mutating func optional(_ s: String?) {
    if let s { string(s) } else { raw("null") }
  }

  private mutating func strings(_ list: [String]) {
    raw("[")
    for (i, s) in list.enumerated() {
      if i > 0 { raw(",") }
      string(s)
    }
    raw("]")
  }

  private mutating func number(_ value: Double) {
    guard value.isFinite else {
      raw("null")
      return
    }
    if value == value.rounded(), abs(value) < 1e15 {
      raw(String(Int64(value)))
    } else {
      raw(value.description)
    }
  }

  private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

  /// The index of the first byte at or after `start` that JSON must escape (a control
  /// character, `"` or `\\`), or `utf8.count`; eight bytes at a time over clean text.
  @inline(__always)
  private static func nextEscape(_ utf8: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
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

  /// A JSON string: quotes, backslashes and control characters escaped, the rest raw UTF-8.
  private mutating func string(_ s: String) {
    bytes.append(0x22)
    var s = s
    s.withUTF8 { utf8 in
      var runStart = 0
      var i = 0
      let n = utf8.count
      while true {
        i = Self.nextEscape(utf8, from: i)
        guard i < n else { break }
        let byte = utf8[i]
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
        i += 1
        runStart = i
        switch byte {
        case 0x22: raw("\\\"")
        case 0x5C: raw("\\\\")
        case 0x0A: raw("\\n")
        case 0x0D: raw("\\r")
        case 0x09: raw("\\t")
        case 0x08: raw("\\b")
        case 0x0C: raw("\\f")
        default:
          raw("\\u00")
          bytes.append(Self.hexDigits[Int(byte >> 4)])
          bytes.append(Self.hexDigits[Int(byte & 0xF)])
        }
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
    }
    bytes.append(0x22)
  }
}

/// A scalar for ``JSONLineWriter/appendObject(_:)``.
public enum JSONScalar: Sendable, Hashable {
  case string(String)
  case int(Int)
  case null
}
