import ArchiveReader
import SlackscoreCore
import Testing

/// Which records are kept, which are skipped and counted, and how revisits resolve.
@Suite struct RecordTypeTests {
  @Test func skippedTypesAreCountedByType() throws {
    let bytes =
      TestArchive.warc("warcinfo", uri: nil, block: Array("a: b\r\n".utf8))
      + TestArchive.warc("request", block: Array("GET / HTTP/1.1\r\n\r\n".utf8))
      + TestArchive.warc("metadata", block: Array("x: y\r\n".utf8))
      + TestArchive.warc("conversion", extra: [("Content-Type", "text/plain")], block: Array("plain text".utf8))
      + TestArchive.warc("continuation", block: Array("rest".utf8))
      + TestArchive.warc(nil, block: Array("no type".utf8))
      + TestArchive.warc("resource", extra: [("Content-Type", "text/html")], block: TestArchive.html("resource page"))
      + TestArchive.response("http://example.org/r", "response page")
    let scan = try TestArchive.scan([TestArchive.write(bytes, name: "types.warc")])
    #expect(scan.records.map(\.kind) == [.resource, .response])
    #expect(scan.records[0].contentType == "text/html")
    #expect(scan.records[0].http == nil)
    #expect(
      scan.tally.skipped == [
        "warcinfo": 1, "request": 1, "metadata": 1, "conversion": 1, "continuation": 1, "unknown": 1,
      ])
    #expect(scan.tally.total == 8)
  }

  static let digest = "sha1:ORIGINALDIGEST"

  @Test func revisitResolvesByRefersTo() throws {
    let original = TestArchive.warc(
      "response", uri: "http://example.org/p", id: "<urn:uuid:orig>",
      extra: [("WARC-Payload-Digest", Self.digest)], block: TestArchive.http(body: TestArchive.html("original body")))
    let revisit = TestArchive.warc(
      "revisit", uri: "http://example.org/p", date: "2024-05-01T00:00:00Z",
      extra: [
        ("WARC-Refers-To", "<urn:uuid:orig>"),
        ("WARC-Profile", "http://netpreserve.org/warc/1.0/revisit/identical-payload-digest"),
      ],
      block: TestArchive.http(body: []))
    let scan = try TestArchive.scan([TestArchive.write(original + revisit, name: "rev.warc")])
    try #require(scan.records.map(\.kind) == [.response, .revisit])
    #expect(scan.records[1].text == scan.records[0].text)
    #expect(scan.records[1].date == "2024-05-01T00:00:00Z")
    #expect(scan.records[1].http?.status == 200)
  }

  @Test func revisitResolvesByURIAndDigestInALaterFile() throws {
    let folder = TestArchive.folder()
    let revisit = TestArchive.warc(
      "revisit", uri: "http://example.org/q", extra: [("WARC-Payload-Digest", Self.digest)],
      block: TestArchive.http(status: "304 Not Modified", headers: [], body: []))
    let original = TestArchive.warc(
      "response", uri: "http://example.org/q", extra: [("WARC-Payload-Digest", Self.digest)],
      block: TestArchive.http(body: TestArchive.html("found later")))
    let a = TestArchive.write(TestArchive.gzip(revisit), name: "a.warc.gz", in: folder)
    let b = TestArchive.write(
      TestArchive.gzip(TestArchive.response("http://example.org/x", "x")) + TestArchive.gzip(original),
      name: "b.warc.gz", in: folder)
    let scan = try TestArchive.scan([a, b])
    let resolved = try #require(scan.records.last)
    #expect(resolved.kind == .revisit)
    #expect(resolved.sourcePath == a)
    #expect(resolved.text.contains("found later"))
    #expect(resolved.http?.status == 200)  // the original's head, since the revisit says 304
    #expect(scan.tally.parsed == 3)
  }

  @Test func uriAgnosticRevisitResolvesByDigest() throws {
    let original = TestArchive.warc(
      "response", uri: "http://one.example/", extra: [("WARC-Payload-Digest", Self.digest)],
      block: TestArchive.http(body: TestArchive.html("same payload")))
    let revisit = TestArchive.warc(
      "revisit", uri: "http://two.example/", extra: [("WARC-Payload-Digest", Self.digest.lowercased())],
      block: [])
    let scan = try TestArchive.scan([TestArchive.write(original + revisit, name: "agnostic.warc")])
    #expect(scan.records.last?.text.contains("same payload") == true)
  }

  @Test func unresolvedRevisitIsSkippedAndReported() throws {
    let revisit = TestArchive.warc(
      "revisit", uri: "http://example.org/gone", extra: [("WARC-Payload-Digest", "sha1:NOWHERE")], block: [])
    let path = TestArchive.write(revisit, name: "orphan.warc")
    let scan = try TestArchive.scan([path])
    #expect(scan.records.isEmpty)
    #expect(scan.tally.skipped == ["revisit-unresolved": 1])
    #expect(scan.diagnostics("revisit-unresolved").first?.file == path)
  }
}

/// The HTTP layer: chunked bodies, content codings, lying headers.
@Suite struct HTTPDecodingTests {
  static let page = TestArchive.html("decoded page")

  static func scanOne(headers: [(String, String)], body: [UInt8]) throws -> ArchiveRecord {
    let bytes = TestArchive.warc(
      "response", block: TestArchive.http(headers: [("Content-Type", "text/html")] + headers, body: body))
    return try #require(try TestArchive.scan([TestArchive.write(bytes, name: "h.warc")]).records.first)
  }

  static func chunked(_ bytes: [UInt8], sizeFormat: (Int) -> String) -> [UInt8] {
    let half = bytes.count / 2
    return Array("\(sizeFormat(half))\r\n".utf8) + bytes[..<half]
      + Array("\r\n\(sizeFormat(bytes.count - half))\r\n".utf8)
      + bytes[half...] + Array("\r\n0\r\n\r\n".utf8)
  }

  @Test func chunkedWithLeadingZerosUpperCaseAndExtensions() throws {
    let body = Self.chunked(Self.page) { "0000" + String($0, radix: 16, uppercase: true) + ";name=value" }
    let record = try Self.scanOne(headers: [("Transfer-Encoding", "chunked")], body: body)
    #expect(record.payload == Self.page)
  }

  @Test(arguments: ["gzip", "x-gzip", "deflate", "deflate-raw", "br", "identity", "none"])
  func contentEncodings(coding: String) throws {
    let body: [UInt8]
    var header = coding
    switch coding {
    case "gzip", "x-gzip": body = TestArchive.gzip(Self.page)
    case "deflate": body = TestArchive.gzip(Self.page, windowBits: 15)
    case "deflate-raw":
      body = TestArchive.gzip(Self.page, windowBits: -15)
      header = "deflate"
    case "br": body = Self.brotliStored(Self.page)
    default: body = Self.page
    }
    let record = try Self.scanOne(headers: [("Content-Encoding", header)], body: body)
    #expect(record.payload == Self.page)
    #expect(record.notes.isEmpty)
  }

  @Test func chunkedThenGzip() throws {
    let body = Self.chunked(TestArchive.gzip(Self.page)) { String($0, radix: 16) }
    let record = try Self.scanOne(
      headers: [("Transfer-Encoding", "chunked"), ("Content-Encoding", "gzip")], body: body)
    #expect(record.payload == Self.page)
  }

  @Test func lyingHeadersFallBackToRawBytesWithANote() throws {
    let record = try Self.scanOne(
      headers: [("Transfer-Encoding", "chunked"), ("Content-Encoding", "gzip")], body: Self.page)
    #expect(record.payload == Self.page)
    #expect(record.notes.contains { $0.contains("not chunked") })
    #expect(record.notes.contains { $0.contains("raw bytes kept") })
  }

  @Test func http2StatusLineAndUnsupportedCoding() throws {
    let bytes = TestArchive.warc(
      "response",
      block: Array("HTTP/2 200\r\ncontent-type: text/html\r\ncontent-encoding: zstd\r\n\r\n".utf8) + Self.page)
    let record = try #require(try TestArchive.scan([TestArchive.write(bytes, name: "h2.warc")]).records.first)
    #expect(record.http?.status == 200)
    #expect(record.contentType == "text/html")
    #expect(record.payload == Self.page)
    #expect(record.notes == ["content-encoding zstd not supported: raw bytes kept"])
  }

  /// A brotli stream holding `bytes` in one uncompressed meta-block (RFC 7932 §9.2),
  /// written by hand since only the decoder library is linked.
  static func brotliStored(_ bytes: [UInt8]) -> [UInt8] {
    precondition(!bytes.isEmpty && bytes.count <= 65536)
    // WBITS=16 (bit 0 = 0), ISLAST=0, MNIBBLES=4 (00), MLEN-1 in 16 bits, ISUNCOMPRESSED=1.
    let mlen = UInt32(bytes.count - 1)
    let bits: UInt32 = (mlen << 4) | (1 << 20)
    return [UInt8(bits & 0xFF), UInt8((bits >> 8) & 0xFF), UInt8((bits >> 16) & 0xFF)] + bytes + [0x03]
  }
}

/// Limits against hostile input.
@Suite struct LimitTests {
  @Test func gzipBombIsCutAtTheDecompressedLimit() throws {
    let bomb = TestArchive.gzip([UInt8](repeating: 0x41, count: 8 << 20), level: 9)
    let bytes = TestArchive.warc(
      "response", block: TestArchive.http(headers: [("Content-Encoding", "gzip")], body: bomb))
    let limits = ReaderLimits(maxRecordBytes: 1 << 20, maxDecompressedBytes: 1 << 20)
    let scan = try TestArchive.scan([TestArchive.write(bytes, name: "bomb.warc")], limits: limits)
    let record = try #require(scan.records.first)
    #expect(record.payload.count == 1 << 20)
    #expect(record.notes.contains { $0.contains("limit") })
  }

  @Test func recordOverTheSizeLimitIsRejectedAndCounted() throws {
    let big = TestArchive.warc("response", block: TestArchive.http(body: [UInt8](repeating: 0x42, count: 300_000)))
    let path = TestArchive.write(big + TestArchive.response("http://example.org/after", "after"), name: "big.warc")
    let scan = try TestArchive.scan([path], limits: ReaderLimits(maxRecordBytes: 100_000))
    #expect(scan.records.map(\.targetURI) == ["http://example.org/after"])
    #expect(scan.tally.rejected == ["record-too-large": 1])
    #expect(scan.diagnostics("record-too-large").first?.offset == 0)
  }
}
