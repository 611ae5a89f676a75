import CTAExtraction
import Testing

@Suite struct SentenceSegmenterTests {
  let segmenter = try! CTADetector.load().segmenter

  func sentences(_ text: String) -> [String] {
    let scalars = Array(text.unicodeScalars)
    return segmenter.split(text).map { span in
      var view = String.UnicodeScalarView()
      view.append(contentsOf: scalars[span.start..<span.end])
      return String(view)
    }
  }

  /// "h" and "w" inside words are stepped over fast; a URL after a space or "(" still keeps its dots.
  @Test func wordsWithTheLettersOfAURLSplitWhereTheirSentencesEnd() {
    #expect(
      sentences(
        "Why wait? Show up with friends at www.example.org. Then share http://x.org/a.b now! What (http://y.org) now."
      ) == [
        "Why wait?", "Show up with friends at www.example.org.", "Then share http://x.org/a.b now!",
        "What (http://y.org) now.",
      ])
  }

  @Test(
    "splits where people end sentences",
    arguments: [
      (
        "Warga berkumpul di Jl. Sudirman No. 12 sejak pagi. Mereka membawa spanduk, poster dll. dan bendera.",
        ["Warga berkumpul di Jl. Sudirman No. 12 sejak pagi.", "Mereka membawa spanduk, poster dll. dan bendera."]
      ),
      (
        "Dr. Rina Hartono from the U.S. office spoke first. Costs rose 3.5 percent, e.g. for rent.",
        ["Dr. Rina Hartono from the U.S. office spoke first.", "Costs rose 3.5 percent, e.g. for rent."]
      ),
      (
        "Tanda tangani di https://www.change.org/p/selamatkan-taman-kota?utm=wa. Lalu bagikan ke grup keluarga!!!",
        ["Tanda tangani di https://www.change.org/p/selamatkan-taman-kota?utm=wa.", "Lalu bagikan ke grup keluarga!!!"]
      ),
      (
        "Yuk ramaikan #SelamatkanTamanKota 🙏 Jangan lupa ajak temanmu",
        ["Yuk ramaikan #SelamatkanTamanKota 🙏", "Jangan lupa ajak temanmu"]
      ),
      (
        "Kami sudah menunggu... Tapi belum ada jawaban\nDonasi dibuka sampai Jumat",
        ["Kami sudah menunggu...", "Tapi belum ada jawaban", "Donasi dibuka sampai Jumat"]
      ),
      (
        "Pemilihan umum telah memanggil kita ...Mari menangkan pasangan nomor 2..TPS buka jam 7...ok",
        ["Pemilihan umum telah memanggil kita ...", "Mari menangkan pasangan nomor 2..TPS buka jam 7...ok"]
      ),
      (
        "wait... what happened to the budget? Nobody knows!",
        ["wait... what happened to the budget?", "Nobody knows!"]
      ),
      (
        "Call your MP today (their number is on parliament.uk). Thanks!",
        ["Call your MP today (their number is on parliament.uk).", "Thanks!"]
      ),
      (
        "\"Ayo turun ke jalan!\" teriak seorang orator. Polisi berjaga di depan gedung.",
        ["\"Ayo turun ke jalan!\" teriak seorang orator.", "Polisi berjaga di depan gedung."]
      ),
      ("Tolong bantu！Sebarkan？ok ‼ Ayo ⁉", ["Tolong bantu！Sebarkan？ok ‼", "Ayo ⁉"]),
      // Posts that drop the space after the mark, or follow it with a semicolon.
      ("Buat apa ribut?Lawan di pemilu nanti.", ["Buat apa ribut?", "Lawan di pemilu nanti."]),
      ("Sudah daftar??; Cek lagi ya", ["Sudah daftar??;", "Cek lagi ya"]),
      ("Yahoo!mail and e.g. x?y stay", ["Yahoo!mail and e.g. x?y stay"]),
      // An emoji a lossy export turned into U+FFFD and question marks is no question.
      ("Sudah daftar \u{FFFD}?? Cek lagi ya", ["Sudah daftar \u{FFFD}??", "Cek lagi ya"]),
      ("Cek nama \u{FFFD}?\u{FFFD}\u{FFFD} di DPT ya", ["Cek nama \u{FFFD}?\u{FFFD}\u{FFFD} di DPT ya"]),
      ("  \n\n  ", []),
    ])
  func splits(_ text: String, _ expected: [String]) {
    #expect(sentences(text) == expected)
  }

  @Test func anAgreementQuestionStaysWithTheRetweetAskAfterIt() {
    #expect(
      sentences("Harga BBM naik lagi. Setuju? RT kalau kamu juga keberatan") == [
        "Harga BBM naik lagi.", "Setuju? RT kalau kamu juga keberatan",
      ])
    #expect(sentences("Setuju? Saya juga.") == ["Setuju?", "Saya juga."])
  }

  @Test func offsetsAreScalarOffsets() {
    let text = "🇮🇩 Ayo dukung! Pakai #TolakRUU ya 👍🏽\nSign now: chng.it/abc… Thanks."
    let scalars = Array(text.unicodeScalars)
    let spans = segmenter.split(text)
    #expect(!spans.isEmpty)
    for span in spans {
      #expect(span.start < span.end && span.end <= scalars.count)
      var view = String.UnicodeScalarView()
      view.append(contentsOf: scalars[span.start..<span.end])
      let sentence = String(view)
      #expect(sentence.first?.isWhitespace == false && sentence.last?.isWhitespace == false)
    }
    for (a, b) in zip(spans, spans.dropFirst()) { #expect(a.end <= b.start) }
  }

  /// Messy mixtures of the pieces that trip segmenters; every run must end, and every span must be a
  /// trimmed, in-order slice of the text. (A full-width "！" once looped forever.)
  @Test func survivesMessyText() {
    let pieces = [
      "Sign now!", "https://x.co/a?b=c.", "...", "…", "!!!", "?!", "🙏🏽", "👨‍👩‍👧", "#Tag", "@user", "Jl.", "dll.", "e.g.",
      "U.S.", "3.5", "1.500,00", "\u{200D}", "\u{0301}", "\u{202E}", "\r\n", "\n", "\"", "“", "”", "’", "(", ")",
      "ya", "Tolong", "kitabisa.com/x", "www.", "http://", "#", "@", ".", "‼", "？", "！", "。", "\u{2028}", "ß", "漢字",
    ]
    var state: UInt64 = 7
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    for _ in 0..<300 {
      var text = ""
      for _ in 0..<next(40) { text += pieces[next(pieces.count)] + (next(3) == 0 ? "" : " ") }
      let scalars = Array(text.unicodeScalars)
      var last = 0
      for span in segmenter.split(text) {
        #expect(span.start >= last && span.start < span.end && span.end <= scalars.count)
        last = span.end
      }
      _ = Tokenizer.tokens(text)
    }
  }
}
