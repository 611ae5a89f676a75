public import SlackscoreCore

/// The WARC files inside a WACZ (what ArchiveWeb.page and Browsertrix write: a ZIP with
/// `archive/*.warc.gz`, `indexes/`, `pages/pages.jsonl` and `datapackage.json`), each read
/// as its own input named `FILE.wacz#archive/NAME`.
public enum WACZScan {
  /// Archive entries are the ZIP's files under `archive/` whose names look like WARC or ARC files.
  public static let archiveSuffixes = [".warc", ".warc.gz", ".warc.zst", ".arc", ".arc.gz"]

  /// Calls `body` with the address of every archive entry of the ZIP file `path`, in the
  /// byte order of their names, after checking them against `datapackage.json`. A ZIP
  /// that cannot be read, or holds no archive, is a diagnostic and a rejected input.
  public static func forEachArchive(
    in path: String, diagnostics: DiagnosticCollector, tally: inout RecordTally,
    _ body: (String, inout RecordTally) throws -> Void
  ) rethrows {
    func report(_ severity: Diagnostic.Severity, _ file: String, _ offset: Int?, _ code: String, _ message: String) {
      diagnostics.emit(
        Diagnostic(severity: severity, stage: "read", file: file, offset: offset, code: code, message: message))
    }
    let zip: ZipArchive
    do {
      zip = try ZipArchive(path: path)
    } catch {
      tally.reject("unreadable-zip")
      report(.error, path, nil, "unreadable-zip", "\(error.description); check the file with `unzip -t`")
      return
    }
    let archives = zip.entries.filter { entry in
      entry.name.hasPrefix("archive/") && archiveSuffixes.contains { entry.name.lowercased().hasSuffix($0) }
    }.sorted { Array($0.name.utf8).lexicographicallyPrecedes(Array($1.name.utf8)) }
    guard !archives.isEmpty else {
      tally.reject("unsupported-container")
      report(
        .error, path, 0, "unsupported-container",
        "a ZIP file without archive/*.warc(.gz) entries: not a WACZ; unzip it and read the WARC files inside")
      return
    }
    DataPackageCheck.run(zip, archives: archives, report: report)
    for entry in archives {
      let address = ArchiveAddress(file: path, entry: entry.name).description
      do {
        _ = try zip.source(for: entry.name)
      } catch {
        tally.reject("unsupported-zip-entry")
        report(.error, address, 0, "unsupported-zip-entry", "\(error.description); unzip it and read the WARC file")
        continue
      }
      try body(address, &tally)
    }
  }
}
