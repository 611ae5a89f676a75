import SlackscoreCore
import Testing

@testable import CTAExtraction

/// The features and recurrence facts made from bytes are the ones made from strings.
@Suite struct ByteFeaturesTests {
  static let words = [
    "sebarkan", "disebarkan", "menyebarkan", "sharing", "shared", "tandatangani", "bantu", "ayo", "share",
    "bagikanlah", "café", "cafés", "e\u{301}xxxxx", "xxxxe\u{301}", "abc\r\nde", "日本語のテキスト", "ab", "",
    "di\u{301}bagikan", "membagikannya",
  ]

  @Test func stemIndexIsTheIndexOfTheStem() {
    let hasher = FeatureHasher(dimension: 1 << 18)
    for word in Self.words {
      #expect(hasher.stemIndex(word) == FeatureHasher.stem(word).map { hasher.index(FeatureHasher.stemSeed, $0) })
    }
  }

  @Test func affixesAreThoseOfTheCharacters() {
    let hasher = FeatureHasher(dimension: 1 << 18)
    for word in Self.words {
      var out: [Int] = []
      hasher.appendAffixes(of: word, to: &out)
      let expected =
        word.count >= 5
        ? [hasher.index("hs3", String(word.suffix(3))), hasher.index("hp2", String(word.prefix(2)))] : []
      #expect(out == expected, "\(word)")
    }
  }

  @Test func recurrenceKeyFactsAreThoseOfTheKey() {
    let sentences = [
      "Ikuti saluran WhatsApp kami!", "ikuti saluran whatsapp kami 👉", "Donasi Rp 50.000 di kitabisa.com/x @USER #Aksi",
      "e \u{301}x y", "Café \u{301}ouvert, 12 h", "日本 語 テキスト", "", "!!! 👉", "RT @a: sign https://chng.it/x now",
    ]
    for sentence in sentences {
      let tokens = Tokenizer.tokens(sentence)
      let facts = RecurrenceKey(tokens)
      let key = CTADetector.recurrenceKey(tokens)
      #expect(facts.key == key, "\(sentence)")
      #expect(facts.words == BoilerplateMarker.wordCount(key), "\(sentence)")
      #expect(facts.hash == BoilerplateFacts.keyHash(key), "\(sentence)")
    }
  }
}
