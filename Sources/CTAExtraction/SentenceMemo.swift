import SlackscoreCore
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// What `CTADetector.candidates(in:)` takes from one sentence: the same for every document in which
/// the sentence has the same text, document language, anchored registry link and reply status.
struct SentenceOutcome: Sendable {
  /// The precision gate excludes the sentence as an instruction (counted towards the instruction genre).
  var instruction = false
  /// The sentence has the `commercial` cue.
  var commercial = false
  /// The ask, when the sentence is a call to action or a reported ask with a category; else nil.
  var ask: Ask?
  /// The sentence names an act but asks nothing itself and nothing excludes it ("Di bawah ini tautan
  /// penggalangan dana …"): the act of an ask just before it that named none.
  var namesAct = false
  /// The sentence asks the reader but names no act ("Mari bantu saudara kita yang terdampak gempa.";
  /// `CTADetector.isOpenAsk`), else nil.
  var openAsk: OpenAsk?

  /// An ask that names no act: the next sentence may name it (`CTADetector.ask(_:namedIn:…)`).
  struct OpenAsk: Sendable {
    /// The detector's probability.
    var probability: Double
    /// The sentence's language.
    var lang: String?
    /// Whether a publisher-promo phrase matched.
    var promo: Bool
    /// Acts a phrase of the sentence named that its form did not let stand: an act that needs a when
    /// or where ("Ayo merapat senam massal."), which the next sentence may give (`CTADetector
    /// .ask(_:completedIn:…)`).
    var namedActs: [String] = []
  }

  /// A call to action or reported ask, without the fields of its place in a document. A class, so
  /// that every document the memo gives it to shares it instead of copying it.
  final class Ask: Sendable {
    let sentence: String
    let isCallToAction: Bool
    let isReported: Bool
    let category: String
    /// The sentence's language, else the document's.
    let lang: String?
    let target: CTATarget?
    let cues: [String]
    let promo: Bool
    /// The detector's probability rounded to three decimals.
    let confidence: Double
    /// A registry link or a promo phrase names the act (kept in an instruction-genre document).
    let linked: Bool
    let recurrenceKey: String
    /// `BoilerplateMarker.wordCount(recurrenceKey)`.
    let recurrenceWords: Int
    /// `BoilerplateFacts.keyHash(recurrenceKey)`.
    let recurrenceKeyHash: UInt64

    init(
      sentence: String, isCallToAction: Bool, isReported: Bool, category: String, lang: String?,
      target: CTATarget?, cues: [String], promo: Bool, confidence: Double, linked: Bool, recurrenceKey: String,
      recurrenceWords: Int, recurrenceKeyHash: UInt64
    ) {
      self.sentence = sentence
      self.isCallToAction = isCallToAction
      self.isReported = isReported
      self.category = category
      self.lang = lang
      self.target = target
      self.cues = cues
      self.promo = promo
      self.confidence = confidence
      self.linked = linked
      self.recurrenceKey = recurrenceKey
      self.recurrenceWords = recurrenceWords
      self.recurrenceKeyHash = recurrenceKeyHash
    }

    /// The ask that `verdict` (category `category`) makes: `sentence` is its text, `keyTokens` the
    /// tokens its recurrence key is read from; the language falls back to `docLang`.
    convenience init(
      verdict: SentenceVerdict, category: String, sentence: String, keyTokens: [Token], docLang: String?
    ) {
      let key = RecurrenceKey(keyTokens)
      self.init(
        sentence: sentence, isCallToAction: verdict.isCallToAction, isReported: verdict.isReported,
        category: category, lang: verdict.analysis.lang ?? docLang, target: verdict.analysis.target,
        cues: verdict.analysis.cues, promo: verdict.analysis.promo,
        confidence: ((verdict.stageProbability ?? verdict.probability) * 1000).rounded() / 1000,
        linked: !verdict.analysis.linkCategories.isEmpty || verdict.analysis.promo,
        recurrenceKey: key.key, recurrenceWords: key.words, recurrenceKeyHash: key.hash)
    }

    /// This ask as the second sentence of a pair whose first (`before`) asked but named no act: a
    /// call to action in the first's language (else its own) with the first's confidence, the
    /// `act-named-after-ask` cue, and a promo (and linked) when either is a promo.
    func named(after before: OpenAsk) -> Ask {
      Ask(
        sentence: sentence, isCallToAction: true, isReported: false, category: category, lang: before.lang ?? lang,
        target: target, cues: (cues + ["act-named-after-ask"]).sorted(), promo: promo || before.promo,
        confidence: (before.probability * 1000).rounded() / 1000, linked: linked || before.promo,
        recurrenceKey: recurrenceKey, recurrenceWords: recurrenceWords, recurrenceKeyHash: recurrenceKeyHash)
    }
  }
}

/// Outcomes of sentences already judged in an extract run, so that a sentence that recurs (a
/// publisher's promo, a footer, a paragraph pasted on many pages) is tokenised and judged once.
///
/// The outcome of a sentence is a function of its text, the document's language, its anchored
/// registry link and whether the document is a reply (`CTADetector.judge` reads nothing else), and the
/// memo compares all of them in full, so a memoised run writes what an unmemoised run writes. Bounded:
/// at most `capacity` sentences and `byteBudget` bytes of their text; a full set of ways drops its
/// oldest entry. Threads share one memo through a lock (a lookup is a hash and one comparison of bytes).
public final class SentenceMemo: Sendable {
  /// Sentences kept at most.
  public static let capacity = 32_768
  /// Bytes of sentence text (and recurrence keys) kept at most.
  public static let byteBudget = 24 << 20
  static let ways = 4

  /// What a sentence's outcome depends on besides its text (`CTADetector.judge` reads nothing else).
  struct Context: Hashable {
    /// The document's language.
    var docLang: String?
    /// A registry link whose anchor text lies in the sentence.
    var anchoredTarget: CTATarget?
    /// The document is a reply (`CTADetector.isReply`).
    var inReply: Bool
    /// The page stage judges the document's sentences (`CTADetector.usesPageStage`).
    var onPage: Bool
  }

  /// The memo's ways, one field to an array, so that a lookup reads a hash per way and, on a match,
  /// compares the context and text in place (no entry is copied or retained).
  struct Table {
    /// The UTF-8 text of each way's sentence.
    var texts: [String] = Array(repeating: "", count: SentenceMemo.capacity)
    /// What each way's outcome depends on besides the text.
    var contexts: [Context] = Array(
      repeating: Context(docLang: nil, anchoredTarget: nil, inReply: false, onPage: false),
      count: SentenceMemo.capacity)
    /// Bytes each way holds (`store`); 0 for a free way.
    var costs: [Int] = Array(repeating: 0, count: SentenceMemo.capacity)
    /// The outcome of each way.
    var outcomes: [SentenceOutcome?] = Array(repeating: nil, count: SentenceMemo.capacity)
    /// The hash of each way's text.
    var hashes: [UInt64] = Array(repeating: 0, count: SentenceMemo.capacity)
    /// The way each set replaces next.
    var victims: [UInt8] = Array(repeating: 0, count: SentenceMemo.capacity / SentenceMemo.ways)
    var bytes = 0
    var hits = 0
    var misses = 0
  }

  private let table = Mutex(Table())

  /// An empty memo.
  public init() {}

  /// Lookups answered from the memo and lookups that were not, so far.
  public var counts: (hits: Int, misses: Int) { table.withLock { ($0.hits, $0.misses) } }

  /// The outcome of the sentence whose UTF-8 bytes are `utf8` in `context`, when memoised.
  func outcome(_ utf8: UnsafeBufferPointer<UInt8>, hash: UInt64, context: Context) -> SentenceOutcome? {
    table.withLock { table in
      let first = Self.firstWay(hash)
      for way in first..<(first + Self.ways) where table.hashes[way] == hash && table.costs[way] > 0 {
        guard table.contexts[way] == context, Self.equal(table.texts[way], utf8) else { continue }
        table.hits += 1
        return table.outcomes[way]
      }
      table.misses += 1
      return nil
    }
  }

  /// Keeps `outcome` for the sentence `text` in `context` (unless the byte budget is spent).
  func store(_ outcome: SentenceOutcome, text: String, hash: UInt64, context: Context) {
    let cost = max(1, text.utf8.count + (outcome.ask?.recurrenceKey.utf8.count ?? 0))
    table.withLock { table in
      let first = Self.firstWay(hash)
      var way = first
      while way < first + Self.ways && table.costs[way] > 0 { way += 1 }
      if way == first + Self.ways {
        let set = first / Self.ways
        way = first + Int(table.victims[set])
        table.victims[set] = UInt8((Int(table.victims[set]) + 1) % Self.ways)
      }
      let freed = table.costs[way]
      guard table.bytes - freed + cost <= Self.byteBudget else { return }
      table.bytes += cost - freed
      table.hashes[way] = hash
      table.texts[way] = text
      table.contexts[way] = context
      table.costs[way] = cost
      table.outcomes[way] = outcome
    }
  }

  @inline(__always) private static func firstWay(_ hash: UInt64) -> Int {
    (Int(truncatingIfNeeded: hash >> 32) & (capacity / ways - 1)) * ways
  }

  /// Whether `text`'s UTF-8 is `utf8`: read in place (a stored sentence is a native string), not
  /// copied (and retained) as `withUTF8` on a copy would.
  private static func equal(_ text: String, _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    guard text.utf8.count == utf8.count else { return false }
    return text.utf8.withContiguousStorageIfAvailable { stored in
      stored.isEmpty || memcmp(stored.baseAddress!, utf8.baseAddress!, stored.count) == 0
    } ?? text.utf8.elementsEqual(utf8)
  }

  /// A 64-bit hash of bytes, eight at a time (the same in every process).
  static func hash(_ utf8: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash = 0x9E37_79B9_7F4A_7C15 ^ UInt64(utf8.count)
    guard let base = utf8.baseAddress else { return hash }
    let raw = UnsafeRawPointer(base)
    var i = 0
    while i + 8 <= utf8.count {
      hash = fold(hash ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
      i += 8
    }
    var tail: UInt64 = 0
    var shift: UInt64 = 0
    while i < utf8.count {
      tail |= UInt64(utf8[i]) << shift
      shift += 8
      i += 1
    }
    return fold(hash ^ tail)
  }

  /// Both halves of the 128-bit product with an odd constant, folded: every input bit reaches
  /// every output bit.
  @inline(__always) private static func fold(_ x: UInt64) -> UInt64 {
    let (high, low) = x.multipliedFullWidth(by: 0xA076_1D64_78BD_642F)
    return high ^ low
  }
}
