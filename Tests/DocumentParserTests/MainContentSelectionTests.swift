import SlackscoreCore
import Testing

@testable import DocumentParser

/// Which region of a page the main-content selector keeps (issue 19's structural rules), each on a
/// small hand-written page.
@Suite struct MainContentSelectionTests {
  static func text(_ html: String) -> String { document(makeRecord(Array(html.utf8)))?.text ?? "" }

  /// Four comma-rich paragraphs: the block the selector picks.
  static let leasingParagraphs = """
    <p>Beim Leasing zahlt die Firma eine monatliche Rate, und das Fahrzeug bleibt im Eigentum des Leasinggebers, bis der Vertrag endet.</p>
    <p>Die Raten sind meist niedriger als bei einem Kredit, weil nur der Wertverlust während der Laufzeit bezahlt wird, sagen Berater.</p>
    <p>Am Ende der Laufzeit gibt die Firma den Wagen zurück, oder sie kauft ihn zum vorher vereinbarten Restwert, wenn sie das möchte.</p>
    <p>Für Kilometer über der vereinbarten Grenze werden Gebühren fällig, und Schäden am Fahrzeug muss die Firma ebenfalls bezahlen.</p>
    """

  /// One page-builder row (row > column > text) around `content`.
  static func row(_ content: String, note: String = "") -> String {
    #"<div class="row"><div class="column"><div class="text">\#(content)</div>\#(note)</div></div>"#
  }

  @Test func rowsOfTheSameClassAsTheChosenOneAreKept() {
    let text = Self.text(
      """
      <html><head><title>Ein Titel</title></head><body>
      <nav><a href="/">Start</a> <a href="/a">Ratgeber</a></nav>
      <div class="entry-content">
      \(Self.row("<p>Wer ein Auto für die Firma braucht hat drei Möglichkeiten mit jeweils eigenen Folgen für die Steuer.</p>"))
      \(Self.row(Self.leasingParagraphs, note: #"<div class="note">Foto: Archiv</div>"#))
      \(Self.row("<p>Wer den Wagen finanziert wird sofort Eigentümer und kann die Zinsen als Betriebsausgabe absetzen.</p>"))
      \(Self.row(#"<a href="/x">Weitere Ratgeber zum Thema Leasing und Finanzierung für kleine Firmen und Selbstständige</a>"#))
      </div>
      <div class="teasers"><p>Ein anderer Beitrag über Dienstwagen und Fahrtenbücher für kleine und mittlere Unternehmen.</p></div>
      <footer>Impressum</footer></body></html>
      """)
    #expect(text.contains("Beim Leasing zahlt die Firma"))
    #expect(text.contains("Wer ein Auto für die Firma braucht"))
    #expect(text.contains("Wer den Wagen finanziert"))
    #expect(!text.contains("Weitere Ratgeber"))
    #expect(!text.contains("Ein anderer Beitrag"))
  }

  @Test func anAuthorBoxAfterTheArticleIsLeftOut() {
    let text = Self.text(
      """
      <html><head><title>Ein Titel</title></head><body>
      <article class="post"><div class="entry">\(Self.leasingParagraphs)</div>
      <div class="post-author"><div class="author-content"><p>Mara Beispiel schreibt seit vielen Jahren über Steuern, \
      Autos und kleine Firmen, und sie lebt mit zwei Katzen am Stadtrand.</p></div></div></article>
      </body></html>
      """)
    #expect(text.contains("Beim Leasing zahlt die Firma"))
    #expect(!text.contains("Mara Beispiel"))
  }

  /// An article whose lead sits in the header with the `<h1>`, above the body container; the
  /// site's logo is an `<h1>` too, far above.
  static func articleWithLead(_ lead: String) -> String {
    let menu = (1...12).map { #"<li><a href="/r\#($0)">Rubrik \#($0)</a></li>"# }.joined()
    return """
      <html><head><title>Leasing oder Kauf</title></head><body>
      <header><h1 class="logo">Ratgeber Mobil</h1><nav><ul>\(menu)</ul></nav></header>
      <article><header><h1>Leasing oder Kauf</h1><p class="intro">\(lead)</p></header>
      <div class="article-body">\(leasingParagraphs)</div></article>
      <footer>Impressum</footer></body></html>
      """
  }

  @Test func aLeadOfTwoSentencesBetweenTheTitleAndTheBodyIsKept() {
    let text = Self.text(
      Self.articleWithLead(
        "Wer ein neues Auto für die Firma braucht, hat mehrere Wege. Wir zeigen, was jeder davon kostet."))
    #expect(text.hasPrefix("Wer ein neues Auto für die Firma braucht, hat mehrere Wege."))
    #expect(text.contains("Beim Leasing zahlt die Firma"))
  }

  @Test func aOneSentenceStandfirstIsNotTakenForALead() {
    let text = Self.text(
      Self.articleWithLead("Leasing schont die Liquidität einer Firma, aber es hat auch seinen Preis"))
    #expect(!text.contains("Leasing schont die Liquidität"))
    #expect(text.hasPrefix("Beim Leasing zahlt die Firma"))
  }

  @Test func aWrapperAroundAListIsJudgedAsAList() {
    // An ingredient list with some items linked to a shop, in a `div`: link density 0.2–0.5,
    // tolerated for a list of 200+ characters.
    let text = Self.text(
      """
      <html><head><title>Zitronenkuchen</title></head><body>
      <nav><a href="/">Start</a> <a href="/r">Rezepte</a></nav>
      <article><h1>Zitronenkuchen</h1><div class="recipe-body">
      <p>Dieser Kuchen ist schnell gemacht, bleibt lange saftig, und er schmeckt am zweiten Tag sogar noch besser.</p>
      <div class="zutaten"><ul><li>250 Gramm <a href="/z/butter">weiche Butter</a></li><li>200 Gramm feiner Zucker</li>\
      <li>4 <a href="/z/eier">mittelgroße Eier</a></li><li>300 Gramm <a href="/z/mehl">Weizenmehl</a></li>\
      <li>2 Teelöffel <a href="/z/bp">Backpulver</a></li><li>Saft von zwei Zitronen</li><li>eine Prise feines Salz</li>\
      <li>150 Gramm Puderzucker für den Guss</li><li>etwas abgeriebene Zitronenschale</li></ul></div>
      <p>Die Butter mit dem Zucker schaumig rühren, dann die Eier einzeln unterrühren, bis eine helle Masse entsteht.</p>
      <p>Mehl und Backpulver mischen, unter den Teig heben, und alles auf ein Blech streichen, dann dreißig Minuten backen.</p>
      </div></article>
      <footer>Impressum</footer></body></html>
      """)
    #expect(text.contains("200 Gramm feiner Zucker"))
    #expect(text.contains("eine Prise feines Salz"))
    #expect(text.contains("Mehl und Backpulver mischen"))
  }

  @Test(arguments: [
    "Ein Hermelin im Schnee. (Kim Muster / iStock.com)", "Der Platz vor dem Stadion. Foto: Kim Muster/Getty Images",
  ])
  func agencyCreditsAreCaptions(line: String) {
    #expect(BylineFilter.isCaption(line))
  }

  @Test(arguments: ["news-letter-section", "post-author", "article-author-info", "bmg-author-box"])
  func namesOfNewsletterAndAuthorBoxesAreChrome(names: String) {
    #expect(BoilerplateMarkers.marks(classAndID: names, role: nil).contains(.boilerplate))
  }

  @Test func theOpeningSectionBeforeTheChosenOneIsKept() {
    let body = (1...20).map {
      "<p>Im Abschnitt \($0) geht es um die Arbeiten am Dach, an den Fenstern und an der Fassade, sagte die Bauleiterin.</p>"
    }.joined()
    let text = Self.text(
      """
      <html><head><title>Die Schule wird saniert</title></head><body>
      <nav><a href="/">Start</a> <a href="/s">Stadt</a></nav>
      <main><section class="opening">
      <p>Die alte Schule am Marktplatz wird in den kommenden zwei Jahren vollständig saniert und bekommt eine neue Turnhalle.</p>
      <p>Der Unterricht findet so lange in Containern auf dem Sportplatz statt und die Eltern sollen bald einen Brief bekommen.</p>
      <p>Die Stadt rechnet mit Kosten von elf Millionen Euro und hofft auf Geld aus dem Programm des Landes für Schulen.</p>
      </section><section class="story">\(body)</section></main>
      <footer>Impressum</footer></body></html>
      """)
    #expect(text.hasPrefix("Die alte Schule am Marktplatz"))
    #expect(text.contains("Im Abschnitt 20 geht es um die Arbeiten"))
  }

  @Test func aBannerBesideThePageWrapperIsNotTakenForAnArticleSection() {
    // The article's wrapper sits right under <body>; the consent banner before it is a page-level
    // overlay with paragraphs, and its names say nothing.
    let text = Self.text(
      """
      <html><head><title>Ein Titel</title></head><body>
      <div class="layer"><div class="box">
      <p>Diese Seite speichert kleine Dateien auf Ihrem Gerät damit wir sehen können welche Artikel gelesen werden und wie lange.</p>
      <p>Sie können diese Einstellungen jederzeit ändern und Ihre Zustimmung ist freiwillig wie in unserer Erklärung steht.</p>
      <p>Ohne Ihre Zustimmung werden nur die Dateien gespeichert die für den Betrieb der Seite wirklich nötig sind.</p>
      </div></div>
      <div class="page"><nav><a href="/">Start</a></nav><div class="article-body">\(Self.leasingParagraphs)</div></div>
      </body></html>
      """)
    #expect(text.hasPrefix("Beim Leasing zahlt die Firma"))
    #expect(!text.contains("Diese Seite speichert"))
  }
}
