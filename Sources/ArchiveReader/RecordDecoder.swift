import SlackscoreCore

/// Turns a framed record into an `ArchiveRecord`: HTTP head parsed, body de-chunked and
/// its Content-Encoding undone (falling back to the raw bytes, with a note, when a
/// header lies).
enum RecordDecoder {
  /// Decodes a response, resource or (unresolved) revisit record whose block is loaded.
  static func decode(
    _ raw: RawArchiveRecord, path: String, limits: ReaderLimits, diagnostics: DiagnosticCollector
  ) -> ArchiveRecord {
    let kind: ArchiveRecord.Kind
    switch raw.type {
    case "resource": kind = .resource
    case "revisit": kind = .revisit
    default: kind = .response
    }
    var notes = raw.notes
    if raw.isTruncated {
      notes.append("record cut short: \(raw.block.count) of \(raw.declaredLength) bytes")
    }
    if let t = raw.header.truncated { notes.append("WARC-Truncated: \(t)") }
    var http: HTTPResponseHead? = nil
    var body = raw.block
    if kind != .resource, let (head, bodyStart) = HTTPMessageParser.parseResponseHead(raw.block) {
      http = head
      body = UnsafeRawBufferPointer(rebasing: raw.block[bodyStart...])
    } else if kind == .response && !(raw.format == .arc) {
      notes.append("no HTTP status line: the whole block is the payload")
    }
    var payload = Array(body)
    if let head = http {
      decodeHTTPBody(&payload, head: head, limits: limits, notes: &notes)
    }
    // The payload's type: the HTTP header, else what the archive identified, else (for
    // blocks without an HTTP head) the record's own Content-Type.
    let contentType =
      kind == .resource
      ? raw.header.contentType ?? raw.header.identifiedPayloadType
      : http?.value(for: "Content-Type") ?? raw.header.identifiedPayloadType
        ?? (http == nil ? raw.header.contentType : nil)
    for note in notes where note.hasPrefix("content-encoding") || note.hasPrefix("transfer-encoding") {
      diagnostics.emit(
        Diagnostic(
          severity: note.contains("limit") ? .warning : .note, stage: "read", file: path, offset: raw.offset,
          code: "http-body", message: note))
    }
    return ArchiveRecord(
      sourcePath: path, offset: raw.offset, length: raw.length, kind: kind, recordID: raw.header.recordID,
      targetURI: raw.header.targetURI, date: normalizedDate(raw.header.date), payloadDigest: raw.header.payloadDigest,
      http: http, contentType: contentType, payload: payload, notes: notes)
  }

  /// `Transfer-Encoding: chunked`, then `Content-Encoding`.
  static func decodeHTTPBody(
    _ payload: inout [UInt8], head: HTTPResponseHead, limits: ReaderLimits, notes: inout [String]
  ) {
    if let te = head.value(for: "Transfer-Encoding"), te.lowercased().contains("chunked") {
      let dechunked = payload.withUnsafeBytes { ChunkedDecoder.decode($0) }
      if let d = dechunked {
        payload = d.bytes
        if d.cutShort { notes.append("transfer-encoding chunked: body ends before the last chunk") }
      } else {
        notes.append("transfer-encoding chunked declared but the body is not chunked: raw bytes kept")
      }
    }
    if let ce = head.value(for: "Content-Encoding"), !payload.isEmpty {
      let decoded = ContentDecoder.decode(payload, encoding: ce, limit: limits.maxDecompressedBytes)
      payload = decoded.bytes
      notes.append(contentsOf: decoded.notes)
    }
  }

  /// ISO 8601 UTC when parseable, else the date as written.
  static func normalizedDate(_ raw: String?) -> String? {
    guard let raw else { return nil }
    return DateNormalizer.normalize(raw) ?? raw
  }
}
