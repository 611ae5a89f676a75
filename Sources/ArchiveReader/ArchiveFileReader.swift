public import SlackscoreCore

/// Reads one input file: sniffs its container from the first bytes, then yields every
/// record (the lower-level iterator `slackscore index` uses; `ArchiveScan` builds on it).
public final class ArchiveFileReader {
  /// The path as given.
  public let path: String
  /// What the file holds, from its first bytes.
  public let container: Container
  private let input: FileInput
  /// The decompressed stream of a gzip or zstd file; nil for a plain file.
  private let decoded: SegmentedStream?
  private let limits: ReaderLimits
  private let diagnostics: DiagnosticCollector

  /// Opens and sniffs `path`.
  ///
  /// - Throws: `FileError` when the file cannot be opened or read at all.
  public init(path: String, limits: ReaderLimits = ReaderLimits(), diagnostics: DiagnosticCollector) throws(FileError) {
    self.path = path
    self.limits = limits
    self.diagnostics = diagnostics
    let input = try FileInput(path: path)
    self.input = input
    input.fill(minimum: 64)
    if let e = input.readError { throw FileError(path: path, operation: "read", errno: e) }
    let first = Array(input.bytes.prefix(64))
    let decoded = Self.decodedStream(input: input, diagnostics: diagnostics)
    _ = decoded?.fill(atLeast: 256)
    self.decoded = decoded
    container = first.withUnsafeBytes { ContainerSniffer.sniff(raw: $0, decompressed: decoded?.available, path: path) }
  }

  /// A decompressing stream when `input` starts with gzip or zstd bytes.
  private static func decodedStream(input: FileInput, diagnostics: DiagnosticCollector) -> SegmentedStream? {
    let raw = input.bytes
    if raw.count >= 2 && raw[0] == 0x1F && raw[1] == 0x8B {
      return GzipMemberReader(input: input, diagnostics: diagnostics)
    }
    if ZstdFrameReader.looksLikeZstd(raw) { return ZstdFrameReader(input: input, diagnostics: diagnostics) }
    return nil
  }

  /// Whether the file is an archive (WARC or ARC) rather than a loose page.
  public var isArchive: Bool {
    switch container {
    case .warc, .warcGzip, .warcZstd, .arc, .arcGzip: true
    default: false
    }
  }

  /// Whether the file is a loose `.html`/`.htm` page (maybe gzip-compressed).
  public var isLoosePage: Bool { container == .html || container == .htmlGzip }

  /// Calls `body` with every record of an archive, in file order, including the types
  /// the pipeline skips. `blockNeed` says, per record type, how much of the block to
  /// load. Non-archive files yield nothing (and a diagnostic when they are not pages).
  public func forEachRawRecord(
    blockNeed: (String) -> BlockNeed, _ body: (RawArchiveRecord) throws -> Void
  ) rethrows {
    try forEach(limit: Int.max, blockNeed: blockNeed, body)
  }

  private func forEach(
    limit: Int, blockNeed: (String) -> BlockNeed, _ body: (RawArchiveRecord) throws -> Void
  ) rethrows {
    let format: RawArchiveRecord.Format
    switch container {
    case .warc, .warcGzip, .warcZstd: format = .warc
    case .arc, .arcGzip: format = .arc
    case .html, .htmlGzip: return
    case .empty:
      diagnostics.emit(
        Diagnostic(
          severity: .warning, stage: "read", file: path, offset: 0, code: "empty-file", message: "the file is empty"))
      return
    default:
      diagnostics.emit(
        Diagnostic(
          severity: .error, stage: "read", file: path, offset: 0, code: "unsupported-container",
          message: Self.unsupportedMessage(container)))
      return
    }
    if let decoded {
      try RecordFraming(stream: decoded, path: path, format: format, limits: limits, diagnostics: diagnostics)
        .run(limit: limit, blockNeed: blockNeed, body)
    } else {
      let plain = PlainByteStream(input: input)
      try RecordFraming(stream: plain, path: path, format: format, limits: limits, diagnostics: diagnostics)
        .run(limit: limit, blockNeed: blockNeed, body)
    }
  }

  private static func unsupportedMessage(_ container: Container) -> String {
    switch container {
    case .lz4: "LZ4-compressed WARC is not supported; decompress it first (lz4 -d)"
    case .zstd: "zstd data that is not a WARC (or whose first frame cannot be read); check it with zstd -t"
    case .zip: "ZIP/WACZ file: read the WARC files inside it as FILE.wacz#archive/NAME (ArchiveScan does so)"
    default: "not a WARC, ARC or HTML file (first bytes do not match any known format)"
    }
  }

  /// A loose page as one record: the whole file (gunzipped for `.html.gz`). Nil, with a
  /// diagnostic, when it is over the size limits.
  public func readLoosePage() -> ArchiveRecord? {
    let limit = container == .htmlGzip ? limits.maxDecompressedBytes : limits.maxRecordBytes
    let bytes: UnsafeRawBufferPointer
    if let decoded {
      _ = decoded.fill(atLeast: limit + 1)
      bytes = decoded.available
    } else {
      input.fill(minimum: limit + 1)
      bytes = input.bytes
    }
    guard bytes.count <= limit else {
      diagnostics.emit(
        Diagnostic(
          severity: .warning, stage: "read", file: path, offset: 0, code: "record-too-large",
          message: "the page is larger than the \(limit)-byte limit and was skipped"))
      return nil
    }
    return ArchiveRecord(
      sourcePath: path, offset: 0, length: FileSystem.size(of: path), kind: .file,
      contentType: "text/html", payload: Array(bytes))
  }

  /// Reads the single record at `location` again and decodes it (used to resolve revisits).
  static func readRecord(
    at location: RecordLocation, limits: ReaderLimits, diagnostics: DiagnosticCollector
  ) -> ArchiveRecord? {
    guard let input = try? FileInput(path: location.path) else { return nil }
    input.fill(minimum: 64)
    // Quiet: problems with this record were reported when it was first read.
    let quiet = DiagnosticCollector()
    let decoded = decodedStream(input: input, diagnostics: quiet)
    _ = decoded?.fill(atLeast: 32)
    let head = decoded?.available ?? input.bytes
    let format: RawArchiveRecord.Format = ContainerSniffer.classifyText(head, path: "") == .arc ? .arc : .warc
    var result: ArchiveRecord? = nil
    let body: (RawArchiveRecord) -> Void = { record in
      guard record.blockIsComplete || record.isTruncated else { return }
      result = RecordDecoder.decode(record, path: location.path, limits: limits, diagnostics: quiet)
    }
    if let decoded {
      decoded.rewind(to: location, position: location.skip)
      RecordFraming(stream: decoded, path: location.path, format: format, limits: limits, diagnostics: quiet)
        .run(limit: 1, blockNeed: { _ in .whole }, body)
    } else {
      input.seek(to: location.fileOffset)
      let stream = PlainByteStream(input: input)
      RecordFraming(stream: stream, path: location.path, format: format, limits: limits, diagnostics: quiet)
        .run(limit: 1, blockNeed: { _ in .whole }, body)
    }
    return result
  }
}
