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
  /// The fields without a property above (`WARC-Concurrent-To`, `WARC-IP-Address`,
  /// `WARC-Source-URI`, …), names as written, in order.
  public var otherFields: [HTTPHeaderField] = []

  /// An empty header.
  public init() {}

  /// The value of the field called `name` (any case): the property that holds it, or the
  /// first of `otherFields` with that name.
  public subscript(_ name: String) -> String? {
    let lowered = name.lowercased()
    switch lowered {
    case "warc-type": return type
    case "warc-record-id": return recordID
    case "warc-target-uri": return targetURI
    case "warc-date": return date
    case "content-type": return contentType
    case "content-length": return contentLength.map(String.init)
    case "warc-payload-digest": return payloadDigest
    case "warc-block-digest": return blockDigest
    case "warc-refers-to": return refersTo
    case "warc-refers-to-target-uri": return refersToTargetURI
    case "warc-refers-to-date": return refersToDate
    case "warc-profile": return profile
    case "warc-truncated": return truncated
    case "warc-identified-payload-type": return identifiedPayloadType
    default: return otherFields.first { $0.name.lowercased() == lowered }?.value
    }
  }
}
