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
    if let offset = d.source.offset { integer(offset) } else { raw("null") }
    raw(",\"path\":")
    string(d.source.path)
    raw(",\"payload_digest\":")
    optional(d.source.payloadDigest)
    raw(",\"record_id\":")
    optional(d.source.recordId)
    if let original = d.source.revisitOf {
      raw(",\"revisit_of\":{\"offset\":")
      integer(original.offset)
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
      case .int(let n): integer(n)
      case .null: raw("null")
      }
    }
    raw("}\n")
  }

  /// Empties the buffer, keeping its capacity.
  public mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

  // MARK: Pieces (strings and literals are SlackscoreCore's `JSONBytes`)

  @inline(__always) private mutating func raw(_ s: StaticString) { JSONBytes.appendRaw(s, to: &bytes) }

  @inline(__always) private mutating func string(_ s: String) { JSONBytes.appendString(s, to: &bytes) }

  @inline(__always) private mutating func strings(_ list: [String]) { JSONBytes.appendStrings(list, to: &bytes) }

  @inline(__always) private mutating func integer(_ value: Int) { JSONBytes.appendNumber(value, to: &bytes) }

  private mutating func optional(_ s: String?) {
    if let s { string(s) } else { raw("null") }
  }

  /// A counter value: a whole value below 10^15 as an integer (`-0` as `0`), another finite one as
  /// its `description`, a non-finite one as `null`.
  private mutating func number(_ value: Double) {
    guard value.isFinite else {
      raw("null")
      return
    }
    if value == value.rounded(), abs(value) < 1e15 {
      integer(Int(Int64(value)))
    } else {
      bytes.append(contentsOf: value.description.utf8)
    }
  }
}

/// A scalar for ``JSONLineWriter/appendObject(_:)``.
public enum JSONScalar: Sendable, Hashable {
  case string(String)
  case int(Int)
  case null
}
