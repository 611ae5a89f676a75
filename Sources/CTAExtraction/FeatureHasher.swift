import SlackscoreCore

/// Turns a sentence analysis into hashed feature indices for the model.
///
/// Features: word unigrams and bigrams (with sentence boundaries), clause-head words and their
/// suffixes (Indonesian morphology), every cue that fired, lexicon categories, language and a
/// length bucket. Hashing is FNV-1a 64 (stable across runs and machines, unlike `Hasher`), so the
/// same sentence always gives the same indices.
public struct FeatureHasher: Sendable {
  /// Number of hash buckets (a power of two).
  public let dimension: Int

  /// A hasher into `dimension` buckets (a power of two).
  public init(dimension: Int) {
    precondition(dimension > 0 && dimension & (dimension - 1) == 0, "dimension must be a power of two")
    self.dimension = dimension
  }

  /// Sorted, de-duplicated feature indices of `analysis`.
  public func features(_ analysis: SentenceAnalysis, heads: [Int]) -> [Int] {
    var out: [Int] = []
    out.reserveCapacity(analysis.tokens.count * 2 + analysis.cues.count + 8)
    var previous = "<s>"
    // A retweet header or the mentions a reply opens with ("RT @USER:", "@USER @USER") say who is
    // quoted or answered, not what is asked: they are left out of the word features.
    var skip = 0
    let tokens = analysis.tokens
    while skip < tokens.count
      && ((skip == 0 && tokens[skip].text == "rt") || tokens[skip].kind == .mention
        || (skip > 0 && tokens[skip].text == ":"))
    {
      skip += 1
    }
    for token in tokens[skip...] {
      let text = Self.normalized(token)
      out.append(index(Self.wordSeed, text))
      if token.kind == .word, let stem = stemIndex(text) { out.append(stem) }
      out.append(index(Self.bigramSeed, previous, text))
      previous = text
    }
    out.append(index(Self.bigramSeed, previous, "</s>"))
    for (n, head) in heads.prefix(3).enumerated() {
      let word = analysis.tokens[head].text
      out.append(index(Self.headSeed, word))
      if n == 0 { out.append(index(Self.firstHeadSeed, word)) }
      appendAffixes(of: word, to: &out)
      if head + 1 < analysis.tokens.count {
        out.append(index(Self.headBigramSeed, word, Self.normalized(analysis.tokens[head + 1])))
      }
    }
    for cue in analysis.cues { out.append(index(Self.cueSeed, cue)) }
    for category in analysis.categoryHits.keys { out.append(index(Self.categorySeed, category)) }
    out.append(index(Self.languageSeed, analysis.lang ?? "?"))
    let words = analysis.tokens.count
    out.append(
      index(Self.lengthSeed, words <= 3 ? "s" : words <= 8 ? "m" : words <= 20 ? "l" : words <= 40 ? "xl" : "xxl"))
    if let lang = analysis.lang {
      let seed = FNV1a.step(FNV1a.hash64(lang, from: Self.languageCueSeed), 0x1F)
      for cue in analysis.cues where !cue.utf8HasPrefix("lexicon:") { out.append(index(seed, cue)) }
    }
    return Self.sortedUnique(out)
  }

  /// `indices` sorted, each once (in place: no second array).
  static func sortedUnique(_ indices: consuming [Int]) -> [Int] {
    var indices = indices
    indices.sort()
    var kept = 0
    indices.withUnsafeMutableBufferPointer { values in
      for i in values.indices where kept == 0 || values[kept - 1] != values[i] {
        values[kept] = values[i]
        kept += 1
      }
    }
    indices.removeLast(indices.count - kept)
    return indices
  }

  /// A crude stem shared by Indonesian and English inflections (`sebarkan`, `disebarkan`,
  /// `menyebarkan` → `sebar`; `sharing`, `shared` → `shar`), nil when the word is short or unchanged.
  static func stem(_ word: String) -> String? {
    guard word.utf8.count >= 5 else { return nil }
    var word = word
    return word.withUTF8 { bytes in stemRange(bytes).map { String(decoding: bytes[$0], as: UTF8.self) } }
  }

  /// `index(stemSeed, stem(word))` when `word` has a stem, hashed from the word's bytes: the prefixes
  /// and suffixes taken off are ASCII, so the stem's bytes are a slice of the word's.
  func stemIndex(_ word: String) -> Int? {
    guard word.utf8.count >= 5 else { return nil }
    var word = word
    return word.withUTF8 { bytes in
      Self.stemRange(bytes).map { index(Self.stemSeed, UnsafeBufferPointer(rebasing: bytes[$0])) }
    }
  }

  /// The range of the stem in a word's UTF-8 `bytes`, nil when nothing is taken off.
  private static func stemRange(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
    func has(suffix: StaticString, in range: Range<Int>) -> Bool {
      let n = suffix.utf8CodeUnitCount
      guard range.count >= n else { return false }
      return bytes[(range.upperBound - n)..<range.upperBound].elementsEqual(
        UnsafeBufferPointer(start: suffix.utf8Start, count: n))
    }
    func has(prefix: StaticString, in range: Range<Int>) -> Bool {
      let n = prefix.utf8CodeUnitCount
      guard range.count >= n else { return false }
      return bytes[range.lowerBound..<(range.lowerBound + n)].elementsEqual(
        UnsafeBufferPointer(start: prefix.utf8Start, count: n))
    }
    var range = 0..<bytes.count
    for suffix: StaticString in ["nya", "lah", "kah"] where range.count >= 7 && has(suffix: suffix, in: range) {
      range = range.lowerBound..<(range.upperBound - suffix.utf8CodeUnitCount)
      break
    }
    for prefix: StaticString in ["meny", "meng", "mem", "men", "me", "di", "ber", "ter", "per"]
    where range.count >= prefix.utf8CodeUnitCount + 4 && has(prefix: prefix, in: range) {
      range = (range.lowerBound + prefix.utf8CodeUnitCount)..<range.upperBound
      break
    }
    for suffix: StaticString in ["kan", "ing", "ed", "an", "i", "s"]
    where range.count >= suffix.utf8CodeUnitCount + 4 && has(suffix: suffix, in: range) {
      range = range.lowerBound..<(range.upperBound - suffix.utf8CodeUnitCount)
      break
    }
    return range.count < bytes.count ? range : nil
  }

  /// The features of a clause head's last three and first two characters (`hs3`, `hp2`) when it has
  /// five or more characters; on the bytes when they are ASCII without CR (then a character is a byte).
  func appendAffixes(of word: String, to out: inout [Int]) {
    var word = word
    let done = word.withUTF8 { bytes -> Bool in
      guard !bytes.contains(where: { $0 >= 0x80 || $0 == 0x0D }) else { return false }
      if bytes.count >= 5 {
        out.append(index(Self.suffixSeed, UnsafeBufferPointer(rebasing: bytes[(bytes.count - 3)...])))
        out.append(index(Self.prefixSeed, UnsafeBufferPointer(rebasing: bytes[..<2])))
      }
      return true
    }
    if !done && word.count >= 5 {
      out.append(index(Self.suffixSeed, String(word.suffix(3))))
      out.append(index(Self.prefixSeed, String(word.prefix(2))))
    }
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

  func index(_ namespace: String, _ part: String) -> Int {
    index(Self.seed(namespace), part)
  }

  /// The hash state after `namespace` and its separator: `index(seed(ns), part) == index(ns, part)`.
  static func seed(_ namespace: String) -> UInt64 { FNV1a.step(FNV1a.hash64(namespace), 0x1F) }

  static let wordSeed = seed("w")
  static let stemSeed = seed("st")
  static let bigramSeed = seed("b")
  static let cueSeed = seed("c")
  static let languageCueSeed = seed("lc")
  static let headSeed = seed("h")
  static let firstHeadSeed = seed("h0")
  static let suffixSeed = seed("hs3")
  static let prefixSeed = seed("hp2")
  static let headBigramSeed = seed("hb")
  static let categorySeed = seed("k")
  static let languageSeed = seed("lang")
  static let lengthSeed = seed("len")

  /// `index(namespace, part)` from the namespace's `seed`.
  @inline(__always) func index(_ seed: UInt64, _ part: String) -> Int {
    Int(truncatingIfNeeded: FNV1a.hash64(part, from: seed) >> 1) & (dimension - 1)
  }

  /// `index(seed, part)` of the text whose UTF-8 bytes are `bytes`.
  @inline(__always) func index(_ seed: UInt64, _ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    Int(truncatingIfNeeded: FNV1a.hash64(bytes, from: seed) >> 1) & (dimension - 1)
  }

  /// `index(namespace, first, second)` from the namespace's `seed`.
  @inline(__always) func index(_ seed: UInt64, _ first: String, _ second: String) -> Int {
    let hash = FNV1a.hash64(second, from: FNV1a.step(FNV1a.hash64(first, from: seed), 0x1F))
    return Int(truncatingIfNeeded: hash >> 1) & (dimension - 1)
  }

  func index(_ namespace: String, _ first: String, _ second: String) -> Int {
    index(Self.seed(namespace), first, second)
  }
}
