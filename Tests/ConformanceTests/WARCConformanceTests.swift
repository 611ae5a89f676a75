import ArchiveReader
import SlackscoreCore
import Testing

/// The reader against the real-world files in `$SLACKSCORE_SHARED/data/warc`
/// (see its PROVENANCE.md).
@Suite(.enabled(if: SharedData.isAvailable, "set SLACKSCORE_SHARED (make conformance does)"))
struct WARCConformanceTests {
  static var folder: String { (SharedData.root ?? ".") + "/data/warc" }

  /// What the reader finds in one file: every record (lower-level iterator), HTML
  /// responses, the front door's records and tally, and diagnostics.
  struct Reading {
    var entries: [IndexEntry]
    var records: [ArchiveRecord]
    var tally: RecordTally
    var diagnostics: [Diagnostic]

    var htmlCount: Int { entries.filter(\.isHTML).count }
    func diagnostics(_ code: String) -> [Diagnostic] { diagnostics.filter { $0.code == code } }
  }

  static func read(_ name: String) throws -> Reading {
    let path = folder + "/" + name
    let collector = DiagnosticCollector()
    let reader = try ArchiveFileReader(path: path, diagnostics: collector)
    var entries: [IndexEntry] = []
    if reader.container == .zip {
      // A WACZ: every record of the archives inside it.
      var ignored = RecordTally()
      try WACZScan.forEachArchive(in: path, diagnostics: DiagnosticCollector(), tally: &ignored) { address, _ in
        let inner = try ArchiveFileReader(path: address, diagnostics: collector)
        inner.forEachRawRecord(blockNeed: IndexEntry.blockNeed(for:)) { entries.append(IndexEntry($0, file: address)) }
      }
    } else {
      reader.forEachRawRecord(blockNeed: IndexEntry.blockNeed(for:)) { entries.append(IndexEntry($0, file: path)) }
    }
    let scanDiagnostics = DiagnosticCollector()
    var tally = RecordTally()
    var records: [ArchiveRecord] = []
    try ArchiveScan.forEachRecord(in: [path], diagnostics: scanDiagnostics, tally: &tally) { records.append($0) }
    return Reading(entries: entries, records: records, tally: tally, diagnostics: collector.diagnostics)
  }

  /// Files where warcio and FastWARC agree: (file, records, HTML responses), from PROVENANCE.md.
  static let agreed: [(String, Int, Int)] = [
    ("warcio/example.warc", 6, 1),
    ("warcio/example.warc.gz", 6, 1),
    ("warcio/example-iana.org-chunked.warc", 3, 1),
    ("warcio/example-resource.warc.gz", 3, 1),
    ("warcio/post-test.warc.gz", 6, 0),
    ("warcio/example-digest.warc", 4, 0),
    ("warcio/example-space-in-target-uri.warc.gz", 2, 0),
    ("warcio/example-wget-bad-target-uri.warc.gz", 6, 1),
    ("jwarc/cc.warc.gz", 1, 1),
    ("jwarc/gzip_extra_sl.warc.gz", 1, 0),
    ("resiliparse/warcfile.warc.gz", 50, 16),
    ("resiliparse/clueweb-quirk.warc.gz", 30, 29),
    ("resiliparse/clipped.warc.gz", 1, 1),
    ("resiliparse/block-sized-records.warc", 3, 0),
    ("resiliparse/block-sized-records.warc.gz", 3, 0),
    ("webarchive-commons/IAH-urls-wget.warc.gz", 36, 11),
    ("webarchive-commons/mutliple-headers.warc", 1, 1),
    ("pywb/iana.warc.gz", 343, 20),
    ("pywb/dupes.warc.gz", 25, 1),
    ("pywb/example-extra.warc", 6, 2),
    ("pywb/example-url-agnostic-orig.warc.gz", 2, 1),
    ("pywb/example-url-agnostic-revisit.warc.gz", 2, 0),
    ("pywb/example-wget-1-14.warc.gz", 6, 1),
    ("pywb/example-wpull.warc.gz", 4, 1),
    ("pywb/example2.warc.gz", 3, 1),
    ("pywb/httpbin-resource.warc.gz", 1, 0),
    ("pywb/missing-status-text.warc", 1, 0),
    ("aut/example.warc.gz", 822, 140),
    ("aut/example.docs.warc.gz", 21, 0),
    ("aut/example.txt.warc.gz", 6, 0),
    ("aut/issue-493.warc", 32, 5),
    ("aut/issue-514.warc", 8, 2),
    ("py-wacz/example-collection.warc", 4, 1),
    ("py-wacz/example-warcinfo-metadata.warc", 4, 1),
    ("py-wacz/example-resource.warc.gz", 3, 1),
    ("commoncrawl/whirlwind.warc.gz", 4, 1),
    ("commoncrawl/whirlwind.warc.wet.gz", 2, 0),
    ("commoncrawl/whirlwind.warc.wat.gz", 2, 0),
  ]

  @Test(arguments: agreed)
  func countsMatchWhereWarcioAndFastWARCAgree(file: String, records: Int, html: Int) throws {
    let reading = try Self.read(file)
    #expect(reading.entries.count == records, "records in \(file)")
    #expect(reading.htmlCount == html, "HTML responses in \(file)")
    #expect(reading.tally.total == records, "every record counted once by the front door: \(reading.tally.summary)")
  }

  /// Files where the two disagree, or that only one of them reads (ARC): our counts,
  /// with the reason in the comment.
  static let ours: [(String, Int, Int)] = [
    // Whole file in one gzip member: FastWARC and zcat read 6, warcio refuses.
    ("warcio/example-bad-non-chunked.warc.gz", 6, 1),
    ("warcio/example-bad.warc.gz.bad", 6, 2),
    // Members not aligned with records: FastWARC 2, warcio 1.
    ("warcio/example-wrong-chunks.warc.gz", 2, 1),
    // Content-Length off on 4 of 8 records: FastWARC resyncs (8), warcio stops (4).
    ("webarchive-commons/link-extraction-test.warc", 8, 7),
    // Two stray bytes after a block: warcio 4, FastWARC stops at 3.
    ("warcio/example-trunc.warc", 4, 1),
    // ARC (FastWARC reads none): as warcio.
    ("warcio/example.arc", 2, 1),
    ("warcio/example.arc.gz", 2, 1),
    ("warcio/example-space-in-url.arc", 2, 1),
    ("warcio/bad.arc", 4, 2),
    // Same crawl as aut/example.warc.gz: the same 140 HTML pages.
    ("aut/example.arc.gz", 300, 140),
    // warcio stops after the filedesc (its length is wrong); the records after it are fine.
    ("webarchive-commons/IAH-20080430204825-00000-blackbook-truncated.arc", 9, 2),
    // One gzip member holding a cut ARC file: filedesc, dns, robots.txt, then the cut page.
    ("aut/badexample.arc.gz", 4, 1),
  ]

  @Test(arguments: ours)
  func countsWhereTheReferenceReadersDisagree(file: String, records: Int, html: Int) throws {
    let reading = try Self.read(file)
    #expect(reading.entries.count == records, "records in \(file)")
    #expect(reading.htmlCount == html, "HTML responses in \(file)")
    #expect(reading.tally.total == records)
  }

  @Test func everyFileIsReadWithoutACrash() throws {
    var files: [String] = []
    func walk(_ dir: String) throws {
      for name in try FileSystem.contents(of: dir) {
        let path = dir + "/" + name
        if FileSystem.isDirectory(path) {
          try walk(path)
        } else if name != "PROVENANCE.md" && name != "SHA256SUMS" {
          files.append(String(path.dropFirst(Self.folder.count + 1)))
        }
      }
    }
    try walk(Self.folder)
    #expect(files.count >= 53)
    for file in files {
      let reading = try Self.read(file)
      // Every record is counted; a file that is not an archive at all (LZ4, empty) counts once as rejected.
      let unreadable =
        reading.tally.rejected["unsupported-container", default: 0] + reading.tally.rejected["empty-file", default: 0]
      #expect(reading.tally.total == reading.entries.count + unreadable, "\(file): \(reading.tally.summary)")
      for d in reading.diagnostics {
        #expect(d.file?.hasPrefix(Self.folder + "/" + file) == true && d.offset != nil)
      }
    }
  }

  // MARK: - Deliberately broken files

  @Test func clippedGzipReportsTheCutAndKeepsThePartialRecord() throws {
    let reading = try Self.read("resiliparse/clipped.warc.gz")
    let error = try #require(reading.diagnostics("truncated-gzip-member").first)
    #expect(error.severity == .error && error.offset == 0)
    #expect(error.file?.hasSuffix("resiliparse/clipped.warc.gz") == true)
    #expect(reading.records.count == 1)
    #expect(reading.records[0].notes.contains { $0.contains("cut short") })
  }

  @Test func lyingContentLengthsAreRepairedAndNamed() throws {
    let reading = try Self.read("webarchive-commons/link-extraction-test.warc")
    let repairs = reading.diagnostics("content-length-mismatch") + reading.diagnostics("resync")
    // Two records whose Content-Length swallowed their trailer; the two that are one
    // byte short leave an extra newline, which is tolerated silently.
    #expect(repairs.map(\.offset) == [2807, 3595])
    #expect(repairs.allSatisfy { $0.message.contains("Content-Length") })
    #expect(reading.records.count == 7)
  }

  @Test func strayBytesAfterABlockAreReportedAtTheRecordOffset() throws {
    let reading = try Self.read("warcio/example-trunc.warc")
    #expect(reading.diagnostics("content-length-mismatch").map(\.offset) == [1197])
    #expect(reading.records.map(\.kind) == [.response])
  }

  @Test func brokenARCFilesKeepTheGoodRecordsBeforeTheDamage() throws {
    let bad = try Self.read("warcio/bad.arc")
    #expect(!bad.diagnostics("bad-arc-length").isEmpty)
    #expect(bad.diagnostics("bad-arc-length").allSatisfy { $0.offset != nil })
    let cut = try Self.read("aut/badexample.arc.gz")
    #expect(cut.diagnostics("truncated-record").first?.severity == .error)
    #expect(cut.records.contains { $0.targetURI == "http://www.archive.org/robots.txt" })
  }

  @Test(arguments: ["resiliparse/block-sized-records.warc.lz4"])
  func unsupportedContainersSayWhatToDo(file: String) throws {
    let reading = try Self.read(file)
    let error = try #require(reading.diagnostics("unsupported-container").first)
    #expect(error.offset == 0)
    #expect(error.message.contains("LZ4"))
  }

  // MARK: - Decoding

  @Test func revisitsResolveAcrossFiles() throws {
    let collector = DiagnosticCollector()
    var tally = RecordTally()
    var records: [ArchiveRecord] = []
    let paths = ["pywb/example-url-agnostic-revisit.warc.gz", "pywb/example-url-agnostic-orig.warc.gz"].map {
      Self.folder + "/" + $0
    }
    try ArchiveScan.forEachRecord(in: paths, diagnostics: collector, tally: &tally) { records.append($0) }
    let revisit = try #require(records.first { $0.kind == .revisit })
    let original = try #require(records.first { $0.kind == .response })
    #expect(revisit.payload == original.payload)
    #expect(revisit.targetURI == "http://test@example.com/")
    #expect(tally.skipped["revisit-unresolved"] == nil)
  }

  @Test func iAnaRevisitsResolveWithinTheFile() throws {
    let reading = try Self.read("pywb/iana.warc.gz")
    #expect(reading.tally.skipped["revisit-unresolved", default: 0] < 123)
    #expect(reading.records.filter { $0.kind == .revisit }.allSatisfy { !$0.payload.isEmpty || $0.http?.status != 200 })
  }

  @Test func encodedBodiesAreDecoded() throws {
    // aut#493: gzip-compressed text/html bodies.
    let reading = try Self.read("aut/issue-493.warc")
    let html = reading.records.filter { $0.contentType?.contains("text/html") == true && $0.kind == .response }
    #expect(!html.isEmpty)
    for record in html {
      let head = String(decoding: record.payload.prefix(400), as: UTF8.self).lowercased()
      #expect(head.contains("<"), "decoded HTML expected for \(record.targetURI ?? "?")")
    }
    // ClueWeb: LF-only HTTP headers and an unparseable WARC-Date kept as written.
    let clueweb = try Self.read("resiliparse/clueweb-quirk.warc.gz")
    #expect(clueweb.records.count == 29)
    #expect(clueweb.records.allSatisfy { $0.http != nil })
  }
}
