/// The word lists of the lexicon (and of `AskGate`) a token's text belongs to.
struct WordClasses: OptionSet, Sendable, Hashable {
  let rawValue: UInt64

  static let functionEN = WordClasses(rawValue: 1 << 0)
  static let functionID = WordClasses(rawValue: 1 << 1)
  static let passiveHead = WordClasses(rawValue: 1 << 2)
  static let suffixBlocked = WordClasses(rawValue: 1 << 3)
  static let reportedMarker = WordClasses(rawValue: 1 << 4)
  static let reportingVerb = WordClasses(rawValue: 1 << 5)
  /// The lexicon's `grammar.inclusive`.
  static let inclusive = WordClasses(rawValue: 1 << 6)
  /// `grammar.first_person_speakers`.
  static let firstPersonSpeaker = WordClasses(rawValue: 1 << 7)
  /// `grammar.appeal_verbs`.
  static let appealVerb = WordClasses(rawValue: 1 << 8)
  /// "you", "your", "kamu", "anda", "kalian": the `second-person` cue.
  static let secondPerson = WordClasses(rawValue: 1 << 9)
  /// "kita", "we", "us", "let's": the `first-plural` cue.
  static let firstPlural = WordClasses(rawValue: 1 << 10)
  static let questionMark = WordClasses(rawValue: 1 << 11)
  static let exclamationMark = WordClasses(rawValue: 1 << 12)
  static let quote = WordClasses(rawValue: 1 << 13)
  /// A one-word negative imperative ("jangan", "never").
  static let negative = WordClasses(rawValue: 1 << 14)
  /// The first word of a negative imperative of more words ("do" of "do not").
  static let negativeLead = WordClasses(rawValue: 1 << 15)
  /// An imperative verb of the lexicon's `en` list.
  static let imperativeEN = WordClasses(rawValue: 1 << 16)
  /// An imperative verb of the lexicon's `id` list.
  static let imperativeID = WordClasses(rawValue: 1 << 17)
  static let clauseOpener = WordClasses(rawValue: 1 << 18)
  static let politeParticle = WordClasses(rawValue: 1 << 19)
  static let thirdPerson = WordClasses(rawValue: 1 << 20)
  /// A question word of the lexicon's `en` list.
  static let questionEN = WordClasses(rawValue: 1 << 21)
  /// A question word of the lexicon's `id` list.
  static let questionID = WordClasses(rawValue: 1 << 22)
  /// `grammar.request_words`.
  static let requestWord = WordClasses(rawValue: 1 << 23)
  /// `grammar.finite_auxiliaries`.
  static let finiteAuxiliary = WordClasses(rawValue: 1 << 24)
  /// `grammar.noun_followers`.
  static let nounFollower = WordClasses(rawValue: 1 << 25)
  /// `CueAnalyzer.labelPunctuation`.
  static let labelPunctuation = WordClasses(rawValue: 1 << 26)
  /// `grammar.irregular_participles`.
  static let irregularParticiple = WordClasses(rawValue: 1 << 27)
  /// `CueAnalyzer.clauseBreaks`.
  static let clauseBreak = WordClasses(rawValue: 1 << 28)
  /// `grammar.continuation_openers`.
  static let continuationOpener = WordClasses(rawValue: 1 << 29)
  /// `grammar.obligation_openers`.
  static let obligationOpener = WordClasses(rawValue: 1 << 30)
  /// `grammar.addressed_subjects`.
  static let addressedSubject = WordClasses(rawValue: 1 << 31)
  /// `grammar.dialogue_speakers`.
  static let dialogueSpeaker = WordClasses(rawValue: 1 << 32)
  /// `grammar.line_labels`.
  static let lineLabel = WordClasses(rawValue: 1 << 33)
  /// `grammar.permission_words`.
  static let permissionWord = WordClasses(rawValue: 1 << 34)
  /// `grammar.voting_verbs`.
  static let votingVerb = WordClasses(rawValue: 1 << 35)
  /// `grammar.not_before_imperative`.
  static let notBeforeImperative = WordClasses(rawValue: 1 << 36)
  /// `grammar.topic_particles`.
  static let topicParticle = WordClasses(rawValue: 1 << 37)
  /// `grammar.demonstratives`.
  static let demonstrative = WordClasses(rawValue: 1 << 38)
  /// `grammar.relative_words`.
  static let relativeWord = WordClasses(rawValue: 1 << 39)
  /// `grammar.negations`.
  static let negation = WordClasses(rawValue: 1 << 40)
  /// `grammar.reminder_words`.
  static let reminder = WordClasses(rawValue: 1 << 41)
  /// `grammar.not_after_negative`.
  static let notAfterNegative = WordClasses(rawValue: 1 << 42)
  /// `grammar.audience_openers`.
  static let audienceOpener = WordClasses(rawValue: 1 << 43)
  /// `grammar.purpose_openers`.
  static let purposeOpener = WordClasses(rawValue: 1 << 44)
  /// The first word of an Indonesian imperative verb of two words ("tanda" of "tanda tangani").
  static let imperativeLeadID = WordClasses(rawValue: 1 << 45)
  /// `grammar.buy_causes`.
  static let buyCause = WordClasses(rawValue: 1 << 46)
  /// `grammar.head_only_hortatives`.
  static let headOnlyHortative = WordClasses(rawValue: 1 << 47)
  /// `grammar.pressing_verbs`.
  static let pressingVerb = WordClasses(rawValue: 1 << 48)
  /// `grammar.authorities`.
  static let authority = WordClasses(rawValue: 1 << 49)
  /// `grammar.linking_verbs`.
  static let linkingVerb = WordClasses(rawValue: 1 << 50)
  /// `grammar.appeal_nouns`.
  static let appealNoun = WordClasses(rawValue: 1 << 51)
  /// `grammar.comparison_words`.
  static let comparisonWord = WordClasses(rawValue: 1 << 52)
  /// `grammar.personal_vocatives`.
  static let personalVocative = WordClasses(rawValue: 1 << 53)
  /// `grammar.handout_goods`.
  static let handoutGood = WordClasses(rawValue: 1 << 54)
  /// `grammar.health_services`.
  static let healthService = WordClasses(rawValue: 1 << 55)
  /// `grammar.volunteer_roles`.
  static let volunteerRole = WordClasses(rawValue: 1 << 56)
  /// `grammar.private_channels`.
  static let privateChannel = WordClasses(rawValue: 1 << 57)
}

/// One hash lookup per token instead of one per word list: every text that some list of the
/// analyzer holds, with the lists it belongs to and its slot in each phrase matcher.
struct WordTable: Sendable {
  /// What the table knows about one text.
  struct Entry: Sendable {
    var classes: WordClasses = []
    /// Slot in the category matcher's `firstTokenSlots`, or -1.
    var categorySlot: Int32 = -1
    /// Slot in the word-list matcher's `firstTokenSlots`, or -1.
    var listSlot: Int32 = -1
    /// The text's number in the table (`NumberedPhrases` compares these), or -1.
    var word: Int32 = -1
  }

  private var entries: [String: Entry] = [:]
  /// The same entries for ASCII texts, found by their bytes: `AsciiKeys` holds every key that is
  /// ASCII or equals an ASCII text (its canonical composition is ASCII), so an ASCII token is
  /// answered without `String` hashing.
  private let ascii: AsciiKeys<Entry>

  /// A table of `classes` (text → lists), the first tokens of both phrase matchers and the texts of
  /// their exact pieces; every text gets a number.
  init(classes: [(WordClasses, Set<String>)], categories: PhraseMatcher, lists: PhraseMatcher) {
    for (wordClass, words) in classes {
      for word in words { entries[word, default: Entry()].classes.insert(wordClass) }
    }
    for (word, slot) in categories.firstTokenSlots { entries[word, default: Entry()].categorySlot = Int32(slot) }
    for (word, slot) in lists.firstTokenSlots { entries[word, default: Entry()].listSlot = Int32(slot) }
    for word in categories.exactTexts.union(lists.exactTexts) where entries[word] == nil { entries[word] = Entry() }
    // Sorted, so the numbers are the same in every process.
    for (number, word) in entries.keys.sorted().enumerated() { entries[word]!.word = Int32(number) }
    ascii = AsciiKeys(entries)
  }

  /// The number of `text` (a token with an equal text gets it from `lookup`), or -1.
  func number(of text: String) -> Int32 { entries[text]?.word ?? -1 }

  /// The entry of every token, in order (an empty entry for texts no list holds).
  func lookup(_ tokens: [Token]) -> [Entry] {
    var found: [Entry] = []
    found.reserveCapacity(tokens.count)
    for i in tokens.indices {
      switch ascii.value(for: tokens[i].text) {
      case .found(let entry): found.append(entry)
      case .absent: found.append(Entry())
      case .notASCII: found.append(entries[tokens[i].text] ?? Entry())
      }
    }
    return found
  }
}
