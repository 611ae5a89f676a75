/// One element of a lexicon phrase.
enum PhrasePiece: Sendable, Hashable {
  case exact(String)
  /// `stem*`: any token starting with the stem.
  case prefix(String)
  /// `#*stem`: any hashtag ending with the stem.
  case hashtagSuffix(String)
  case anyHashtag
  case anyMention
  case anyURL

  func matches(_ token: Token) -> Bool {
    switch self {
    case .exact(let text): token.text == text
    case .prefix(let stem): (token.kind == .word || token.kind == .hashtag) && Self.hasPrefix(token.text, stem)
    case .hashtagSuffix(let stem): token.kind == .hashtag && token.text.hasSuffix(stem)
    case .anyHashtag: token.kind == .hashtag
    case .anyMention: token.kind == .mention
    case .anyURL: token.kind == .url
    }
  }

  /// `text.hasPrefix(stem)`, decided on the bytes when they are ASCII where it matters (the
  /// stem, the text's bytes it covers and the byte after them: then characters are bytes).
  static func hasPrefix(_ text: String, _ stem: String) -> Bool {
    let a = text.utf8
    let b = stem.utf8
    var i = a.startIndex
    for byte in b {
      guard i != a.endIndex else { return text.hasPrefix(stem) }
      let c = a[i]
      if c >= 0x80 || byte >= 0x80 { return text.hasPrefix(stem) }
      if c != byte { return false }
      i = a.index(after: i)
    }
    return i == a.endIndex || a[i] < 0x80 ? true : text.hasPrefix(stem)
  }
}

/// A hit of a phrase list in a token array.
struct PhraseHit: Sendable, Hashable {
  /// The label of the list the phrase came from (a category, `hortative`, …).
  var label: String
  /// Token range of the hit, end exclusive.
  var first: Int
  var end: Int
  /// The phrase's number in its matcher (`PhraseMatcher.phrases`), in the order phrases were added.
  var entry: Int
}

/// Finds lexicon phrases in token arrays on token boundaries, case-insensitively.
///
/// Phrases are indexed by their first token, so a lookup costs one hash per token plus the few
/// wildcard-led phrases. This is the reference matcher, on strings; the analyzer matches with
/// `numbered(by:)`, the same phrases over a `WordTable`'s word numbers.
struct PhraseMatcher: Sendable {
  /// Entry numbers grouped by their first token; `slotOf` maps that token to its group.
  private(set) var groups: [[Int]] = []
  private var slotOf: [String: Int] = [:]
  /// Entry numbers of the phrases that start with a wildcard.
  private(set) var wildcardLed: [Int] = []
  /// Pieces of every entry, by entry number.
  private(set) var pieces: [[PhrasePiece]] = []
  /// Label and phrase of every entry, by entry number.
  private(set) var phrases: [(label: String, phrase: String)] = []

  init() {}

  /// Adds every phrase of `phrases` under `label`.
  mutating func add(_ phrases: [String], label: String) {
    for phrase in phrases {
      let pieces = Self.compile(phrase)
      guard let first = pieces.first else { continue }
      let number = self.phrases.count
      self.phrases.append((label, phrase))
      self.pieces.append(pieces)
      if case .exact(let text) = first {
        if let slot = slotOf[text] {
          groups[slot].append(number)
        } else {
          slotOf[text] = groups.count
          groups.append([number])
        }
      } else {
        wildcardLed.append(number)
      }
    }
  }

  /// The first tokens of the exact-led phrases, each with its slot (its group's number).
  var firstTokenSlots: [String: Int] { slotOf }

  /// The texts of every exact piece (a `WordTable` over them numbers them for `numbered(by:)`).
  var exactTexts: Set<String> {
    var texts: Set<String> = []
    for phrase in pieces {
      for case .exact(let text) in phrase { texts.insert(text) }
    }
    return texts
  }

  /// Every hit in `tokens`, in token order (then list order).
  func hits(in tokens: [Token]) -> [PhraseHit] {
    var out: [PhraseHit] = []
    for i in tokens.indices {
      if let s = slotOf[tokens[i].text] {
        // The slot is the first token's: its first piece (exact, that text) matches.
        for entry in groups[s] where Self.matches(pieces[entry], tokens, at: i, from: 1) {
          out.append(PhraseHit(label: phrases[entry].label, first: i, end: i + pieces[entry].count, entry: entry))
        }
      }
      for entry in wildcardLed where Self.matches(pieces[entry], tokens, at: i, from: 0) {
        out.append(PhraseHit(label: phrases[entry].label, first: i, end: i + pieces[entry].count, entry: entry))
      }
    }
    return out
  }

  /// Whether `pieces[from...]` match the tokens from `i + from` on (and the phrase fits).
  private static func matches(_ pieces: [PhrasePiece], _ tokens: [Token], at i: Int, from: Int) -> Bool {
    guard i + pieces.count <= tokens.count else { return false }
    var k = from
    while k < pieces.count {
      if !pieces[k].matches(tokens[i + k]) { return false }
      k += 1
    }
    return true
  }

  /// The same phrases matched over word numbers: `number(text)` is the number a `WordTable` gives
  /// tokens whose text equals `text` (every exact piece's text must have one, see `exactTexts`).
  func numbered(by number: (String) -> Int32) -> NumberedPhrases {
    NumberedPhrases(groups: groups, wildcardLed: wildcardLed, pieces: pieces, number: number)
  }

  /// Turns `"tanda tangani"`, `"follow @"`, `"sebar*"`, `"#*memanggil"` into pieces, tokenizing each
  /// word with the same tokenizer as the text so punctuation and apostrophes line up.
  static func compile(_ phrase: String) -> [PhrasePiece] {
    var pieces: [PhrasePiece] = []
    for word in phrase.lowercased().split(separator: " ") {
      switch word {
      case "#": pieces.append(.anyHashtag)
      case "@": pieces.append(.anyMention)
      case "<url>": pieces.append(.anyURL)
      default:
        if word.hasPrefix("#*") {
          pieces.append(.hashtagSuffix(String(word.dropFirst(2))))
        } else if word.hasSuffix("*") && word.count > 1 {
          pieces.append(.prefix(String(word.dropLast())))
        } else {
          for token in Tokenizer.tokens(String(word)) { pieces.append(.exact(token.text)) }
        }
      }
    }
    return pieces
  }
}
