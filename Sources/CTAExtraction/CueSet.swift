/// The cues that fired in one sentence, one bit per cue name instead of a `Set<String>`, so the
/// analysis of a sentence hashes no cue name; `CueSet.Names` turns it into the sorted names of
/// `SentenceAnalysis.cues` once at the end.
///
/// The cues the analyzer's code names (`CueSet.imperative`, …, listed in `fixedNames`) have fixed
/// bits; the names that come from the data (`lexicon:<category>`, `link:<kind>`, the lexicon's
/// context cues) get the bits after them when `Names` is built. A name left without a bit (a link
/// kind outside the registry, or more names than bits) is kept as a string in `others`.
struct CueSet: Sendable, ExpressibleByArrayLiteral {
  /// Bits 0–63 and 64–127.
  private var low: UInt64 = 0
  private var high: UInt64 = 0
  /// Cue names without a bit, in insertion order, each once.
  private var others: [String] = []

  /// How many names can have a bit.
  static let capacity = 128

  /// The empty set.
  init() {}

  /// The set of the cue with bit `bit`.
  init(bit: Int) { insertBit(bit) }

  /// The set of one cue name that has no bit.
  init(other name: String) { others = [name] }

  /// The union of `cues`.
  init(arrayLiteral cues: CueSet...) {
    for cue in cues { insert(cue) }
  }

  /// Adds the cue with bit `bit`.
  private mutating func insertBit(_ bit: Int) {
    if bit < 64 { low |= 1 << UInt64(bit) } else { high |= 1 << UInt64(bit - 64) }
  }

  /// Calls `body` with each bit that is set, from the lowest.
  private func forEachBit(_ body: (Int) -> Void) {
    var rest = low
    while rest != 0 {
      body(rest.trailingZeroBitCount)
      rest &= rest - 1
    }
    rest = high
    while rest != 0 {
      body(64 + rest.trailingZeroBitCount)
      rest &= rest - 1
    }
  }

  /// Whether no cue fired.
  var isEmpty: Bool { low == 0 && high == 0 && others.isEmpty }

  /// Adds the cues of `cue` (usually one).
  mutating func insert(_ cue: CueSet) {
    low |= cue.low
    high |= cue.high
    for name in cue.others where !others.contains(name) { others.append(name) }
  }

  /// Whether every cue of `cue` (usually one) fired.
  func contains(_ cue: CueSet) -> Bool {
    low & cue.low == cue.low && high & cue.high == cue.high && cue.others.allSatisfy { others.contains($0) }
  }

  /// Whether no cue of `other` fired.
  func isDisjoint(with other: CueSet) -> Bool {
    low & other.low == 0 && high & other.high == 0 && !other.others.contains { others.contains($0) }
  }

  /// The names of the cues the analyzer's code sets or reads, in bit order.
  static let fixedNames = [
    "hortative", "hortative-initial", "hard-negative", "news-widget", "navigation", "promo", "appeal",
    "impersonal-request", "instruction", "helpline", "request-question", "negative-imperative", "imperative",
    "lah-imperative", "kan-imperative", "i-imperative", "particle", "polite-passive", "reported-act", "declarative",
    "first-person-past", "past-narration", "third-person-narration", "question", "question-word", "reporting-verb",
    "attributed-quote", "generic-moral", "modal-should", "url", "headline", "has-hashtag", "hashtag-only",
    "exclamation", "has-mention", "second-person", "first-plural", "reply-to-one", "retweet-header", "act-led",
    // Context cues of the lexicon that the analyzer reads.
    "commercial", "time", "date", "place", "reported-request", "first-person",
    // Set by the gate.
    "first-person-appeal",
    // A hashtag that is itself a request ("#plsRT").
    "request-hashtag",
    // Two or more of a site's footer links in one line: its menu.
    "site-menu",
    // A form's message once it was sent ("You are now signed up …").
    "confirmation",
    // A contact act named by a verb and its object (`grammar.verb_object_acts`: "Contact your senator",
    // "Make the call", "Submit comments"): the post-model cue that lifts it.
    "contact-verb-object",
    // What a condition of wishing or a purpose names ("If you would like to help, please reach out",
    // "To join, email …"): the post-model cue that lifts it over the "If you have questions, contact
    // us" lines.
    "wished-act",
  ]

  /// The set of the fixed cue `name` (one of `fixedNames`).
  private static func fixed(_ name: String) -> CueSet {
    guard let bit = fixedNames.firstIndex(of: name) else { preconditionFailure("\(name) is not a fixed cue") }
    return CueSet(bit: bit)
  }

  static let hortative = fixed("hortative")
  static let hortativeInitial = fixed("hortative-initial")
  static let hardNegative = fixed("hard-negative")
  static let newsWidget = fixed("news-widget")
  static let navigation = fixed("navigation")
  static let siteMenu = fixed("site-menu")
  static let confirmation = fixed("confirmation")
  static let promo = fixed("promo")
  static let appeal = fixed("appeal")
  static let impersonalRequest = fixed("impersonal-request")
  static let instruction = fixed("instruction")
  static let helpline = fixed("helpline")
  static let requestQuestion = fixed("request-question")
  static let negativeImperative = fixed("negative-imperative")
  static let imperative = fixed("imperative")
  static let lahImperative = fixed("lah-imperative")
  static let kanImperative = fixed("kan-imperative")
  static let iImperative = fixed("i-imperative")
  static let particle = fixed("particle")
  static let politePassive = fixed("polite-passive")
  static let reportedAct = fixed("reported-act")
  static let declarative = fixed("declarative")
  static let firstPersonPast = fixed("first-person-past")
  static let pastNarration = fixed("past-narration")
  static let thirdPersonNarration = fixed("third-person-narration")
  static let question = fixed("question")
  static let questionWord = fixed("question-word")
  static let reportingVerb = fixed("reporting-verb")
  static let attributedQuote = fixed("attributed-quote")
  static let genericMoral = fixed("generic-moral")
  static let modalShould = fixed("modal-should")
  static let url = fixed("url")
  static let headline = fixed("headline")
  static let hasHashtag = fixed("has-hashtag")
  static let hashtagOnly = fixed("hashtag-only")
  static let exclamation = fixed("exclamation")
  static let hasMention = fixed("has-mention")
  static let secondPerson = fixed("second-person")
  static let firstPlural = fixed("first-plural")
  static let replyToOne = fixed("reply-to-one")
  static let retweetHeader = fixed("retweet-header")
  static let actLed = fixed("act-led")
  static let commercial = fixed("commercial")
  static let time = fixed("time")
  static let date = fixed("date")
  static let place = fixed("place")
  static let reportedRequest = fixed("reported-request")
  static let firstPerson = fixed("first-person")
  static let firstPersonAppeal = fixed("first-person-appeal")
  static let contactVerbObject = fixed("contact-verb-object")
  static let wishedAct = fixed("wished-act")
  static let requestHashtag = fixed("request-hashtag")

  /// The name of each bit: `fixedNames`, then the names from the data; and the order of the names.
  struct Names: Sendable {
    /// The name of each bit.
    private let names: [String]
    /// The bit of each name.
    private let bits: [String: Int]
    /// Each bit's place among the names sorted, and the bit at each place.
    private let rank: [Int]
    private let byRank: [Int]

    /// `fixedNames` and then `dataNames` (duplicates and names past `capacity` left out).
    init(dataNames: [String]) {
      var names: [String] = []
      var bits: [String: Int] = [:]
      for name in CueSet.fixedNames + dataNames where bits[name] == nil && names.count < CueSet.capacity {
        bits[name] = names.count
        names.append(name)
      }
      let sorted = names.indices.sorted { names[$0] < names[$1] }
      var rank = [Int](repeating: 0, count: names.count)
      for (place, bit) in sorted.enumerated() { rank[bit] = place }
      self.names = names
      self.bits = bits
      self.rank = rank
      byRank = sorted
    }

    /// The set of the cue `name`: its bit, or the name itself when it has none.
    func cue(_ name: String) -> CueSet {
      if let bit = bits[name] { return CueSet(bit: bit) }
      return CueSet(other: name)
    }

    /// The names of `cues`, sorted.
    func sorted(_ cues: CueSet) -> [String] {
      // The bits re-numbered by rank, then read from the lowest.
      var ranked = CueSet()
      cues.forEachBit { ranked.insertBit(rank[$0]) }
      var out: [String] = []
      out.reserveCapacity(cues.low.nonzeroBitCount + cues.high.nonzeroBitCount + cues.others.count)
      ranked.forEachBit { out.append(names[byRank[$0]]) }
      if !cues.others.isEmpty {
        out += cues.others
        out.sort()
      }
      return out
    }
  }
}
