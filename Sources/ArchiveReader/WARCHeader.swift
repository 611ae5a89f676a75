/// The named fields of a WARC record header that the reader uses. Values are as
/// written, trimmed; `targetURI` is normalised (angle brackets removed, spaces escaped).
public struct WARCHeader: Sendable, Hashable {
  /// `1.0`, `1.1`, `0.17`, `0.18`, … (for ARC: `ARC/1` or `ARC/2`).
  public var version: String = ""
  /// `WARC-Type`, lower-cased (`response`, `request`, …).
  public var type: String?
  public var recordID: String?
  public var targetURI: String?
  /// `WARC-Date` exactly as written.
  public var date: String?
  /// `Content-Type` of the block.
  public var contentType: String?
  /// `Content-Length`, when present and a valid number.
  public var contentLength: Int?
  public var payloadDigest: String?
  public var blockDigest: String?
  public var refersTo: String?
  public var refersToTargetURI: String?
  public var refersToDate: String?
  public var profile: String?
  /// `WARC-Truncated` (`length`, `time`, `disconnect`, `unspecified`).
  public var truncated: String?
  public var identifiedPayloadType: String?
  /// Fields that were repeated (the first value is kept for single-valued fields).
  public var repeatedFields: [String] = []

  public init() {}
}
