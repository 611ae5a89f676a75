import PageSignals
import SlackscoreCore
import Testing

/// Random strings over an alphabet of the characters the scanners care about must never trap
/// and every raw string must be a substring of the input.
@Suite struct RobustnessTests {
  static let alphabet: [String] = [
    "0", "1", "2", "9", ".", ",", " ", "\u{00A0}", "\u{202F}", "-", "–", "+", "%", "/", ":", "#", "@", "&", "Rp", "$",
    "US$", "€", "rb", "jt", "M", "K", "k", "T", " suka", " komentar", " tanda tangan", " dari ", " of ", " goal",
    "Terkumpul ", "target ", "\n", "(", ")", "x", "é", "中", "{", "}", "\"", "[", "]", "like_count", ":", "'", "\\",
    "\u{FFFD}", "ribu", "orang", "kali",
  ]

  static func randomText(_ generator: inout SplitMix64) -> String {
    let length = Int.random(in: 0..<40, using: &generator)
    return (0..<length).map { _ in alphabet.randomElement(using: &generator)! }.joined()
  }

  @Test func randomTextNeverTraps() {
    var generator = SplitMix64(seed: 20_261_122)
    for _ in 0..<4000 {
      let text = Self.randomText(&generator)
      for counter in CounterReader.fromText(text, lang: "id") + CounterReader.fromText(text, lang: "en") {
        #expect(text.contains(counter.raw), "raw «\(counter.raw)» not in «\(text)»")
        #expect(counter.value >= 0 && counter.value.isFinite)
      }
      _ = LocaleNumber.parse(text, lang: nil)
      _ = CounterReader.fromEmbeddedJSON(text)
      _ = CounterReader.fromJSONLD(text)
      _ = SocialTokens.hashtags(in: text)
      _ = SocialTokens.mentions(in: text)
      _ = LanguageDetector.detect(text)
    }
  }

  @Test func invalidUTF8IsRepairedNotFatal() {
    let bytes: [UInt8] = [
      0x31, 0x32, 0x20, 0xC3, 0x20, 0x6B, 0x6F, 0x6D, 0x65, 0x6E, 0x74, 0x61, 0x72, 0xFF, 0xE2, 0x80,
    ]
    let text = String(decoding: bytes, as: UTF8.self)
    _ = CounterReader.fromText(text, lang: "id")
    _ = SocialTokens.hashtags(in: text)
    _ = LanguageDetector.detect(text)
  }

  @Test func longNumbersAreNotCounts() {
    let text = String(repeating: "9", count: 5000) + " komentar " + String(repeating: "1.", count: 3000) + "5 suka"
    #expect(CounterReader.fromText(text, lang: "id").isEmpty)
  }
}
