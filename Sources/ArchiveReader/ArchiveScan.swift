public import SlackscoreCore

/// The reader's front door: every kept record of every input, in input order.
///
/// Inputs may be WARC files (plain, gzip or zstd) or ARC files (plain or gzip), sniffed
/// from their first bytes, loose `.html`/`.htm`/`.html.gz` files, or folders of any of
/// these (walked recursively, in byte order of names). Skipped and rejected records are counted in
/// `tally`; problems go to `diagnostics` with file and offset.
public enum ArchiveScan {
  /// Record types the pipeline keeps; everything else is skipped and counted by type.
  public static let keptTypes: Set<String> = ["response", "resource", "revisit"]

  /// Calls `body` for each kept record.
  ///
  /// Response and resource records come decoded (HTTP head parsed, body de-chunked and
  /// its Content-Encoding undone). Revisits are resolved to their original's payload
  /// when the original is among the inputs; revisits whose original comes later in the
  /// inputs are delivered after the last input, and those never resolved are skipped
  /// (`revisit-unresolved`) with a warning.
  ///
  /// - Throws: only when an input cannot be opened at all; damage inside a file is a
  ///   diagnostic, and the records before it are still delivered.
  public static func forEachRecord(
    in paths: [String], limits: ReaderLimits = ReaderLimits(), diagnostics: DiagnosticCollector,
    tally: inout RecordTally, _ body: (ArchiveRecord) throws -> Void
  ) throws {
    let resolver = RevisitResolver(limits: limits, diagnostics: diagnostics)
    for path in try InputExpander.expand(paths) {
      try scanFile(path, resolver: resolver, limits: limits, diagnostics: diagnostics, tally: &tally, body)
    }
    for pending in resolver.pending {
      let raw = pending.raw
      let resolved = resolver.original(of: pending.header).flatMap { location in
        pending.block.withUnsafeBytes {
          resolver.resolve(
            header: pending.header, block: $0, offset: raw.offset, length: raw.length, notes: raw.notes,
            path: raw.path, original: location)
        }
      }
      if let record = resolved {
        tally.parsed += 1
        try body(record)
      } else {
        tally.skip("revisit-unresolved")
        diagnostics.emit(
          Diagnostic(
            severity: .warning, stage: "read", file: raw.path, offset: raw.offset, code: "revisit-unresolved",
            message:
              "revisit of \(pending.header.refersTo ?? pending.header.refersToTargetURI ?? pending.header.targetURI ?? "?")"
              + " (\(pending.header.payloadDigest ?? "no digest")): the original record is not among the inputs"))
      }
    }
  }

  /// Reads one input file (for a WACZ, each WARC inside it), delivering its kept records.
  private static func scanFile(
    _ path: String, resolver: RevisitResolver, limits: ReaderLimits, diagnostics: DiagnosticCollector,
    tally: inout RecordTally, _ body: (ArchiveRecord) throws -> Void
  ) throws {
    let reader = try ArchiveFileReader(path: path, limits: limits, diagnostics: diagnostics)
    if reader.isLoosePage {
      if let record = reader.readLoosePage() {
        tally.parsed += 1
        try body(record)
      } else {
        tally.reject("record-too-large")
      }
      return
    }
    if reader.container == .empty && InputExpander.looksLikePage(path) {
      // An empty saved page is still a page: the parse stage reports it with an empty text.
      tally.parsed += 1
      try body(
        ArchiveRecord(sourcePath: path, offset: 0, length: 0, kind: .file, contentType: "text/html", payload: []))
      return
    }
    if reader.container == .zip {
      try WACZScan.forEachArchive(in: path, diagnostics: diagnostics, tally: &tally) { entry, tally in
        try scanFile(entry, resolver: resolver, limits: limits, diagnostics: diagnostics, tally: &tally, body)
      }
      return
    }
    guard reader.isArchive else {
      // Empty or unsupported files get a diagnostic from the reader; count them too.
      tally.reject(reader.container == .empty ? "empty-file" : "unsupported-container")
      reader.forEachRawRecord(blockNeed: { _ in .none }) { _ in }
      return
    }
    var localTally = tally
    try reader.forEachRawRecord(blockNeed: { keptTypes.contains($0) ? .whole : .none }) { raw in
      try handle(
        raw, path: path, resolver: resolver, limits: limits, diagnostics: diagnostics,
        tally: &localTally, body)
    }
    tally = localTally
  }

  private static func handle(
    _ raw: RawArchiveRecord, path: String, resolver: RevisitResolver, limits: ReaderLimits,
    diagnostics: DiagnosticCollector, tally: inout RecordTally, _ body: (ArchiveRecord) throws -> Void
  ) throws {
    if let damage = raw.damage {
      tally.reject(damage)
      return
    }
    guard keptTypes.contains(raw.type) else {
      tally.skip(raw.type)
      return
    }
    guard raw.blockIsComplete || raw.isTruncated else {
      tally.reject("record-too-large")
      diagnostics.emit(
        Diagnostic(
          severity: .warning, stage: "read", file: path, offset: raw.offset, code: "record-too-large",
          message: "the \(raw.type) record's block is \(raw.declaredLength) bytes, over the "
            + "\(limits.maxRecordBytes)-byte limit; skipped"))
      return
    }
    DigestCheck.verify(raw, path: path, diagnostics: diagnostics)
    if raw.type == "revisit" {
      if let location = resolver.original(of: raw.header),
        let record = resolver.resolve(
          header: raw.header, block: raw.block, offset: raw.offset, length: raw.length, notes: raw.notes, path: path,
          original: location)
      {
        tally.parsed += 1
        try body(record)
      } else {
        resolver.deferRevisit(raw, path: path)
      }
      return
    }
    resolver.register(raw)
    tally.parsed += 1
    try body(RecordDecoder.decode(raw, path: path, limits: limits, diagnostics: diagnostics))
  }
}

/// Turns the user's input list (files and folders) into a list of files.
public enum InputExpander {
  /// Files are kept as given; folders are walked recursively and yield the files whose
  /// names look like archives or saved pages. The order is deterministic.
  public static func expand(_ paths: [String]) throws(FileError) -> [String] {
    var result: [String] = []
    for path in paths {
      if FileSystem.isDirectory(path) {
        try walk(path, into: &result)
      } else {
        guard FileSystem.exists(path) || ArchiveAddress(path).entry != nil else {
          throw FileError(path: path, operation: "open", errno: 2)
        }
        result.append(path)
      }
    }
    return result
  }

  /// Whether a file name says it is a saved page (`.html`, `.htm`, maybe `.gz`).
  static func looksLikePage(_ path: String) -> Bool {
    let name = path.lowercased()
    return [".html", ".htm", ".html.gz", ".htm.gz"].contains { name.hasSuffix($0) }
  }

  static let suffixes = [
    ".warc", ".warc.gz", ".warc.zst", ".wacz", ".arc", ".arc.gz", ".html", ".htm", ".html.gz", ".htm.gz",
  ]

  private static func walk(_ folder: String, into result: inout [String]) throws(FileError) {
    for name in try FileSystem.contents(of: folder) where !name.hasPrefix(".") {
      let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
      if FileSystem.isDirectory(path) {
        try walk(path, into: &result)
      } else if suffixes.contains(where: { name.lowercased().hasSuffix($0) }) {
        result.append(path)
      }
    }
  }
}
