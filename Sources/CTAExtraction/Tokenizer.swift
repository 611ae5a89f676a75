/// One token of a sentence, lower-cased.
public struct Token: Sendable, Hashable {
  /// What the token is.
  public enum Kind: Sendable, Hashable {
    case word, number, url, hashtag, mention, punctuation, emoji
  }

  /// What the token is.
  public var kind: Kind
  /// Lower-cased text (URLs keep their case; a word stretched for emphasis is read as the plain
  /// word, see `Tokenizer.deElongated`).
  public var text: String
  /// Scalar offsets inside the tokenized string, end exclusive.
  public var start: Int
  /// Offset one past the token.
  public var end: Int
  /// Whether the token started with an upper-case letter in the text.
  public var capitalized = false
  /// Whether its first two letters are upper-case: a word in capitals ("GANTI", "STOP").
  public var shouted = false
  /// Whether, capitalised and not shouted, it has a capital after a small letter inside it: words run
  /// together, a hashtag typed without its "#" ("BahlilLindungi", "SaveKPK"), no verb form of its own.
  public var camelCase = false
}

/// Splits a sentence into word, number, URL, hashtag, mention, punctuation and emoji tokens.
///
/// Words keep inner hyphens and apostrophes ("teman-teman", "don't", "let's"); a number keeps its
/// inner separators ("1.500", "3,5"). One pass over the scalars, no regular expressions.
public enum Tokenizer {
  /// The tokens of `scalars[range]`; offsets are relative to the start of `scalars`.
  public static func tokens(_ s: ArraySlice<Unicode.Scalar>) -> [Token] {
    var out: [Token] = []
    out.reserveCapacity(s.count / 4)
    var i = s.startIndex
    let end = s.endIndex
    while i < end {
      let c = s[i]
      if SentenceSegmenter.isSpace(c) {
        i += 1
        continue
      }
      if (c == "h" || c == "H" || c == "w" || c == "W") && (i == s.startIndex || !isWord(s[i - 1]))
        && startsURLScheme(s, at: i)
      {
        let a = i
        while i < end && !SentenceSegmenter.isSpace(s[i]) { i += 1 }
        var b = i
        while b > a + 1 && isTrailingURLPunctuation(s[b - 1]) { b -= 1 }
        out.append(Token(kind: .url, text: string(s, a, b), start: a, end: b))
        i = b
        continue
      }
      if (c == "#" || c == "@" || c == "\u{FF03}") && i + 1 < end && isWord(s[i + 1]) {
        let a = i
        i += 1
        while i < end && (isWord(s[i]) || s[i] == "_") { i += 1 }
        // "@user.name" / "@kitabisa.com": keep dotted handles together.
        while i + 1 < end && s[i] == "." && isWord(s[i + 1]) && c == "@" {
          i += 1
          while i < end && (isWord(s[i]) || s[i] == "_") { i += 1 }
        }
        out.append(
          Token(kind: c == "@" ? .mention : .hashtag, text: lower(s, a, i), start: a, end: i))
        continue
      }
      if isWord(c) {
        let a = i
        var digitsOnly = true
        while i < end {
          let x = s[i]
          if isWord(x) {
            // A circled or parenthesised digit ("①", "❸") numbers a list item, as "1." does.
            if digitsOnly && !isDigit(x) && !isFancyDigit(x)
              && !(x.value >= 0x80 && x.properties.generalCategory == .otherNumber)
            {
              digitsOnly = false
            }
            i += 1
          } else if (x == "-" || x == "'" || x == "\u{2019}" || x == "." || x == ",") && i + 1 < end && isWord(s[i + 1])
          {
            // Inner dots: "change.org", "3.5", "e.g"; inner commas only inside numbers.
            if x == "," && !(digitsOnly && isDigit(s[i + 1])) { break }
            if x == "." && !(digitsOnly && isDigit(s[i + 1])) && !looksLikeDomainOrAcronym(s, dot: i) { break }
            i += 1
          } else {
            break
          }
        }
        // A bare domain ("kitabisa.com/bantu-warga", "chng.it/x"): a URL token up to the next space.
        if !digitsOnly && isBareDomain(s, a, i) {
          while i < end && !SentenceSegmenter.isSpace(s[i]) { i += 1 }
          var b = i
          while b > a + 1 && isTrailingURLPunctuation(s[b - 1]) { b -= 1 }
          out.append(Token(kind: .url, text: string(s, a, b), start: a, end: b))
          i = b
          continue
        }
        var text = lower(s, a, i)
        if !digitsOnly, let plain = deElongated(text) { text = plain }
        var token = Token(kind: digitsOnly ? .number : .word, text: text, start: a, end: i)
        token.capitalized = SentenceSegmenter.isUpper(s[a])
        token.shouted = token.capitalized && i - a >= 2 && SentenceSegmenter.isUpper(s[a + 1])
        token.camelCase =
          token.capitalized && !token.shouted && i - a > 2
          && (a + 2..<i).contains { k in SentenceSegmenter.isUpper(s[k]) && SentenceSegmenter.isLower(s[k - 1]) }
        out.append(token)
        continue
      }
      if c == "\u{FFFD}" {
        // An emoji a lossy export mangled ("�??"): one emoji token, its "?" no question mark.
        let a = i
        i = SentenceSegmenter.undecodableRunEnd(s, from: i)
        out.append(Token(kind: .emoji, text: string(s, a, i), start: a, end: i))
        continue
      }
      if SentenceSegmenter.isEmoji(c) {
        let a = i
        i += 1
        while i < end && SentenceSegmenter.isEmojiModifier(s[i]) { i += 1 }
        out.append(Token(kind: .emoji, text: string(s, a, i), start: a, end: i))
        continue
      }
      if SentenceSegmenter.isEmojiModifier(c) {
        i += 1
        continue
      }
      out.append(Token(kind: .punctuation, text: normalizedPunctuation(c), start: i, end: i + 1))
      i += 1
    }
    return out
  }

  /// The tokens of a whole string (offsets relative to its start).
  public static func tokens(_ text: String) -> [Token] {
    let scalars = Array(text.unicodeScalars)
    return tokens(scalars[...])
  }

  static let topLevelDomains: Set<String> = [
    "com", "org", "net", "id", "co", "me", "ly", "io", "gov", "uk", "us", "it", "gl", "ee", "link", "bio", "info",
  ]

  /// Whether `s[a..<b]` is `name.tld` (or longer) with a known top-level domain, like `change.org`.
  static func isBareDomain(_ s: ArraySlice<Unicode.Scalar>, _ a: Int, _ b: Int) -> Bool {
    guard let lastDot = (a..<b).last(where: { s[$0] == "." }), lastDot > a else { return false }
    var tld = ""
    for k in (lastDot + 1)..<b { tld.unicodeScalars.append(s[k]) }
    return topLevelDomains.contains(tld.lowercased())
  }

  static func isWord(_ c: Unicode.Scalar) -> Bool { SentenceSegmenter.isWordScalar(c) }

  static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }

  static func isTrailingURLPunctuation(_ c: Unicode.Scalar) -> Bool {
    c == "." || c == "," || c == ")" || c == "!" || c == "?" || c == ";" || c == ":" || c == "\"" || c == "'"
  }

  /// A dot inside "kitabisa.com" or "e.g": the word after the dot is short or a known TLD-like run.
  static func looksLikeDomainOrAcronym(_ s: ArraySlice<Unicode.Scalar>, dot: Int) -> Bool {
    var j = dot + 1
    while j < s.endIndex && isWord(s[j]) { j += 1 }
    let length = j - dot - 1
    if length == 1 { return true }  // e.g, u.s, a.n
    // Domain-ish: lower-case letters after the dot, 2-4 long, followed by space, "/" or end.
    guard length >= 2 && length <= 4 else { return false }
    for k in (dot + 1)..<j where !(s[k].value >= 97 && s[k].value <= 122) { return false }
    return j >= s.endIndex || s[j] == "/" || SentenceSegmenter.isSpace(s[j]) || s[j] == "." || s[j] == ","
      || s[j] == ")" || s[j] == "!" || s[j] == "?"
  }

  /// Whether `http://`, `https://` or `www.` (any case) starts at `i`: `SentenceSegmenter.startsURL`
  /// at a token start, without copying the scalars.
  static func startsURLScheme(_ s: ArraySlice<Unicode.Scalar>, at i: Int) -> Bool {
    func has(_ prefix: StaticString) -> Bool {
      let n = prefix.utf8CodeUnitCount
      guard s.endIndex - i >= n else { return false }
      let bytes = prefix.utf8Start
      for k in 0..<n {
        var v = s[i + k].value
        if v >= 65 && v <= 90 { v += 32 }
        if v != UInt32(bytes[k]) { return false }
      }
      return true
    }
    return has("http://") || has("https://") || has("www.")
  }

  static func string(_ s: ArraySlice<Unicode.Scalar>, _ a: Int, _ b: Int) -> String {
    if let ascii = asciiString(s, a, b, lowered: false) { return ascii }
    return ScalarText.string(s[a..<b])
  }

  /// `s[a..<b]` as a string built from its bytes when every scalar is ASCII (upper case lowered when
  /// `lowered`); nil otherwise.
  @inline(__always)
  static func asciiString(_ s: ArraySlice<Unicode.Scalar>, _ a: Int, _ b: Int, lowered: Bool) -> String? {
    for k in a..<b where !s[k].isASCII { return nil }
    return String(unsafeUninitializedCapacity: b - a) { buffer in
      for k in a..<b {
        let v = UInt8(truncatingIfNeeded: s[k].value)
        buffer[k - a] = lowered && v >= 65 && v <= 90 ? v + 32 : v
      }
      return b - a
    }
  }

  static func lower(_ s: ArraySlice<Unicode.Scalar>, _ a: Int, _ b: Int) -> String {
    if let ascii = asciiString(s, a, b, lowered: true) { return ascii }
    var lowered = String.UnicodeScalarView()
    for c in string(s, a, b).lowercased().unicodeScalars {
      lowered.append(c == "\u{2019}" || c == "\u{2018}" ? "'" : plainLetter(c))
    }
    return String(lowered)
  }

  /// The ASCII letter or digit a "fancy font" scalar of Unicode's Mathematical Alphanumeric Symbols
  /// stands for ("𝗧𝗼𝗹𝗮𝗸" is "tolak", "𝟮𝟬𝟮𝟰" is "2024"; comments on TikTok and Instagram write so), lower
  /// case; any other scalar as it is.
  static func plainLetter(_ c: Unicode.Scalar) -> Unicode.Scalar {
    let v = c.value
    // Thirteen styles of A-Z then a-z, 52 scalars each (a few are holes, unassigned, never met).
    if v >= 0x1D400 && v <= 0x1D6A3 {
      let k = (v - 0x1D400) % 52
      return Unicode.Scalar(UInt8(ascii: "a") + UInt8(k % 26))
    }
    if isFancyDigit(c) { return Unicode.Scalar(UInt8(ascii: "0") + UInt8((v - 0x1D7CE) % 10)) }
    return c
  }

  /// A digit of one of the five "fancy font" styles of 0-9 ("𝟮"): read as its plain digit, so a run
  /// of them is a number.
  static func isFancyDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x1D7CE && c.value <= 0x1D7FF }

  /// A word stretched for emphasis ("boikootttt", "kerennn", "pleaseee") with every run of a repeated
  /// ASCII letter made one ("boikot", "keren", "please"), or stretched by one letter at its end
  /// ("demoo", "lagii", "naikinn", "tungguu") without that letter; nil when no letter repeats three
  /// times in a row and the end is no such double, so "maaf", "saat", "Allah", "free", "class" and
  /// "rp2000" stay as they are.
  static func deElongated(_ word: String) -> String? {
    // One pass over the bytes: a run of three equal ASCII letters is what marks stretching.
    var run = 1
    var previous: UInt8 = 0
    var beforePrevious: UInt8 = 0
    var stretched = false
    for byte in word.utf8 {
      run = byte == previous ? run + 1 : 1
      if run >= 3 && isASCIILetter(byte) {
        stretched = true
        break
      }
      beforePrevious = previous
      previous = byte
    }
    guard stretched else {
      // A final vowel other than "e" ("free", "agree") or a consonant that English and Indonesian
      // never double at the end, doubled.
      guard word.utf8.count >= 4, previous == beforePrevious, finalDoublings.contains(previous | 0x20) else {
        return nil
      }
      return String(decoding: word.utf8.dropLast(), as: UTF8.self)
    }
    var out: [UInt8] = []
    out.reserveCapacity(word.utf8.count)
    previous = 0
    for byte in word.utf8 where byte != previous || !isASCIILetter(byte) {
      out.append(byte)
      previous = byte
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Letters that a word doubles at its end only when stretched: a, i, o, u, h, k, n, w, y.
  static let finalDoublings: Set<UInt8> = Set("aiouhknwy".utf8)

  static func isASCIILetter(_ byte: UInt8) -> Bool { (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) }

  static func normalizedPunctuation(_ c: Unicode.Scalar) -> String {
    switch c {
    case "\u{201C}", "\u{201D}", "\u{201E}", "\u{AB}", "\u{BB}": return "\""
    case "\u{2018}", "\u{2019}": return "'"
    case "\u{FF01}": return "!"
    case "\u{FF1F}": return "?"
    case "\u{2026}": return "..."
    default: return String(c)
    }
  }
}
