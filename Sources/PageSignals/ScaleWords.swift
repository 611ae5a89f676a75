// Scale words after a number: "rb", "juta", "K", "M", "miliar", "bn", ...
//
// Indonesian: `rb`/`ribu` 10³, `jt`/`juta` 10⁶, `miliar`/`milyar`/`M` 10⁹ (for rupiah or Indonesian
// text), `triliun`/`trilyun`/`T` 10¹². English: `K`/`k`/`thousand` 10³, `M`/`m`/`mn`/`million`/`mio`
// 10⁶, `B`/`b`/`bn`/`billion`/`bilion` (Malay) 10⁹, `trillion`/`T` 10¹². Single upper-case letters may follow the
// number directly or after one space; single lower-case letters (`k`, `m`, `b`) only directly
// ("3.4k", not "3.4 k"). `T` needs a currency. Every scale word must end the word.

/// Which locale a scale word belongs to; it decides how an ambiguous separator reads.
enum ScaleLocale {
  case indonesian, english, neutral
}

/// A scale word read after a number.
struct ScaleWord {
  /// Byte index after the word.
  let end: Int
  let locale: ScaleLocale
  /// The multiplier, or nil for the bare `M`, whose value depends on the locale (10⁹ in
  /// Indonesian and for rupiah, 10⁶ in English).
  let multiplier: Double?

  private static let words: [(word: [UInt8], locale: ScaleLocale, multiplier: Double)] = [
    (Array("ribu".utf8), .indonesian, 1e3), (Array("rb".utf8), .indonesian, 1e3),
    (Array("juta".utf8), .indonesian, 1e6), (Array("jt".utf8), .indonesian, 1e6),
    (Array("miliar".utf8), .indonesian, 1e9), (Array("milyar".utf8), .indonesian, 1e9),
    (Array("triliun".utf8), .indonesian, 1e12), (Array("trilyun".utf8), .indonesian, 1e12),
    (Array("thousand".utf8), .english, 1e3), (Array("million".utf8), .english, 1e6),
    (Array("mn".utf8), .english, 1e6), (Array("mio".utf8), .english, 1e6),
    (Array("billion".utf8), .english, 1e9), (Array("bn".utf8), .english, 1e9),
    (Array("bilion".utf8), .english, 1e9),  // Malay
    (Array("trillion".utf8), .english, 1e12),
  ]

  /// The scale word right after a numeral ending at `index`, or nil. `hasCurrency` allows `T`.
  static func read(_ text: ByteText, at index: Int, hasCurrency: Bool) -> ScaleWord? {
    guard index < text.count else { return nil }
    let glued = ByteText.isASCIILetter(text[index])
    let start = glued ? index : text.skipSpaces(from: index)
    guard start < text.count, ByteText.isASCIILetter(text[start]), start - index <= 3 else { return nil }
    let end = text.wordEnd(from: start)
    if end - start == 1 {
      switch text[start] {
      case 0x4B: return ScaleWord(end: end, locale: .english, multiplier: 1e3)  // K
      case 0x6B where glued: return ScaleWord(end: end, locale: .english, multiplier: 1e3)  // k
      case 0x4D: return ScaleWord(end: end, locale: .neutral, multiplier: nil)  // M
      case 0x6D where glued: return ScaleWord(end: end, locale: .english, multiplier: 1e6)  // m
      case 0x42: return ScaleWord(end: end, locale: .english, multiplier: 1e9)  // B
      case 0x62 where glued: return ScaleWord(end: end, locale: .english, multiplier: 1e9)  // b
      case 0x54 where hasCurrency: return ScaleWord(end: end, locale: .neutral, multiplier: 1e12)  // T
      default: return nil
      }
    }
    for entry in words where entry.word.count == end - start {
      if text.hasPrefixIgnoringCase(entry.word, at: start) {
        return ScaleWord(end: end, locale: entry.locale, multiplier: entry.multiplier)
      }
    }
    return nil
  }
}
