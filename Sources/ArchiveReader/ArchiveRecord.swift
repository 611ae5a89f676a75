public import SlackscoreCore

/// One record the reader keeps: an HTTP response, a resource, a resolved revisit, or a
/// loose HTML file. Its payload is the entity body after de-chunking and undoing any
/// Content-Encoding.
public struct ArchiveRecord: Sendable {
  /// What kind of record this came from.
  public enum Kind: String, Sendable, Codable {
    case response, resource, revisit
    /// A loose `.html`/`.htm`/`.html.gz` file, not an archive record.
    case file
  }

  /// The input file as given.
  public var sourcePath: String
  /// Byte offset of the record (for gzip: of its member) in the file.
  public var offset: Int
  /// Bytes the record takes in the file, when known.
  public var length: Int?
  public var kind: Kind
  /// `WARC-Record-ID` (ARC records have none).
  public var recordID: String?
  /// `WARC-Target-URI` or the ARC URL.
  public var targetURI: String?
  /// Capture time, normalised to ISO 8601 UTC (`2019-05-01T10:00:00Z`) when parseable.
  public var date: String?
  /// `WARC-Payload-Digest` as written in the record, when present.
  public var payloadDigest: String?
  /// The HTTP status line and headers, for response (and resolved revisit) records.
  public var http: HTTPResponseHead?
  /// The payload's media type with parameters (e.g. `text/html; charset=utf-8`).
  public var contentType: String?
  /// The entity body, decoded.
  public var payload: [UInt8]
  /// Things the reader did to get here, e.g. `content-encoding gzip failed: raw bytes kept`.
  public var notes: [String]
  /// For a resolved revisit: the original record whose payload this is.
  public var revisitOf: RecordReference?

  public init(
    sourcePath: String, offset: Int, length: Int? = nil, kind: Kind, recordID: String? = nil,
    targetURI: String? = nil, date: String? = nil, payloadDigest: String? = nil,
    http: HTTPResponseHead? = nil, contentType: String? = nil, payload: [UInt8], notes: [String] = [],
    revisitOf: RecordReference? = nil
  ) {
    self.revisitOf = revisitOf
    self.sourcePath = sourcePath
    self.offset = offset
    self.length = length
    self.kind = kind
    self.recordID = recordID
    self.targetURI = targetURI
    self.date = date
    self.payloadDigest = payloadDigest
    self.http = http
    self.contentType = contentType
    self.payload = payload
    self.notes = notes
  }
}

/// An HTTP response's status line and headers.
public struct HTTPResponseHead: Sendable, Hashable {
  public var status: Int
  public var reason: String
  /// Headers in the order they came, names as written.
  public var headers: [HTTPHeaderField]

  public init(status: Int, reason: String, headers: [HTTPHeaderField]) {
    self.status = status
    self.reason = reason
    self.headers = headers
  }

  /// The first value of a header, case-insensitively.
  public func value(for name: String) -> String? {
    let lower = name.lowercased()
    return headers.first { $0.name.lowercased() == lower }?.value
  }
}

/// One header field.
public struct HTTPHeaderField: Sendable, Hashable {
  public var name: String
  public var value: String

  public init(name: String, value: String) {
    self.name = name
    self.value = value
  }
}

/// Limits against hostile input.
public struct ReaderLimits: Sendable, Hashable {
  /// Largest record block kept in memory; bigger records are skipped and reported.
  public var maxRecordBytes: Int
  /// Largest decompressed payload (guards against gzip bombs).
  public var maxDecompressedBytes: Int

  public init(maxRecordBytes: Int = 256 << 20, maxDecompressedBytes: Int = 256 << 20) {
    self.maxRecordBytes = maxRecordBytes
    self.maxDecompressedBytes = maxDecompressedBytes
  }
}
