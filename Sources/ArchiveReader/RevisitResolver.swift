import SlackscoreCore

/// Resolves revisit records to the payload of the record they repeat, across all
/// inputs: by `WARC-Refers-To` (record id), else by target URI + payload digest (the
/// `WARC-Refers-To-Target-URI` or the revisit's own URI), else by payload digest alone
/// (URI-agnostic revisits). The original is read again from its file when needed, so
/// only locations are kept in memory, under 128-bit digests of the ids, URIs and payload
/// digests rather than the strings: about 150 bytes a record whatever its URI's length.
final class RevisitResolver {
  private var byID: [TextKey: RecordLocation] = [:]
  private var byURIAndDigest: [TextKey: RecordLocation] = [:]
  private var byDigest: [TextKey: RecordLocation] = [:]

  private let limits: ReaderLimits
  private let diagnostics: DiagnosticCollector

  /// A revisit whose original had not been seen yet when it was read.
  struct Pending {
    var header: WARCHeader
    var block: [UInt8]
    var raw: RawArchiveRecordCopy
  }

  /// The owned parts of a raw record (its block lives only during the callback).
  struct RawArchiveRecordCopy {
    var format: RawArchiveRecord.Format
    var header: WARCHeader
    var offset: Int
    var length: Int?
    var location: RecordLocation
    var notes: [String]
    var path: String
  }

  private(set) var pending: [Pending] = []

  init(limits: ReaderLimits, diagnostics: DiagnosticCollector) {
    self.limits = limits
    self.diagnostics = diagnostics
  }

  /// Remembers where a response or resource record is.
  func register(_ raw: RawArchiveRecord) {
    if let id = raw.header.recordID.map(TextKey.init), byID[id] == nil { byID[id] = raw.location }
    if let digest = raw.header.payloadDigest.map(Self.normalizedDigest) {
      if let uri = raw.header.targetURI {
        let key = TextKey(uri + " " + digest)
        if byURIAndDigest[key] == nil { byURIAndDigest[key] = raw.location }
      }
      let key = TextKey(digest)
      if byDigest[key] == nil { byDigest[key] = raw.location }
    }
  }

  /// Where the original of a revisit is, if it has been seen.
  func original(of header: WARCHeader) -> RecordLocation? {
    if let id = header.refersTo, let location = byID[TextKey(id)] { return location }
    guard let digest = header.payloadDigest.map(Self.normalizedDigest) else { return nil }
    if let uri = header.refersToTargetURI, let location = byURIAndDigest[TextKey(uri + " " + digest)] {
      return location
    }
    if let uri = header.targetURI, let location = byURIAndDigest[TextKey(uri + " " + digest)] { return location }
    return byDigest[TextKey(digest)]
  }

  /// Keeps a revisit to try again once every input has been read.
  func deferRevisit(_ raw: RawArchiveRecord, path: String) {
    pending.append(
      Pending(
        header: raw.header, block: Array(raw.block),
        raw: RawArchiveRecordCopy(
          format: raw.format, header: raw.header, offset: raw.offset, length: raw.length, location: raw.location,
          notes: raw.notes, path: path)))
  }

  /// Builds the resolved record: the revisit's identity and date with the original's
  /// payload. The HTTP head is the revisit's own when it has one (other than 304),
  /// else the original's.
  func resolve(
    header: WARCHeader, block: UnsafeRawBufferPointer, offset: Int, length: Int?, notes: [String], path: String,
    original location: RecordLocation
  ) -> ArchiveRecord? {
    guard let original = ArchiveFileReader.readRecord(at: location, limits: limits, diagnostics: diagnostics) else {
      return nil
    }
    var notes = notes
    var http = original.http
    if let (head, _) = HTTPMessageParser.parseResponseHead(block), head.status != 304 {
      http = head
    }
    notes.append(
      "revisit resolved to \(original.recordID ?? "the record") in \(original.sourcePath) at offset \(original.offset)")
    return ArchiveRecord(
      sourcePath: path, offset: offset, length: length, kind: .revisit, recordID: header.recordID,
      targetURI: header.targetURI, date: RecordDecoder.normalizedDate(header.date),
      payloadDigest: header.payloadDigest ?? original.payloadDigest, http: http,
      contentType: http?.value(for: "Content-Type") ?? original.contentType, payload: original.payload, notes: notes,
      revisitOf: RecordReference(path: original.sourcePath, offset: original.offset, recordId: original.recordID))
  }

  /// `sha1:ABC…` with the algorithm lower-cased and the value upper-cased (base32).
  static func normalizedDigest(_ digest: String) -> String {
    guard let colon = digest.firstIndex(of: ":") else { return digest.uppercased() }
    return digest[..<colon].lowercased() + ":" + digest[digest.index(after: colon)...].uppercased()
  }
}
