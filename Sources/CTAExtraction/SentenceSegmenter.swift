/// A sentence found in a text: scalar offsets into the text, end exclusive.
public struct SentenceSpan: Sendable, Hashable {
  /// Offset of the first Unicode scalar of the sentence.
  public var start: Int
  /// Offset one past the last Unicode scalar of the sentence.
  public var end: Int

  /// A span from its offsets.
  public init(start: Int, end: Int) {
    self.start = start
    self.end = end
  }
}

/// Splits text into sentences for call-to-action detection.
///
/// Built for messy web and social text: it keeps URLs, hashtags, mentions, decimal numbers and
/// abbreviations ("dll.", "Jl.", "e.g.", "U.S.") inside their sentence, and breaks on line breaks,
/// runs of `!`/`?`, ellipses followed by a capital (with or without a space), and emoji that end a
/// clause when punctuation is missing. Works on Unicode scalars, so offsets are scalar offsets (the
/// `start`/`end` contract of `ctas.jsonl`).
public struct SentenceSegmenter: Sendable {
  /// Lower-cased abbreviations without their final dot (`dll`, `e.g`, `u.s`).
  public let abbreviations: Set<String>
  /// Scalars in the longest abbreviation: an ASCII word longer than this is none (lower-casing
  /// ASCII keeps its length), so it is not looked up.
  private let longestAbbreviation: Int

  /// One-word agreement questions that open a retweet ask ("Setuju? RT"), lower case.
  public let agreementTags: Set<String>

  /// A segmenter knowing `abbreviations` (lower case, without the final dot) and `agreementTags`
  /// (lower case).
  public init(abbreviations: Set<String>, agreementTags: Set<String> = []) {
    self.abbreviations = abbreviations
    self.agreementTags = agreementTags
    longestAbbreviation = abbreviations.map(\.unicodeScalars.count).max() ?? 0
  }

  /// The sentences of `text`, in order, trimmed of surrounding whitespace; empty ones are dropped.
  public func split(_ text: String) -> [SentenceSpan] {
    split(scalars: Array(text.unicodeScalars))
  }

  /// The sentences of a text given as its scalars.
  public func split(scalars s: [Unicode.Scalar]) -> [SentenceSpan] {
    var spans: [SentenceSpan] = []
    var sentenceStart = 0
    var i = 0
    let n = s.count

    func emit(_ end: Int) {
      var a = sentenceStart
      var b = end
      while a < b && Self.isSpace(s[a]) { a += 1 }
      while b > a && Self.isSpace(s[b - 1]) { b -= 1 }
      if b > a && s[a..<b].contains(where: { Self.isWordScalar($0) || Self.isEmoji($0) }) {
        spans.append(SentenceSpan(start: a, end: b))
      }
      sentenceStart = end
    }

    while i < n {
      // Most scalars are ASCII that no rule below looks at: step over them.
      i = Self.plainASCIIEnd(s, from: i)
      guard i < n else { break }
      let c = s[i]
      if c == "\n" || c == "\r" || c == "\u{2029}" || c == "\u{2028}" {
        emit(i)
        i += 1
        sentenceStart = i
        continue
      }
      // URLs and e-mail-like tokens: skip to the next whitespace, punctuation inside is not a break.
      // (Only "h" and "w" start a URL; the check is per scalar.)
      if (c == "h" || c == "H" || c == "w" || c == "W") && Self.startsURL(s, at: i) {
        while i < n && !Self.isSpace(s[i]) { i += 1 }
        // A URL that ends with sentence punctuation: the punctuation closes the sentence.
        var j = i
        while j > 0 && (s[j - 1] == "." || s[j - 1] == "!" || s[j - 1] == "?") { j -= 1 }
        if j < i && j > sentenceStart {
          emit(i)
        }
        continue
      }
      if c == "!" || c == "?" || c == "\u{203C}" || c == "\u{2049}" || c == "\u{FF01}" || c == "\u{FF1F}" {
        var j = i + 1  // always advance, also past the full-width and double marks
        while j < n
          && (s[j] == "!" || s[j] == "?" || s[j] == "." || s[j] == "\u{2026}" || s[j] == "1" || s[j] == "\u{FF01}"
            || s[j] == "\u{FF1F}" || s[j] == "\u{203C}" || s[j] == "\u{2049}")
        {
          // "!!!1" is shouting; stop the run at a digit that is followed by a letter.
          if s[j] == "1" && (j + 1 < n && Self.isWordScalar(s[j + 1])) { break }
          j += 1
        }
        let beforeClosers = j
        j = Self.skipClosers(s, from: j)
        // A quoted exclamation followed by its attribution ("Ayo turun!" teriak orator; "Go!" she said)
        // stays one sentence: the quote is reported speech.
        if j > beforeClosers && Self.nextWordIsLowercase(s, from: j) {
          i = j
          continue
        }
        // "…berkuasa?Lengserkan …": posts often drop the space after an ASCII mark; a capital after
        // a word closes the sentence too (full-width marks go without spaces in CJK text).
        let glued =
          (c == "!" || c == "?") && j < n && i > sentenceStart && Self.isWordScalar(s[i - 1]) && Self.isUpper(s[j])
        // "Setuju? RT": a one-word agreement question and the retweet ask after it are one ask.
        if c == "?" && isAgreementTag(s, from: sentenceStart, to: i) && Self.nextWordIsRetweet(s, from: j) {
          i = j
          continue
        }
        // "Sudah??; Cek …": a semicolon right after the marks closes the sentence with them.
        let semicolon = j < n && s[j] == ";"
        if semicolon { j += 1 }
        if j >= n || Self.isSpace(s[j]) || Self.isEmoji(s[j]) || glued || semicolon {
          emit(j)
          i = j
          continue
        }
        i = j
        continue
      }
      if c == "\u{2026}" || (c == "." && i + 2 < n && s[i + 1] == "." && s[i + 2] == ".") {
        var j = i
        while j < n && (s[j] == "." || s[j] == "\u{2026}") { j += 1 }
        let after = Self.skipClosers(s, from: j)
        var k = after
        while k < n && (s[k] == " " || s[k] == "\t") { k += 1 }
        // "… memanggil kita ...Mari menangkan …": posts often glue the next sentence's capital to the
        // dots; a capitalised word (capital then lower case) after them opens a sentence too.
        let gluedWord = k == after && k + 1 < n && Self.isUpper(s[k]) && s[k + 1].properties.isLowercase
        if after >= n || k >= n || (k > after && Self.isUpper(s[k])) || gluedWord {
          emit(after)
        }
        i = after
        continue
      }
      if c == "." || c == "\u{3002}" {
        let after = Self.skipClosers(s, from: i + 1)
        if after < n && !Self.isSpace(s[after]) {
          // "3.5", "e.g", "change.org": not a break.
          i += 1
          continue
        }
        if c == "." && isAbbreviation(s, dotAt: i, nextWordStart: after) {
          i += 1
          continue
        }
        emit(after)
        i = after
        continue
      }
      if c == "\u{FFFD}" || Self.isEmoji(c) {
        // A run of emoji followed by whitespace then a capital closes the sentence (social posts
        // often use emoji as the full stop); trailing hashtags stay with their post. "Sudah �???": an
        // emoji that a lossy export turned into U+FFFD and question marks is such a run, no question.
        var j = i
        if c == "\u{FFFD}" {
          j = Self.undecodableRunEnd(s, from: i)
        } else {
          while j < n && (Self.isEmoji(s[j]) || Self.isEmojiModifier(s[j])) { j += 1 }
        }
        var k = j
        while k < n && (s[k] == " " || s[k] == "\t") { k += 1 }
        if k > j && k < n && Self.isUpper(s[k]) {
          emit(j)
        }
        i = j
        continue
      }
      i += 1
    }
    emit(n)
    return spans
  }

  /// Whether `s[start..<end]`, trimmed, is one of ``agreementTags`` (any case).
  func isAgreementTag(_ s: [Unicode.Scalar], from start: Int, to end: Int) -> Bool {
    var a = start
    var b = end
    while a < b && Self.isSpace(s[a]) { a += 1 }
    while b > a && Self.isSpace(s[b - 1]) { b -= 1 }
    guard b - a <= 7 else { return false }
    return agreementTags.contains(ScalarText.string(s[a..<b]).lowercased())
  }

  /// Whether the next word after spaces from `start` is "RT" or "retweet" (any case).
  static func nextWordIsRetweet(_ s: [Unicode.Scalar], from start: Int) -> Bool {
    var a = start
    while a < s.count && (s[a] == " " || s[a] == "\t") { a += 1 }
    var b = a
    while b < s.count && isWordScalar(s[b]) { b += 1 }
    guard b > a, b - a <= 7 else { return false }
    let word = ScalarText.string(s[a..<b]).lowercased()
    return word == "rt" || word == "retweet"
  }

  /// Whether the dot at `dotAt` ends an abbreviation, an initial, or a short lower-case run-on.
  private func isAbbreviation(_ s: [Unicode.Scalar], dotAt: Int, nextWordStart: Int) -> Bool {
    var a = dotAt
    while a > 0 && !Self.isSpace(s[a - 1]) && s[a - 1] != "(" && s[a - 1] != "\"" { a -= 1 }
    guard a < dotAt else { return false }
    let scalars = s[a..<dotAt]
    if scalars.count <= longestAbbreviation || !scalars.allSatisfy(\.isASCII) {
      if abbreviations.contains(ScalarText.string(scalars).lowercased()) { return true }
    }
    // Single-letter initials ("J. Smith", "A. Yani").
    if scalars.count == 1 && Self.isUpper(s[a]) { return true }
    // Dotted acronyms ("U.S", "a.n"): letters separated by dots.
    if scalars.count >= 3 && scalars.contains("."), Self.isDottedAcronym(ScalarText.string(scalars)) {
      var k = nextWordStart
      while k < s.count && Self.isSpace(s[k]) { k += 1 }
      return k < s.count && !Self.isUpper(s[k])
    }
    return false
  }

  /// Whether `word` is single characters separated by dots ("u.s", "a.n").
  private static func isDottedAcronym(_ word: String) -> Bool {
    word.contains(".") && word.split(separator: ".").allSatisfy({ $0.count == 1 })
  }

  // MARK: - Scalar classes

  /// ASCII scalars that `split` only steps over: all but line breaks, `.`, `!`, `?` and the letters
  /// a URL starts with (`h`, `w`).
  static let plainASCII: [Bool] = (0..<128).map { v in
    !"\n\r.!?hHwW".unicodeScalars.contains(Unicode.Scalar(UInt8(v)))
  }

  /// The first index at or after `start` of a scalar that `split` must look at, or `s.count`: one
  /// that is not plain ASCII (`plainASCII`), unless it is an "h" or "w" inside a word (not after a
  /// space, "(", a quote or ":"), which starts no URL (`startsURL`).
  static func plainASCIIEnd(_ s: [Unicode.Scalar], from start: Int) -> Int {
    plainASCII.withUnsafeBufferPointer { plain in
      s.withUnsafeBufferPointer { buffer in
        var i = start
        while i < buffer.count {
          let v = buffer[i].value
          guard
            v < 0x80
              && (plain[Int(v)]
                || ((v | 0x20 == 0x68 || v | 0x20 == 0x77) && i > 0 && !urlMayFollow(buffer[i - 1])))
          else { break }
          i += 1
        }
        return i
      }
    }
  }

  static func isSpace(_ c: Unicode.Scalar) -> Bool {
    c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{A0}" || c == "\u{2028}" || c == "\u{2029}"
      || (c.value >= 0x2000 && c.value <= 0x200A) || c == "\u{3000}" || c == "\u{202F}"
  }

  static func isUpper(_ c: Unicode.Scalar) -> Bool {
    if c.isASCII { return c.value >= 65 && c.value <= 90 }
    return c.properties.isUppercase
  }

  static func isLower(_ c: Unicode.Scalar) -> Bool {
    if c.isASCII { return c.value >= 97 && c.value <= 122 }
    return c.properties.isLowercase
  }

  static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
    if c.isASCII {
      let v = c.value
      return (v >= 48 && v <= 57) || (v >= 65 && v <= 90) || (v >= 97 && v <= 122)
    }
    return c.properties.isAlphabetic || c.properties.numericType != nil
  }

  static func isEmoji(_ c: Unicode.Scalar) -> Bool {
    if c.value < 0x2300 { return false }
    return c.properties.isEmojiPresentation || (c.value >= 0x1F000 && c.properties.isEmoji)
      || (c.value >= 0x2600 && c.value <= 0x27BF)
  }

  static func isEmojiModifier(_ c: Unicode.Scalar) -> Bool {
    c == "\u{FE0F}" || c == "\u{200D}" || (c.value >= 0x1F3FB && c.value <= 0x1F3FF)
  }

  /// Whether the next non-space scalar after `start` (on the same line) is a lower-case letter.
  static func nextWordIsLowercase(_ s: [Unicode.Scalar], from start: Int) -> Bool {
    var k = start
    while k < s.count && (s[k] == " " || s[k] == "\t") { k += 1 }
    guard k > start, k < s.count else { return false }
    return s[k].properties.isLowercase
  }

  /// The end of a run that starts with U+FFFD at `start` and goes on with U+FFFD and `?`: what a lossy
  /// export leaves of an emoji ("�??", "�?��").
  static func undecodableRunEnd<C: RandomAccessCollection<Unicode.Scalar>>(_ s: C, from start: C.Index) -> C.Index {
    var j = s.index(after: start)
    while j < s.endIndex && (s[j] == "?" || s[j] == "\u{FFFD}") { j = s.index(after: j) }
    return j
  }

  /// Closing quotes and brackets that belong to the sentence before a break.
  static func skipClosers(_ s: [Unicode.Scalar], from start: Int) -> Int {
    var j = start
    while j < s.count
      && (s[j] == "\"" || s[j] == "'" || s[j] == ")" || s[j] == "]" || s[j] == "\u{201D}" || s[j] == "\u{2019}"
        || s[j] == "\u{BB}")
    {
      j += 1
    }
    return j
  }

  /// Whether a URL (`http://`, `https://`, `www.`) starts at `i` (at a token start).
  static func startsURL(_ s: [Unicode.Scalar], at i: Int) -> Bool {
    if i > 0 && !urlMayFollow(s[i - 1]) { return false }
    return Tokenizer.startsURLScheme(s[...], at: i)
  }

  /// Whether a URL may start right after `c`: a space, "(", a quote or ":".
  @inline(__always) static func urlMayFollow(_ c: Unicode.Scalar) -> Bool {
    isSpace(c) || c == "(" || c == "\"" || c == ":"
  }
}
