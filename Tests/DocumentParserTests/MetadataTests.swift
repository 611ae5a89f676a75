import ArchiveReader
import SlackscoreCore
import Testing

@testable import DocumentParser

/// Metadata, links, source and id.
@Suite struct MetadataTests {
  let news = document(makeResponse(Fixtures.indonesianNews))!

  @Test func metadataComesFromTheMostSpecificSource() {
    #expect(news.siteName == "Kabar Kota")
    #expect(news.publishedAt == "2024-05-01T09:30:00+07:00")
    #expect(news.author == "Sari Wulandari")
    #expect(news.canonicalUrl == "https://news.example.id/berita/2024/05/01/seribu-pohon")
    #expect(news.lang == "id")
    #expect(news.url == "https://news.example.id/2024/05/berita")
    #expect(news.capturedAt == "2024-05-02T08:00:00Z")
  }

  @Test func titleFallsBackToTheTitleElementWithoutTheSiteName() {
    let html =
      "<html><head><title>Banjir Surut di Tepi Kali Besar | Kabar Kota</title></head><body><p>x</p></body></html>"
    #expect(document(makeRecord(Array(html.utf8)))?.title == "Banjir Surut di Tepi Kali Besar")
  }

  @Test func jsonLDGivesDateAndAuthorWhenMetaIsMissing() {
    let html = """
      <html><head><script type="application/ld+json">{"datePublished": "2023-01-02", "author": [{"@type": "Person", "name": "Dewi"}]}</script>
      </head><body><p>Teks.</p></body></html>
      """
    let d = document(makeRecord(Array(html.utf8)))
    #expect(d?.publishedAt == "2023-01-02")
    #expect(d?.author == "Dewi")
  }

  @Test func timeElementGivesTheDateLast() {
    let html = "<html><body><time datetime=\"2022-03-04T05:06:07Z\">4 Maret</time><p>Teks singkat.</p></body></html>"
    #expect(document(makeRecord(Array(html.utf8)))?.publishedAt == "2022-03-04T05:06:07Z")
  }

  @Test func linksAreAbsoluteWithTextAndPlace() {
    let inMain = news.links.first { $0.text == "Program sungai bersih" }
    #expect(inMain?.url == "https://news.example.id/berita/2024/04/sungai-bersih")
    #expect(inMain?.inMain == true)
    let nav = news.links.first { $0.text == "Olahraga" }
    #expect(nav?.url == "https://news.example.id/olahraga")
    #expect(nav?.inMain == false)
    #expect(!news.links.contains { $0.url.hasPrefix("javascript:") || $0.url.hasPrefix("mailto:") })
  }

  @Test(arguments: [
    ("https://a.example/x/y/z.html", "../b.html", "https://a.example/x/b.html"),
    ("https://a.example/x/y/z.html", "c.html?q=1", "https://a.example/x/y/c.html?q=1"),
    ("https://a.example/x/y/z.html", "//cdn.example/p", "https://cdn.example/p"),
    ("https://a.example/x/y/z.html", "/root", "https://a.example/root"),
    ("https://a.example/x/y/z.html", "?page=2", "https://a.example/x/y/z.html?page=2"),
    ("http://a.example", "./d", "http://a.example/d"),
    ("https://a.example/x/", "HTTPS://B.example/Up", "HTTPS://B.example/Up"),
  ])
  func urlsResolve(base: String, reference: String, expected: String) {
    #expect(URLResolver(base: base).resolve(reference) == expected)
  }

  @Test(arguments: ["javascript:void(0)", "mailto:a@b.c", "#top", "tel:123", ""])
  func nonWebLinksAreDropped(reference: String) {
    #expect(URLResolver(base: "https://a.example/").resolve(reference) == nil)
  }

  @Test func sourceKeepsWhereTheBytesAre() {
    #expect(news.source.path == "crawl.warc.gz")
    #expect(news.source.offset == 1234)
    #expect(news.source.recordId == "<urn:uuid:00000000-0000-4000-8000-000000000001>")
    #expect(news.source.payloadDigest == "sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
  }

  @Test func missingDigestIsComputedAsSHA1Base32() {
    let record = makeResponse("<p>abc</p>", digest: nil)
    let d = document(record)
    #expect(d?.source.payloadDigest == ContentDigest.sha1(Array("<p>abc</p>".utf8)).description)
    #expect(d?.source.payloadDigest?.hasPrefix("sha1:") == true)
  }

  @Test func idIsStableAndIndependentOfTheFolder() {
    let a = document(makeRecord(Array("<p>same</p>".utf8), path: "/one/place/page.html"))
    let b = document(makeRecord(Array("<p>same</p>".utf8), path: "other/page.html"))
    let c = document(makeRecord(Array("<p>different</p>".utf8), path: "other/page.html"))
    #expect(a?.id == b?.id)
    #expect(a?.id != c?.id)
    #expect(a?.id.count == 32)
    #expect(document(makeResponse("<p>x</p>"))?.id == document(makeResponse("<p>x</p>"))?.id)
    #expect(
      document(makeResponse("<p>x</p>"))?.id != document(makeResponse("<p>x</p>", recordID: "<urn:uuid:other>"))?.id)
  }

  @Test(arguments: [("en-US", "en"), ("id_ID", "id"), ("in", "id"), ("ID", "id"), ("x", nil), ("", nil)])
  func languageTagsAreNormalised(tag: String, expected: String?) {
    #expect(MetadataResolver.normalizeLanguage(tag) == expected)
  }

  @Test func nonHTMLRecordsAreSkipped() {
    var png = makeResponse("")
    png.payload = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A]
    png.contentType = nil
    png.http = nil
    if case .skipped(let reason) = DocumentBuilder.build(png) { #expect(reason == "not-html") } else { Issue.record() }
    var redirect = makeResponse("<p>moved</p>")
    redirect.http?.status = 301
    if case .skipped(let reason) = DocumentBuilder.build(redirect) {
      #expect(reason == "http-redirect")
    } else {
      Issue.record()
    }
    var image = makeResponse("x")
    image.contentType = "image/jpeg"
    if case .skipped(let reason) = DocumentBuilder.build(image) {
      #expect(reason == "not-html")
    } else {
      Issue.record()
    }
  }

  /// Fonts and other binaries served as `application/octet-stream` are not pages, even though
  /// NUL bytes are dropped before parsing (a real case: the fonts of pywb's iana.warc.gz).
  @Test func binariesServedAsOctetStreamAreSkipped() {
    for payload: [UInt8] in [
      [0x00, 0x01, 0x00, 0x00, 0x00, 0x13, 0x01, 0x00] + Array("GDEF".utf8),
      Array("OTTO".utf8) + [0x00, 0x0B, 0x00, 0x80, 0x00, 0x03],
      Array("ID3".utf8) + [0x04, 0x00, 0x00, 0x00, 0x00, 0x1F],
    ] {
      var record = makeResponse("")
      record.payload = payload
      record.contentType = "application/octet-stream"
      if case .skipped(let reason) = DocumentBuilder.build(record) {
        #expect(reason == "not-html")
      } else {
        Issue.record()
      }
    }
    var utf16 = makeResponse("")
    utf16.payload = [0xFF, 0xFE] + Array("<p>halo</p>".utf8).flatMap { [$0, 0x00] }
    utf16.contentType = "application/octet-stream"
    if case .skipped = DocumentBuilder.build(utf16) { Issue.record("a UTF-16 page was skipped") }
  }

  /// Crawler files are not pages: a site's robots.txt and the crawler's own records under
  /// `metadata:` (wget's log and arguments; real cases in the shared WARC test files).
  @Test func crawlerFilesAreSkipped() {
    for (uri, reason) in [
      ("http://www.example.org/robots.txt", "robots-txt"), ("https://example.org:8443/robots.txt?x=1", "robots-txt"),
      ("metadata://gnu.org/software/wget/warc/wget.log", "crawler-metadata"),
    ] {
      var record = makeResponse("User-agent: *\nDisallow: /donate", uri: uri)
      record.contentType = "text/plain"
      if case .skipped(let skipped) = DocumentBuilder.build(record) {
        #expect(skipped == reason, "\(uri)")
      } else {
        Issue.record("\(uri) was not skipped")
      }
    }
    let page = makeResponse("<p>How to write a robots.txt file.</p>", uri: "https://example.org/docs/robots.txt/guide")
    if case .skipped = DocumentBuilder.build(page) { Issue.record("a page about robots.txt was skipped") }
  }

  /// Only a host's own `/robots.txt`, whatever the case, query or fragment.
  @Test(arguments: [
    ("http://www.example.org/robots.txt", true), ("https://example.org:8443/robots.txt?x=1", true),
    ("http://example.org/robots.txt#top", true), ("HTTP://EXAMPLE.ORG/ROBOTS.TXT", true),
    ("http://user@example.org:80/Robots.Txt?a#b", true), ("http://example.org/robots.txt?/robots.txt", true),
    ("http://example.org/robots.txt/", false), ("http://example.org/a/robots.txt", false),
    ("http://example.org/robots.txt.bak", false), ("http://example.org?x=/robots.txt", false),
    ("http://example.org#/robots.txt", false), ("http:///robots.txt", false), ("//example.org/robots.txt", false),
    ("robots.txt", false), ("file:///robots.txt", false),
  ])
  func robotsFiles(uri: String, isRobots: Bool) {
    #expect(DocumentBuilder.isRobotsFile(uri) == isRobots)
  }

  @Test func oversizedPagesAreRejected() {
    let record = makeRecord(Array(repeating: UInt8(ascii: "a"), count: 2048))
    if case .rejected(let reason) = DocumentBuilder.build(record, limits: ParseLimits(maxPayloadBytes: 1024)) {
      #expect(reason.hasPrefix("payload-too-large"))
    } else {
      Issue.record("expected a rejection")
    }
  }
}

/// What the stage hands to PageSignals (the counter readers themselves are tested there).
@Suite struct CounterInputTests {
  let model: PageModel = {
    let page = try! HTMLDocument(bytes: Array(Fixtures.indonesianNews.utf8))
    return PageWalker.model(of: page)
  }()

  @Test func everyJSONLDBlockIsPassed() {
    #expect(model.metadata.jsonLD.count == 1)
    #expect(model.metadata.jsonLD[0].contains("InteractionCounter"))
  }

  @Test func embeddedScriptsWithCounterKeysArePassed() {
    #expect(model.metadata.embeddedJSON.contains { $0.contains("share_count") })
  }

  @Test func metaTagsArePassedWithTheirKeys() {
    #expect(model.metadata.metas.contains { $0.key == "og:site_name" && $0.content == "Kabar Kota" })
  }

  @Test func shareBarTextIsPassedEvenThoughItIsNotMainText() {
    #expect(model.metadata.signalTexts.contains { $0.text.contains("Dibagikan 340 kali") })
    #expect(model.metadata.signalTexts.contains { $0.text == "12 Komentar" })
  }

  @Test func microdataInteractionCountersArePassed() throws {
    let html = """
      <div itemscope itemtype="https://schema.org/InteractionCounter">
      <meta itemprop="interactionType" content="https://schema.org/LikeAction">
      <span itemprop="userInteractionCount">1,2 rb</span></div><p>Teks.</p>
      """
    let model = PageWalker.model(of: try HTMLDocument(bytes: Array(html.utf8)))
    #expect(model.metadata.interactionCounters.count == 1)
    #expect(model.metadata.interactionCounters.first?.type == "https://schema.org/LikeAction")
    #expect(model.metadata.interactionCounters.first?.count == "1,2 rb")
  }

  @Test func countersAreDeduplicatedKeepingTheStructuredOne() {
    let merged = CounterCollector.deduplicate([
      Counter(kind: "shares", value: 340, raw: "340", origin: "jsonld"),
      Counter(kind: "shares", value: 340, raw: "Dibagikan 340 kali", origin: "text"),
      Counter(kind: "comments", value: 12, raw: "12 Komentar", origin: "text"),
    ])
    #expect(merged.map(\.origin) == ["jsonld", "text"])
    #expect(merged.map(\.kind) == ["shares", "comments"])
  }
}

@Suite struct JSONLDScannerTests {
  @Test func unicodeEscapesAreDecoded() {
    let json = #"{"author": {"name": "Ren\u00e9 \"R\" Putra"}, "datePublished": "2024-02-03"}"#
    #expect(JSONLDScanner.nestedName(after: "author", in: json) == "René \"R\" Putra")
    #expect(JSONLDScanner.string(for: "datePublished", in: json) == "2024-02-03")
  }
}
