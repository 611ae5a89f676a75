/// One line of `slackscore index`: where a record is and what it holds, like a CDXJ
/// entry. Written as JSON with keys in sorted order, absent values left out.
public struct IndexEntry: Sendable, Hashable {
  /// The payload's media type: the HTTP `Content-Type` for responses, else the record's.
  public var contentType: String?
  /// Capture date, ISO 8601 UTC when parseable, else as written.
  public var date: String?
  /// The input path as given.
  public var file: String
  /// Bytes the record takes in the file (for gzip: its member or members), when known.
  public var length: Int?
  /// Byte offset of the record (for gzip: of the member it starts in).
  public var offset: Int
  /// `WARC-Payload-Digest` as written.
  public var payloadDigest: String?
  /// `WARC-Record-ID`.
  public var recordID: String?
  /// HTTP status code, for responses and revisits that carry an HTTP head.
  public var status: Int?
  /// `WARC-Target-URI` or ARC URL, cleaned.
  public var targetURI: String?
  /// The record type (`response`, `request`, …, `filedesc` for ARC, `file` for a loose page).
  public var type: String

  /// How much of a block the index needs: enough for the HTTP head.
  public static func blockNeed(for type: String) -> BlockNeed {
    type == "response" || type == "revisit" ? .prefix(32 << 10) : .none
  }

  /// The entry for a framed record (its block loaded as `blockNeed(for:)` asks).
  public init(_ raw: RawArchiveRecord, file: String) {
    self.file = file
    type = raw.type
    offset = raw.offset
    length = raw.length
    targetURI = raw.header.targetURI
    date = raw.header.date.map { DateNormalizer.normalize($0) ?? $0 }
    payloadDigest = raw.header.payloadDigest
    recordID = raw.header.recordID
    contentType = raw.header.contentType
    if type == "response" || type == "revisit", let http = HTTPMessageParser.statusAndContentType(raw.block) {
      status = http.status
      if let ct = http.contentType { contentType = ct }
    }
  }

  /// The entry for a loose page.
  public init(loosePage record: ArchiveRecord) {
    file = record.sourcePath
    type = "file"
    offset = 0
    length = record.length
    contentType = record.contentType
  }

  /// Whether the entry is an HTML response or resource (what the pipeline parses).
  public var isHTML: Bool {
    guard type == "response" || type == "resource" || type == "file", let ct = contentType?.lowercased() else {
      return false
    }
    return ct.contains("text/html") || ct.contains("application/xhtml")
  }

  /// Appends the JSON object (no newline).
  public func appendJSON(to out: inout [UInt8]) {
    var w = JSONByteWriter(out: out)
    out = []
    w.begin()
    if let contentType { w.key("content_type"); w.string(contentType) }
    if let date { w.key("date"); w.string(date) }
    w.key("file"); w.string(file)
    if let length { w.key("length"); w.int(length) }
    w.key("offset"); w.int(offset)
    if let payloadDigest { w.key("payload_digest"); w.string(payloadDigest) }
    if let recordID { w.key("record_id"); w.string(recordID) }
    if let status { w.key("status"); w.int(status) }
    if let targetURI { w.key("target_uri"); w.string(targetURI) }
    w.key("type"); w.string(type)
    w.end()
    out = w.out
  }
}

/// A minimal JSON writer straight into bytes: no Foundation, no per-value allocation.
public struct JSONByteWriter {
  /// The bytes written so far.
  public var out: [UInt8]
  private var needsComma = false

  /// A writer appending to `out`.
  public init(out: [UInt8] = []) { self.out = out }

  /// `{`
  public mutating func begin() {
    out.append(0x7B)
    needsComma = false
  }

  /// `}`
  public mutating func end() { out.append(0x7D) }

  /// A key (ASCII, no escaping needed) and its `:`, after a comma when needed.
  public mutating func key(_ name: StaticString) {
    if needsComma { out.append(0x2C) }
    needsComma = true
    out.append(0x22)
    out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
    out.append(0x22)
    out.append(0x3A)
  }

  /// A key that may need escaping, and its `:`.
  public mutating func key(_ name: String) {
    if needsComma { out.append(0x2C) }
    needsComma = true
    string(name)
    out.append(0x3A)
  }

  /// A decimal integer.
  public mutating func int(_ value: Int) {
    if value == 0 {
      out.append(0x30)
      return
    }
    var v = value.magnitude
    if value < 0 { out.append(0x2D) }
    var digits:
      (
        UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
        UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
      ) =
        (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var n = 0
    withUnsafeMutableBytes(of: &digits) { d in
      while v > 0 {
        d[n] = UInt8(v % 10) + 0x30
        v /= 10
        n += 1
      }
      for i in stride(from: n - 1, through: 0, by: -1) { out.append(d[i]) }
    }
  }

  /// A string, escaped as JSON requires (`"`, `\\`, control characters).
  public mutating func string(_ value: String) {
    out.append(0x22)
    var s = value
    s.withUTF8 { bytes in
      var clean = true
      for b in bytes where b < 0x20 || b == 0x22 || b == 0x5C {
        clean = false
        break
      }
      if clean {
        out.append(contentsOf: bytes)
        return
      }
      let hex: [UInt8] = Array("0123456789abcdef".utf8)
      for b in bytes {
        switch b {
        case 0x22: out.append(contentsOf: [0x5C, 0x22])
        case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
        case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
        case 0x0D: out.append(contentsOf: [0x5C, 0x72])
        case 0x09: out.append(contentsOf: [0x5C, 0x74])
        case 0..<0x20: out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 15)]])
        default: out.append(b)
        }
      }
    }
    out.append(0x22)
  }
}
