import SlackscoreCore

/// Checks a record's `WARC-Block-Digest` and `WARC-Payload-Digest` (sha1 or sha256, base32
/// or hex) against its bytes while it is read. A mismatch is a warning with the record's
/// offset; the record is still used. Digests in other algorithms or unreadable forms are
/// not checked.
enum DigestCheck {
  /// Checks `raw`, whose block must be loaded whole. The payload digest is not checked on
  /// revisits (it names the original's payload).
  static func verify(_ raw: RawArchiveRecord, path: String, diagnostics: DiagnosticCollector) {
    guard raw.blockIsComplete && !raw.isTruncated else { return }
    if let text = raw.header.blockDigest, let expected = ContentDigest(text) {
      let actual = ContentDigest.of(raw.block, algorithm: expected.algorithm)
      if actual != expected { report(raw, path, "WARC-Block-Digest", "block", text, actual, diagnostics) }
    }
    guard raw.type != "revisit", let text = raw.header.payloadDigest, let expected = ContentDigest(text) else { return }
    var payload = raw.block
    var head: HTTPResponseHead? = nil
    if raw.type != "resource", let (parsed, bodyStart) = HTTPMessageParser.parseResponseHead(raw.block) {
      head = parsed
      payload = UnsafeRawBufferPointer(rebasing: raw.block[bodyStart...])
    }
    let actual = ContentDigest.of(payload, algorithm: expected.algorithm)
    if actual == expected { return }
    // Some writers hash the body after undoing its chunked transfer encoding.
    if let te = head?.value(for: "Transfer-Encoding"), te.lowercased().contains("chunked"),
      let dechunked = ChunkedDecoder.decode(payload),
      dechunked.bytes.withUnsafeBytes({ ContentDigest.of($0, algorithm: expected.algorithm) }) == expected
    {
      return
    }
    report(raw, path, "WARC-Payload-Digest", "payload", text, actual, diagnostics)
  }

  private static func report(
    _ raw: RawArchiveRecord, _ path: String, _ field: String, _ part: String, _ expected: String,
    _ actual: ContentDigest, _ diagnostics: DiagnosticCollector
  ) {
    diagnostics.emit(
      Diagnostic(
        severity: .warning, stage: "read", file: path, offset: raw.offset, code: "\(part)-digest-mismatch",
        message: "the \(raw.type) record's \(field) is \(expected) but its \(part) hashes to \(actual): the bytes "
          + "changed after capture (damage, or a tool that rewrote them); the record is read as it is"))
  }
}
