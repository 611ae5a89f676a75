import Foundation
import Testing

/// `slackscore show` on the sample corpus: a revisit whose original is gzip-encoded, a plain
/// response, a record id, and `--html`.
@Suite struct ShowCommandTests {
  @Test func followsARevisitToItsGzipEncodedOriginalAndHighlightsTheRawString() throws {
    let result = try CommandRunner.run(["show", "corpus/warc/platforms.warc.gz@28709", "--raw", "214"])
    try #require(result.status == 0, "\(result.stderr)")
    let out = result.stdout
    #expect(out.contains("WARC-Type: revisit"))
    #expect(out.contains("WARC-Refers-To: <urn:uuid:34a30c30-8ee4-59ea-8b65-1e20d819f316>"))
    #expect(
      out.contains("revisit → <urn:uuid:34a30c30-8ee4-59ea-8b65-1e20d819f316> in corpus/warc/platforms.warc.gz@25148"))
    #expect(out.contains("WARC headers of the original"))
    #expect(out.contains("  Content-Encoding: gzip"))
    #expect(out.contains("content-encoding gzip undone"))
    #expect(out.contains("charset utf-8"))
    #expect(out.contains("<meta name=\"petisi:signature_count\" content=\"»»214««\">"))
  }

  @Test func aRecordIDIsFoundInTheArchivesAndTheDecodedPageWritten() throws {
    let folder = try CommandRunner.temporaryFolder()
    let result = try CommandRunner.run([
      "show", "<urn:uuid:34a30c30-8ee4-59ea-8b65-1e20d819f316>", "--campaigns", folder + "/none.json",
      "--in", "corpus/warc", "--html", folder + "/page.html", "--raw", "Taman Kenari",
    ])
    try #require(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("record  corpus/warc/platforms.warc.gz@25148"))
    #expect(result.stdout.contains("»»Taman Kenari««"))
    let page = try String(contentsOfFile: folder + "/page.html", encoding: .utf8)
    #expect(page.contains("<meta name=\"petisi:signature_count\" content=\"214\">"))
  }

  @Test func aWrongOffsetFailsWithAMessage() throws {
    let result = try CommandRunner.run(["show", "corpus/warc/platforms.warc.gz@7"])
    #expect(result.status != 0)
    #expect(result.stderr.contains("no record starts at offset 7"))
  }
}
