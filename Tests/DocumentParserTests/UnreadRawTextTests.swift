import Testing

@testable import DocumentParser

/// The pre-pass that cuts unread `<style>` and `<script>` text before libxml2: what it cuts,
/// where it gives up, and that libxml2's tree is the same without the cut text.
@Suite struct UnreadRawTextTests {
  /// The page after the cut, or nil when nothing is cut.
  private func cut(_ html: String) -> String? {
    Array(html.utf8).withUnsafeBytes { UnreadRawText.cut($0) }.map { String(decoding: $0.bytes, as: UTF8.self) }
  }

  private func agrees(_ html: String) -> Bool { UnreadRawText.treesAgree(Array(html.utf8)) }

  /// `html` cut gives `expected` (nil: nothing cut), and libxml2's tree agrees with and without the cut.
  private func expectCut(
    _ html: String, gives expected: String?, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(cut(html) == expected, "\(html)", sourceLocation: sourceLocation)
    #expect(agrees(html), "\(html)", sourceLocation: sourceLocation)
  }

  @Test func styleContentIsCut() {
    let html = "<html><head><style>p { color: red }</style></head><body><p>Text</p></body></html>"
    expectCut(html, gives: "<html><head><style></style></head><body><p>Text</p></body></html>")
  }

  @Test func scriptsWithoutCounterWordsAreCut() {
    let html = "<script>var a = 1;</script><script>f({x: 2})</script><p>t</p>"
    expectCut(html, gives: "<script></script><script></script><p>t</p>")
  }

  @Test func scriptsTheWalkerMayReadBecomePlaceholders() throws {
    let jsonLD = #"<script type="application/ld+json">{"@type":"Article"}</script>"#
    let counters = #"<script>window.data = {"shareCount": 5}</script>"#
    let entity = #"<script type="application/ld&#43;json">{"a":1}</script>"#
    let html = jsonLD + counters + entity + "<style>a{}</style><p>x</p>"
    expectCut(
      html,
      gives: #"<script type="application/ld+json">#0</script><script>#1</script>"#
        + #"<script type="application/ld&#43;json">#2</script><style></style><p>x</p>"#)
    let bytes = Array(html.utf8)
    let result = try #require(bytes.withUnsafeBytes { UnreadRawText.cut($0) })
    let kept = KeptScripts(page: bytes, ranges: result.keptScripts)
    #expect(
      kept.content(standingFor: Array("#1".utf8)).map { String(decoding: $0, as: UTF8.self) }
        == #"window.data = {"shareCount": 5}"#)
    #expect(kept.content(standingFor: Array("#3".utf8)) == nil)
    #expect(kept.content(standingFor: Array("#1x".utf8)) == nil)
    #expect(kept.content(standingFor: Array("#99999999999999999999".utf8)) == nil)
  }

  @Test func scriptsLibxml2ReadsDifferentlyStayInThePage() {
    // libxml2 drops the control byte from the script's text: the walker reads libxml2's text.
    let control = "<script>{\"cou\u{1}nt\": 1}</script>"
    expectCut(control + "<p>x</p>", gives: nil)
    expectCut(control + "<style>a{}</style>", gives: control + "<style></style>")
  }

  @Test func uppercaseTagsAreRawTextToo() {
    let html = "<STYLE type=text/css>B { x: y }</Style ><SCRIPT>go()</SCRIPT>"
    expectCut(html, gives: "<STYLE type=text/css></Style ><SCRIPT></SCRIPT>")
  }

  @Test func closingTagInsideAScriptStringEndsTheScriptAsInLibxml2() {
    // libxml2 2.9 ends raw text at the first `</script`, wherever it is.
    let html = #"<script>var s = "</script>"; more()</script><p>after</p>"#
    expectCut(html, gives: #"<script></script>"; more()</script><p>after</p>"#)
    // Other closing tags inside a script do not end it.
    let inner = #"<script>document.write("</div>")</script><p>after</p>"#
    expectCut(inner, gives: "<script></script><p>after</p>")
  }

  @Test func unclosedScriptRunsToTheEnd() {
    expectCut("<p>before</p><script>never closed <p>not text</p>", gives: "<p>before</p><script>")
    #expect(cut("<style>a</style") == "<style></style")
  }

  @Test func tagsInsideCommentsAreNotRawText() {
    let html = "<!-- <script>not a script --><p>shown</p><!-- <style> --!><style>a{}</style>"
    expectCut(html, gives: "<!----><p>shown</p><!----!><style></style>")
  }

  @Test func commentTextIsCutAndTheCommentsStay() {
    let html = "<p>a<!-- one -->b</p><!--[if IE]><p>old</p><![endif]--><!----><!--- x --->c<!-- d --!>"
    expectCut(html, gives: "<p>a<!---->b</p><!----><!----><!---->c<!----!>")
    // `-->` must follow `<!--`: in `<!-->` and `<!--->` the comment goes on.
    for html in ["<!-->x<p>y</p>-->z", "<!--->x-->z<!-- a -- b -->", "<html><!-- é ü --><body>t</body></html>"] {
      #expect(agrees(html), "\(html)")
    }
    #expect(cut("<!-->x-->") == "<!---->")
    #expect(Array("<!-- a -->".utf8).withUnsafeBytes { UnreadRawText.cut($0, comments: false) } == nil)
  }

  @Test func tagsInsideAttributeValuesAreNotRawText() {
    let html = #"<div title="<style>" data-x='<script>'>text</div><a href=x<script>y</a>"#
    // The unquoted value ends at `>`, so `<a href=x<script>` is one tag and `y` is text.
    expectCut(html, gives: nil)
  }

  @Test func cdataIsTextToLibxml2() {
    // libxml2's HTML parser reads `<![CDATA[` as text, so the `<script>` inside is a tag.
    let html = "<p><![CDATA[ <script>x()</script> ]]></p>"
    expectCut(html, gives: "<p><![CDATA[ <script></script> ]]></p>")
  }

  @Test func selfClosedScriptHasNoContent() {
    let html = "<script src=a.js /><p>text</p><style/>b { }"
    expectCut(html, gives: nil)
  }

  @Test func doubtfulMarkupCutsNothing() {
    for html in [
      "<p>a\u{0}b</p><style>x</style>",  // NUL byte
      "<style>a</styles>b</style>",  // ends raw text for libxml2, not the element
      "<div class=\"open><style>x</style>",  // unterminated quote
      "<!-- never closed <style>x</style>",  // unterminated comment
      "<!DOCTYPE html \"a>b\"><style>x</style>",  // quoted `>` in a DOCTYPE
      "<div <style>x</style>",  // `<` inside a tag
      "<style></html>l",  // libxml2 reads `</html>` as an end tag, then `l` as body text
      "<style></b>x</style>",  // the same with an end tag nothing opened
      "<script><!--x--></script>",  // raw text that starts with `<`
    ] {
      expectCut(html, gives: nil)
    }
  }

  @Test func bogusAttributesAndOddMarkupAgreeWithLibxml2() {
    for html in [
      #"<div @click="<style>">k</div><style>s</style>"#,
      "<p>a < b <3 <!x <style>s</style></p>",
      "<p>x</ p><style>s</style></p>",
      "</div foo=\"<style>\">z</style>",
      "<?php echo 1 ?><style>s</style>",
      "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0//EN\" \"http://x/y.dtd\"><style>s</style>",
      "<svg><style>.a{}</style><script>go()</script></svg><title>t<script>x()</script></title>",
      "<div a=b/><style>s</style>",
    ] {
      #expect(agrees(html), "\(html)")
    }
  }

  @Test func walkerOutputIsUnchangedByTheCut() throws {
    let html = """
      <html><head><title>T</title><style>h1 { x }</style><script>var a = 1</script>
      <script type="application/ld+json">{"@type":"NewsArticle","author":"A"}</script>
      <script>window.state = {"shareCount": 12}</script></head>
      <body><h1>Head</h1><p>Body <!-- note -->text, long enough to keep.</p><script>track()</script></body></html>
      """
    let prepared = CharsetDecoder.prepare(Array(html.utf8), httpCharset: nil)
    let cutPage = try HTMLDocument(prepared: prepared, cuttingUnreadRawText: true)
    #expect(cutPage.keptScripts?.ranges.count == 2)
    let whole = PageWalker.model(of: try HTMLDocument(prepared: prepared))
    let shortened = PageWalker.model(of: cutPage)
    #expect(whole.text == shortened.text)
    #expect(whole.metadata.jsonLD == shortened.metadata.jsonLD)
    #expect(!shortened.metadata.jsonLD.isEmpty)
    #expect(whole.metadata.embeddedJSON == shortened.metadata.embeddedJSON)
    #expect(shortened.metadata.embeddedJSON.count == 1)
  }
}
