/// Turns a sentence analysis into hashed feature indices for the model.
///
/// Features: word unigrams and bigrams (with sentence boundaries), clause-head words and their
/// suffixes (Indonesian morphology), every cue that fired, lexicon categories, language and a
/// length bucket. Hashing is FNV-1a 64 (stable across runs and machines, unlike `Hasher`), so the
/// same sentence always gives the same indices.
public struct FeatureHasher: Sendable {
  /// Number of hash buckets (a power of two).
  public let dimension: Int

  public init(dimension: Int) {
    precondition(dimension > 0 && dimension & (dimension - 1) == 0, "dimension must be a power of two")
    self.dimension = dimension
  }

  /// Sorted, de-duplicated feature indices of `analysis`.
  public func features(_ analysis: SentenceAnalysis, heads: [Int]) -> [Int] {
    var out: [Int] = []
    out.reserveCapacity(analysis.tokens.count * 2 + analysis.cues.count + 8)
    var previous = "<s>"
    for token in analysis.tokens {
      let text = Self.normalized(token)
      out.append(index("w", text))
      if token.kind == .word, let stem = Self.stem(text) { out.append(index("st", stem)) }
      out.append(index("b", previous, text))
      previous = text
    }
    out.append(index("b", previous, "</s>"))
    for (n, head) in heads.prefix(3).enumerated() {
      let word = analysis.tokens[head].text
      out.append(index("h", word))
      if n == 0 { out.append(index("h0", word)) }
      if word.count >= 5 {
        out.append(index("hs3", String(word.suffix(3))))
        out.append(index("hp2", String(word.prefix(2))))
      }
      if head + 1 < analysis.tokens.count {
        out.append(index("hb", word, Self.normalized(analysis.tokens[head + 1])))
      }
    }
    for cue in analysis.cues { out.append(index("c", cue)) }
    for category in analysis.categoryHits.keys { out.append(index("k", category)) }
    out.append(index("lang", analysis.lang ?? "?"))
    let words = analysis.tokens.count
    out.append(index("len", words <= 3 ? "s" : words <= 8 ? "m" : words <= 20 ? "l" : words <= 40 ? "xl" : "xxl"))
    if let lang = analysis.lang {
      for cue in analysis.cues where !cue.hasPrefix("lexicon:") { out.append(index("lc", lang, cue)) }
    }
    out.sort()
    var unique: [Int] = []
    unique.reserveCapacity(out.count)
    for value in out where unique.last != value { unique.append(value) }
    return unique
  }

  /// A crude stem shared by Indonesian and English inflections (`sebarkan`, `disebarkan`,
  /// `menyebarkan` → `sebar`; `sharing`, `shared` → `shar`), nil when the word is short or unchanged.
  static func stem(_ word: String) -> String? {
    guard word.count >= 5 else { return nil }
    var s = Substring(word)
    for suffix in ["nya", "lah", "kah"] where s.hasSuffix(suffix) && s.count >= 7 {
      s = s.dropLast(suffix.count)
      break
    }
    for prefix in ["meny", "meng", "mem", "men", "me", "di", "ber", "ter", "per"] where s.hasPrefix(prefix) && s.count >= prefix.count + 4 {
      s = s.dropFirst(prefix.count)
      break
    }
    for suffix in ["kan", "ing", "ed", "an", "i", "s"] where s.hasSuffix(suffix) && s.count >= suffix.count + 4 {
      s = s.dropLast(suffix.count)
      break
    }
    return s.count == word.count ? nil : String(s)
  }

  /// The token text the model sees: numbers, URLs, mentions and emoji collapse to classes.
  static func normalized(_ token: Token) -> String {
    switch token.kind {
    case .number: "<num>"
    case .url: "<url>"
    case .mention: "<mention>"
    case .emoji: "<emoji>"
    case .hashtag: token.text
    case .word, .punctuation: token.text
    }
  }

  func index(_ namespace: String, _ parts: String...) -> Int {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    @inline(__always) func mix(_ byte: UInt8) {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01B3
    }
    for byte in namespace.utf8 { mix(byte) }
    for part in parts {
      mix(0x1F)
      for byte in part.utf8 { mix(byte) }
    }
    return Int(truncatingIfNeeded: hash >> 1) & (dimension - 1)
  }
}
