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
    case .prefix(let stem): token.text.hasPrefix(stem) && (token.kind == .word || token.kind == .hashtag)
    case .hashtagSuffix(let stem): token.kind == .hashtag && token.text.hasSuffix(stem)
    case .anyHashtag: token.kind == .hashtag
    case .anyMention: token.kind == .mention
    case .anyURL: token.kind == .url
    }
  }
}

/// A hit of a phrase list in a token array.
struct PhraseHit: Sendable, Hashable {
  /// The label of the list the phrase came from (a category, `hortative`, …).
  var label: String
  var phrase: String
  /// Token range of the hit, end exclusive.
  var first: Int
  var end: Int
}

/// Finds lexicon phrases in token arrays on token boundaries, case-insensitively.
///
/// Phrases are indexed by their first token, so a lookup costs one hash per token plus the few
/// wildcard-led phrases.
struct PhraseMatcher: Sendable {
  private struct Entry: Sendable {
    var label: String
    var phrase: String
    var pieces: [PhrasePiece]
  }

  private var byFirstToken: [String: [Entry]] = [:]
  private var wildcardLed: [Entry] = []

  init() {}

  /// Adds every phrase of `phrases` under `label`.
  mutating func add(_ phrases: [String], label: String) {
    for phrase in phrases {
      let pieces = Self.compile(phrase)
      guard let first = pieces.first else { continue }
      let entry = Entry(label: label, phrase: phrase, pieces: pieces)
      if case .exact(let text) = first {
        byFirstToken[text, default: []].append(entry)
      } else {
        wildcardLed.append(entry)
      }
    }
  }

  /// Every hit in `tokens`, in token order (then list order).
  func hits(in tokens: [Token]) -> [PhraseHit] {
    var out: [PhraseHit] = []
    for i in tokens.indices {
      if let entries = byFirstToken[tokens[i].text] {
        for entry in entries where Self.matches(entry.pieces, tokens, at: i) {
          out.append(PhraseHit(label: entry.label, phrase: entry.phrase, first: i, end: i + entry.pieces.count))
        }
      }
      for entry in wildcardLed where Self.matches(entry.pieces, tokens, at: i) {
        out.append(PhraseHit(label: entry.label, phrase: entry.phrase, first: i, end: i + entry.pieces.count))
      }
    }
    return out
  }

  private static func matches(_ pieces: [PhrasePiece], _ tokens: [Token], at i: Int) -> Bool {
    guard i + pieces.count <= tokens.count else { return false }
    for (k, piece) in pieces.enumerated() where !piece.matches(tokens[i + k]) { return false }
    return true
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
