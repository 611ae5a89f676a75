import ArchiveReader
import Fetch
import Foundation
import SlackscoreCore
import Testing

@Suite struct WARCWriterTests {
  private func writer(_ folder: String, maxFileBytes: Int = 1 << 30) -> WARCWriter {
    WARCWriter(
      options: .init(
        folder: folder, prefix: "test", maxFileBytes: maxFileBytes,
        warcinfoFields: [("software", "slackscore-tests"), ("format", "WARC File Format 1.1")]),
      runStamp: "20240501100000")
  }

  private func responsePair(_ uri: String, body: String) -> [WARCRecord] {
    let http = Array("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n\(body)".utf8)
    let response = WARCRecord(
      kind: .response, date: "2024-05-01T10:00:00Z",
      fields: [("WARC-Target-URI", uri), ("WARC-Payload-Digest", ContentDigest.sha1(Array(body.utf8)).description)],
      contentType: "application/http;msgtype=response", block: http)
    let request = WARCRecord(
      kind: .request, date: "2024-05-01T10:00:00Z",
      fields: [("WARC-Target-URI", uri), ("WARC-Concurrent-To", response.recordID)],
      contentType: "application/http;msgtype=request", block: Array("GET / HTTP/1.1\r\nHost: x\r\n\r\n".utf8))
    return [request, response]
  }

  @Test func writesOneGzipMemberPerRecordWithDigests() async throws {
    let folder = TemporaryFolder()
    defer { folder.cleanup() }
    let w = writer(folder.path)
    try await w.write(responsePair("https://example.org/a", body: "<p>one</p>"))
    #expect(folder.names() == ["test-20240501100000-00000.warc.gz.part"])
    try await w.close()
    #expect(folder.names() == ["test-20240501100000-00000.warc.gz"])

    let records = try readWARC(folder.path + "/" + folder.names()[0])
    #expect(records.map(\.type) == ["warcinfo", "request", "response"])
    let info = records[0]
    #expect(info.header["WARC-Filename"] == "test-20240501100000-00000.warc.gz")
    #expect(info.header["Content-Type"] == "application/warc-fields")
    for record in records {
      #expect(record.header.version == "1.1")
      #expect(record.header["WARC-Block-Digest"] == ContentDigest.sha1(record.block).description)
      #expect(record.header["WARC-Record-ID"]?.hasPrefix("<urn:uuid:") == true)
      if record.type != "warcinfo" { #expect(record.header["WARC-Warcinfo-ID"] == info.header["WARC-Record-ID"]) }
    }
    #expect(records[2].header["WARC-Payload-Digest"] == ContentDigest.sha1(records[2].httpBody).description)
    #expect(records[1].header["WARC-Concurrent-To"] == records[2].header["WARC-Record-ID"])
  }

  @Test func systemGzipReadsTheFileAsConcatenatedMembers() async throws {
    let folder = TemporaryFolder()
    defer { folder.cleanup() }
    let w = writer(folder.path)
    try await w.write(responsePair("https://example.org/a", body: "alpha"))
    try await w.write(responsePair("https://example.org/b", body: "beta"))
    try await w.close()
    let path = folder.path + "/" + folder.names()[0]
    let gzip = ["/usr/bin/gzip", "/bin/gzip"].first { FileManager.default.fileExists(atPath: $0) }
    guard let gzip else { return }
    let result = try runProgram(gzip, ["-dc", path])
    #expect(result.status == 0)
    #expect(result.output.components(separatedBy: "WARC/1.1\r\n").count - 1 == 5)
    #expect(result.output.contains("WARC-Target-URI: https://example.org/b"))
  }

  @Test func rotatesAtTheSizeLimitAndStartsEachFileWithWarcinfo() async throws {
    let folder = TemporaryFolder()
    defer { folder.cleanup() }
    let w = writer(folder.path, maxFileBytes: 600)
    for i in 0..<5 { try await w.write(responsePair("https://example.org/\(i)", body: "page \(i)")) }
    try await w.close()
    let names = folder.names()
    #expect(names.count >= 3)
    #expect(names.allSatisfy { $0.hasSuffix(".warc.gz") })
    var responses = 0
    for name in names {
      let records = try readWARC(folder.path + "/" + name)
      #expect(records.first?.type == "warcinfo")
      #expect(records.first?.header["WARC-Filename"] == name)
      responses += records.filter { $0.type == "response" }.count
    }
    #expect(responses == 5)
    #expect(await w.closedFiles == names)
  }

  @Test func writesNothingWhenNothingIsFetched() async throws {
    let folder = TemporaryFolder()
    defer { folder.cleanup() }
    let w = writer(folder.path + "/raw")
    try await w.close()
    #expect(!FileSystem.exists(folder.path + "/raw"))
  }

  @Test func recoversATornPartFile() async throws {
    let folder = TemporaryFolder()
    defer { folder.cleanup() }
    let w = writer(folder.path)
    try await w.write(responsePair("https://example.org/kept", body: "kept"))
    try await w.write(responsePair("https://example.org/torn", body: String(repeating: "x", count: 5000)))
    // Simulate a kill: the file stays `.part` and loses its last bytes.
    let part = folder.path + "/" + folder.names()[0]
    let size = try #require(FileSystem.size(of: part))
    #expect(truncate(part, off_t(size - 10)) == 0)

    let diagnostics = DiagnosticCollector()
    let outcomes = PartFileRecovery.recover(folder: folder.path, diagnostics: diagnostics)
    #expect(outcomes.count == 1)
    #expect(outcomes[0].recoveredAs == "test-20240501100000-00000.warc.gz")
    // warcinfo + the first pair; the torn response is cut and its request dropped.
    #expect(outcomes[0].recordsKept == 3)
    #expect(folder.names() == ["test-20240501100000-00000.warc.gz"])
    let records = try readWARC(folder.path + "/" + folder.names()[0])
    #expect(records.map(\.type) == ["warcinfo", "request", "response"])
    #expect(diagnostics.diagnostics.map(\.code) == ["recovered-interrupted-warc"])

    let index = ArchivedIndex.load(folder: folder.path, diagnostics: diagnostics)
    #expect(index.contains(uri: "https://example.org/kept", timestamp: "20240501100000"))
    #expect(!index.contains(uri: "https://example.org/torn", timestamp: "20240501100000"))
  }

  @Test func removesAPartFileWithoutACompleteFetch() async throws {
    let folder = TemporaryFolder()
    defer { folder.cleanup() }
    let w = writer(folder.path)
    try await w.write(responsePair("https://example.org/torn", body: String(repeating: "y", count: 3000)))
    let part = folder.path + "/" + folder.names()[0]
    #expect(truncate(part, off_t(try #require(FileSystem.size(of: part)) - 5)) == 0)
    let outcomes = PartFileRecovery.recover(folder: folder.path, diagnostics: DiagnosticCollector())
    #expect(outcomes.first?.recoveredAs == nil)
    #expect(folder.names().isEmpty)
  }

  @Test func indexSidecarIsWrittenOnCloseAndRebuiltWhenMissing() async throws {
    let folder = TemporaryFolder()
    defer { folder.cleanup() }
    let w = writer(folder.path)
    let pair = responsePair("https://example.org/a", body: "a")
    let entry = ArchivedEntry(
      uri: "https://example.org/a", timestamp: "20240501100000",
      payloadDigest: ContentDigest.sha1(Array("a".utf8)).description,
      kind: .live, status: 200, recordID: pair[1].recordID)
    try await w.write(pair, entries: [entry])
    try await w.close()
    let name = folder.names()[0]
    #expect(FileSystem.exists(folder.path + "/.index/" + name + ".json"))
    let fromSidecar = ArchivedIndex.load(folder: folder.path, diagnostics: DiagnosticCollector())
    #expect(fromSidecar.entries.map(\.file) == [name])
    #expect(fromSidecar.contains(uri: "https://example.org/a", digest: ContentDigest.sha1(Array("a".utf8)).description))
    #expect(
      fromSidecar.original(uri: "https://example.org/a", digest: ContentDigest.sha1(Array("a".utf8)).description)?
        .recordID
        == pair[1].recordID)

    try FileManager.default.removeItem(atPath: folder.path + "/.index/" + name + ".json")
    let rebuilt = ArchivedIndex.load(folder: folder.path, diagnostics: DiagnosticCollector())
    #expect(rebuilt.entries == fromSidecar.entries)
    #expect(rebuilt.latestLiveFetch(of: "https://example.org/a") == "20240501100000")
  }

  /// The exact bytes of a record, pinned: the writer's output format must not drift.
  @Test func serialisesARecordByteForByte() {
    let record = WARCRecord(
      kind: .response, date: "2024-05-01T10:00:00Z",
      fields: [("WARC-Target-URI", "https://example.org/"), ("WARC-IP-Address", "127.0.0.1\r\nX: y")],
      contentType: "application/http; msgtype=response", block: Array("HTTP/1.1 200 OK\r\n\r\nhi".utf8),
      recordID: "<urn:uuid:00000000-0000-4000-8000-000000000000>")
    let expected =
      "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000000>\r\n"
      + "WARC-Date: 2024-05-01T10:00:00Z\r\nWARC-Target-URI: https://example.org/\r\n"
      + "WARC-IP-Address: 127.0.0.1 X: y\r\nWARC-Warcinfo-ID: <urn:uuid:info>\r\n"
      + "WARC-Block-Digest: \(ContentDigest.sha1(Array("HTTP/1.1 200 OK\r\n\r\nhi".utf8)).description)\r\n"
      + "Content-Type: application/http; msgtype=response\r\nContent-Length: 21\r\n\r\n"
      + "HTTP/1.1 200 OK\r\n\r\nhi\r\n\r\n"
    #expect(record.serialized(warcinfoID: "<urn:uuid:info>") == Array(expected.utf8))
    #expect(record.gzipMember(warcinfoID: "<urn:uuid:info>").starts(with: [0x1F, 0x8B, 0x08]))
  }

  @Test func warcDatesRoundTrip() {
    #expect(WARCDate.fromStamp("20240501100000") == "2024-05-01T10:00:00Z")
    #expect(WARCDate.fromStamp("2024") == "2024-01-01T00:00:00Z")
    #expect(WARCDate.fromStamp("20241301") == nil)
    #expect(WARCDate.stamp(fromWARCDate: "2024-05-01T10:00:00.123Z") == "20240501100000")
    #expect(WARCDate.format(seconds: 0) == "1970-01-01T00:00:00Z")
  }
}
