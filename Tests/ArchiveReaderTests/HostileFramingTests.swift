import ArchiveReader
import SlackscoreCore
import Testing

/// Hostile framing between good records: every good record comes out, the damaged one is
/// counted as rejected with a reason, and nothing is lost or counted twice.
@Suite struct HostileFramingTests {
  static func good(_ n: Int) -> [UInt8] { TestArchive.response("http://example.org/good-\(n)", "good page \(n)") }

  /// A response record whose Content-Length is `length` (the block itself is short).
  static func liar(length: Int) -> [UInt8] {
    TestArchive.warc(
      "response", uri: "http://example.org/liar", block: TestArchive.http(body: TestArchive.html("liar")),
      contentLength: length)
  }

  static let goodURIs = (1...3).map { "http://example.org/good-\($0)" }

  static func check(_ scan: TestArchive.Scan, rejected: Int = 1, file: String) {
    #expect(scan.records.map(\.targetURI) == Self.goodURIs)
    #expect(scan.tally.parsed == 3)
    #expect(scan.tally.rejectedTotal == rejected)
    #expect(scan.tally.total == 3 + rejected)
    #expect(scan.diagnostics.contains { $0.severity == .error && $0.file == file })
  }

  @Test(arguments: [Int.max, Int.max / 2, 1 << 40, 5_000, 70_000])
  func contentLengthPastTheEndInPlainWARC(length: Int) throws {
    let path = TestArchive.write(
      Self.good(1) + Self.liar(length: length) + Self.good(2) + Self.good(3), name: "liar.warc")
    let scan = try TestArchive.scan([path])
    Self.check(scan, file: path)
    let error = try #require(scan.diagnostics("bad-content-length").first)
    #expect(error.offset == Self.good(1).count)
  }

  @Test(arguments: [Int.max, 1 << 40, 5_000, 70_000])
  func contentLengthPastTheEndInPerRecordGzip(length: Int) throws {
    let members = [Self.good(1), Self.liar(length: length), Self.good(2), Self.good(3)].map { TestArchive.gzip($0) }
    let path = TestArchive.write(members.flatMap { $0 }, name: "liar.warc.gz")
    let scan = try TestArchive.scan([path])
    Self.check(scan, file: path)
    #expect(scan.diagnostics("bad-content-length").first?.offset == members[0].count)
  }

  @Test func gzipMemberCutShortInTheMiddleOfTheFile() throws {
    let cut = TestArchive.gzip(TestArchive.response("http://example.org/cut", String(repeating: "zq", count: 4000)))
    let m1 = TestArchive.gzip(Self.good(1))
    let bytes = m1 + Array(cut[..<(cut.count / 2)]) + TestArchive.gzip(Self.good(2)) + TestArchive.gzip(Self.good(3))
    let path = TestArchive.write(bytes, name: "cut.warc.gz")
    let scan = try TestArchive.scan([path])
    Self.check(scan, file: path)
    #expect(scan.tally.rejected["corrupt-gzip-member"] == 1)
    #expect(scan.diagnostics("corrupt-gzip-member").first?.offset == m1.count)
  }

  @Test func gzipMemberWithALyingSizeIsKeptWithAWarning() throws {
    var lying = TestArchive.gzip(Self.good(2))
    lying[lying.count - 4] ^= 0x01  // ISIZE, the last four bytes; the CRC still matches
    let bytes = TestArchive.gzip(Self.good(1)) + lying + TestArchive.gzip(Self.good(3))
    let path = TestArchive.write(bytes, name: "isize.warc.gz")
    let scan = try TestArchive.scan([path])
    #expect(scan.records.map(\.targetURI) == Self.goodURIs)
    #expect(scan.tally.parsed == 3 && scan.tally.rejectedTotal == 0)
    let warning = try #require(scan.diagnostics("gzip-size-mismatch").first)
    #expect(warning.severity == .warning)
    #expect(!scan.diagnostics.contains { $0.severity == .error })
  }

  @Test func indexListsTheGoodRecordsAfterAHugeContentLength() throws {
    let path = TestArchive.write(
      Self.good(1) + Self.liar(length: Int.max) + Self.good(2) + Self.good(3), name: "index.warc")
    let index = try TestArchive.index(path)
    #expect(index.entries.compactMap(\.targetURI).filter { $0.contains("good") } == Self.goodURIs)
  }
}
