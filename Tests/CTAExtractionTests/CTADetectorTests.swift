import CTAExtraction
import SlackscoreCore
import Testing

/// Sentences written for these tests; the labelled training data lives in training/cta.
@Suite struct CTADetectorTests {
  static let detector = try! CTADetector.load()

  @Test(
    "calls to action are found and typed",
    arguments: [
      ("Tolong dibantu sebar ya kak, adik kami hilang sejak kemarin sore.", "id", "share"),
      ("Ayo tanda tangani petisinya sebelum sidang paripurna hari Kamis!", "id", "sign"),
      ("Yuk donasi untuk dapur umum korban gempa, berapapun nominalnya sangat berarti.", "id", "donate"),
      ("Jangan golput, datang ke TPS tanggal 14 dan bawa KTP-mu.", "id", "vote"),
      ("Mari turun ke jalan hari Jumat, titik kumpul di depan gedung DPRD.", "id", "attend"),
      ("Hubungi anggota dewan dari dapilmu dan tanyakan sikapnya soal RUU ini.", "id", "contact"),
      ("Ayo RT biar sampai ke pejabat yang berwenang!", "id", "share"),
      ("Please share this with anyone who lives near the old quarry.", "en", "share"),
      ("Sign the petition before the council votes on Tuesday.", "en", "sign"),
      ("Chip in $10 today to keep the legal clinic open.", "en", "donate"),
      ("Call your senator and tell them to vote no on the water bill.", "en", "contact"),
      ("Don't buy their bottled water until they stop draining the spring.", "en", "boycott"),
      ("Let's fill the square on Saturday, bring your neighbours.", "en", "attend"),
    ])
  func detects(_ sentence: String, _ lang: String, _ category: String) {
    let verdict = Self.detector.judge(sentence: sentence, lang: lang)
    #expect(verdict.isCallToAction, "p=\(verdict.probability)")
    #expect(verdict.category == category)
  }

  @Test(
    "reports, questions and moralising are not calls to action",
    arguments: [
      ("Ribuan mahasiswa telah menandatangani petisi itu sejak pekan lalu.", "id"),
      ("Menurut polisi, massa aksi membubarkan diri pukul 18.00.", "id"),
      ("Apakah petisi daring benar-benar mengubah kebijakan?", "id"),
      ("The bill was signed into law by the governor last week.", "en"),
      ("More than 2,000 people have donated since the appeal began, organisers said.", "en"),
      ("Does signing an online petition actually change anything?", "en"),
    ])
  func rejects(_ sentence: String, _ lang: String) {
    let verdict = Self.detector.judge(sentence: sentence, lang: lang)
    #expect(!verdict.isCallToAction, "p=\(verdict.probability) cues=\(verdict.analysis.cues)")
  }

  /// A how-to page's imperatives are steps: an unlinked petition ask on it is dropped, a volunteer's
  /// task kept (twenty-eighth session: a theatre boosters' page whose show-night chores read as a
  /// how-to lost every task).
  @Test func anInstructionGenreKeepsAVolunteersTasks() {
    let text = """
      Preheat the oven and grease the baking tray. Stir in the flour and bake for twenty minutes. \
      Install the package with pip and run the tests. Help serve meals at the Friday show. \
      Sign the petition today.
      """
    let asks = Self.detector.candidates(in: ExtractInput(id: "how-to", text: text, lang: "en"))
    #expect(asks.map(\.cta.category) == ["volunteer"], "\(asks.map(\.cta.sentence))")
  }

  @Test func cuesNameWhatFired() {
    let polite = Self.detector.judge(sentence: "Mohon dibantu sebarkan info ini ya", lang: "id")
    #expect(polite.analysis.cues.contains("polite-passive"))
    #expect(polite.analysis.cues.contains("lexicon:share"))
    let reported = Self.detector.judge(sentence: "Mereka sudah menandatangani petisi itu.", lang: "id")
    #expect(reported.analysis.cues.contains("reported-act"))
    let hortative = Self.detector.judge(sentence: "Let's pack the hearing room on Monday.", lang: "en")
    #expect(hortative.analysis.cues.contains("hortative-initial"))
    let question = Self.detector.judge(sentence: "Why did the council cancel the hearing?", lang: "en")
    #expect(question.analysis.cues.contains("question"))
  }

  @Test(
    "links resolve through the registry",
    arguments: [
      ("https://www.change.org/p/save-the-mangroves", "change.org", "petition"),
      ("chng.it/AbCd123", "change.org", "petition"),
      ("https://kitabisa.com/campaign/bantuwarga", "kitabisa", "donation"),
      ("https://wa.me/6281200000000", "whatsapp", "messaging"),
      ("https://www.facebook.com/events/12345/", "facebook-events", "event"),
      ("https://www.lapor.go.id/", "lapor", "contact"),
    ])
  func registry(_ url: String, _ platform: String, _ kind: String) {
    let target = Self.detector.analyzer.registry.target(for: url)
    #expect(target?.platform == platform)
    #expect(target?.kind == kind)
  }

  @Test func unknownHostsAreNotPlatforms() {
    #expect(Self.detector.analyzer.registry.target(for: "https://example.org/petition") == nil)
  }
}
