// A fast built-in language identifier: no data download, one pass over at most the first
// 16 KiB of the text, stopping early once the evidence is overwhelming (`isSettled`).
//
// 1. Script: when most letters are not Latin, the dominant script decides (Thai `th`, Hangul
//    `ko`, kana `ja`, Han `zh`, Arabic `ar`, Cyrillic `ru`, Greek `el`, Devanagari `hi`).
// 2. Latin text: every word is looked up in the stopword profiles (`LanguageProfiles`); the
//    profile with most hits wins. Indonesian/Malay form one profile; their marker words then
//    decide between `id` and `ms`: Malay needs at least two Malay markers and more than the
//    Indonesian ones (most sources here are Indonesian, and the languages share most words).
// 3. Too little evidence gives nil: fewer than 4 words, fewer than 2 stopword hits, stopwords
//    under 8% of the words, or a tie between the two best profiles.

/// Detects the language of text.
enum LanguageDetection {
  static let maximumBytes = 16_384

  private enum Script: Int, CaseIterable {
    case latin, thai, hangul, kana, han, arabic, cyrillic, greek, devanagari
  }

  private static func script(of scalar: UInt32) -> Script? {
    switch scalar {
    case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F: return .latin
    case 0x0E00...0x0E7F: return .thai
    case 0xAC00...0xD7AF, 0x1100...0x11FF, 0x3130...0x318F: return .hangul
    case 0x3040...0x30FF: return .kana
    case 0x4E00...0x9FFF, 0x3400...0x4DBF: return .han
    case 0x0600...0x06FF, 0x0750...0x077F: return .arabic
    case 0x0400...0x04FF: return .cyrillic
    case 0x0370...0x03FF: return .greek
    case 0x0900...0x097F: return .devanagari
    default: return nil
    }
  }

  /// How often (in bytes) the detector asks whether it has seen enough.
  static let chunkBytes = 2_048

  /// Whether more text cannot reasonably change the answer: clearly Latin-script text with
  /// 250+ words, a best profile with 40+ stopword hits and three times the runner-up, and
  /// for Indonesian/Malay a marker lead of five either way.
  private static func isSettled(scores: [Int], words: Int, latin: Int, scripts: [Int]) -> Bool {
    guard words >= 250, latin > 0, scripts.reduce(0, +) * 10 < latin else { return false }
    var best = -1
    var bestScore = 0
    var second = 0
    for language in candidates {
      let score = scores[language.rawValue]
      if score > bestScore {
        second = bestScore
        bestScore = score
        best = language.rawValue
      } else if score > second {
        second = score
      }
    }
    guard bestScore >= 40, bestScore >= 3 * second else { return false }
    if best == ProfileLanguage.malayic.rawValue {
      let malay = scores[ProfileLanguage.malayMarker.rawValue]
      let indonesian = scores[ProfileLanguage.indonesianMarker.rawValue]
      return malay >= indonesian + 5 || indonesian >= malay + 5
    }
    return true
  }

  /// The profiles that name a language, in tie-breaking order.
  private static let candidates: [ProfileLanguage] = [
    .malayic, .english, .dutch, .german, .french, .spanish, .portuguese, .italian,
  ]

  static func detect(_ string: String) -> String? {
    ByteText.with(string) { text in
      let limit = min(text.count, maximumBytes)
      var scripts = [Int](repeating: 0, count: Script.allCases.count)
      var scores = [Int](repeating: 0, count: ProfileLanguage.allCases.count)
      var latinLetters = 0
      var words = 0
      var hits = 0
      var index = 0
      var wordStart = -1
      // The word's key, as `LanguageProfiles.wordHash`, built while scanning so that no
      // byte is read twice.
      var key = WordKey()
      let masks = LanguageProfiles.masks
      @inline(__always) func finishWord(at end: Int) {
        guard wordStart >= 0 else { return }
        defer { wordStart = -1 }
        guard end - wordStart <= 24 else { return }
        words += 1
        guard var mask = masks[key.value] else { return }
        hits += 1
        while mask != 0 {
          scores[mask.trailingZeroBitCount] += 1
          mask &= mask &- 1
        }
      }
      @inline(__always) func startWord(at index: Int) {
        if wordStart < 0 {
          wordStart = index
          key = WordKey()
        }
      }
      // The text is read in chunks; after each, the detector stops early once the evidence
      // is overwhelming (see `isSettled`), which long articles reach within a few KiB.
      var chunkEnd = min(limit, chunkBytes)
      var settled = false
      while index < limit {
        if index >= chunkEnd {
          if isSettled(scores: scores, words: words, latin: latinLetters, scripts: scripts) {
            settled = true
            break
          }
          chunkEnd = min(limit, chunkEnd + chunkBytes)
        }
        let byte = text[index]
        if byte < 0x80 {
          if ByteText.isASCIILetter(byte) {
            startWord(at: index)
            if index + 8 <= limit {
              // Up to eight ASCII letters at once.
              let (word, count) = ASCIILetters.leading(in: text.bytes, at: index)
              key.add(packed: word, count: count)
              latinLetters += count
              index += count
              // The byte after a short run is no letter; when it is ASCII (a space, mostly)
              // the word ends here, without another turn of the loop.
              if count < 8 && text[index] < 0x80 {
                finishWord(at: index)
                index += 1
              }
              continue
            }
            latinLetters += 1
            key.add(byte)
          } else {
            finishWord(at: index)
          }
          index += 1
          continue
        }
        let (value, length) = text.scalar(at: index)
        if let script = script(of: value) {
          if script == .latin {
            latinLetters += 1
            startWord(at: index)
            for k in 0..<length { key.add(text[index + k]) }
          } else {
            scripts[script.rawValue] += 1
            finishWord(at: index)
          }
        } else {
          finishWord(at: index)
        }
        index += length
      }
      if !settled { finishWord(at: limit) }
      scripts[Script.latin.rawValue] = latinLetters

      let latin = scripts[Script.latin.rawValue]
      let other = scripts.indices.filter { $0 != Script.latin.rawValue }.max { scripts[$0] < scripts[$1] }!
      if scripts[other] > latin {
        guard scripts[other] >= 10 else { return nil }
        switch Script(rawValue: other)! {
        case .thai: return "th"
        case .hangul: return "ko"
        case .kana: return "ja"
        case .han: return scripts[Script.kana.rawValue] * 10 >= scripts[other] ? "ja" : "zh"
        case .arabic: return "ar"
        case .cyrillic: return "ru"
        case .greek: return "el"
        case .devanagari: return "hi"
        case .latin: return nil
        }
      }
      guard words >= 4, hits >= 2, hits * 100 >= words * 8 else { return nil }
      let ranked = candidates.sorted { scores[$0.rawValue] > scores[$1.rawValue] }
      let best = ranked[0]
      let bestScore = scores[best.rawValue]
      guard bestScore >= 2, bestScore > scores[ranked[1].rawValue] else { return nil }
      if best == .malayic {
        let malay = scores[ProfileLanguage.malayMarker.rawValue]
        return malay >= 2 && malay > scores[ProfileLanguage.indonesianMarker.rawValue] ? "ms" : "id"
      }
      return best.code
    }
  }
}

/// Word-at-a-time reading of ASCII letters (SWAR).
enum ASCIILetters {
  private static let highs: UInt64 = 0x8080_8080_8080_8080

  /// The ASCII letters at the start of the eight bytes at `index` (there must be eight),
  /// lower-cased and packed little-endian into the low bytes, and how many there are.
  @inline(__always)
  static func leading(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (word: UInt64, count: Int) {
    let word = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
    let ascii = ~word & highs
    // Lower-case, and clear the high bits so that the byte-wise sums below cannot carry.
    let folded = (word | 0x2020_2020_2020_2020) & 0x7F7F_7F7F_7F7F_7F7F
    let atLeastA = (folded &+ 0x1F1F_1F1F_1F1F_1F1F) & highs  // folded >= 0x61
    let atMostZ = ~(folded &+ 0x0505_0505_0505_0505) & highs  // folded <= 0x7A
    let letters = ascii & atLeastA & atMostZ
    let count = (~letters & highs).trailingZeroBitCount / 8
    let kept = count == 8 ? UInt64.max : (UInt64(1) << UInt64(8 * count)) &- 1
    return ((word | 0x2020_2020_2020_2020) & kept, count)
  }
}
