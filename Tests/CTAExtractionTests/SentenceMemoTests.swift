import SlackscoreCore
import Testing

@testable import CTAExtraction

/// The sentence memo and the scalar-to-UTF-8 path of extraction give what the unmemoised code gives.
@Suite struct SentenceMemoTests {
  static let detector = try! CTADetector.load()

  /// Texts with ASCII, Indonesian and English asks, emoji (with skin tone and joiner), combining
  /// marks, a precomposed letter, CJK and a line separator (all invented for these tests).
  static let texts: [String] = [
    "Tanda tangani petisi ini sekarang! Yuk bantu sebarkan ke grup keluarga ya 🙏 #SelamatkanTamanKota",
    "Sign the petition today. Donate at kitabisa.com/sungaibersih so we can pay for water tests.",
    "Cafe\u{301} warga: ayo datang ke balai desa hari Sabtu pukul 09.00 👍🏽 bawa teman!",
    "Café warga: ayo datang ke balai desa hari Sabtu pukul 09.00 👍🏽 bawa teman!",
    "Ikuti saluran WhatsApp KabarKota untuk kabar terbaru 👉\nPlease share this with your friends 👨‍👩‍👧!",
    "Ribuan warga telah menandatangani petisi. 東京の集会に参加してください。 Join us in Zürich\u{2028}Call your MP now.",
    "@kawan coba kamu share lagi dong. Sebarkan! Vote on Sunday 🗳️.",
  ]

  @Test func scalarTextIsTheStringOfTheScalars() {
    for text in Self.texts + ["", "a", "\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}", "n\u{303}o\u{308}"] {
      let scalars = Array(text.unicodeScalars)
      var view = String.UnicodeScalarView()
      view.append(contentsOf: scalars)
      let expected = String(view)
      #expect(ScalarText.scalars(of: text) == scalars)
      #expect(ScalarText.string(scalars[...]) == expected)
      #expect(Array(ScalarText.string(scalars[...]).utf8) == Array(expected.utf8))
      var bytes: [UInt8] = [1, 2, 3]
      ScalarText.utf8(of: scalars.dropFirst(min(1, scalars.count)), into: &bytes)
      #expect(bytes == Array(String(String.UnicodeScalarView(scalars.dropFirst(min(1, scalars.count)))).utf8))
    }
  }

  /// The same sentences in documents that differ in language, reply status and links: with one memo
  /// over all of them (twice), every document gives what it gives alone without a memo.
  @Test func memoisedCandidatesAreTheUnmemoisedOnes() {
    var inputs: [ExtractInput] = []
    for (n, text) in Self.texts.enumerated() {
      inputs.append(ExtractInput(id: "en-\(n)", text: text, lang: "en"))
      inputs.append(ExtractInput(id: "id-\(n)", text: text, lang: "id"))
      inputs.append(ExtractInput(id: "none-\(n)", text: text))
      inputs.append(ExtractInput(id: "reply-\(n)", text: "@warga " + text, lang: "id"))
      inputs.append(
        ExtractInput(
          id: "linked-\(n)", text: text, lang: "en",
          links: [DocumentLink(url: "https://www.change.org/p/taman/sign", text: "petisi ini", inMain: true)]))
    }
    let memo = SentenceMemo()
    for _ in 0..<2 {
      for input in inputs {
        for reported in [true, false] {
          let plain = Self.detector.candidates(in: input, reported: reported)
          let memoised = Self.detector.candidates(in: input, reported: reported, memo: memo)
          #expect(memoised == plain, "\(input.id)")
        }
      }
    }
    #expect(memo.counts.hits > memo.counts.misses)
    #expect(inputs.contains { !Self.detector.candidates(in: $0, memo: memo).isEmpty })
  }

  /// A memo shared by worker threads gives the single-threaded result.
  @Test func sharedMemoAcrossThreads() {
    let inputs = (0..<200).map { n in
      ExtractInput(id: "\(n)", text: Self.texts[n % Self.texts.count], lang: n % 3 == 0 ? "id" : "en")
    }
    let plain = inputs.map { Self.detector.candidates(in: $0) }
    #expect(ExtractStage.extract(inputs, detector: Self.detector, jobs: 4) == plain)
  }
}

/// The segmenter steps over plain ASCII without its rules: exactly the scalars no rule looks at, and
/// the letters a URL starts with ("h", "w") inside a word, where no URL starts.
@Suite struct SegmenterFastPathTests {
  @Test func plainASCIIIsWhatNoRuleReads() {
    let read: Set<UInt8> = Set("\n\r.!?hHwW".utf8)
    for v in 0..<128 { #expect(SentenceSegmenter.plainASCII[v] == !read.contains(UInt8(v)), "\(v)") }
    // Every scalar below 300, then "h" and "w" after a letter, a space, "(", a quote and ":".
    let scalars = (0..<300).map { Unicode.Scalar(UInt32($0))! } + Array("ahb hw(h\"w:hxW\u{A0}h".unicodeScalars)
    for start in scalars.indices {
      let end = scalars.indices[start...].first { i in
        let v = scalars[i].value
        guard v < 128 else { return true }
        if SentenceSegmenter.plainASCII[Int(v)] { return false }
        let urlLetter = "hHwW".unicodeScalars.contains(scalars[i])
        let urlMayFollow =
          i == 0 || SentenceSegmenter.isSpace(scalars[i - 1]) || "(\":".unicodeScalars.contains(scalars[i - 1])
        return !urlLetter || urlMayFollow
      }
      #expect(SentenceSegmenter.plainASCIIEnd(scalars, from: start) == end ?? scalars.count, "\(start)")
    }
  }
}
