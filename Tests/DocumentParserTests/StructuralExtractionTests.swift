import SlackscoreCore
import Testing

@testable import DocumentParser

/// The structural fixes of main-text extraction: text normalisation, invisible annotations,
/// broken markup, datelines, heading anchors and phrase lists in several languages.
@Suite struct StructuralExtractionTests {
  /// An article page with `body` as the article's paragraphs and `head` before them.
  static func page(_ body: String, before: String = "", title: String = "Ein Titel") -> [UInt8] {
    Array(
      """
      <html><head><title>\(title)</title></head><body>
      <nav><a href="/">Start</a> <a href="/a">Politik</a></nav>
      \(before)
      <div class="article-body">\(body)</div>
      <footer>Impressum</footer></body></html>
      """.utf8)
  }

  static let paragraphs = """
    <p>Der Gemeinderat hat am Dienstag beschlossen, die alte Brücke über den Fluss zu sanieren, statt sie abzureißen.</p>
    <p>Die Kosten von rund zwei Millionen Euro sollen zur Hälfte aus Mitteln des Landes kommen, sagte die Bürgermeisterin.</p>
    <p>Die Arbeiten beginnen im Frühjahr und dauern nach Angaben der Verwaltung etwa ein Jahr, der Verkehr wird umgeleitet.</p>
    <p>Anwohner hatten sich seit Jahren für den Erhalt eingesetzt und mehr als dreitausend Unterschriften gesammelt.</p>
    """

  static func text(_ bytes: [UInt8]) -> String { document(makeRecord(bytes))?.text ?? "" }

  @Test func softHyphensAreDropped() {
    let text = Self.text(
      Self.page(
        "<p>Die Stra&shy;ßen&shy;bahn fährt wieder, sagte die Sprecherin der Stadtwerke am Montag.</p>"
          + Self.paragraphs))
    #expect(text.contains("Die Straßenbahn fährt wieder"))
    #expect(!text.contains("\u{AD}"))
  }

  @Test func rubyReadingsAreNotInlined() {
    let text = Self.text(
      Self.page("<p><ruby>漢<rp>(</rp><rt>かん</rt><rp>)</rp>字<rt>じ</rt></ruby>の読み方を学ぶ人が増えている。</p>" + Self.paragraphs))
    #expect(text.contains("漢字の読み方"))
    #expect(!text.contains("かん"))
  }

  @Test func textIsInNFC() {
    let text = Self.text(
      Self.page(
        "<p>Cafe\u{301} und Ba\u{308}ckerei haben am Samstag wieder geöffnet, wie die Inhaber mitteilten.</p>"
          + Self.paragraphs))
    #expect(text.unicodeScalars.contains("\u{E9}"))
    #expect(text.unicodeScalars.contains("\u{E4}"))
    #expect(!text.unicodeScalars.contains("\u{301}"))
  }

  @Test func nulBytesDoNotCutThePage() {
    var bytes = Self.page(Self.paragraphs)
    let cut = bytes.firstIndex(of: UInt8(ascii: "<"))! + 6
    bytes.insert(contentsOf: [UInt8](repeating: 0, count: 64), at: cut)
    #expect(Self.text(bytes).contains("Die Arbeiten beginnen im Frühjahr"))
  }

  @Test func anUnclosedDivInNoscriptDoesNotHideTheBody() {
    let bytes = Array(
      """
      <html><head><title>T</title></head><body><noscript><div id="nojs"></noscript>
      <div class="article-body">\(Self.paragraphs)</div></body></html>
      """.utf8)
    #expect(Self.text(bytes).contains("Die Kosten von rund zwei Millionen Euro"))
  }

  @Test func aPostBodyOnlyInNoscriptIsUsed() {
    let bytes = Array(
      """
      <html><head><title>T</title></head><body><div id="app"></div>
      <noscript><div class="post-body">\(Self.paragraphs)</div></noscript></body></html>
      """.utf8)
    #expect(Self.text(bytes).contains("Die Kosten von rund zwei Millionen Euro"))
  }

  @Test func noscriptIsSkippedWhenTheBodyHasText() {
    let bytes = Self.page(
      Self.paragraphs,
      before: "<noscript><p>\(String(repeating: "Bitte aktivieren Sie JavaScript. ", count: 20))</p></noscript>")
    #expect(!Self.text(bytes).contains("JavaScript"))
  }

  @Test func aDatelineOpeningIsArticleText() {
    let first =
      "LOS ANGELES (Reuters) - South Korean thriller Parasite won the top prize at the awards on Sunday night."
    let text = Self.text(Self.page("<p>\(first)</p>" + Self.paragraphs))
    #expect(text.contains(first))
    #expect(BylineFilter.isCaption("A crowd outside the theatre (Reuters)"))
  }

  @Test(arguments: [
    "Das könnte Sie auch interessieren", "Lesen Sie auch: Die neue Brücke", "Kommentar verfassen", "À lire aussi",
    "Czytaj także: Nowy most", "Wir verwenden Cookies, um Ihnen das beste Erlebnis zu bieten.",
  ])
  func chromePhrasesInOtherLanguagesAreSlots(line: String) {
    #expect(BoilerplateMarkers.isSlotLine(line))
  }

  @Test func theBundledPhraseListHasTheLanguages() {
    let languages = Set(BoilerplatePhrases.bundled.languages.keys)
    #expect(languages.isSuperset(of: ["en", "id", "de", "fr", "es", "it", "pl"]))
  }
}
