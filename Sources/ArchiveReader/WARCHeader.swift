/// The named fields of a WARC record header that the reader uses. Values are as
/// written, trimmed; `targetURI` is normalised (angle brackets removed, spaces escaped).
public struct WARCHeader: Sendable, Hashable {
  /// `1.0`, `1.1`, `0.17`, `0.18`, … (for ARC: `ARC/1` or `ARC/2`).
  public var version: String = ""
  /// `WARC-Type`, lower-cased (`response`, `request`, …).
  public var type: String?
  /// `WARC-Record-ID`, with its angle brackets.
  public var recordID: String?
  /// `WARC-Target-URI`, cleaned.
  public var targetURI: String?
  /// `WARC-Date` exactly as written.
  public var date: String?
  /// `Content-Type` of the block.
  public var contentType: String?
  /// `Content-Length`, when present and a valid number.
  public var contentLength: Int?
  /// `WARC-Payload-Digest`.
  public var payloadDigest: String?
  /// `WARC-Block-Digest`.
  public var blockDigest: String?
  /// `WARC-Refers-To` (revisits: the original's record id).
  public var refersTo: String?
  /// `WARC-Refers-To-Target-URI`, cleaned.
  public var refersToTargetURI: String?
  /// `WARC-Refers-To-Date`.
  public var refersToDate: String?
  /// `WARC-Profile` (revisit profiles).
  public var profile: String?
  /// `WARC-Truncated` (`length`, `time`, `disconnect`, `unspecified`).
  public var truncated: String?
  /// `WARC-Identified-Payload-Type`.
  public var identifiedPayloadType: String?
  /// Fields that were repeated (the first value is kept for single-valued fields).
  public var repeatedFields: [String] = []

  /// An empty header.
  public init() {}
}
