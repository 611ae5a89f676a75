import ArchiveReader
import SlackscoreCore
import Testing

/// Damage: lying Content-Length, truncated records and gzip members, garbage between
/// records. Each gives a diagnostic with the file and offset, and the good records stay.
@Suite struct DamageTests {
  static let good = TestArchive.response("http://example.org/good", "good page")

  @Test(arguments: [-4, -2, -1, 1, 2, 5])
  func smallContentLengthErrorsAreRepaired(delta: Int) throws {
    let block = TestArchive.http(body: TestArchive.html("lying length"))
    let liar = TestArchive.warc(
      "response", uri: "http://example.org/liar", block: block, contentLength: block.count + delta)
    let path = TestArchive.write(Self.good + liar + Self.good, name: "liar.warc")
    let scan = try TestArchive.scan([path])
    #expect(
      scan.records.map(\.targetURI) == [
        "http://example.org/good", "http://example.org/liar", "http://example.org/good",
      ])
    #expect(scan.records[1].text.hasSuffix("</html>"))
    let warning = try #require(scan.diagnostics("content-length-mismatch").first)
    #expect(warning.file == path)
    #expect(warning.offset == Self.good.count)
  }

  @Test func farOffContentLengthResyncsOnTheNextRecord() throws {
    let block = TestArchive.http(body: TestArchive.html(String(repeating: "long ", count: 200)))
    let liar = TestArchive.warc("response", uri: "http://example.org/liar", block: block, contentLength: 40)
    let path = TestArchive.write(liar + Self.good, name: "resync.warc")
    let scan = try TestArchive.scan([path])
    #expect(scan.records.last?.targetURI == "http://example.org/good")
    let resync = try #require(scan.diagnostics("resync").first)
    #expect(resync.file == path)
    #expect(resync.offset ?? 0 > 0 && resync.offset ?? 0 < liar.count)
    #expect(resync.message.contains("skipped"))
  }

  @Test func garbageBetweenRecordsIsSkippedAndReported() throws {
    let junk = Array("this is not a record\nnor is this\n".utf8)
    let path = TestArchive.write(Self.good + junk + Self.good, name: "junk.warc")
    let scan = try TestArchive.scan([path])
    #expect(scan.records.count == 2)
    #expect(scan.diagnostics("resync").first?.offset == Self.good.count)
  }

  @Test func truncatedPlainRecordKeepsTheRecordsBefore() throws {
    let last = TestArchive.response("http://example.org/cut", String(repeating: "cut ", count: 100))
    let path = TestArchive.write(Self.good + Self.good + Array(last[..<(last.count - 150)]), name: "cut.warc")
    let scan = try TestArchive.scan([path])
    #expect(scan.records.prefix(2).map(\.targetURI) == ["http://example.org/good", "http://example.org/good"])
    let error = try #require(scan.diagnostics("truncated-record").first)
    #expect(error.severity == .error)
    #expect(error.file == path)
    #expect(error.offset == 2 * Self.good.count)
    // The cut record itself is delivered with a note saying so.
    #expect(scan.records.count == 3)
    #expect(scan.records[2].notes.contains { $0.contains("cut short") })
  }

  @Test func truncatedFinalGzipMemberIsAnErrorWithItsOffset() throws {
    let first = TestArchive.gzip(Self.good)
    let second = TestArchive.gzip(Self.good)
    let third = TestArchive.gzip(TestArchive.response("http://example.org/cut", String(repeating: "z", count: 5000)))
    let path = TestArchive.write(first + second + Array(third[..<(third.count / 2)]), name: "cut.warc.gz")
    let scan = try TestArchive.scan([path])
    #expect(scan.records.prefix(2).allSatisfy { $0.targetURI == "http://example.org/good" })
    let error = try #require(scan.diagnostics("truncated-gzip-member").first)
    #expect(error.severity == .error)
    #expect(error.file == path)
    #expect(error.offset == first.count + second.count)
  }

  @Test func truncatedHeaderIsReported() throws {
    let path = TestArchive.write(
      Self.good + Array("WARC/1.0\r\nWARC-Type: response\r\nContent-Le".utf8), name: "head.warc")
    let scan = try TestArchive.scan([path])
    #expect(scan.records.count == 1)
    #expect(scan.diagnostics("truncated-header").first?.offset == Self.good.count)
  }

  @Test func corruptGzipMemberIsSkippedAndReadingGoesOn() throws {
    var bad = TestArchive.gzip(TestArchive.response("http://example.org/bad", String(repeating: "q", count: 3000)))
    for i in 20..<min(bad.count - 10, 60) { bad[i] ^= 0x5A }
    let first = TestArchive.gzip(Self.good)
    let path = TestArchive.write(first + bad + TestArchive.gzip(Self.good), name: "corrupt.warc.gz")
    let scan = try TestArchive.scan([path])
    #expect(scan.records.filter { $0.targetURI == "http://example.org/good" }.count == 2)
    #expect(scan.diagnostics("corrupt-gzip-member").first?.offset == first.count)
  }
}

/// What real writers put in headers.
@Suite struct HeaderToleranceTests {
  @Test(arguments: ["\n", "\r\n", "\r\r\n"])
  func lineEnds(lineEnd: String) throws {
    let block = TestArchive.http(body: TestArchive.html("line ends"), lineEnd: lineEnd)
    let bytes = TestArchive.warc("response", block: block, lineEnd: lineEnd)
    let scan = try TestArchive.scan([TestArchive.write(bytes, name: "le.warc")])
    let record = try #require(scan.records.first)
    #expect(record.http?.status == 200)
    #expect(record.contentType == "text/html; charset=utf-8")
    #expect(record.text == String(decoding: TestArchive.html("line ends"), as: UTF8.self))
  }

  @Test func anglesSpacesRepeatsAndFoldedLines() throws {
    let text =
      "WARC/1.0\r\nwarc-type: response\r\nWARC-Target-URI: <http://example.org/a b>\r\n"
      + "WARC-Protocol: h2\r\nWARC-Protocol: tls/1.3\r\nWARC-Date: 2024-03-01T10:00:00Z\r\nWARC-Date: 1999-01-01T00:00:00Z\r\n"
      + "WARC-Payload-Digest: sha1:AAAA\r\n  BBBB\r\n"
    let block = TestArchive.http(status: "200 ", body: TestArchive.html("x"))
    let bytes = Array((text + "Content-Length: \(block.count)\r\n\r\n").utf8) + block + Array("\r\n\r\n".utf8)
    let scan = try TestArchive.scan([TestArchive.write(bytes, name: "fields.warc")])
    let record = try #require(scan.records.first)
    #expect(record.targetURI == "http://example.org/a%20b")
    #expect(record.date == "2024-03-01T10:00:00Z")
    #expect(record.payloadDigest == "sha1:AAAA BBBB")
    #expect(record.http?.reason == "")
    #expect(record.notes.contains { $0.contains("WARC-Date") })
  }

  @Test(arguments: [
    ("2024-03-01T10:00:00Z", "2024-03-01T10:00:00Z"),
    ("2024-03-01T10:00:00.123456Z", "2024-03-01T10:00:00Z"),
    ("2008-10-29T23:10:00-0700", "2008-10-30T06:10:00Z"),
    ("2008-10-29T01:10:00+07:00", "2008-10-28T18:10:00Z"),
    ("20080430204825", "2008-04-30T20:48:25Z"),
    ("201404010000000000", "2014-04-01T00:00:00Z"),
    ("2024-03-01", "2024-03-01T00:00:00Z"),
  ])
  func dates(raw: String, normalized: String) {
    #expect(DateNormalizer.normalize(raw) == normalized)
  }

  @Test(arguments: ["2008-10-294T05:45:19-0700", "yesterday", "2024-13-01T00:00:00Z", ""])
  func oddDatesAreNotGuessed(raw: String) {
    #expect(DateNormalizer.normalize(raw) == nil)
  }

  @Test func oddDateIsKeptAsWritten() throws {
    let bytes = TestArchive.warc(
      "response", date: "2008-10-294T05:45:19-0700", block: TestArchive.http(body: TestArchive.html("d")))
    let record = try #require(try TestArchive.scan([TestArchive.write(bytes, name: "d.warc")]).records.first)
    #expect(record.date == "2008-10-294T05:45:19-0700")
  }
}
