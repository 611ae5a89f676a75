import Testing

@testable import Fetch

/// The answers of real CDX servers, in the form each sends (lines as pywb 2.10 and the
/// Internet Archive write them).
@Suite struct CDXDialectTests {
  static let pywbNDJSON = """
    {"urlkey": "com,example)/", "timestamp": "20140127171200", "url": "http://example.com", "mime": "text/html", "status": "200", "digest": "B2LTWWPUOYAH7UIPQ7ZUPQ4VMBSVC36A", "length": "1046", "offset": "334", "filename": "dupes.warc.gz"}
    {"urlkey": "com,example)/", "timestamp": "20140127171251", "url": "http://example.com", "mime": "warc/revisit", "digest": "B2LTWWPUOYAH7UIPQ7ZUPQ4VMBSVC36A", "length": "553", "offset": "11875", "filename": "dupes.warc.gz"}
    {"urlkey": "com,example)/", "timestamp": "20170429013030", "url": "http://example.com/", "mime": "text/html", "digest": "YXLHEZO6YIEPLHABGCQ2TM24WROPX6ZG", "length": "977", "offset": "802", "filename": "example-resource.warc.gz"}

    """

  @Test func readsPywbNDJSONWithItsFieldNames() throws {
    #expect(CDXClient.detect(Array(Self.pywbNDJSON.utf8)) == .ndjson)
    let captures = try CDXClient.parse(Array(Self.pywbNDJSON.utf8)).captures
    #expect(captures.map(\.original) == ["http://example.com", "http://example.com", "http://example.com/"])
    #expect(captures.map(\.kind) == [.response, .revisit, .resource])
    #expect(captures[0].status == 200)
    #expect(captures[0].mimetype == "text/html")
    #expect(captures[1].digest == "B2LTWWPUOYAH7UIPQ7ZUPQ4VMBSVC36A")
  }

  @Test func readsCDXJText() throws {
    let line = """
      com,example)/ 20140127171200 {"url": "http://example.com", "mime": "text/html", "status": "301", "digest": "AAAA"}
      """
    let captures = try CDXClient.parse(Array(line.utf8)).captures
    #expect(captures.first?.timestamp == "20140127171200")
    #expect(captures.first?.status == 301)
  }

  @Test func followsTheInternetArchiveResumeKey() throws {
    let json = """
      [["urlkey","timestamp","original","mimetype","statuscode","digest","length"],
      ["org,example)/","20240105120000","http://example.org/","text/html","200","AAAA","512"],
      ["org,example)/","20240106120000","http://example.org/","warc/revisit","-","AAAA","0"],
      [],
      ["org%2Cexample%29%2F+20240106120000"]]
      """
    let page = try CDXClient.parse(Array(json.utf8))
    #expect(page.captures.count == 2)
    #expect(page.captures[1].kind == .revisit)
    #expect(page.resumeKey == "org%2Cexample%29%2F+20240106120000")
    let text = "org,example)/ 20240105120000 http://example.org/ text/html 200 AAAA 512\n\nKEY123\n"
    #expect(try CDXClient.parse(Array(text.utf8)).resumeKey == "KEY123")
  }

  @Test func readsPageCounts() {
    #expect(CDXClient.pageCount(Array("7\n".utf8)) == 7)
    #expect(CDXClient.pageCount(Array(#"{"pages": 3, "pageSize": 10, "blocks": 25}"#.utf8)) == 3)
    #expect(CDXClient.pageCount(Array(Self.pywbNDJSON.utf8)) == nil)
    #expect(CDXClient.pageCount(Array(#"{"urlkey": "a", "timestamp": "2024"}"#.utf8)) == nil)
  }

  @Test func aForcedDialectThatDoesNotFitSaysSo() {
    #expect(throws: CDXParseError.self) { try CDXClient.parse(Array(Self.pywbNDJSON.utf8), dialect: .jsonArray) }
  }
}

@Suite struct ReplayResponseTests {
  @Test func rebuildsTheSitesHeadFromPywbHeaders() {
    let headers: [(name: String, value: String)] = [
      ("X-Archive-Orig-Date", "Sat, 27 Jun 2020 13:51:27 GMT"), ("X-Archive-Orig-Server", "Apache"),
      ("Accept-Ranges", "bytes"), ("X-Archive-Orig-Transfer-Encoding", "chunked"),
      ("Content-Encoding", "gzip"), ("X-Archive-Orig-Content-Length", "999"), ("Content-Length", "207"),
      ("Content-Type", "text/html"), ("Memento-Datetime", "Sat, 27 Jun 2020 13:51:27 GMT"),
      ("Link", "<http://a/>; rel=\"original\""),
      ("Content-Location", "http://127.0.0.1:1/c/20200627135127id_/http://a/"),
      ("Date", "Thu, 03 Dec 2026 11:25:31 GMT"),
    ]
    let split = ReplayResponse(headers: headers)
    #expect(split.isMemento)
    #expect(split.mementoStamp == "20200627135127")
    #expect(
      split.archivedHeaders.map { "\($0.name): \($0.value)" } == [
        "Date: Sat, 27 Jun 2020 13:51:27 GMT", "Server: Apache", "Accept-Ranges: bytes", "Transfer-Encoding: chunked",
        "Content-Encoding: gzip", "Content-Length: 207", "Content-Type: text/html",
      ])
    #expect(
      split.replayHeaders.map(\.name) == [
        "X-Archive-Orig-Content-Length", "Memento-Datetime", "Link", "Content-Location", "Date",
      ])
  }

  @Test func aPlainServerIsTheSiteItself() {
    let split = ReplayResponse(headers: [("Date", "x"), ("Content-Type", "text/html")])
    #expect(!split.isMemento)
    #expect(split.archivedHeaders.count == 2)
    #expect(split.replayHeaders.isEmpty)
  }

  @Test func readsTheCaptureFromAReplayURL() {
    let base = "http://127.0.0.1:8080/demo/"
    let found = ReplayResponse.capture(inReplayURL: base + "20140127171200id_/http://example.com/?q=1", base: base)
    #expect(found?.stamp == "20140127171200")
    #expect(found?.original == "http://example.com/?q=1")
    #expect(ReplayResponse.capture(inReplayURL: "http://other/20140127171200id_/http://e/", base: base) == nil)
  }
}
