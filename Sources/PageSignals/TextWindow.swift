// The words next to a number, up to the nearest phrase boundary, for the phrase matcher.

/// One word next to a number.
struct WindowWord {
  let start: Int
  let end: Int
  /// For words before a number: whether a `:` or `(` sits between this word and the number.
  let labelMarkBetween: Bool
}

/// Collects the words after or before a number in the same phrase. A phrase ends at a line
/// break, another number, and punctuation that closes a clause (`.` `,` `;` `!` `?` `|` `·` `•`
/// `/` ...). Quotes, brackets, `:`, `*`, `+`, dashes and `×` are skipped over.
enum TextWindow {
  /// Most words looked at on each side.
  static let maximumWords = 6

  enum Step {
    case skip
    case stop
    case word
  }

  /// How the scanner treats the scalar `value`.
  static func step(for value: UInt32) -> Step {
    if ByteText.isSpace(value) { return .skip }
    if ByteText.isLineBreak(value) { return .stop }
    if value < 0x80 {
      let byte = UInt8(value)
      if ByteText.isDigit(byte) { return .stop }
      if ByteText.isASCIILetter(byte) || byte == 0x5F { return .word }
      switch byte {
      case 0x3A, 0x28, 0x29, 0x5B, 0x5D, 0x22, 0x27, 0x2A, 0x2B, 0x2D: return .skip  // : ( ) [ ] " ' * + -
      default: return .stop
      }
    }
    switch value {
    case 0x2018, 0x2019, 0x201C, 0x201D, 0x2013, 0x2014, 0xD7, 0xAB, 0xBB: return .skip
    default: return ByteText.isWordScalar(value) ? .word : .stop
    }
  }

  /// Words after `index`, nearest first.
  static func after(_ text: ByteText, from index: Int) -> [WindowWord] {
    var words: [WindowWord] = []
    var index = index
    while index < text.count, words.count < maximumWords {
      let (value, length) = text.scalar(at: index)
      switch step(for: value) {
      case .skip: index += length
      case .stop: return words
      case .word:
        let end = text.wordEnd(from: index)
        words.append(WindowWord(start: index, end: end, labelMarkBetween: false))
        index = end
      }
    }
    return words
  }

  /// Words before `index`, nearest first.
  static func before(_ text: ByteText, from index: Int) -> [WindowWord] {
    var words: [WindowWord] = []
    var index = index
    var labelMark = false
    while words.count < maximumWords, let (value, start) = text.scalar(before: index) {
      // "/" between a tab's label and its count ("Funders / 95", "Comments / 7"): only before it.
      if value == 0x2F && words.isEmpty && !labelMark {
        labelMark = true
        index = start
        continue
      }
      switch step(for: value) {
      case .skip:
        // ":" "(" "[": a label before its count ("Donors: 1,204", "Komentar (14)", "Comments [3]").
        if value == 0x3A || value == 0x28 || value == 0x5B { labelMark = true }
        index = start
      case .stop: return words
      case .word:
        let wordStart = text.wordStart(endingAt: index)
        words.append(WindowWord(start: wordStart, end: index, labelMarkBetween: labelMark))
        index = wordStart
      }
    }
    return words
  }

  /// Whether `word` equals one of `list` (lowercase), ignoring ASCII case.
  static func word(_ word: WindowWord, in text: ByteText, isOneOf list: [[UInt8]]) -> Bool {
    let length = word.end - word.start
    for entry in list where entry.count == length && text.hasPrefixIgnoringCase(entry, at: word.start) {
      return true
    }
    return false
  }
}
