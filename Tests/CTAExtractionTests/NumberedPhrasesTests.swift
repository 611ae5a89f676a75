import Foundation
import SlackscoreCore
import Testing

@testable import CTAExtraction

/// The analyzer's phrase matching over word numbers finds what matching on strings finds.
@Suite struct NumberedPhrasesTests {
  static let sentences = [
    "Tanda tangani petisi ini sekarang!", "Sign the petition and share it with your friends.",
    "Do not forget to vote on Tuesday, and don't stop sharing #SaveTheForest.",
    "Ayo sebarkan! Yuk, bantu kami: donasi lewat kitabisa.com/bantu @USER", "Baca juga: wali kota meresmikan taman",
    "Follow us on Instagram, subscribe to our newsletter and join the rally at 5 pm.",
    "Mohon dibantu sebarkan ya, teman-teman 🙏", "#boikotprodukx sekarang juga #TolakTambangMemanggil",
    "Cafe\u{301} café CAFÉ \u{212A}elvin sign-up sign up signing signed e\u{301}x éx ex", "", "?", "a b c d e f g h",
  ]

  @Test func numberedPhrasesFindWhatTheStringMatcherFinds() throws {
    let lexicon = try CTAResources.load(CTALexiconFile.self, named: "cta-lexicon.json")
    var matcher = PhraseMatcher()
    for name in CTAResources.categories {
      for (_, phrases) in (lexicon.categories[name] ?? [:]).sorted(by: { $0.key < $1.key }) {
        matcher.add(phrases, label: name)
      }
    }
    for (name, phrases) in (lexicon.contextCues ?? [:]).sorted(by: { $0.key < $1.key }) {
      matcher.add(phrases, label: "context:" + name)
    }
    matcher.add(
      ["caf\u{E9} x", "cafe\u{301}", "\u{212A}elvin", "sign*", "caf*", "e\u{301}*", "é*", "#*memanggil", "# @ <url>"],
      label: "test")
    let table = WordTable(classes: [], categories: matcher, lists: PhraseMatcher())
    let numbered = matcher.numbered(by: table.number(of:))
    var texts = Self.sentences
    // Every phrase as a sentence, so that every phrase is hit at least once.
    texts += matcher.phrases.map { "x " + $0.phrase.replacingOccurrences(of: "*", with: "kan") + " y" }
    for text in texts {
      let tokens = Tokenizer.tokens(text)
      let entries = table.lookup(tokens)
      var hits: [PhraseHit] = []
      numbered.forEachHit(tokens, entries, slots: .categories) {
        hits.append(PhraseHit(label: matcher.phrases[$0].label, first: $1, end: $2, entry: $0))
      }
      #expect(hits == matcher.hits(in: tokens), "\(text)")
    }
  }

  @Test func isLettersIsAllSatisfyIsLetter() {
    var words = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
    words += ["sebarkan", "Sebar2", "teman-teman", "a\r\nb", "\r\n", "", "café", "e\u{301}", "日本", "ab\u{200D}"]
    for word in words {
      #expect(CueAnalyzer.isLetters(word) == word.allSatisfy(\.isLetter), "\(word.unicodeScalars.map(\.value))")
    }
  }
}
