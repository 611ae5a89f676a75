public import SlackscoreCore

/// What the cue analyzer found in one sentence.
public struct SentenceAnalysis: Sendable {
  /// The sentence's tokens (lower-cased).
  public var tokens: [Token]
  /// Language guessed from function words: `en`, `id`, or nil when undecided.
  public var lang: String?
  /// Cue names that fired, sorted: `imperative`, `hortative`, `lexicon:sign`, `link:petition`,
  /// `reported-act`, `question`, …
  public var cues: [String]
  /// Lexicon hits per category.
  public var categoryHits: [String: Int]
  /// Categories with a lexicon hit that names an act (not only a topic word such as "petition" or
  /// "pilkada"): the act evidence of the precision gate, with `linkCategories`.
  public var actCategories: Set<String> = []
  /// Categories named only by a topic word ("petition", "hotline", "fund"): act evidence only when
  /// the sentence has an ask's form (`askForm`), as in "Send what you can to the strike fund".
  public var topicCategories: Set<String> = []
  /// Whether the sentence has an ask's grammatical form: imperative, hortative, polite or
  /// impersonal request, request question, or a first-person appeal ("I urge everyone").
  public var askForm = false
  /// Whether an act phrase follows a reported request within three words ("Warga diminta
  /// menandatangani petisi"), so the act is what was asked, not what happened ("Petisi yang meminta
  /// pembatalan … berhenti di angka 214 tanda tangan").
  public var actAfterRequest = false
  /// Categories implied by a registry link in the sentence.
  public var linkCategories: [String]
  /// The first registry link in (or anchored by) the sentence.
  public var target: CTATarget?
  /// Whether a publisher-promo phrase matched.
  public var promo: Bool
  /// Token indices of the clause heads.
  public var heads: [Int]
  /// Whether the sentence is addressed to the reader or audience as an ask: an imperative,
  /// hortative, polite or impersonal request, a request question, an appeal, or "you"/"kita"
  /// as the one asked (see `AskGate`).
  public var addressed = false
  /// Why the sentence is not the page's own ask even if it has that shape; nil when nothing excludes it.
  public var exclusion: AskExclusion?
}

/// Finds the grammatical and lexical cues of a call to action in a sentence: imperatives and
/// hortatives (English and Indonesian), polite passive requests, negative imperatives, lexicon
/// categories, registry links, and the hard negatives (reported acts, past narration, questions,
/// attributed quotes, generic moralising, news widgets).
///
/// All word lists come from `Resources/cta-lexicon.json`.
public struct CueAnalyzer: Sendable {
  /// What a category phrase says of its category: the act itself, or only a topic word.
  enum PhraseRole: Sendable {
    /// Names the act ("sign the petition"): act evidence.
    case act
    /// A weak phrase ("petition"): act evidence only when the sentence has an ask's form.
    case weak
    /// A place-bound phrase: act evidence only with a time, a place or a registry link.
    case placeBound
    /// A topic phrase: counted, never act evidence.
    case topic
  }

  /// What a word-list phrase does, resolved from its list's label when the analyzer is built.
  enum ListKind: Sendable {
    case hortative, moralising, hardNegative, newsWidget, promo, appeal, impersonalRequest, instruction, helpline
    case siteLink, confirmation
    case requestQuestion
    /// `context:reported-request`: its cue, and the request's end for `actAfterRequest`.
    case reportedRequest
    /// Any other list: its `context:` cue if it has one (`contextCues`).
    case other
  }

  /// A category phrase: its category (index in `CTAResources.categories`) and role.
  struct CategoryPhrase: Sendable {
    var category: Int
    var role: PhraseRole
  }

  let categories: NumberedPhrases
  let lists: NumberedPhrases
  let negatives: Set<String>
  /// The Indonesian imperative verbs of two words ("tanda tangani"), matched at a clause head.
  let imperativePairs: Set<String>
  /// Every word of the lists above and of the lexicon's `grammar`, with its lists, phrase-matcher
  /// slots and number.
  private let table: WordTable
  /// The names of the bits of the cue sets.
  let cueNames: CueSet.Names
  /// Per category-matcher phrase: its category and role.
  let categoryPhrases: [CategoryPhrase]
  /// Per category (`CTAResources.categories` order): its `lexicon:` cue.
  let categoryCues: [CueSet]
  /// Per word-list phrase: what it does, and the cue of a `context:` list (else nil).
  let listKinds: [ListKind]
  let contextCues: [CueSet?]
  /// Hashtag stems in the imperative and their category index, longest stem first.
  let imperativeHashtags: [(stem: String, category: Int)]
  /// Hashtags that are a request wherever they stand ("#plsrt"), and their category index.
  let requestHashtags: [String: Int]
  /// Acts named by a verb and its object (`grammar.verb_object_acts`), with their category index, in
  /// the lexicon's order under each of their verbs: a sentence looks its opening word up once.
  let verbObjectActs: [String: [(category: Int, objects: Set<String>, window: Int)]]
  /// Two-word nouns whose first word is no phrase of its own there (`grammar.noun_compounds`): first
  /// word → the second words that make a compound of it.
  let nounCompounds: [String: Set<String>]
  /// The closed word lists the scan looks up by text.
  let scanWords: ScanWords
  /// The platform registry used for links.
  public let registry: PlatformRegistry

  /// An analyzer over the given lexicon and registry.
  public init(lexicon: CTALexiconFile, registry: PlatformRegistry) {
    var categories = PhraseMatcher()
    let notActs = Set(
      ((lexicon.weakPhrases ?? []) + (lexicon.topicPhrases ?? []) + (lexicon.placeBoundPhrases ?? [])).map {
        $0.lowercased()
      })
    for name in CTAResources.categories {
      for (lang, phrases) in (lexicon.categories[name] ?? [:]).sorted(by: { $0.key < $1.key }) {
        categories.add(phrases, label: name)
        if lang == "id" {
          categories.add(Self.lahForms(of: phrases, except: notActs), label: name)
          categories.add(Self.possessiveForms(of: phrases, category: name, except: notActs), label: name)
        }
      }
    }
    var lists = PhraseMatcher()
    func add(_ lists2: PhraseLists, _ label: String) {
      for (_, phrases) in lists2.sorted(by: { $0.key < $1.key }) { lists.add(phrases, label: label) }
    }
    add(lexicon.hortatives, "hortative")
    add(lexicon.moralising, "moralising")
    add(lexicon.hardNegatives, "hard-negative")
    add(lexicon.newsWidgets, "news-widget")
    add(lexicon.promo, "promo")
    add(lexicon.negativeImperatives, "negative")
    add(lexicon.appeals ?? [:], "appeal")
    add(lexicon.requestQuestions ?? [:], "request-question")
    add(lexicon.impersonalRequests ?? [:], "impersonal-request")
    add(lexicon.instructionWords ?? [:], "instruction")
    add(lexicon.helpline ?? [:], "helpline")
    add(lexicon.siteLinks ?? [:], "site-link")
    add(lexicon.confirmations ?? [:], "confirmation")
    for (name, phrases) in (lexicon.contextCues ?? [:]).sorted(by: { $0.key < $1.key }) {
      lists.add(phrases, label: "context:" + name)
    }
    func set(_ l: PhraseLists) -> Set<String> { Set(l.values.joined().map { $0.lowercased() }) }
    var imperativeVerbs = lexicon.imperativeVerbs.mapValues { Set($0.map { $0.lowercased() }) }
    // Two-word verbs ("tanda tangani") are matched as pairs from their first word.
    let pairs = imperativeVerbs["id", default: []].filter { $0.unicodeScalars.contains(" ") }
    imperativeVerbs["id"]?.subtract(pairs)
    imperativePairs = pairs
    let imperativeLeads = Set(pairs.compactMap { $0.split(separator: " ").first.map(String.init) })
    let passiveHeads = set(lexicon.passiveRequestHeads)
    negatives = set(lexicon.negativeImperatives)
    let questionWords = lexicon.questionWords.mapValues { Set($0) }
    let functionWords = lexicon.functionWords.mapValues { Set($0) }
    let weakPhrases = Set((lexicon.weakPhrases ?? []).map { $0.lowercased() })
    let topicPhrases = Set((lexicon.topicPhrases ?? []).map { $0.lowercased() })
    let placeBound = Set((lexicon.placeBoundPhrases ?? []).map { $0.lowercased() })
    let contextNames = lists.phrases.map {
      $0.label.utf8HasPrefix("context:") ? String($0.label.dropFirst(8)) : nil
    }
    let cueNames = CueSet.Names(
      dataNames: CTAResources.categories.map { "lexicon:" + $0 } + registry.kinds.map { "link:" + $0 }
        + contextNames.compactMap { $0 })
    self.cueNames = cueNames
    categoryCues = CTAResources.categories.map { cueNames.cue("lexicon:\($0)") }
    categoryPhrases = categories.phrases.map { label, phrase in
      let role: PhraseRole =
        topicPhrases.contains(phrase)
        ? .topic : weakPhrases.contains(phrase) ? .weak : placeBound.contains(phrase) ? .placeBound : .act
      return CategoryPhrase(category: CTAResources.categories.firstIndex(of: label)!, role: role)
    }
    listKinds = lists.phrases.map { Self.listKind(label: $0.label) }
    contextCues = contextNames.map { $0.map(cueNames.cue) }
    self.registry = registry
    let grammar = lexicon.grammar
    // Longest stem first, then alphabetical: the same order whatever the JSON object's key order.
    requestHashtags = grammar.requestHashtags.reduce(into: [:]) { tags, entry in
      tags[entry.key.lowercased()] = CTAResources.categories.firstIndex(of: entry.value)
    }
    verbObjectActs = grammar.verbObjectActs.reduce(into: [:]) { byVerb, act in
      guard let category = CTAResources.categories.firstIndex(of: act.category) else { return }
      // "@authorities" stands for the authorities' word class: the officials one contacts are
      // the ones a pressing verb presses.
      let objects = Set(
        act.objects.flatMap { $0 == VerbObjectAct.authoritiesClass ? grammar.authorities : [$0] }.map {
          $0.lowercased()
        })
      for verb in Set(act.verbs.map { $0.lowercased() }) {
        byVerb[verb, default: []].append((category, objects, act.window))
      }
    }
    scanWords = ScanWords(grammar)
    nounCompounds = grammar.nounCompounds.reduce(into: [:]) { compounds, noun in
      let words = noun.lowercased().split(separator: " ").map(String.init)
      if words.count == 2 { compounds[words[0], default: []].insert(words[1]) }
    }
    imperativeHashtags = grammar.imperativeHashtags.compactMap { stem, name in
      CTAResources.categories.firstIndex(of: name).map { (stem.lowercased(), $0) }
    }.sorted { ($0.stem.utf8.count, $1.stem) > ($1.stem.utf8.count, $0.stem) }
    // The first words of the negative imperatives of more words ("do" of "do not"): only after one
    // of them can a head and the word after it be a negative imperative.
    let negativeLeads = Set(
      negatives.compactMap { phrase in
        phrase.unicodeScalars.firstIndex(of: " ").map { String(phrase.unicodeScalars[..<$0]) }
      })
    let table = WordTable(
      classes: [
        (.functionEN, functionWords["en"] ?? []), (.functionID, functionWords["id"] ?? []),
        (.passiveHead, passiveHeads), (.suffixBlocked, Set(lexicon.imperativeSuffixBlocklist)),
        (.reportedMarker, set(lexicon.reportedActMarkers)), (.reportingVerb, set(lexicon.reportingVerbs)),
        (.inclusive, Set(grammar.inclusive)), (.firstPersonSpeaker, Set(grammar.firstPersonSpeakers)),
        (.appealVerb, Set(grammar.appealVerbs)), (.secondPerson, Set(grammar.secondPerson)),
        (.firstPlural, Set(grammar.firstPlural)), (.questionMark, ["?"]), (.exclamationMark, ["!"]),
        (.quote, ["\""]), (.negative, negatives), (.negativeLead, negativeLeads),
        (.imperativeEN, imperativeVerbs["en"] ?? []), (.imperativeID, imperativeVerbs["id"] ?? []),
        (.clauseOpener, set(lexicon.clauseOpeners)), (.politeParticle, set(lexicon.politeParticles)),
        (.thirdPerson, set(lexicon.thirdPersonSubjects)), (.questionEN, questionWords["en"] ?? []),
        (.questionID, questionWords["id"] ?? []), (.requestWord, Set(grammar.requestWords)),
        (.finiteAuxiliary, Set(grammar.finiteAuxiliaries)), (.nounFollower, Set(grammar.nounFollowers)),
        (.labelPunctuation, Self.labelPunctuation), (.irregularParticiple, Set(grammar.irregularParticiples)),
        (.addressedSubject, Set(grammar.addressedSubjects)), (.dialogueSpeaker, Set(grammar.dialogueSpeakers)),
        (.lineLabel, Set(grammar.lineLabels)), (.permissionWord, Set(grammar.permissionWords)),
        (.votingVerb, Set(grammar.votingVerbs)), (.notBeforeImperative, Set(grammar.notBeforeImperative)),
        (.clauseBreak, Self.clauseBreaks), (.continuationOpener, Set(grammar.continuationOpeners)),
        (.obligationOpener, Set(grammar.obligationOpeners)),
        (.topicParticle, Set(grammar.topicParticles)), (.demonstrative, Set(grammar.demonstratives)),
        (.relativeWord, Set(grammar.relativeWords)), (.negation, Set(grammar.negations)),
        (.reminder, Set(grammar.reminderWords)), (.notAfterNegative, Set(grammar.notAfterNegative)),
        (.audienceOpener, Set(grammar.audienceOpeners)), (.purposeOpener, Set(grammar.purposeOpeners)),
        (.imperativeLeadID, imperativeLeads), (.buyCause, Set(grammar.buyCauses)),
        (.headOnlyHortative, Set(grammar.headOnlyHortatives)), (.pressingVerb, Set(grammar.pressingVerbs)),
        (.authority, Set(grammar.authorities)), (.linkingVerb, Set(grammar.linkingVerbs)),
        (.appealNoun, Set(grammar.appealNouns)), (.comparisonWord, Set(grammar.comparisonWords)),
        (.personalVocative, Set(grammar.personalVocatives)), (.handoutGood, Set(grammar.handoutGoods)),
        (.healthService, Set(grammar.healthServices)), (.volunteerRole, Set(grammar.volunteerRoles)),
        (.privateChannel, Set(grammar.privateChannels)),
      ], categories: categories, lists: lists)
    self.table = table
    self.categories = categories.numbered(by: table.number(of:))
    self.lists = lists.numbered(by: table.number(of:))
  }

  /// The kind of the phrases of the word list labelled `label`.
  private static func listKind(label: String) -> ListKind {
    switch label {
    case "hortative": .hortative
    case "moralising": .moralising
    case "hard-negative": .hardNegative
    case "news-widget": .newsWidget
    case "promo": .promo
    case "appeal": .appeal
    case "impersonal-request": .impersonalRequest
    case "instruction": .instruction
    case "helpline": .helpline
    case "site-link": .siteLink
    case "confirmation": .confirmation
    case "request-question": .requestQuestion
    case "context:reported-request": .reportedRequest
    default: .other
    }
  }

  /// Analyses one sentence. `docLang` is the document's language when known; `anchoredTarget` is a
  /// registry link whose anchor text lies in the sentence. `askFieldsOnly`: the caller reads only
  /// what decides an ask (`CTADetector.judge` with `gateFirst`), so a sentence that can be no ask and
  /// no instruction sentence (no category phrase, no URL, no anchored link, no instruction phrase, no
  /// hortative) returns right after the phrase lists with only its `commercial` cue.
  public func analyze(
    tokens: [Token], docLang: String?, anchoredTarget: CTATarget? = nil, inReply: Bool = false,
    askFieldsOnly: Bool = false
  ) -> SentenceAnalysis {
    let entries = table.lookup(tokens)
    var scan = SentenceScan(tokens: tokens, entries: entries, lang: guessLanguage(tokens, entries) ?? docLang)
    scan.readCategoryPhrases(self)
    scan.readWordLists(self)
    scan.addActsWithoutPhrases(self)
    // A hortative with no act named may still ask, with the act in the next sentence (`CTADetector
    // .isOpenAsk`), so it is analysed in full.
    if askFieldsOnly && scan.hitCategories.isEmpty && anchoredTarget == nil && !scan.cues.contains(.instruction)
      && scan.hortativeAt.isEmpty && !tokens.contains(where: { $0.kind == .url })
    {
      return SentenceAnalysis(
        tokens: tokens, lang: scan.lang, cues: cueNames.sorted(scan.cues.contains(.commercial) ? .commercial : []),
        categoryHits: [:],
        linkCategories: [], target: nil, promo: scan.promo, heads: [])
    }
    scan.findImperatives(self)
    scan.collectWords()
    scan.findRequests(self)
    scan.findNarration(self)
    scan.readLinks(self, anchoredTarget: anchoredTarget)
    scan.readShape(self)
    return scan.analysis(self, inReply: inReply)
  }

  /// Hits per category name, from the counts per category index.
  func categoryHits(_ counts: [Int], _ hit: CategoryBits) -> [String: Int] {
    var out: [String: Int] = [:]
    hit.forEach { out[CTAResources.categories[$0]] = counts[$0] }
    return out
  }

  /// Whether a word with table classes `classes` is a question word of language `lang` (the lexicon
  /// has question words for `en` and `id` only).
  static func isQuestionWord(_ classes: WordClasses, lang: String) -> Bool {
    switch lang {
    case "en": classes.contains(.questionEN)
    case "id": classes.contains(.questionID)
    default: false
    }
  }

  /// The language with more function words, when the difference is clear.
  public func guessLanguage(_ tokens: [Token]) -> String? {
    guessLanguage(tokens, table.lookup(tokens))
  }

  /// `guessLanguage` with the tokens' table entries already looked up.
  func guessLanguage(_ tokens: [Token], _ entries: [WordTable.Entry]) -> String? {
    var en = 0
    var id = 0
    for (i, token) in tokens.enumerated() where token.kind == .word {
      if entries[i].classes.contains(.functionEN) { en += 1 }
      if entries[i].classes.contains(.functionID) { id += 1 }
      // The last three or four bytes against "nya", "kan", "ing", "tion".
      let (tail, length) = token.text.utf8Tail
      let last3 = tail & 0xFF_FFFF
      if length >= 3 && (last3 == 0x6E_7961 || last3 == 0x6B_616E) { id += 1 }
      if (length >= 3 && last3 == 0x69_6E67) || (length >= 4 && tail == 0x7469_6F6E) { en += 1 }
    }
    if en >= 2 && en > id * 2 { return "en" }
    if id >= 2 && id > en * 2 { return "id" }
    if en == 1 && id == 0 { return "en" }
    if id == 1 && en == 0 { return "id" }
    return nil
  }

}
