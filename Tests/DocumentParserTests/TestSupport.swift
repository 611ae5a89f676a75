import ArchiveReader
import SlackscoreCore

@testable import DocumentParser

/// A loose-file record around some bytes.
func makeRecord(_ bytes: [UInt8], path: String = "page.html") -> ArchiveRecord {
  ArchiveRecord(sourcePath: path, offset: 0, kind: .file, payload: bytes)
}

/// A WARC response record around an HTML string.
func makeResponse(
  _ html: String, uri: String = "https://news.example.id/2024/05/berita", charset: String? = nil,
  recordID: String = "<urn:uuid:00000000-0000-4000-8000-000000000001>", offset: Int = 1234,
  digest: String? = "sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
) -> ArchiveRecord {
  let type = "text/html" + (charset.map { "; charset=\($0)" } ?? "")
  return ArchiveRecord(
    sourcePath: "crawl.warc.gz", offset: offset, kind: .response, recordID: recordID, targetURI: uri,
    date: "2024-05-02T08:00:00Z", payloadDigest: digest,
    http: HTTPResponseHead(status: 200, reason: "OK", headers: [HTTPHeaderField(name: "Content-Type", value: type)]),
    contentType: type, payload: Array(html.utf8))
}

/// Builds a document or fails the test.
func document(_ record: ArchiveRecord) -> Document? {
  if case .document(let d) = DocumentBuilder.build(record) { return d }
  return nil
}
