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

  private let categories: NumberedPhrases
  private let lists: NumberedPhrases
  private let negatives: Set<String>
  /// The Indonesian imperative verbs of two words ("tanda tangani"), matched at a clause head.
  private let imperativePairs: Set<String>
  /// Every word of the lists above and of the lexicon's `grammar`, with its lists, phrase-matcher
  /// slots and number.
  private let table: WordTable
  /// The names of the bits of the cue sets.
  private let cueNames: CueSet.Names
  /// Per category-matcher phrase: its category and role.
  private let categoryPhrases: [CategoryPhrase]
  /// Per category (`CTAResources.categories` order): its `lexicon:` cue.
  private let categoryCues: [CueSet]
  /// Per word-list phrase: what it does, and the cue of a `context:` list (else nil).
  private let listKinds: [ListKind]
  private let contextCues: [CueSet?]
  /// Hashtag stems in the imperative and their category index, longest stem first.
  private let imperativeHashtags: [(stem: String, category: Int)]
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
        if lang == "id" { categories.add(Self.lahForms(of: phrases, except: notActs), label: name) }
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
        (.headOnlyHortative, Set(grammar.headOnlyHortatives)),
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
    var cues = CueSet()
    let entries = table.lookup(tokens)
    let lang = guessLanguage(tokens, entries) ?? docLang

    // Lexicon categories, as bits of their index in `CTAResources.categories`.
    var hitCounts: [Int] = []
    var hitCategories = CategoryBits()
    var actCategories = CategoryBits()
    var topicCategories = CategoryBits()
    var placeBoundCategories = CategoryBits()
    var actStarts: [Int] = []
    // Where a boycott is named outright ("boikot …", not a negated act such as "jangan beli …").
    var boycottStarts: [Int] = []
    // Where weak phrases start, with their category.
    var weakStarts: [(category: Int, start: Int)] = []
    // Where the sentence asks (an imperative, hortative, request): a weak phrase names the act only
    // near one of these.
    var askAt: [Int] = []
    // The closures read these, not `self` (which they would copy).
    let categoryPhrases = categoryPhrases
    let categoryCues = categoryCues
    let listKinds = listKinds
    let contextCues = contextCues
    categories.forEachHit(tokens, entries, slots: .categories) {
      phrase, first, _ in
      let hit = categoryPhrases[phrase]
      // A phrase that a negative forbids is no evidence of its category ("jangan cuma repost", "jangan
      // share hoax", "jgn tinggalkan sholat", "jangan datang"), except buying, which is then a boycott
      // ("jangan jajan di warung itu"), and the acts of voting against and boycotting ("jangan pilih
      // X", "jangan berhenti boikot"), which are asks.
      let forbidden = Self.isForbidden(first, tokens, entries)
      let category = hit.category == CTAResources.buyCategory && forbidden ? CTAResources.boycottCategory : hit.category
      if forbidden, hit.category != CTAResources.buyCategory,
        hit.role != .act || (category != CTAResources.voteCategory && category != CTAResources.boycottCategory)
      {
        return
      }
      if hitCounts.isEmpty { hitCounts = Array(repeating: 0, count: categoryCues.count) }
      hitCounts[category] += 1
      hitCategories.insert(category)
      cues.insert(categoryCues[category])
      switch hit.role {
      case .topic: break
      case .weak:
        topicCategories.insert(category)
        weakStarts.append((category, first))
      case .placeBound: placeBoundCategories.insert(category)
      case .act:
        actCategories.insert(category)
        actStarts.append(first)
        if category == CTAResources.boycottCategory && !forbidden && !entries[first].classes.contains(.negative) {
          boycottStarts.append(first)
        }
      }
    }

    // Word lists.
    var promo = false
    var moralising = false
    var hortativeAt: [Int] = []
    var requests: [Int] = []
    // Where the hortative that opens the sentence ("Mari kita …") ends.
    var openingHortativeEnd: Int?
    // Act phrases that a permission word follows ("Boikot silahkan"): no imperative at their head.
    var permittedActs: [Int] = []
    let firstWordAt = tokens.firstIndex { $0.kind == .word }
    // The sentence closes with a softener ("…, ya", "dong").
    let endsWithParticle =
      tokens.lastIndex { $0.kind == .word }.map { entries[$0].classes.contains(.politeParticle) } ?? false
    // Clause heads (the first content token of each clause), computed here only when a head-only
    // hortative needs them; most sentences leave on the fast path below without.
    var knownHeads: [Int]?
    lists.forEachHit(tokens, entries, slots: .lists) { phrase, first, end in
      switch listKinds[phrase] {
      case .hortative:
        // "Sya dukung bu Airin", "kami siap bantu": the speaker declares what they do; "Yang dukung
        // pak X": a relative clause describes someone.
        if Self.followsFirstPersonSubject(first, tokens, entries)
          || (first > 0 && entries[first - 1].classes.contains(.relativeWord))
        {
          break
        }
        // "Polri gercep turun tangan bantu korban banjir": a hortative verb inside a clause tells
        // what someone does; it asks where it opens a clause or follows another hortative.
        if end - first == 1, entries[first].classes.contains(.headOnlyHortative),
          !hortativeAt.contains(where: { first - $0 <= 2 })
        {
          let heads = knownHeads ?? Self.clauseHeads(tokens, entries)
          knownHeads = heads
          if !heads.contains(first) { break }
        }
        // "Boikot silahkan, …", "Lo mau ikut boikot silahkan": permission given after the act, in
        // the same clause, leaves the act to the reader; it asks nothing.
        if entries[first].classes.contains(.permissionWord),
          let act = actStarts.last(where: { $0 < first && first - $0 <= 4 }),
          !tokens[act..<first].contains(where: { $0.kind == .punctuation })
        {
          permittedActs.append(act)
          break
        }
        cues.insert(.hortative)
        hortativeAt.append(first)
        askAt.append(first)
        if first == firstWordAt { openingHortativeEnd = max(openingHortativeEnd ?? end, end) }
      case .moralising: moralising = true
      case .hardNegative: cues.insert(.hardNegative)
      case .newsWidget:
        cues.insert(.newsWidget)
        // "Baca juga: …", "Read more …": navigation when it opens the sentence.
        if first <= 1 { cues.insert(.navigation) }
      case .promo:
        promo = true
        cues.insert(.promo)
      case .appeal: cues.insert(.appeal)
      case .impersonalRequest:
        cues.insert(.impersonalRequest)
        askAt.append(first)
      case .instruction: cues.insert(.instruction)
      case .helpline: cues.insert(.helpline)
      case .requestQuestion:
        // "yuk"/"ayo"/"mari" open request questions only at the start.
        if first == 0 || tokens[first].text.utf8.count > 4 {
          cues.insert(.requestQuestion)
          askAt.append(first)
        }
      case .reportedRequest:
        if let cue = contextCues[phrase] { cues.insert(cue) }
        requests.append(end)
      case .other:
        if let cue = contextCues[phrase] { cues.insert(cue) }
      }
    }

    // An act the rules below find without a lexicon phrase, counted as a phrase hit would be.
    func addAct(_ category: Int, at start: Int) {
      if hitCounts.isEmpty { hitCounts = Array(repeating: 0, count: categoryCues.count) }
      hitCounts[category] += 1
      hitCategories.insert(category)
      actCategories.insert(category)
      actStarts.append(start)
      cues.insert(categoryCues[category])
    }
    // A slogan in capitals after the opening hortative ("Mari GANTI PRESIDEN 2019", "Ayo kita
    // SELAMATKAN HUTAN ADAT") asks the audience to take the slogan up, as "mari #…" asks them to use
    // a hashtag: a hashtag act, when no other act is named. A sentence all in capitals has no slogan
    // that stands out ("SEGERA USIR …").
    if actCategories.isEmpty, let start = openingHortativeEnd, let opener = firstWordAt, !tokens[opener].shouted,
      Self.opensSlogan(tokens, at: start)
    {
      addAct(CTAResources.hashtagCategory, at: start)
    }
    // "Pilih Anies!", "Pilih Prabowo-Sandi, #…", "Ayo pilih Airin", "Pilih Airin Ade aja", "wajib
    // pilih Airin": "pilih" before a name is a vote act when something marks the sentence as a
    // campaign ask: a hashtag or "!", an opening hortative, a closing polite particle, or an
    // obligation word right before it. A form's "Pilih Kota" has none of these.
    if !actCategories.contains(CTAResources.voteCategory), let at = Self.choosesByName(tokens, entries),
      tokens.contains(where: { $0.kind == .hashtag || $0.text == "!" }) || openingHortativeEnd != nil
        || endsWithParticle
        || (at > 0 && entries[at - 1].classes.contains(.obligationOpener))
    {
      addAct(CTAResources.voteCategory, at: at)
    }

    // A post or line that opens with a hashtag in the imperative ("#BoikotProdukX …", "#PilihNo2")
    // asks the reader for that act, as "Boikot …!" does; the same tag at the end of a list of tags
    // labels the post and asks nothing.
    let hashtagAsk = tokens.first.flatMap { $0.kind == .hashtag ? imperativeHashtagCategory($0.text) : nil }
    if let category = hashtagAsk {
      if !actCategories.contains(category) { addAct(category, at: 0) }
      cues.insert(.imperative)
      askAt.append(0)
    }

    // A hortative with no act named may still ask, with the act in the next sentence (`CTADetector
    // .isOpenAsk`), so it is analysed in full.
    if askFieldsOnly && hitCategories.isEmpty && anchoredTarget == nil && !cues.contains(.instruction)
      && hortativeAt.isEmpty && !tokens.contains(where: { $0.kind == .url })
    {
      return SentenceAnalysis(
        tokens: tokens, lang: lang, cues: cueNames.sorted(cues.contains(.commercial) ? .commercial : []),
        categoryHits: [:],
        linkCategories: [], target: nil, promo: promo, heads: [])
    }

    // Clause heads: the first content token of each clause.
    let heads = knownHeads ?? Self.clauseHeads(tokens, entries)
    var imperative = false
    var leadingAsk = false
    // An imperative at the head of a clause after the first ("Apa hubungannya, laporkan dia ke polisi").
    var laterImperative = false
    for (n, head) in heads.enumerated() {
      let wasImperative = imperative || cues.contains(.hortativeInitial)
      let word = tokens[head].text
      let classes = entries[head].classes
      let hasNext = head + 1 < tokens.count
      if hortativeAt.contains(head) || hortativeAt.contains(head - 1) { cues.insert(.hortativeInitial) }
      if classes.contains(.negative)
        || (hasNext && classes.contains(.negativeLead) && negatives.contains(word + " " + tokens[head + 1].text))
      {
        // "Jangan lupa …" is a hortative; "jangan kan …" is "jangankan" (let alone), no imperative.
        if !hasNext || entries[head + 1].classes.isDisjoint(with: [.reminder, .notAfterNegative]) {
          cues.insert(.negativeImperative)
          askAt.append(head)
        }
      }
      if classes.contains(.imperativeEN) && lang != "id" {
        // "Email: x@y.org", "Donate" alone: a label, not an imperative.
        if hasNext && !tokens[head + 1].text.utf8HasSuffix("ed")
          && entries[head + 1].classes.isDisjoint(with: [.nounFollower, .labelPunctuation])
        {
          cues.insert(.imperative)
          imperative = true
          askAt.append(head)
        }
      }
      // "Boikot kok tanggung2, …", "Boikot sih boikot, tapi …", "Boikot ini kan ada pro kontra": a
      // verb that a topic particle, or a demonstrative with more of the clause after it, follows is
      // what the writer talks about, not what they ask.
      let notAnOrder = (hasNext && Self.isTopic(head, tokens, entries)) || permittedActs.contains(head)
      if !notAnOrder, lang != "en",
        classes.contains(.imperativeID)
          || (hasNext && classes.contains(.imperativeLeadID)
            && imperativePairs.contains(word + " " + tokens[head + 1].text))
      {
        cues.insert(.imperative)
        imperative = true
        askAt.append(head)
      } else if !notAnOrder, lang != "en", n == 0 || !tokens[head].capitalized,
        !(hasNext && entries[head + 1].classes.contains(.secondPerson)),
        let morph = indonesianImperative(word, classes, startsAct: entries[head].categorySlot >= 0)
      {
        // A capitalised word inside the sentence is a name ("…, Randuwangi"), not a -kan/-i verb; a
        // word before "kamu"/"anda" is a noun it possesses ("Donasi kamu akan digunakan …"): an
        // imperative does not take its own addressee as object.
        cues.insert(morph)
        imperative = true
        askAt.append(head)
      }
      if n == 0 && !wasImperative && (imperative || cues.contains(.hortativeInitial)) { leadingAsk = true }
      if n > 0 && imperative && !wasImperative { laterImperative = true }
    }
    if hashtagAsk != nil {
      imperative = true
      leadingAsk = true
    }
    // A negative imperative inside a run-on post, where no punctuation opens its clause ("… kriteria
    // sendiri jangan pilih pemimpin …"): a one-word negative that opens or directly precedes an act
    // phrase, in a sentence with no reporting verb ("Ulama mengimbau jangan pilih …" stays reported).
    let hasReportingVerb = !actStarts.isEmpty && entries.contains { $0.classes.contains(.reportingVerb) }
    if lang != "en", !cues.contains(.negativeImperative), !hasReportingVerb,
      let s = actStarts.first(where: { s in
        entries[s].classes.contains(.negative) || (s > 0 && entries[s - 1].classes.contains(.negative))
      })
    {
      cues.insert(.negativeImperative)
      askAt.append(s)
    }
    // "Pilih"/"coblos" inside a run-on post ("Airin pinter ...pilih nomor satu", "warga banten pilih
    // yang amanah"): a vote phrase that opens with the imperative is an ask form unless a subject,
    // auxiliary, negation or relative word stands before it ("saya pilih …", "akan pilih …", "yang
    // pilih …", "di pilih …"), in a sentence with no reporting verb. Other verbs in mid-sentence are
    // mostly narration ("Kemaren beli ayam"), so only the voting verbs count.
    if lang != "en", !imperative, !cues.contains(.negativeImperative), !hasReportingVerb,
      let s = actStarts.first(where: { s in
        s > 0 && entries[s].classes.contains(.votingVerb) && tokens[s - 1].kind != .mention
          && !entries[s - 1].classes.contains(.notBeforeImperative)
          && entries[max(0, s - 4)..<s].allSatisfy { $0.classes.isDisjoint(with: [.firstPersonSpeaker, .thirdPerson]) }
          && !entries[s - 1].classes.contains(.negative)
      })
    {
      cues.insert(.imperative)
      imperative = true
      askAt.append(s)
    }

    // The words (tokens of kind `word`) and their classes.
    var words: [Token] = []
    var wordClasses: [WordClasses] = []
    words.reserveCapacity(tokens.count)
    wordClasses.reserveCapacity(tokens.count)
    for (i, token) in tokens.enumerated() where token.kind == .word {
      words.append(token)
      wordClasses.append(entries[i].classes)
    }

    // Polite passive requests: "mohon dibantu sebarkan", "dishare ya".
    if endsWithParticle { cues.insert(.particle) }
    for (i, token) in tokens.enumerated() where token.kind == .word {
      let t = token.text
      let classes = entries[i].classes
      let isPassiveHead = classes.contains(.passiveHead)
      let isPassive =
        isPassiveHead || (t.utf8HasPrefix("di") && t.utf8.count >= 6 && !classes.contains(.suffixBlocked))
      // "disebarkan oleh orang bodoh": a passive with its agent describes, it does not ask.
      guard isPassive, !(i + 1 < tokens.count && (tokens[i + 1].kind == .number || tokens[i + 1].text == "oleh"))
      else { continue }
      let requested = i > 0 && entries[i - 1].classes.contains(.requestWord)
      if requested || (isPassiveHead && (endsWithParticle || i == 0 || heads.contains(i))) {
        cues.insert(.politePassive)
        askAt.append(i)
      }
    }

    // An announcement that names its audience first, then says what they may do, is an impersonal
    // request: "Bagi mahasiswa semester 4-6 bisa mendaftar …", "Bagi warga yang ingin ikut, silakan …"
    // (not "Bagi saya, …"); with "untuk"/"buat", only when a relative or the audience follows ("Buat
    // yang mau donasi barang bisa langsung ke posko", not "Untuk saat ini bisa …").
    if lang != "en", words.count > 2, !wordClasses[1].contains(.firstPersonSpeaker),
      wordClasses[0].contains(.audienceOpener)
        || (wordClasses[0].contains(.purposeOpener)
          && !wordClasses[1].isDisjoint(with: [.relativeWord, .addressedSubject])),
      let permission = entries.firstIndex(where: { $0.classes.contains(.permissionWord) })
    {
      cues.insert(.impersonalRequest)
      askAt.append(permission)
    }
    // The audience named first, then what it may do: "Teman-teman bisa berdonasi melalui link
    // berikut", "Kalian boleh langsung daftar di posko" (a permission word right before the act, at
    // most one word after the audience).
    if lang != "en", !cues.contains(.impersonalRequest), let first = firstWordAt,
      entries[first].classes.contains(.addressedSubject),
      let permission = (first + 1...first + 2).first(where: {
        $0 < tokens.count && entries[$0].classes.contains(.permissionWord)
      }),
      actStarts.contains(where: { $0 > permission && $0 <= permission + 2 })
    {
      cues.insert(.impersonalRequest)
      askAt.append(permission)
    }
    // An obligation that opens the sentence right before its act asks everyone: "Wajib BOIKOT!!!",
    // "Harus pilih yang jujur" (not "Harus diakui …", which names no act).
    if lang != "en", let first = firstWordAt, entries[first].classes.contains(.obligationOpener),
      let act = actStarts.first(where: { $0 > first && $0 <= first + 2 })
    {
      cues.insert(.impersonalRequest)
      askAt.append(act)
    }
    // An obligation anywhere that binds everyone: in the passive ("danone aqua wajib di boikot",
    // "harus diboikot") or with the audience as subject ("kita patut boikot", "kalian harus pilih").
    if lang != "en", !cues.contains(.impersonalRequest),
      let act = Self.obligedAct(tokens, entries, actStarts: actStarts)
    {
      cues.insert(.impersonalRequest)
      askAt.append(act)
    }

    // Hard negatives: reported acts, past narration, questions, quotes.
    for i in tokens.indices where entries[i].classes.contains(.reportedMarker) {
      let window = (i + 1)..<min(tokens.count, i + 3)
      if window.contains(where: {
        isPastParticiple(tokens[$0].text, entries[$0].classes)
          || isIndonesianActiveVerb(tokens[$0].text, entries[$0].classes)
      }) {
        cues.insert(.reportedAct)
      }
    }
    // Declarative shape: a subject noun phrase followed by a finite verb ("Kepala desa mengundang …",
    // "Tenants in building 4 received …"), which imperatives lack.
    if let first = words.first, !hortativeAt.contains(0), wordClasses[0].isDisjoint(with: [.requestWord, .negative]) {
      let window = 1..<min(words.count, 6)
      // A future passive is a statement too ("Donasi kamu akan digunakan untuk …").
      if lang != "en", !isIndonesianActiveVerb(first.text, wordClasses[0]),
        window.contains(where: {
          (isIndonesianActiveVerb(words[$0].text, wordClasses[$0]) && !words[$0].text.utf8HasPrefix("di"))
            || (words[$0].text == "akan" && $0 + 1 < words.count && words[$0 + 1].text.utf8HasPrefix("di")
              && words[$0 + 1].text.utf8.count >= 5)
        })
      {
        cues.insert(.declarative)
      }
      if lang != "id", !wordClasses[0].contains(.imperativeEN),
        window.contains(where: {
          isPastParticiple(words[$0].text, wordClasses[$0]) || wordClasses[$0].contains(.finiteAuxiliary)
        })
      {
        cues.insert(.declarative)
      }
    }
    if cues.contains(.firstPerson),
      tokens.indices.contains(where: {
        let text = tokens[$0].text
        return isPastParticiple(text, entries[$0].classes) || text == "sudah" || text == "udah" || text == "pernah"
      })
    {
      cues.insert(.firstPersonPast)
    }
    if let first = wordClasses.first, first.contains(.thirdPerson) {
      let window = 0..<min(tokens.count, 6)
      if window.contains(where: { isPastParticiple(tokens[$0].text, entries[$0].classes) }) {
        cues.insert(.pastNarration)
      }
      if window.contains(where: { isIndonesianActiveVerb(tokens[$0].text, entries[$0].classes) }) {
        cues.insert(.thirdPersonNarration)
      }
    }
    var present: WordClasses = []
    for entry in entries { present.formUnion(entry.classes) }
    if present.contains(.questionMark) { cues.insert(.question) }
    if words.first != nil, let lang, Self.isQuestionWord(wordClasses[0], lang: lang) {
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
      cues.insert(hitCategories.isEmpty && !imperative ? .genericMoral : .modalShould)
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
    // A post shouted in capitals ("YG BELUM TIDUR AYO NAIKIN HT GUYS") is no headline.
    var longWords = 0
    var capitalizedLongWords = 0
    var shoutedLongWords = 0
    for word in words where word.text.utf8.count >= 4 {
      longWords += 1
      if word.capitalized { capitalizedLongWords += 1 }
      if word.shouted { shoutedLongWords += 1 }
    }
    if longWords >= 3, capitalizedLongWords * 10 >= longWords * 7, shoutedLongWords * 2 < longWords,
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
      tokens: tokens, lang: lang, cues: [], categoryHits: categoryHits(hitCounts, hitCategories),
      linkCategories: linkCategories, target: target, promo: promo, heads: heads)
    AskGate.judge(
      &analysis, cues: &cues, words: words, wordClasses: wordClasses, leadingAsk: leadingAsk, inReply: inReply,
      asksBoycott: boycottStarts.contains { start in askAt.contains { $0 == start || $0 == start - 1 } })
    if cues.contains(.time) || cues.contains(.date) || cues.contains(.place) || !linkCategories.isEmpty {
      actCategories.formUnion(placeBoundCategories)
    }
    // A weak phrase ("produk", "relawan", "lapangan") names the act of an ask only in the clause
    // where the sentence asks or a clause next to it ("Picket line is at gate 4, come stand with
    // us"; not "Dibutuhkan orang yang …, aktif di …, dan rajin memonitor … produk dan layanannya");
    // with no such place known (an appeal), anywhere.
    if analysis.askForm && !weakStarts.isEmpty {
      if askAt.isEmpty {
        actCategories.formUnion(topicCategories)
      } else {
        let clause = clauseNumbers(tokens, entries)
        for weak in weakStarts where askAt.contains(where: { abs(clause[weak.start] - clause[$0]) <= 1 }) {
          actCategories.insert(weak.category)
        }
      }
    }
    // Buying asks only for a cause: an Indonesian buy act with no cause word in the sentence is an
    // advert ("Yuk beli aja lauk … dari warung kami") or a complaint about prices, not a call to action.
    if lang == "id", actCategories.contains(CTAResources.buyCategory),
      !entries.contains(where: { $0.classes.contains(.buyCause) })
    {
      actCategories.remove(CTAResources.buyCategory)
    }
    analysis.actCategories = actCategories.names
    analysis.topicCategories = topicCategories.names
    // The act must follow the request closely ("diminta menandatangani", "urged residents to sign").
    analysis.actAfterRequest = requests.contains { r in actStarts.contains { $0 >= r && $0 <= r + 3 } }
    // An ask led by its act: the opening clause's imperative or hortative names the act within two
    // words ("Boikot produk …", "Ayo isi petisi …"), or any negative imperative does ("…, jangan
    // pilih yang lain"). A feature for the model; the gate does not read it.
    if leadingAsk, let head = heads.first, actStarts.contains(where: { $0 >= head && $0 <= head + 2 }) {
      cues.insert(.actLed)
    } else if cues.contains(.negativeImperative),
      askAt.contains(where: { a in
        (entries[a].classes.contains(.negative) || actStarts.contains(a))
          && actStarts.contains(where: { $0 >= a && $0 <= a + 2 })
      })
    {
      cues.insert(.actLed)
    }
    analysis.cues = cueNames.sorted(cues)
    return analysis
  }

  /// Hits per category name, from the counts per category index.
  private func categoryHits(_ counts: [Int], _ hit: CategoryBits) -> [String: Int] {
    var out: [String: Int] = [:]
    hit.forEach { out[CTAResources.categories[$0]] = counts[$0] }
    return out
  }

  /// Whether a word with table classes `classes` is a question word of language `lang` (the lexicon
  /// has question words for `en` and `id` only).
  private static func isQuestionWord(_ classes: WordClasses, lang: String) -> Bool {
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

  static let clauseBreaks: Set<String> = [
    ",", ":", ";", "-", "\u{2014}", "\u{2013}", ".", "!", "?", "(", "\"", "...", "|", "/", "•",
  ]
  /// Punctuation after a would-be imperative that makes it a label ("Email:", "Donate |").
  static let labelPunctuation: Set<String> = [":", "|", "/"]

  /// The clause number of each token: 0 up to the first clause break, then one more after each.
  func clauseNumbers(_ tokens: [Token], _ entries: [WordTable.Entry]) -> [Int] {
    var numbers: [Int] = []
    numbers.reserveCapacity(tokens.count)
    var clause = 0
    for (i, token) in tokens.enumerated() {
      numbers.append(clause)
      if token.kind == .punctuation && entries[i].classes.contains(.clauseBreak) { clause += 1 }
    }
    return numbers
  }

  /// Indices of clause heads: the first content word after the sentence start or a clause break,
  /// skipping vocatives and discourse openers ("Teman-teman,", "So", "Please") and, unless a hashtag
  /// or mention stands before them in the clause, continuation adverbs ("Tetap boikot"). `entries`:
  /// the tokens' table entries.
  static func clauseHeads(_ tokens: [Token], _ entries: [WordTable.Entry]) -> [Int] {
    var heads: [Int] = []
    var atStart = true
    var nameBefore = false
    // How many mentions open the sentence.
    var openingMentions = 0
    for (i, token) in tokens.enumerated() {
      switch token.kind {
      case .punctuation:
        if entries[i].classes.contains(.clauseBreak) {
          atStart = true
          nameBefore = false
        }
      case .emoji:
        atStart = true
        nameBefore = false
      case .word:
        if atStart {
          if entries[i].classes.contains(.clauseOpener) { continue }
          if entries[i].classes.contains(.continuationOpener) && !nameBefore { continue }
          // "RT @USER: …" is a retweet header, not an ask to retweet.
          if token.text == "rt" && i + 1 < tokens.count && tokens[i + 1].kind == .mention { continue }
          heads.append(i)
          atStart = false
        }
      case .hashtag:
        nameBefore = true
      case .mention:
        // The mentions that open a reply address its accounts; they are no subject of what follows
        // ("@akun Tetep boikot, …").
        if i > openingMentions { nameBefore = true } else { openingMentions += 1 }
      case .url, .number:
        continue
      }
    }
    return heads
  }

  /// The emphatic "-lah" imperatives of the one-word Indonesian act verbs that the list does not hold
  /// already: "hadiri" → "hadirilah", "sebarkan" → "sebarkanlah" ("Hadirilah!" names its act).
  static func lahForms(of phrases: [String], except notActs: Set<String>) -> [String] {
    let listed = Set(phrases.map { $0.lowercased() })
    return phrases.compactMap { phrase in
      let word = phrase.lowercased()
      guard word.utf8.count >= 4, !word.utf8HasSuffix("lah"), !notActs.contains(word),
        word.utf8.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }), !listed.contains(word + "lah")
      else { return nil }
      return word + "lah"
    }
  }

  /// Whether a negative imperative forbids the act phrase at `i`: "jangan"/"don't" one or two words
  /// before it in its clause ("jangan share …", "jangan cuma repost"), not "jangan lupa"/"don't forget".
  /// Forbidden buying is a boycott; a forbidden boycott or vote is still that ask; any other forbidden
  /// act is no evidence of its category.
  static func isForbidden(_ i: Int, _ tokens: [Token], _ entries: [WordTable.Entry]) -> Bool {
    for j in stride(from: i - 1, through: max(0, i - 2), by: -1) {
      guard tokens[j].kind == .word else { return false }
      if entries[j].classes.contains(.negative) { return !entries[j + 1].classes.contains(.reminder) }
    }
    return false
  }

  /// The act start that an obligation binds everyone to, if any: an obligation word ("wajib",
  /// "harus") that a listed act phrase begins ("harus diboikot"), that a passive act follows ("wajib
  /// di boikot", "harus disebarkan"), or that follows the audience as subject ("kita patut boikot");
  /// not one a negation lifts ("Tak semua harus diboikot").
  static func obligedAct(_ tokens: [Token], _ entries: [WordTable.Entry], actStarts: [Int]) -> Int? {
    for o in tokens.indices where entries[o].classes.contains(.obligationOpener) {
      let clauseBefore = (tokens[..<o].lastIndex { $0.kind != .word }).map { $0 + 1 } ?? 0
      if entries[max(clauseBefore, o - 4)..<o].contains(where: { $0.classes.contains(.negation) }) { continue }
      if actStarts.contains(o) { return o }
      guard o + 1 < tokens.count else { break }
      let next = tokens[o + 1].text
      if next == "di", o + 2 < tokens.count, actStarts.contains(o + 2) { return o + 2 }
      if next.utf8HasPrefix("di") && next.utf8.count >= 5 && actStarts.contains(o + 1) { return o + 1 }
      // The audience as subject, before the obligation ("kita patut boikot") or after it ("yang harus
      // kita pilih", "wajib kalian boikot"), with the act at most two words on.
      let audience: WordClasses = [.inclusive, .secondPerson]
      let after = !entries[o + 1].classes.isDisjoint(with: audience)
      if after || (o > 0 && !entries[o - 1].classes.isDisjoint(with: audience)),
        let act = actStarts.first(where: { $0 > (after ? o + 1 : o) && $0 <= (after ? o + 3 : o + 2) })
      {
        return act
      }
    }
    return nil
  }

  /// Whether the verb at `i` is the topic of its clause rather than an order: a topic particle
  /// follows it ("Boikot sih …", "Boikot kok …"), or, for a bare verb (no "-kan"), a demonstrative
  /// followed by a word that is no function word or particle ("Boikot ini kan …", "Boikot itu
  /// membantu"; not "Share ini ya", "Sebarkan ini ke …").
  static func isTopic(_ i: Int, _ tokens: [Token], _ entries: [WordTable.Entry]) -> Bool {
    guard i + 1 < tokens.count else { return false }
    let next = entries[i + 1].classes
    if next.contains(.topicParticle) { return true }
    guard next.contains(.demonstrative), !tokens[i].text.utf8HasSuffix("kan"), i + 2 < tokens.count,
      tokens[i + 2].kind == .word
    else { return false }
    return entries[i + 2].classes.isDisjoint(with: [.functionID, .functionEN, .politeParticle, .demonstrative])
  }

  /// Whether the word at `i` has a first-person subject before it in its clause, with at most two
  /// auxiliaries or adverbs between ("saya dukung", "kami siap bantu", "gw tetap dukung").
  static func followsFirstPersonSubject(_ i: Int, _ tokens: [Token], _ entries: [WordTable.Entry]) -> Bool {
    var j = i - 1
    var between = 0
    while j >= 0 && tokens[j].kind == .word && between <= 2 {
      if entries[j].classes.contains(.firstPersonSpeaker) { return true }
      guard entries[j].classes.contains(.notBeforeImperative) else { return false }
      between += 1
      j -= 1
    }
    return false
  }

  /// The index of a "pilih"/"pilihlah" directly followed by a capitalised word (a name), if any.
  static func choosesByName(_ tokens: [Token], _ entries: [WordTable.Entry]) -> Int? {
    for i in tokens.indices.dropLast() where entries[i].classes.contains(.imperativeID) {
      let text = tokens[i].text
      if (text == "pilih" || text == "pilihlah") && tokens[i + 1].kind == .word && tokens[i + 1].capitalized {
        return i
      }
    }
    return nil
  }

  /// The category a hashtag in the imperative asks for ("#BoikotX" → boycott), or nil.
  func imperativeHashtagCategory(_ tag: String) -> Int? {
    return imperativeHashtags.first { tag.utf8HasPrefix($0.stem) && tag.utf8.count > $0.stem.utf8.count }?.category
  }

  /// Whether a slogan in capitals opens at token `start`: after an optional "kita", at least two
  /// words in capitals in a row, one of four letters or more ("GANTI PRESIDEN", "TOLAK RUU").
  static func opensSlogan(_ tokens: [Token], at start: Int) -> Bool {
    var i = start
    if i < tokens.count && tokens[i].text == "kita" { i += 1 }
    var shouted = 0
    var long = false
    while i < tokens.count && tokens[i].kind == .word && tokens[i].shouted {
      shouted += 1
      if tokens[i].text.utf8.count >= 4 { long = true }
      i += 1
    }
    return shouted >= 2 && long
  }

  /// `lah-imperative`, `kan-imperative` or `i-imperative` for an Indonesian clause-initial word with
  /// table classes `classes`; `startsAct`: the word opens a phrase of the action lexicon.
  func indonesianImperative(_ word: String, _ classes: WordClasses, startsAct: Bool) -> CueSet? {
    guard word.utf8.count >= 5, !classes.contains(.suffixBlocked), Self.isLetters(word) else { return nil }
    if word.utf8HasSuffix("lah") && word.utf8.count >= 6 { return .lahImperative }
    let nominal =
      word.utf8HasPrefix("di") || word.utf8HasPrefix("ter") || word.utf8HasPrefix("pe") || word.utf8HasPrefix("me")
      || word.utf8HasPrefix("ber") || word.utf8HasPrefix("ke")
    if nominal { return nil }
    if word.utf8HasSuffix("kan") && word.utf8.count >= 6 { return .kanImperative }
    // "-si" words of six letters or more are nouns borrowed from "-tion" (situasi, korupsi, posisi),
    // no -i imperatives, unless they open an act ("Donasi sekarang", "Konfirmasi kehadiran di …"),
    // as campaigns use them.
    if word.utf8HasSuffix("i") && !word.utf8HasSuffix("ai") && (startsAct || !word.utf8HasSuffix("si"))
      && word.utf8.count >= 6
    {
      return .iImperative
    }
    return nil
  }

  /// `word.allSatisfy(\.isLetter)`, on the bytes when they are ASCII (then a character is one
  /// byte, or CR LF, and a letter is A–Z or a–z).
  static func isLetters(_ word: String) -> Bool {
    var ascii = true
    var letters = true
    for byte in word.utf8 {
      if byte >= 0x80 {
        ascii = false
        break
      }
      if !((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A) { letters = false }
    }
    return ascii ? letters : word.allSatisfy { $0.isLetter }
  }

  /// Whether `word` (with table classes `classes`) is an English past participle.
  func isPastParticiple(_ word: String, _ classes: WordClasses) -> Bool {
    guard word.utf8.count >= 4 else { return false }
    if word.utf8HasSuffix("ed") && !word.utf8HasSuffix("eed") && !word.utf8HasSuffix("need") { return true }
    return classes.contains(.irregularParticiple)
  }

  /// Whether `word` (with table classes `classes`) has the shape of an Indonesian active verb.
  func isIndonesianActiveVerb(_ word: String, _ classes: WordClasses) -> Bool {
    guard word.utf8.count >= 6 else { return false }
    return word.utf8HasPrefix("meng") || word.utf8HasPrefix("meny") || word.utf8HasPrefix("mem")
      || word.utf8HasPrefix("men")
      || word.utf8HasPrefix("ber") || (word.utf8HasPrefix("di") && !classes.contains(.passiveHead))
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
