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
  private let categories: PhraseMatcher
  private let lists: PhraseMatcher
  private let imperativeVerbs: [String: Set<String>]
  private let openers: Set<String>
  private let suffixBlocklist: Set<String>
  private let particles: Set<String>
  private let passiveHeads: Set<String>
  private let reportingVerbs: Set<String>
  private let reportedMarkers: Set<String>
  private let thirdPerson: Set<String>
  private let questionWords: [String: Set<String>]
  private let negatives: Set<String>
  private let functionWords: [String: Set<String>]
  private let weakPhrases: Set<String>
  private let topicPhrases: Set<String>
  /// Per category-matcher phrase: whether it is place-bound (`CTALexiconFile.placeBoundPhrases`).
  private let categoryIsPlaceBound: [Bool]
  /// Every word of the lists above and of `AskGate`, with its lists and phrase-matcher slots.
  private let table: WordTable
  /// The names of the bits of the cue sets.
  private let cueNames: CueSet.Names
  /// Per category-matcher phrase: its `lexicon:` cue, and whether it is a topic or a weak phrase.
  private let categoryCues: [CueSet]
  private let categoryIsTopic: [Bool]
  private let categoryIsWeak: [Bool]
  /// Per word-list phrase: the cue of a `context:` list, else nil.
  private let contextCues: [CueSet?]
  /// The platform registry used for links.
  public let registry: PlatformRegistry

  /// An analyzer over the given lexicon and registry.
  public init(lexicon: CTALexiconFile, registry: PlatformRegistry) {
    var categories = PhraseMatcher()
    for name in CTAResources.categories {
      for (_, phrases) in (lexicon.categories[name] ?? [:]).sorted(by: { $0.key < $1.key }) {
        categories.add(phrases, label: name)
      }
    }
    self.categories = categories
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
    for (name, phrases) in (lexicon.contextCues ?? [:]).sorted(by: { $0.key < $1.key }) {
      lists.add(phrases, label: "context:" + name)
    }
    self.lists = lists
    func set(_ l: PhraseLists) -> Set<String> { Set(l.values.joined().map { $0.lowercased() }) }
    imperativeVerbs = lexicon.imperativeVerbs.mapValues { Set($0.map { $0.lowercased() }) }
    openers = set(lexicon.clauseOpeners)
    suffixBlocklist = Set(lexicon.imperativeSuffixBlocklist)
    particles = set(lexicon.politeParticles)
    passiveHeads = set(lexicon.passiveRequestHeads)
    reportingVerbs = set(lexicon.reportingVerbs)
    reportedMarkers = set(lexicon.reportedActMarkers)
    thirdPerson = set(lexicon.thirdPersonSubjects)
    questionWords = lexicon.questionWords.mapValues { Set($0) }
    negatives = set(lexicon.negativeImperatives)
    functionWords = lexicon.functionWords.mapValues { Set($0) }
    weakPhrases = Set((lexicon.weakPhrases ?? []).map { $0.lowercased() })
    topicPhrases = Set((lexicon.topicPhrases ?? []).map { $0.lowercased() })
    let contextNames = lists.phrases.map {
      $0.label.utf8HasPrefix("context:") ? String($0.label.dropFirst(8)) : nil
    }
    let cueNames = CueSet.Names(
      dataNames: CTAResources.categories.map { "lexicon:" + $0 } + registry.kinds.map { "link:" + $0 }
        + contextNames.compactMap { $0 })
    self.cueNames = cueNames
    categoryCues = categories.phrases.map { cueNames.cue("lexicon:\($0.label)") }
    let topic = topicPhrases
    let weak = weakPhrases
    categoryIsTopic = categories.phrases.map { topic.contains($0.phrase) }
    categoryIsWeak = categories.phrases.map { weak.contains($0.phrase) }
    let placeBound = Set((lexicon.placeBoundPhrases ?? []).map { $0.lowercased() })
    categoryIsPlaceBound = categories.phrases.map { placeBound.contains($0.phrase) }
    contextCues = contextNames.map { $0.map(cueNames.cue) }
    self.registry = registry
    table = WordTable(
      classes: [
        (.functionEN, functionWords["en"] ?? []), (.functionID, functionWords["id"] ?? []),
        (.passiveHead, passiveHeads), (.suffixBlocked, suffixBlocklist), (.reportedMarker, reportedMarkers),
        (.reportingVerb, reportingVerbs), (.inclusive, AskGate.inclusiveWords),
        (.firstPersonSpeaker, AskGate.firstPersonSpeakers), (.appealVerb, AskGate.appealVerbs),
        (.secondPerson, ["you", "your", "kamu", "anda", "kalian"]), (.firstPlural, ["kita", "we", "us", "let's"]),
        (.questionMark, ["?"]), (.exclamationMark, ["!"]), (.quote, ["\""]),
      ], categories: categories, lists: lists)
  }

  /// Analyses one sentence. `docLang` is the document's language when known; `anchoredTarget` is a
  /// registry link whose anchor text lies in the sentence. `askFieldsOnly`: the caller reads only
  /// what decides an ask (`CTADetector.judge` with `gateFirst`), so a sentence that can be no ask and
  /// no instruction sentence (no category phrase, no URL, no anchored link, no instruction phrase)
  /// returns right after the phrase lists with only its `commercial` cue.
  public func analyze(
    tokens: [Token], docLang: String?, anchoredTarget: CTATarget? = nil, inReply: Bool = false,
    askFieldsOnly: Bool = false
  ) -> SentenceAnalysis {
    var cues = CueSet()
    let entries = table.lookup(tokens)
    let lang = guessLanguage(tokens, entries) ?? docLang

    // Lexicon categories.
    var categoryHits: [String: Int] = [:]
    var actCategories: Set<String> = []
    var topicCategories: Set<String> = []
    var placeBoundCategories: Set<String> = []
    var actStarts: [Int] = []
    for hit in categories.hits(in: tokens, slot: { Int(entries[$0].categorySlot) }) {
      categoryHits[hit.label, default: 0] += 1
      cues.insert(categoryCues[hit.entry])
      if categoryIsTopic[hit.entry] { continue }
      if categoryIsWeak[hit.entry] {
        topicCategories.insert(hit.label)
      } else if categoryIsPlaceBound[hit.entry] {
        placeBoundCategories.insert(hit.label)
      } else {
        actCategories.insert(hit.label)
        actStarts.append(hit.first)
      }
    }

    // Word lists.
    var promo = false
    var moralising = false
    var hortativeAt: [Int] = []
    var requests: [Int] = []
    for hit in lists.hits(in: tokens, slot: { Int(entries[$0].listSlot) }) {
      switch hit.label {
      case "hortative":
        cues.insert(.hortative)
        hortativeAt.append(hit.first)
      case "moralising": moralising = true
      case "hard-negative": cues.insert(.hardNegative)
      case "news-widget":
        cues.insert(.newsWidget)
        // "Baca juga: …", "Read more …": navigation when it opens the sentence.
        if hit.first <= 1 { cues.insert(.navigation) }
      case "promo":
        promo = true
        cues.insert(.promo)
      case "appeal": cues.insert(.appeal)
      case "impersonal-request": cues.insert(.impersonalRequest)
      case "instruction": cues.insert(.instruction)
      case "helpline": cues.insert(.helpline)
      case "request-question":
        // "yuk"/"ayo"/"mari" open request questions only at the start.
        if hit.first == 0 || tokens[hit.first].text.utf8.count > 4 { cues.insert(.requestQuestion) }
      default:
        if let cue = contextCues[hit.entry] { cues.insert(cue) }
        if hit.label == "context:reported-request" { requests.append(hit.end) }
      }
    }

    if askFieldsOnly && categoryHits.isEmpty && anchoredTarget == nil && !cues.contains(.instruction)
      && !tokens.contains(where: { $0.kind == .url })
    {
      return SentenceAnalysis(
        tokens: tokens, lang: lang, cues: cueNames.sorted(cues.contains(.commercial) ? .commercial : []),
        categoryHits: [:],
        linkCategories: [], target: nil, promo: promo, heads: [])
    }

    // Clause heads: the first content token of each clause.
    let heads = clauseHeads(tokens)
    var imperative = false
    var leadingAsk = false
    // An imperative at the head of a clause after the first ("Apa hubungannya, laporkan dia ke polisi").
    var laterImperative = false
    for (n, head) in heads.enumerated() {
      let wasImperative = imperative || cues.contains(.hortativeInitial)
      let word = tokens[head].text
      if hortativeAt.contains(head) || hortativeAt.contains(head - 1) { cues.insert(.hortativeInitial) }
      if negatives.contains(word) || (head + 1 < tokens.count && negatives.contains(word + " " + tokens[head + 1].text))
      {
        if !(head + 1 < tokens.count && (tokens[head + 1].text == "lupa" || tokens[head + 1].text == "forget")) {
          cues.insert(.negativeImperative)
        }
      }
      if imperativeVerbs["en"]?.contains(word) == true && lang != "id" {
        let next = head + 1 < tokens.count ? tokens[head + 1].text : ""
        // "Email: x@y.org", "Donate" alone: a label, not an imperative.
        if head + 1 < tokens.count && !next.utf8HasSuffix("ed") && !Self.nounFollowers.contains(next)
          && !Self.labelPunctuation.contains(next)
        {
          cues.insert(.imperative)
          imperative = true
        }
      }
      let nextWord = head + 1 < tokens.count ? tokens[head + 1].text : ""
      if imperativeVerbs["id"]?.contains(word) == true && lang != "en" && (word != "tanda" || nextWord == "tangani") {
        cues.insert(.imperative)
        imperative = true
      } else if lang != "en", n == 0 || !tokens[head].capitalized, let morph = indonesianImperative(word) {
        // A capitalised word inside the sentence is a name ("…, Randuwangi"), not a -kan/-i verb.
        cues.insert(morph)
        imperative = true
      }
      if n == 0 && !wasImperative && (imperative || cues.contains(.hortativeInitial)) { leadingAsk = true }
      if n > 0 && imperative && !wasImperative { laterImperative = true }
    }

    // Polite passive requests: "mohon dibantu sebarkan", "dishare ya".
    let lastWord = tokens.last(where: { $0.kind == .word })?.text
    let endsWithParticle = lastWord.map { particles.contains($0) } ?? false
    if endsWithParticle { cues.insert(.particle) }
    for (i, token) in tokens.enumerated() where token.kind == .word {
      let t = token.text
      let classes = entries[i].classes
      let isPassiveHead = classes.contains(.passiveHead)
      let isPassive =
        isPassiveHead || (t.utf8HasPrefix("di") && t.utf8.count >= 6 && !classes.contains(.suffixBlocked))
      guard isPassive, !(i + 1 < tokens.count && tokens[i + 1].kind == .number) else { continue }
      let requested =
        i > 0 && Self.requestWords.contains(tokens[i - 1].text)
      if requested || (isPassiveHead && (endsWithParticle || i == 0 || heads.contains(i))) {
        cues.insert(.politePassive)
      }
    }

    // Hard negatives: reported acts, past narration, questions, quotes.
    for i in tokens.indices where entries[i].classes.contains(.reportedMarker) {
      let window = tokens[(i + 1)..<min(tokens.count, i + 3)]
      if window.contains(where: { isPastParticiple($0.text) || isIndonesianActiveVerb($0.text) }) {
        cues.insert(.reportedAct)
      }
    }
    // Declarative shape: a subject noun phrase followed by a finite verb ("Kepala desa mengundang …",
    // "Tenants in building 4 received …"), which imperatives lack.
    let words = tokens.filter { $0.kind == .word }
    if let first = words.first, !hortativeAt.contains(0), !Self.requestWords.contains(first.text),
      !negatives.contains(first.text)
    {
      let window = words.dropFirst().prefix(5)
      if lang != "en", !isIndonesianActiveVerb(first.text),
        window.contains(where: { isIndonesianActiveVerb($0.text) && !$0.text.utf8HasPrefix("di") })
      {
        cues.insert(.declarative)
      }
      if lang != "id", imperativeVerbs["en"]?.contains(first.text) != true,
        window.contains(where: { isPastParticiple($0.text) || Self.finiteAuxiliaries.contains($0.text) })
      {
        cues.insert(.declarative)
      }
    }
    if cues.contains(.firstPerson),
      tokens.contains(where: {
        isPastParticiple($0.text) || $0.text == "sudah" || $0.text == "udah" || $0.text == "pernah"
      })
    {
      cues.insert(.firstPersonPast)
    }
    if let first = tokens.first(where: { $0.kind == .word }), thirdPerson.contains(first.text) {
      let window = tokens.prefix(6)
      if window.contains(where: { isPastParticiple($0.text) }) { cues.insert(.pastNarration) }
      if window.contains(where: { isIndonesianActiveVerb($0.text) }) { cues.insert(.thirdPersonNarration) }
    }
    var present: WordClasses = []
    for entry in entries { present.formUnion(entry.classes) }
    if present.contains(.questionMark) { cues.insert(.question) }
    if let first = tokens.first(where: { $0.kind == .word }), let lang,
      questionWords[lang]?.contains(first.text) == true
    {
      // Indonesian questions often go without "?"; but with no "?" a later clause's imperative makes
      // the opening question word rhetorical ("Apa hubungannya …, laporkan dia ke polisi").
      let rhetorical = laterImperative && !present.contains(.questionMark)
      if tokens.last?.text == "?" || (lang == "id" && !rhetorical) {
        cues.insert(.questionWord)
      }
    }
    // A tag question after an Indonesian hortative is a request ("Silakan di-repost bulan depan ya?").
    if present.contains(.questionMark) && cues.contains(.hortativeInitial) && endsWithParticle {
      cues.insert(.requestQuestion)
    }
    let hasQuote = present.contains(.quote)
    let hasReporting = present.contains(.reportingVerb)
    if hasReporting { cues.insert(.reportingVerb) }
    if hasQuote && hasReporting { cues.insert(.attributedQuote) }
    if moralising {
      cues.insert(categoryHits.isEmpty && !imperative ? .genericMoral : .modalShould)
    }

    // Links: URLs in the sentence, or a registry link anchored on its words.
    var target = anchoredTarget
    var linkCategories: [String] = []
    for token in tokens where token.kind == .url {
      if let found = registry.target(for: token.text) {
        if target == nil || target?.kind == "social" || target?.kind == "shortener" { target = found }
      } else if target == nil {
        target = CTATarget(url: token.text, platform: "other", kind: nil)
      }
      cues.insert(.url)
    }
    if let target, let kind = target.kind {
      cues.insert(cueNames.cue("link:\(kind)"))
      if let category = registry.category(for: target) { linkCategories.append(category) }
    }

    // Shape.
    // Headline: most longer words capitalised and no closing punctuation ("Warga Diminta Tanda Tangani
    // Petisi, Begini Tanggapan Bupati").
    let longWords = words.filter { $0.text.utf8.count >= 4 }
    if longWords.count >= 3, longWords.filter(\.capitalized).count * 10 >= longWords.count * 7,
      let last = tokens.last, last.text != ".", last.text != "!", last.text != "?"
    {
      cues.insert(.headline)
    }
    if tokens.contains(where: { $0.kind == .hashtag }) { cues.insert(.hasHashtag) }
    if words.isEmpty && tokens.contains(where: { $0.kind == .hashtag }) { cues.insert(.hashtagOnly) }
    if present.contains(.exclamationMark) { cues.insert(.exclamation) }
    if tokens.contains(where: { $0.kind == .mention }) { cues.insert(.hasMention) }
    if present.contains(.secondPerson) { cues.insert(.secondPerson) }
    if present.contains(.firstPlural) { cues.insert(.firstPlural) }
    var analysis = SentenceAnalysis(
      tokens: tokens, lang: lang, cues: [], categoryHits: categoryHits, linkCategories: linkCategories,
      target: target, promo: promo, heads: heads)
    var wordClasses: [WordClasses] = []
    wordClasses.reserveCapacity(words.count)
    for (i, token) in tokens.enumerated() where token.kind == .word { wordClasses.append(entries[i].classes) }
    AskGate.judge(
      &analysis, cues: &cues, words: words, wordClasses: wordClasses, leadingAsk: leadingAsk, inReply: inReply)
    analysis.actCategories = actCategories
    if cues.contains(.time) || cues.contains(.date) || cues.contains(.place) || !linkCategories.isEmpty {
      analysis.actCategories.formUnion(placeBoundCategories)
    }
    if analysis.askForm { analysis.actCategories.formUnion(topicCategories) }
    analysis.topicCategories = topicCategories
    // The act must follow the request closely ("diminta menandatangani", "urged residents to sign").
    analysis.actAfterRequest = requests.contains { r in actStarts.contains { $0 >= r && $0 <= r + 3 } }
    analysis.cues = cueNames.sorted(cues)
    return analysis
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

  static let clauseBreaks: Set<String> = [
    ",", ":", ";", "-", "\u{2014}", "\u{2013}", ".", "!", "?", "(", "\"", "...", "|", "/", "•",
  ]
  static let finiteAuxiliaries: Set<String> = [
    "is", "are", "was", "were", "has", "had", "does", "did", "will", "would", "can", "could", "may", "might",
  ]
  /// Words after which an English "imperative" head is a noun ("Use of …", "Change is …").
  static let nounFollowers: Set<String> = ["of", "is", "are", "was", "were", "has", "had", "'s"]
  static let requestWords: Set<String> = ["mohon", "tolong", "bantu", "minta", "harap", "silakan", "silahkan"]
  /// Punctuation after a would-be imperative that makes it a label ("Email:", "Donate |").
  static let labelPunctuation: Set<String> = [":", "|", "/"]

  /// Indices of clause heads: the first content word after the sentence start or a clause break,
  /// skipping vocatives and discourse openers ("Teman-teman,", "So", "Please").
  func clauseHeads(_ tokens: [Token]) -> [Int] {
    var heads: [Int] = []
    var atStart = true
    for (i, token) in tokens.enumerated() {
      switch token.kind {
      case .punctuation:
        if Self.clauseBreaks.contains(token.text) { atStart = true }
      case .emoji:
        atStart = true
      case .word:
        if atStart {
          if openers.contains(token.text) { continue }
          // "RT @USER: …" is a retweet header, not an ask to retweet.
          if token.text == "rt" && i + 1 < tokens.count && tokens[i + 1].kind == .mention { continue }
          heads.append(i)
          atStart = false
        }
      case .hashtag, .mention, .url, .number:
        continue
      }
    }
    return heads
  }

  /// `lah-imperative`, `kan-imperative` or `i-imperative` for an Indonesian clause-initial word.
  func indonesianImperative(_ word: String) -> CueSet? {
    guard word.utf8.count >= 5, !suffixBlocklist.contains(word), word.allSatisfy({ $0.isLetter }) else { return nil }
    if word.utf8HasSuffix("lah") && word.utf8.count >= 6 { return .lahImperative }
    let nominal =
      word.utf8HasPrefix("di") || word.utf8HasPrefix("ter") || word.utf8HasPrefix("pe") || word.utf8HasPrefix("me")
      || word.utf8HasPrefix("ber") || word.utf8HasPrefix("ke")
    if nominal { return nil }
    if word.utf8HasSuffix("kan") && word.utf8.count >= 6 { return .kanImperative }
    if word.utf8HasSuffix("i") && !word.utf8HasSuffix("ai") && word.utf8.count >= 6 { return .iImperative }
    return nil
  }

  func isPastParticiple(_ word: String) -> Bool {
    guard word.utf8.count >= 4 else { return false }
    if word.utf8HasSuffix("ed") && !word.utf8HasSuffix("eed") && !word.utf8HasSuffix("need") { return true }
    return Self.irregularParticiples.contains(word)
  }

  static let irregularParticiples: Set<String> = [
    "signed", "given", "taken", "shown", "done", "gone", "made", "written", "sent", "told", "said", "joined",
    "held", "led", "spent", "paid", "won", "lost", "met", "began", "begun", "took", "gave", "went", "came",
    "brought", "bought", "marched", "gathered", "shared", "voted", "donated", "called", "urged",
  ]

  func isIndonesianActiveVerb(_ word: String) -> Bool {
    guard word.utf8.count >= 6 else { return false }
    return word.utf8HasPrefix("meng") || word.utf8HasPrefix("meny") || word.utf8HasPrefix("mem")
      || word.utf8HasPrefix("men")
      || word.utf8HasPrefix("ber") || (word.utf8HasPrefix("di") && !passiveHeads.contains(word))
      || word.utf8HasPrefix("turun") || word.utf8HasPrefix("datang") || word.utf8HasPrefix("hadir")
  }
}

extension String {
  /// `hasSuffix` on UTF-8 bytes: no grapheme breaking, for the per-token hot paths.
  @inline(__always) func utf8HasSuffix(_ suffix: String) -> Bool {
    let a = utf8
    let b = suffix.utf8
    guard a.count >= b.count else { return false }
    let fast = a.withContiguousStorageIfAvailable { x in
      b.withContiguousStorageIfAvailable { y in
        let offset = x.count - y.count
        for k in 0..<y.count where x[offset + k] != y[k] { return false }
        return true
      }
    }
    if let fast, let result = fast { return result }
    return a.suffix(b.count).elementsEqual(b)
  }

  /// The last four UTF-8 bytes (fewer when shorter), the last one lowest, and how many.
  @inline(__always) var utf8Tail: (UInt32, Int) {
    let bytes = utf8
    var index = bytes.endIndex
    var tail: UInt32 = 0
    var length = 0
    while length < 4 && index != bytes.startIndex {
      bytes.formIndex(before: &index)
      tail |= UInt32(bytes[index]) << UInt32(8 * length)
      length += 1
    }
    return (tail, length)
  }

  /// `hasPrefix` on UTF-8 bytes.
  @inline(__always) func utf8HasPrefix(_ prefix: String) -> Bool {
    let a = utf8
    let b = prefix.utf8
    guard a.count >= b.count else { return false }
    let fast = a.withContiguousStorageIfAvailable { x in
      b.withContiguousStorageIfAvailable { y in
        for k in 0..<y.count where x[k] != y[k] { return false }
        return true
      }
    }
    if let fast, let result = fast { return result }
    return a.prefix(b.count).elementsEqual(b)
  }
}
