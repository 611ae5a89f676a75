import ArchiveReader
import SlackscoreCore
import Testing

/// WACZ files built in the test (a ZIP with archive/, indexes/, pages/ and datapackage.json):
/// the WARCs inside are read, stored or deflated, with addresses that name the entry.
@Suite struct WACZTests {
  static let first = TestArchive.response("http://example.org/one", "first page")
  static let second = TestArchive.response("http://example.org/two", "second page")

  static func datapackage(_ resources: [(String, [UInt8])]) -> [UInt8] {
    let items = resources.map { name, bytes in
      let hash = bytes.withUnsafeBytes { ContentDigest.of($0, algorithm: .sha256) }
      return "{\"name\": \"x\", \"path\": \"\(name)\", \"hash\": \"\(hash)\", \"bytes\": \(bytes.count)}"
    }
    return Array("{\"profile\": \"data-package\", \"resources\": [\(items.joined(separator: ", "))]}".utf8)
  }

  static func wacz(deflated: Bool, package: [UInt8]? = nil) -> (bytes: [UInt8], gz: [UInt8], plain: [UInt8]) {
    let gz = TestArchive.gzip(first) + TestArchive.gzip(second)
    let plain = second
    let entries = [
      TestZip.Entry(name: "pages/pages.jsonl", bytes: Array("{\"format\": \"json-pages-1.0\"}\n".utf8)),
      TestZip.Entry(name: "archive/data.warc.gz", bytes: gz, deflated: deflated),
      TestZip.Entry(name: "archive/more.warc", bytes: plain, deflated: deflated),
      TestZip.Entry(name: "indexes/index.cdxj", bytes: Array("com,example)/ 2024 {}\n".utf8), deflated: true),
      TestZip.Entry(
        name: "datapackage.json",
        bytes: package ?? datapackage([("archive/data.warc.gz", gz), ("archive/more.warc", plain)])),
    ]
    return (TestZip.make(entries), gz, plain)
  }

  @Test(arguments: [false, true])
  func recordsInsideAreReadWithEntryAddresses(deflated: Bool) throws {
    let made = Self.wacz(deflated: deflated)
    let path = TestArchive.write(made.bytes, name: "crawl.wacz")
    let scan = try TestArchive.scan([path])
    #expect(
      scan.records.map(\.targetURI) == ["http://example.org/one", "http://example.org/two", "http://example.org/two"])
    #expect(
      scan.records.map(\.sourcePath) == [
        path + "#archive/data.warc.gz", path + "#archive/data.warc.gz", path + "#archive/more.warc",
      ])
    // Offsets are inside the entry: the second gzip member starts where the first ends.
    #expect(scan.records.map(\.offset) == [0, TestArchive.gzip(Self.first).count, 0])
    #expect(scan.diagnostics.isEmpty)
    // The address opens like a file: the index and a re-read find the same bytes.
    let index = try TestArchive.index(path + "#archive/data.warc.gz")
    #expect(index.entries.map(\.offset) == [0, TestArchive.gzip(Self.first).count])
  }

  @Test func folderWalkFindsWACZFiles() throws {
    let folder = TestArchive.folder()
    _ = TestArchive.write(Self.wacz(deflated: false).bytes, name: "crawl.wacz", in: folder)
    #expect(try TestArchive.scan([folder]).records.count == 3)
  }

  @Test func hashMismatchIsAWarningAndTheRecordsAreStillRead() throws {
    let package = Self.datapackage([("archive/data.warc.gz", Array("other bytes".utf8))])
    let path = TestArchive.write(Self.wacz(deflated: false, package: package).bytes, name: "changed.wacz")
    let scan = try TestArchive.scan([path])
    #expect(scan.records.count == 3)
    let mismatch = try #require(scan.diagnostics("wacz-hash-mismatch").first)
    #expect(mismatch.file == path + "#archive/data.warc.gz")
    #expect(mismatch.severity == .warning)
    #expect(scan.diagnostics("wacz-unlisted-archive").first?.file == path + "#archive/more.warc")
  }

  @Test func damagedZipIsADiagnosticNotACrash() throws {
    var bytes = Self.wacz(deflated: true).bytes
    bytes.removeLast(30)
    let cut = TestArchive.write(bytes, name: "cut.wacz")
    let notWACZ = TestArchive.write(TestZip.make([.init(name: "readme.txt", bytes: [1, 2, 3])]), name: "plain.zip")
    let scan = try TestArchive.scan([cut, notWACZ])
    #expect(scan.records.isEmpty)
    #expect(scan.diagnostics("unreadable-zip").first?.file == cut)
    #expect(scan.diagnostics("unsupported-container").first?.file == notWACZ)
    #expect(scan.tally.rejected == ["unreadable-zip": 1, "unsupported-container": 1])
  }
}
