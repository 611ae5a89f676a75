import ArchiveReader
import SlackscoreCore
import Testing

/// `WARC-Block-Digest` and `WARC-Payload-Digest` are checked on read: a mismatch is a
/// warning with the record's offset, and the record is still used.
@Suite struct DigestTests {
  static func record(body: String, payloadDigest: String? = nil, blockDigest: String? = nil) -> [UInt8] {
    let block = TestArchive.http(body: Array(body.utf8))
    let bodyBytes = Array(body.utf8)
    let payload = payloadDigest ?? ContentDigest.sha1(bodyBytes).description
    let blockValue = blockDigest ?? ContentDigest.sha1(block).description
    return TestArchive.warc(
      "response", uri: "http://example.org/\(body.count)",
      extra: [("WARC-Payload-Digest", payload), ("WARC-Block-Digest", blockValue)], block: block)
  }

  @Test func matchingDigestsGiveNoDiagnostic() throws {
    let sha256 = Array("<p>sha256</p>".utf8).withUnsafeBytes { ContentDigest.of($0, algorithm: .sha256) }
    let path = TestArchive.write(
      Self.record(body: "<p>good</p>") + Self.record(body: "<p>sha256</p>", payloadDigest: sha256.description),
      name: "good.warc")
    let scan = try TestArchive.scan([path])
    #expect(scan.records.count == 2)
    #expect(scan.diagnostics.isEmpty)
  }

  @Test func mismatchesAreWarningsWithTheOffset() throws {
    let good = Self.record(body: "<p>good</p>")
    let wrong = ContentDigest.sha1(Array("something else".utf8)).description
    let bad = Self.record(body: "<p>changed</p>", payloadDigest: wrong, blockDigest: wrong)
    let path = TestArchive.write(good + bad, name: "bad.warc")
    let scan = try TestArchive.scan([path])
    #expect(scan.records.count == 2)
    for code in ["payload-digest-mismatch", "block-digest-mismatch"] {
      let warning = try #require(scan.diagnostics(code).first)
      #expect(warning.severity == .warning)
      #expect(warning.offset == good.count)
      #expect(warning.message.contains(wrong))
    }
  }

  @Test func chunkedBodiesMatchEitherWay() throws {
    let chunked = "5\r\nhello\r\n0\r\n\r\n"
    let block = TestArchive.http(
      headers: [("Content-Type", "text/html"), ("Transfer-Encoding", "chunked")], body: Array(chunked.utf8))
    let records = [
      ContentDigest.sha1(Array(chunked.utf8)).description, ContentDigest.sha1(Array("hello".utf8)).description,
    ].map {
      TestArchive.warc("response", extra: [("WARC-Payload-Digest", $0)], block: block)
    }
    let scan = try TestArchive.scan([TestArchive.write(records.flatMap { $0 }, name: "chunked.warc")])
    #expect(scan.records.count == 2)
    #expect(scan.diagnostics.isEmpty)
  }

  @Test func unreadableDigestsAreNotChecked() throws {
    let path = TestArchive.write(
      Self.record(body: "<p>a</p>", payloadDigest: "md5:abc", blockDigest: "sha1:NOTBASE32!"), name: "odd.warc")
    #expect(try TestArchive.scan([path]).diagnostics.isEmpty)
  }
}
