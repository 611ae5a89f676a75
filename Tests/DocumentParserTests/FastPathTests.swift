import SlackscoreCore
import Testing

@testable import DocumentParser

/// The word-at-a-time and skip-ahead fast paths agree with the plain definitions they
/// replace, on hand-picked edge cases and on seeded random text.
@Suite struct FastPathTests {
  /// Random text made of pieces that hit every branch: words, single and double spaces,
  /// tabs and line breaks, no-break spaces, commas (ASCII and fullwidth), accents, and the
  /// needles' own words in mixed case.
  static func randomText(seed: UInt64, pieces: Int, extra: [String] = []) -> String {
    var random = SplitMix(seed: seed)
    let parts =
      [
        "kata", "warga", "Petisi", "(foto:", "Credit:", " ", " ", "  ", "\t", "\n", "\u{A0}", ",", "，", "、", "é",
        "ñ", "—", "x", "ab", "1.234", "©", "\"", "\\",
      ] + extra
    return (0..<pieces).map { _ in parts[Int(random.next() % UInt64(parts.count))] }.joined()
  }

  // MARK: NeedleSet

  static let needleSets: [[String]] = [
    BoilerplateMarkers.promoPhrases,
    ["(image:", "(photo:", "(foto:", "credit:", "(getty"],
    ["ad", "nav", "share", "sidebar"],
    ["whatsapp channel", "google news"],
  ]

  @Test(arguments: 0..<needleSets.count)
  func needleSearchMatchesAPlainSearch(set: Int) {
    let words = Self.needleSets[set]
    let needles = NeedleSet(words)
    for seed in 0..<300 {
      let text = Self.randomText(
        seed: UInt64(seed * 31 + set), pieces: 1 + seed % 40, extra: words.map { $0.uppercased() } + words)
      // NeedleSet folds ASCII case only ("Ä" and "ä" differ), as the phrase lists expect.
      let folded = String(decoding: text.utf8.map { $0 &- 65 < 26 ? $0 | 0x20 : $0 }, as: UTF8.self)
      let expected = words.contains { folded.utf8.contains($0.utf8) }
      #expect(needles.occurs(in: Array(text.utf8)) == expected, "\(words) in \(text.debugDescription)")
    }
  }

  @Test func taggedSearchEqualsOneSearchPerVocabulary() {
    let vocabularies = Self.needleSets
    let tagged = NeedleSet(
      tagged: vocabularies.enumerated().flatMap { index, words in words.map { ($0, UInt32(1) << UInt32(index)) } })
    let single = vocabularies.map { NeedleSet($0) }
    for seed in 0..<300 {
      let text = Self.randomText(
        seed: UInt64(seed), pieces: 1 + seed % 30, extra: vocabularies.flatMap { $0 } + ["SIDEBAR", "Nav"])
      let bytes = Array(text.utf8)
      var expected: UInt32 = 0
      for (index, set) in single.enumerated() where set.occurs(in: bytes) { expected |= 1 << UInt32(index) }
      #expect(bytes.withUnsafeBufferPointer { tagged.tags(in: $0) } == expected, "\(text.debugDescription)")
    }
  }

  @Test func needleSearchFindsMatchesAtTheEdgesAndIgnoresCase() {
    let needles = NeedleSet(["whatsapp channel", "google news"])
    #expect(needles.occurs(in: Array("whatsapp channel".utf8)))
    #expect(needles.occurs(in: Array("Ikuti WhatsApp Channel".utf8)))
    #expect(needles.occurs(in: Array("Google News kami".utf8)))
    #expect(!needles.occurs(in: Array("google new".utf8)))
    #expect(!needles.occurs(in: Array("".utf8)))
    #expect(needles.startsAny(Array("GOOGLE NEWS".utf8)))
  }

  // MARK: Text collapsing

  /// The definition: runs of ASCII whitespace and no-break spaces become one space, none at
  /// the edges.
  static func collapsed(_ text: String) -> String {
    var out = ""
    var pending = false
    for scalar in text.unicodeScalars {
      if scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar == "\u{0C}" || scalar == "\u{A0}"
      {
        pending = !out.isEmpty
        continue
      }
      if pending { out.unicodeScalars.append(" ") }
      pending = false
      out.unicodeScalars.append(scalar)
    }
    return out
  }

  @Test func collapsedTextSurveyCountsWhatItKeepsAndRefusesWhatItCannot() throws {
    let text = "Petisi, ditandatangani warga é"
    let plain = try #require(Array(text.utf8).withUnsafeBufferPointer { CollapsedText.survey($0) })
    #expect(plain.characters == text.unicodeScalars.count)
    #expect(plain.spaces == 3)
    #expect(plain.commas == 1)
    for refused in ["a  b", "a\tb", "a\nb", "a\u{A0}b", "a，b", "a、b", "12345678  9", "1234567  89"] {
      let survey = Array(refused.utf8).withUnsafeBufferPointer { CollapsedText.survey($0) }
      #expect(survey == nil, "\(refused.debugDescription)")
    }
  }

  @Test(arguments: 0..<200)
  func pageTextIsCollapsedLikeTheDefinition(seed: Int) throws {
    let paragraph = Self.randomText(seed: UInt64(seed), pieces: 1 + seed % 60)
    let escaped = paragraph.filter { !"\\\"<&".contains($0) }
    let html = "<html><body><main><p>\(escaped)</p></main></body></html>"
    let page = try HTMLDocument(bytes: Array(html.utf8))
    let model = PageWalker.model(of: page)
    let text = model.blocks.map { model.string(of: $0) }.joined(separator: "\n")
    #expect(text == Self.collapsed(escaped))
    let characters = model.blocks.reduce(0) { $0 + Int($1.characters) }
    #expect(characters == Self.collapsed(escaped).unicodeScalars.count)
  }
}
