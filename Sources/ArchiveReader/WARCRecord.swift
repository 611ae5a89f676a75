import SlackscoreCore

/// One WARC/1.1 record ready to be written (the writing half of this module; the reading
/// half is ``ArchiveFileReader``): named header fields in order, and the block.
///
/// `Content-Length` and `WARC-Block-Digest` are computed from the block when the record is
/// serialised, so callers cannot get them wrong.
public struct WARCRecord: Sendable {
  /// `WARC-Type` values this writer produces.
  public enum Kind: String, Sendable {
    case warcinfo, request, response, resource, revisit, metadata
  }

  public var kind: Kind
  /// `WARC-Record-ID`, `<urn:uuid:...>`.
  public var recordID: String
  /// `WARC-Date`, ISO 8601 UTC to the second (`2024-05-01T10:00:00Z`).
  public var date: String
  /// Further header fields (after `WARC-Type`, `WARC-Record-ID`, `WARC-Date`), in order.
  public var fields: [(name: String, value: String)]
  /// `Content-Type` of the block.
  public var contentType: String
  /// The block: HTTP message, warc-fields, or raw resource bytes.
  public var block: [UInt8]

  /// A record with a fresh random record ID.
  public init(
    kind: Kind, date: String, fields: [(name: String, value: String)] = [], contentType: String,
    block: [UInt8], recordID: String = WARCRecord.newRecordID()
  ) {
    self.kind = kind
    self.recordID = recordID
    self.date = date
    self.fields = fields
    self.contentType = contentType
    self.block = block
  }

  /// The value of the first field called `name` (case-insensitive), among `fields`.
  public func field(_ name: String) -> String? {
    fields.first { $0.name.lowercased() == name.lowercased() }?.value
  }

  /// The record as one complete gzip member, the unit a `.warc.gz` file is made of.
  public func gzipMember(warcinfoID: String? = nil, level: Int32 = 6) -> [UInt8] {
    GzipMember.compress(serialized(warcinfoID: warcinfoID), level: level)
  }

  /// The record's bytes: version line, header fields, blank line, block, two CRLFs.
  public func serialized(warcinfoID: String? = nil) -> [UInt8] {
    var head = "WARC/1.1\r\n"
    head += "WARC-Type: \(kind.rawValue)\r\n"
    head += "WARC-Record-ID: \(recordID)\r\n"
    head += "WARC-Date: \(date)\r\n"
    for (name, value) in fields { head += "\(name): \(Self.sanitized(value))\r\n" }
    if let warcinfoID, kind != .warcinfo { head += "WARC-Warcinfo-ID: \(warcinfoID)\r\n" }
    head += "WARC-Block-Digest: \(ContentDigest.sha1(block).description)\r\n"
    head += "Content-Type: \(contentType)\r\n"
    head += "Content-Length: \(block.count)\r\n\r\n"
    var bytes = Array(head.utf8)
    bytes.reserveCapacity(bytes.count + block.count + 4)
    bytes.append(contentsOf: block)
    bytes.append(contentsOf: [13, 10, 13, 10])
    return bytes
  }

  /// A random (version 4) UUID as a WARC record ID: `<urn:uuid:…>`.
  public static func newRecordID() -> String {
    var generator = SystemRandomNumberGenerator()
    var bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
    bytes[6] = (bytes[6] & 0x0F) | 0x40
    bytes[8] = (bytes[8] & 0x3F) | 0x80
    let hex = Hex.encode(bytes)
    let parts = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { range in
      String(hex.dropFirst(range.lowerBound).prefix(range.count))
    }
    return "<urn:uuid:\(parts.joined(separator: "-"))>"
  }

  /// Header values must stay on one line: CR and LF become spaces.
  public static func sanitized(_ value: String) -> String {
    guard value.utf8.contains(where: { $0 == 10 || $0 == 13 }) else { return value }
    return String(value.map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
  }
}
