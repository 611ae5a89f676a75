/// A `PhraseMatcher`'s phrases over a `WordTable`'s word numbers: an exact piece is the number of
/// its text, so matching it compares two integers instead of two strings, and the pieces of all
/// phrases sit in flat arrays (a match retains no per-phrase array and copies no piece).
///
/// Finds what `PhraseMatcher.hits(in:)` finds, in the same order: a token whose text equals a
/// piece's text has that text's number in the table (the table answers `String` equality).
struct NumberedPhrases: Sendable {
  /// What one piece matches.
  enum Kind: UInt8, Sendable {
    /// The token whose word number is the operand.
    case word
    /// A word or hashtag starting with the stem numbered by the operand (`PhrasePiece.prefix`).
    case prefix
    /// A hashtag ending with the stem numbered by the operand (`PhrasePiece.hashtagSuffix`).
    case hashtagSuffix
    case anyHashtag
    case anyMention
    case anyURL
  }

  /// Kind and operand of every piece; the pieces of phrase `p` are `pieceStart[p]..<pieceStart[p + 1]`.
  private let kinds: [Kind]
  private let operands: [Int32]
  private let pieceStart: [Int]
  /// The stems of the `prefix` and `hashtagSuffix` pieces, and the first UTF-8 byte of each (0xFF
  /// when empty).
  private let stems: [String]
  private let stemFirstBytes: [UInt8]
  /// The phrases of first-token slot `s` are `groupPhrases[groupStart[s]..<groupStart[s + 1]]`.
  private let groupStart: [Int]
  private let groupPhrases: [Int]
  /// Phrases that start with a wildcard, tried at every token whose first byte is not ASCII.
  private let wildcardLed: [Int]
  /// The same phrases for a token whose first byte `b` is ASCII:
  /// `wildcardByByte[wildcardByteStart[b]..<wildcardByteStart[b + 1]]`, in phrase order: a phrase led
  /// by a stem whose first byte is ASCII is listed under that byte only (`mayStart` refuses the
  /// others), every other wildcard-led phrase under every byte.
  private let wildcardByByte: [Int]
  private let wildcardByteStart: [Int]

  /// The phrases `pieces`, grouped by first-token slot as `groups` and `wildcardLed`; `number` gives
  /// the word number of an exact piece's text.
  init(groups: [[Int]], wildcardLed: [Int], pieces: [[PhrasePiece]], number: (String) -> Int32) {
    var kinds: [Kind] = []
    var operands: [Int32] = []
    var pieceStart = [0]
    var stems: [String] = []
    func stem(_ text: String) -> Int32 {
      stems.append(text)
      return Int32(stems.count - 1)
    }
    for phrase in pieces {
      for piece in phrase {
        switch piece {
        case .exact(let text):
          let word = number(text)
          precondition(word >= 0, "the word table has no number for \"\(text)\"")
          kinds.append(.word)
          operands.append(word)
        case .prefix(let text):
          kinds.append(.prefix)
          operands.append(stem(text))
        case .hashtagSuffix(let text):
          kinds.append(.hashtagSuffix)
          operands.append(stem(text))
        case .anyHashtag:
          kinds.append(.anyHashtag)
          operands.append(-1)
        case .anyMention:
          kinds.append(.anyMention)
          operands.append(-1)
        case .anyURL:
          kinds.append(.anyURL)
          operands.append(-1)
        }
      }
      pieceStart.append(kinds.count)
    }
    self.kinds = kinds
    self.operands = operands
    self.pieceStart = pieceStart
    self.stems = stems
    stemFirstBytes = stems.map { $0.utf8.first ?? 0xFF }
    groupStart = [0] + groups.reduce(into: [Int]()) { starts, group in starts.append((starts.last ?? 0) + group.count) }
    groupPhrases = groups.flatMap { $0 }
    self.wildcardLed = wildcardLed
    var byByte: [Int] = []
    var byteStart = [0]
    for byte in 0..<128 {
      for phrase in wildcardLed {
        let piece = pieceStart[phrase]
        let onlyUnder: UInt8? =
          kinds[piece] == .prefix && stemFirstBytes[Int(operands[piece])] < 0x80
          ? stemFirstBytes[Int(operands[piece])] : nil
        if onlyUnder == nil || onlyUnder == UInt8(byte) { byByte.append(phrase) }
      }
      byteStart.append(byByte.count)
    }
    wildcardByByte = byByte
    wildcardByteStart = byteStart
  }

  /// Which first-token slot of a `WordTable.Entry` a matcher reads.
  enum Slots: Sendable {
    /// `categorySlot`: the category matcher's.
    case categories
    /// `listSlot`: the word-list matcher's.
    case lists
  }

  /// Calls `body(phrase, first, end)` for every hit in `tokens`, in token order (then phrase order):
  /// the tokens `first..<end` are phrase number `phrase`. `entries` are the tokens' `WordTable`
  /// entries (their word numbers, and their first-token slots in this matcher's `slots`).
  @inline(__always)
  func forEachHit(
    _ tokens: [Token], _ entries: [WordTable.Entry], slots: Slots,
    _ body: (_ phrase: Int, _ first: Int, _ end: Int) -> Void
  ) {
    for i in tokens.indices {
      let s = Int(slots == .categories ? entries[i].categorySlot : entries[i].listSlot)
      if s >= 0 {
        // The slot is the first token's: its first piece (that word) matches.
        for phrase in groupPhrases[groupStart[s]..<groupStart[s + 1]] {
          if let end = matchEnd(phrase, tokens, entries, at: i, from: 1) { body(phrase, i, end) }
        }
      }
      if let byte = tokens[i].text.utf8.first, byte < 0x80 {
        for phrase in wildcardByByte[wildcardByteStart[Int(byte)]..<wildcardByteStart[Int(byte) + 1]] {
          if let end = matchEnd(phrase, tokens, entries, at: i, from: 0) { body(phrase, i, end) }
        }
      } else {
        for phrase in wildcardLed {
          if let end = matchEnd(phrase, tokens, entries, at: i, from: 0) { body(phrase, i, end) }
        }
      }
    }
  }

  /// The end of phrase `phrase` matched at token `i` when its pieces from `from` on match (and it
  /// fits), else nil.
  @inline(__always)
  private func matchEnd(
    _ phrase: Int, _ tokens: [Token], _ entries: [WordTable.Entry], at i: Int, from: Int
  ) -> Int? {
    let first = pieceStart[phrase]
    let count = pieceStart[phrase + 1] - first
    guard i + count <= tokens.count else { return nil }
    var k = from
    while k < count {
      let piece = first + k
      let j = i + k
      let matched: Bool
      switch kinds[piece] {
      case .word: matched = entries[j].word == operands[piece]
      case .prefix:
        matched =
          (tokens[j].kind == .word || tokens[j].kind == .hashtag)
          && Self.mayStart(tokens[j].text, stemFirstBytes[Int(operands[piece])])
          && PhrasePiece.hasPrefix(tokens[j].text, stems[Int(operands[piece])])
      case .hashtagSuffix:
        matched = tokens[j].kind == .hashtag && tokens[j].text.hasSuffix(stems[Int(operands[piece])])
      case .anyHashtag: matched = tokens[j].kind == .hashtag
      case .anyMention: matched = tokens[j].kind == .mention
      case .anyURL: matched = tokens[j].kind == .url
      }
      if !matched { return nil }
      k += 1
    }
    return i + count
  }

  /// False when `text` cannot start with a stem whose first byte is `first`: both first bytes are
  /// ASCII and differ (where `PhrasePiece.hasPrefix` answers false at its first byte).
  @inline(__always) private static func mayStart(_ text: String, _ first: UInt8) -> Bool {
    guard first < 0x80, let byte = text.utf8.first, byte < 0x80 else { return true }
    return byte == first
  }
}
