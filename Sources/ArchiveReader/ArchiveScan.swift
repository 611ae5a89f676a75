public import SlackscoreCore

/// The reader's front door: every kept record of every input, in input order.
///
/// Inputs may be WARC or ARC files (plain or gzip, sniffed from their first bytes),
/// loose `.html`/`.htm`/`.html.gz` files, or folders of any of these (walked
/// recursively, in byte order of names). Skipped and rejected records are counted in
/// `tally`; problems go to `diagnostics` with file and offset.
public enum ArchiveScan {
  /// Calls `body` for each kept record.
  ///
  /// - Throws: only when an input cannot be opened at all; damage inside a file is a
  ///   diagnostic, and the records before it are still delivered.
  public static func forEachRecord(
    in paths: [String], limits: ReaderLimits = ReaderLimits(), diagnostics: DiagnosticCollector,
    tally: inout RecordTally, _ body: (ArchiveRecord) throws -> Void
  ) throws {
    // Placeholder until the WARC/ARC reader lands: loose HTML files only.
    for path in try InputExpander.expand(paths) {
      let bytes = try FileSystem.readAll(path)
      tally.parsed += 1
      try body(ArchiveRecord(sourcePath: path, offset: 0, kind: .file, payload: bytes))
    }
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
        guard FileSystem.exists(path) else { throw FileError(path: path, operation: "open", errno: 2) }
        result.append(path)
      }
    }
    return result
  }

  static let suffixes = [".warc", ".warc.gz", ".arc", ".arc.gz", ".html", ".htm", ".html.gz", ".htm.gz"]

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
