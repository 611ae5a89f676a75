import SlackscoreCore

/// The working state of one sentence's analysis, which `CueAnalyzer.analyze` fills phase by phase:
/// the lexicon's phrases and word lists, the acts found without a phrase, the ask forms (imperatives,
/// requests), the narration and question cues, links and shape, then `analysis`. Each phase reads
/// the analyzer's lists, passed in, and the state the earlier phases left.
struct SentenceScan {
  /// The sentence's tokens and their word-table entries.
  let tokens: [Token]
  let entries: [WordTable.Entry]
  /// The sentence's language (guessed, else the document's).
  let lang: String?
  /// The index of the first word token.
  let firstWordAt: Int?
  /// The sentence closes with a softener ("…, ya", "dong").
  let endsWithParticle: Bool

  var cues = CueSet()
  // Lexicon categories, as bits of their index in `CTAResources.categories`.
  var hitCounts: [Int] = []
  var hitCategories = CategoryBits()
  var actCategories = CategoryBits()
  var topicCategories = CategoryBits()
  var placeBoundCategories = CategoryBits()
  /// Where each act phrase or rule-found act starts (`recordActStart`).
  var actStarts: [Int] = []
  /// The category of each of `actStarts`, in the same order (`recordActStart`).
  var actStartCategories: [Int] = []
  /// Where a share act tells peers what to do ("Tell your friends to vote"): the "to" after them
  /// (`CueAnalyzer.peersAskedTo`).
  var peersAskedTo: Int?
  /// Where a boycott is named outright ("boikot …", not a negated act such as "jangan beli …").
  var boycottStarts: [Int] = []
  /// Where boycott phrases end, forbidden or not: a buying phrase right there is what is boycotted.
  var boycottEnds: [Int] = []
  /// Where weak phrases start, with their category.
  var weakStarts: [(category: Int, start: Int)] = []
  /// Where topic phrases start ("demo", "petisi", "tagar"), with their category.
  var topicStarts: [(category: Int, start: Int)] = []
  /// Where the sentence asks (an imperative, hortative, request): a weak phrase names the act only
  /// near one of these.
  var askAt: [Int] = []

  var promo = false
  var moralising = false
  /// How many of a site's footer and menu links the sentence names (`siteLinks`).
  var siteLinks = 0
  var hortativeAt: [Int] = []
  var requests: [Int] = []
  /// Where the hortative that opens the sentence ("Mari kita …") ends.
  var openingHortativeEnd: Int?
  /// Act phrases that a permission word follows ("Boikot silahkan"): no imperative at their head.
  var permittedActs: [Int] = []
  /// Where a comment box's line joined to the clause before it opens, at its conjunction and its verb
  /// ("… dan share pendapat kalian di kolom komentar", "… and share your thoughts below"): the share
  /// named there is no act.
  var commentBoxActs: [Int] = []
  /// Where an appeal's title ends ("imbauan ayo nyoblos": the token after "ayo"): the act there is
  /// named, not asked.
  var titledActs: [Int] = []
  /// Clause heads (the first content token of each clause), computed early only when a head-only
  /// hortative needs them; most sentences leave on the fast path of `analyze` without.
  var knownHeads: [Int]?
  /// The category of an imperative hashtag that opens the sentence ("#BoikotProdukX").
  var hashtagAsk: Int?

  /// Clause heads: the first content token of each clause (`findImperatives` sets them).
  var heads: [Int] = []
  var imperative = false
  var leadingAsk = false
  /// An imperative at the head of a clause after the first ("Apa hubungannya, laporkan dia ke polisi").
  var laterImperative = false

  /// The words (tokens of kind `word`) and their classes (`collectWords` fills them).
  var words: [Token] = []
  var wordClasses: [WordClasses] = []
  /// The word classes present anywhere in the sentence (`findNarration` sets them).
  var present: WordClasses = []
  /// The sentence's link target and the categories it implies (`readLinks`).
  var target: CTATarget?
  var linkCategories: [String] = []

  init(tokens: [Token], entries: [WordTable.Entry], lang: String?) {
    self.tokens = tokens
    self.entries = entries
    self.lang = lang
    firstWordAt = tokens.firstIndex { $0.kind == .word }
    endsWithParticle =
      tokens.lastIndex { $0.kind == .word }.map { entries[$0].classes.contains(.politeParticle) } ?? false
  }

  /// Records the lexicon's category phrases: hits per category, and the acts, weak, place-bound and
  /// topic phrases.
  mutating func readCategoryPhrases(_ analyzer: CueAnalyzer) {
    var hits: [(phrase: Int, first: Int, end: Int)] = []
    analyzer.categories.forEachHit(tokens, entries, slots: .categories) { hits.append(($0, $1, $2)) }
    for (phrase, first, end) in hits {
      let hit = analyzer.categoryPhrases[phrase]
      // "Share your skills", "Join us on Facebook", "Sign up to volunteer": a longer act phrase of
      // another category that starts at the same word names the act; the shorter one is part of it.
      if hits.contains(where: {
        $0.first == first && $0.end > end && analyzer.categoryPhrases[$0.phrase].role == .act
          && analyzer.categoryPhrases[$0.phrase].category != hit.category
      }) {
        continue
      }
      readCategoryPhrase(hit, first: first, end: end, analyzer)
    }
  }

  /// Records one category phrase `hit` at `first..<end`, unless the sentence's grammar says it names
  /// no act.
  private mutating func readCategoryPhrase(
    _ hit: CueAnalyzer.CategoryPhrase, first: Int, end: Int, _ analyzer: CueAnalyzer
  ) {
    if opensNounCompound(first, end, analyzer) { return }
    // "Tim Dirty Vote", "KITA VOTE DI SINI" (likes), "polling": in an Indonesian sentence these English
    // words name no act.
    if lang == "id", end - first == 1, analyzer.scanWords.englishOnlyActs.contains(tokens[first].text) { return }
    if hit.category == CTAResources.boycottCategory { boycottEnds.append(end) }
    // A phrase that a negative forbids is no evidence of its category ("jangan cuma repost", "jangan
    // share hoax", "jgn tinggalkan sholat", "jangan datang"), except buying, which is then a boycott
    // ("jangan jajan di warung itu"), voting against ("jangan pilih X") and a boycott that must not
    // stop ("jangan berhenti boikot"), which are asks; "stop boikot aqua" asks to give it up.
    // A phrase right after "tidak"/"gak" tells what someone does not do ("Kami tidak ikutan demo",
    // "sy memilih untuk tdk ikut vaksinasi", "Presiden tak tanda tangan"): no evidence either.
    if followsNegation(first) { return }
    // "All truths that come to us", "those who share your dreams": an English act phrase right after
    // a relative pronoun is what its noun does, no ask; a "that" right after the opening verb says
    // what it asks ("Demand that your representative …").
    if lang == "en", first > 1, entries[first - 1].classes.contains(.relativeWord),
      tokens[first - 1].text != "that" || first - 2 != firstWordAt
    {
      return
    }
    // "Wednesday, 27 March, 2024" (the month, not a march), "in order to", "follow up", "unsubscribe
    // from the … newsletter", "how you can …", "kyak sistem coblos pilkada": no act named.
    if CueAnalyzer.namesNoAct(first, tokens, entries, lang: lang) { return }
    // "Kami sekeluarga pilih 01", "saya tetap pilih Airin": the writer as subject of a voting verb in
    // its clause tells the writer's own vote, whatever else the sentence asks ("… jgn takut KIM plus
    // kami sekeluarga pilih 01").
    if hit.category == CTAResources.voteCategory, entries[first].classes.contains(.votingVerb),
      writerIsSubject(before: first)
    {
      return
    }
    // "Write to us", "Send a message to us": the site's own contact line presses no one for a cause
    // (the guidelines); what it is written for may still name an act ("… to volunteer").
    if hit.category == CTAResources.contactCategory, end < tokens.count, tokens[end].text == "us" { return }
    // "Yuk share ke DM nomor …": sent to a help desk, not shared.
    if hit.category == CTAResources.shareCategory, CueAnalyzer.isSentPrivately(first, tokens, entries) { return }
    // "Daftarkan diri anda untuk vaksin", "Datang ke Gerai Vaksinasi": health advice.
    if hit.category == CTAResources.attendCategory || hit.category == CTAResources.volunteerCategory,
      CueAnalyzer.isForHealthService(first, tokens, entries)
    {
      return
    }
    let forbidden = analyzer.isForbidden(first, tokens, entries)
    // "Stop boikot produk ini": the products are what the boycott names, and the negative forbids
    // the boycott, not buying them.
    if forbidden, hit.category == CTAResources.buyCategory, boycottEnds.contains(first) { return }
    let category = hit.category == CTAResources.buyCategory && forbidden ? CTAResources.boycottCategory : hit.category
    if forbidden, hit.category != CTAResources.buyCategory,
      hit.role != .act || (category != CTAResources.voteCategory && category != CTAResources.boycottCategory)
        || (category == CTAResources.boycottCategory && !analyzer.isDoublyForbidden(first, tokens, entries))
    {
      return
    }
    countHit(category, analyzer)
    switch hit.role {
    case .topic: topicStarts.append((category, first))
    case .weak:
      // "Sukseskan pemilu 2024!", "Mari wujudkan pemilu inklusif": the election is the goal named, not a
      // vote asked (54 of 57 real posts with such a goal ask nothing).
      if category == CTAResources.voteCategory && first > 0
        && analyzer.scanWords.electionGoalVerbs.contains(tokens[first - 1].text)
      {
        break
      }
      topicCategories.insert(category)
      weakStarts.append((category, first))
    case .placeBound: placeBoundCategories.insert(category)
    case .act:
      recordActStart(first, category)
      if category == CTAResources.boycottCategory && !forbidden && !entries[first].classes.contains(.negative) {
        boycottStarts.append(first)
      }
    }
  }

  /// "maaf": after a hortative ("mohon maaf", "minta maaf"), the phrase is an apology.
  static let apologies: Set<String> = ["maaf", "ma'af", "maap"]

  /// Records the word lists' phrases: hortatives, appeals, requests, promos, news widgets, hard
  /// negatives and context cues.
  mutating func readWordLists(_ analyzer: CueAnalyzer) {
    analyzer.lists.forEachHit(tokens, entries, slots: .lists) { phrase, first, end in
      if opensNounCompound(first, end, analyzer) { return }
      switch analyzer.listKinds[phrase] {
      case .hortative:
        // "Sya dukung bu Airin", "kami siap bantu": the speaker declares what they do; "Yang dukung
        // pak X": a relative clause describes someone; "imbauan ayo nyoblos": an appeal's title, its act
        // named, not asked.
        if first > 0 && entries[first - 1].classes.contains(.appealNoun) {
          titledActs.append(end)
          break
        }
        if CueAnalyzer.followsFirstPersonSubject(first, tokens, entries)
          || (first > 0 && entries[first - 1].classes.contains(.relativeWord))
        {
          break
        }
        // "Mohon maaf, …": an apology, no request.
        if end < tokens.count, Self.apologies.contains(tokens[end].text) { break }
        // "Polri gercep turun tangan bantu korban banjir": a hortative verb inside a clause tells
        // what someone does; it asks where it opens a clause or follows another hortative.
        if end - first == 1, entries[first].classes.contains(.headOnlyHortative),
          !hortativeAt.contains(where: { first - $0 <= 2 })
        {
          let heads = knownHeads ?? CueAnalyzer.clauseHeads(tokens, entries)
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
        // "Baca juga: …", "Read more …": navigation when it opens the sentence, or its clause, alone
        // or after the clause's hortative ("Buat yang tinggal di Sumatera, yuk bagikan cerita kalian
        // di kolom komentar": a comment box). A comment box's line joined to an ask before it ("Baca
        // artikel ini dan share pendapat kalian di kolom komentar!") names no share act; the ask
        // before it stands ("Tanda tangani petisinya dan bagikan cerita kalian …" asks to sign).
        if first > 1 && analyzer.scanWords.joiningConjunctions.contains(tokens[first - 1].text)
          && analyzer.scanWords.commentBoxVerbs.contains(tokens[first].text)
        {
          // (The box's verb may start its act, or the conjunction may: "and share" is a share phrase.)
          commentBoxActs += [first - 1, first]
        } else if first <= 1 {
          cues.insert(.navigation)
        } else {
          let heads = knownHeads ?? CueAnalyzer.clauseHeads(tokens, entries)
          knownHeads = heads
          if heads.contains(first) || (hortativeAt.contains(first - 1) && heads.contains(first - 1)) {
            cues.insert(.navigation)
          }
        }
      case .promo:
        promo = true
        cues.insert(.promo)
      case .appeal:
        // "We urge the council to …" presses the council, not the audience (an appeal that ends on its
        // appeal verb, then an authority before "to").
        let pressesAuthority =
          entries[end - 1].classes.contains(.appealVerb)
          && CueAnalyzer.namesAuthority(after: end - 1, count: tokens.count) { (tokens[$0].text, entries[$0].classes) }
        // "… ga ada yg ingin demo": no one is appealed to where a negation, or "no one", comes first.
        if !pressesAuthority && !followsNegation(first) { cues.insert(.appeal) }
      case .impersonalRequest:
        cues.insert(.impersonalRequest)
        askAt.append(first)
      case .instruction: cues.insert(.instruction)
      case .helpline: cues.insert(.helpline)
      case .confirmation:
        // A form's message opens its sentence ("You are now signed up …"); one that does not may sit in
        // a sentence that still asks ("Share this with friends, thanks for signing up!").
        if first <= 1 { cues.insert(.confirmation) }
      case .siteLink:
        // Two footer links in one line ("… Feedback Privacy Policy … Terms of Use") are the site's menu.
        siteLinks += 1
        if siteLinks == 2 { cues.insert(.siteMenu) }
      case .requestQuestion:
        // "yuk"/"ayo"/"mari" open request questions only at the start.
        if first == 0 || tokens[first].text.utf8.count > 4 {
          cues.insert(.requestQuestion)
          askAt.append(first)
        }
      case .reportedRequest:
        if let cue = analyzer.contextCues[phrase] { cues.insert(cue) }
        requests.append(end)
      case .other:
        if let cue = analyzer.contextCues[phrase] { cues.insert(cue) }
      }
    }
  }

  /// Whether the one-word phrase at `first` opens a two-word noun (`grammar.noun_compounds`: "lapangan
  /// kerja" is employment, no field to gather on).
  func opensNounCompound(_ first: Int, _ end: Int, _ analyzer: CueAnalyzer) -> Bool {
    end == first + 1 && end < tokens.count
      && analyzer.nounCompounds[tokens[first].text]?.contains(tokens[end].text) == true
  }

  /// Whether token `i` comes right after a negation ("tidak ikut demo"), or after "no one" ("ga ada
  /// yg ingin …"): what follows is not done, nor asked.
  func followsNegation(_ i: Int) -> Bool {
    guard i > 0 else { return false }
    if entries[i - 1].classes.contains(.negation) { return true }
    return i > 1 && tokens[i - 1].text == "ada" && entries[i - 2].classes.contains(.negation)
  }

  /// An act the rules find without a lexicon phrase, counted as a phrase hit would be.
  mutating func addAct(_ category: Int, at start: Int, _ analyzer: CueAnalyzer) {
    countHit(category, analyzer)
    recordActStart(start, category)
  }

  /// Counts one hit of `category` (a lexicon phrase or a rule-found act): its count, its bit and its
  /// `lexicon:` cue.
  private mutating func countHit(_ category: Int, _ analyzer: CueAnalyzer) {
    if hitCounts.isEmpty { hitCounts = Array(repeating: 0, count: analyzer.categoryCues.count) }
    hitCounts[category] += 1
    hitCategories.insert(category)
    cues.insert(analyzer.categoryCues[category])
  }

  /// Records that an act of `category` starts at word `start`: the one place where `actStarts` and
  /// `actStartCategories` grow, together.
  private mutating func recordActStart(_ start: Int, _ category: Int) {
    actCategories.insert(category)
    actStarts.append(start)
    actStartCategories.append(category)
  }

  /// Where a verb that names an act with its object may stand: the request's opening word (after
  /// "please"); in English also right after "let's", "let us" or "please" anywhere ("Let's knock some
  /// doors"), at the head of a later clause when its word is an imperative ("Resistbot: text your
  /// reps"), and after "and", "or" or "then" that join an imperative to the opening one ("Find your
  /// member and make the call").
  mutating func verbObjectPositions() -> [Int] {
    let opening = CueAnalyzer.openingWord(tokens, from: firstWordAt)
    var positions = opening.map { [$0] } ?? []
    guard lang == "en" else { return positions }
    for h in hortativeAt where Self.hortativesBeforeVerb.contains(tokens[h].text) {
      let verb = tokens[h].text == "let" ? h + 2 : h + 1
      if verb < tokens.count { positions.append(verb) }
    }
    let heads = knownHeads ?? CueAnalyzer.clauseHeads(tokens, entries)
    knownHeads = heads
    positions += heads.dropFirst().filter { entries[$0].classes.contains(.imperativeEN) }
    if let opening, entries[opening].classes.contains(.imperativeEN) {
      for i in tokens.indices.dropLast()
      where Self.coordinators.contains(tokens[i].text) && entries[i + 1].classes.contains(.imperativeEN) {
        positions.append(i + 1)
      }
    }
    return positions
  }

  /// Hortatives that a verb follows ("let's knock", "please call").
  static let hortativesBeforeVerb: Set<String> = ["let's", "lets", "let", "please", "pls", "plz", "kindly"]
  /// Words that join one imperative to another ("find … and make the call").
  static let coordinators: Set<String> = ["and", "or", "then"]

  /// The acts named without a lexicon phrase: a slogan in capitals, a vote by name, an imperative
  /// hashtag.
  mutating func addActsWithoutPhrases(_ analyzer: CueAnalyzer) {
    // A slogan in capitals after the opening hortative ("Mari GANTI PRESIDEN 2019", "Ayo kita
    // SELAMATKAN HUTAN ADAT") asks the audience to take the slogan up, as "mari #…" asks them to use
    // a hashtag: a hashtag act, when no other act is named. A sentence all in capitals has no slogan
    // that stands out ("SEGERA USIR …"); after a moralising opener the capitals state a view ("Sudah
    // saatnya PULAU SUMATERA MERDEKA").
    if actCategories.isEmpty, !moralising, let start = openingHortativeEnd, let opener = firstWordAt,
      !tokens[opener].shouted,
      CueAnalyzer.opensSlogan(tokens, at: start)
    {
      addAct(CTAResources.hashtagCategory, at: start, analyzer)
    }
    // "Jangan lupa demo …", "Yuk demo lagi", "Ayo petisi …": a topic word right after the opening
    // hortative (or after its "kita") is the act the hortative asks for. Not after a hortative verb
    // ("Dukung Pemilu 2024 yang aman": support, not a vote).
    if let start = openingHortativeEnd, let opener = firstWordAt,
      !entries[opener].classes.contains(.headOnlyHortative)
    {
      let at = start < tokens.count && tokens[start].text == "kita" ? start + 1 : start
      for topic in topicStarts where topic.start == at && !actCategories.contains(topic.category) {
        addAct(topic.category, at: at, analyzer)
      }
    }
    // "Pilih Anies!", "Pilih Prabowo-Sandi, #…", "Ayo pilih Airin", "Pilih Airin Ade aja", "wajib
    // pilih Airin": "pilih" before a name is a vote act when something marks the sentence as a
    // campaign ask: a hashtag or "!", a hortative (opening the sentence or after its audience: "Yg
    // warga Kalimantan ayo pilih …"), a closing polite particle, an obligation
    // word right before it, or, when "pilih" opens the sentence, a ticket for the name ("Pilih
    // Luluk-Lukman untuk Jawa Timur …"). A form's "Pilih Kota" has none of these.
    if !actCategories.contains(CTAResources.voteCategory), let at = CueAnalyzer.choosesByName(tokens, entries),
      tokens.contains(where: { $0.kind == .hashtag || $0.text == "!" }) || cues.contains(.hortative)
        || endsWithParticle
        || (at > 0 && entries[at - 1].classes.contains(.obligationOpener))
        || (at == firstWordAt && CueAnalyzer.isTicket(tokens[at + 1]))
    {
      addAct(CTAResources.voteCategory, at: at, analyzer)
    }

    // "Mari dukung Prabowo-Gibran …", "Ayo dukung Anies-Muhaimin": support asked for a ticket (two
    // names joined by a hyphen) is a vote, as the labelling guidelines type support for a candidate
    // during an election ("Mari dukung Timnas" names no ticket).
    if lang != "en", !actCategories.contains(CTAResources.voteCategory),
      let at = tokens.indices.dropLast().first(where: {
        analyzer.scanWords.supportVerbs.contains(tokens[$0].text) && CueAnalyzer.isTicket(tokens[$0 + 1])
      })
    {
      addAct(CTAResources.voteCategory, at: at, analyzer)
    }

    // "Tell Congress to …", "Urge the governor to …", "Tell the Indian Health Service that …", "Find
    // your senators and ask them to …": a verb of pressing that opens the sentence or a later clause,
    // an authority, a name or a pronoun for one, then what they are to do.
    var verbPositions = verbObjectPositions()
    if lang != "id", !actCategories.contains(CTAResources.contactCategory),
      let at = verbPositions.first(where: {
        CueAnalyzer.pressesAddressee(
          tokens, entries, at: $0, pronounsNamePeers: actCategories.contains(CTAResources.shareCategory))
      })
    {
      addAct(CTAResources.contactCategory, at: at, analyzer)
    }
    // "If you would like to help, please reach out", "If you wish to apply for membership, …", "To
    // join, email …": what the reader wishes to do, in the condition or the purpose the request is
    // made on, is the act asked for: a verb of coming forward on its own, or a verb and its object.
    let wished = lang == "id" ? nil : CueAnalyzer.wishedVerb(tokens, from: firstWordAt)
    if let wished { verbPositions.append(wished) }
    let verbObjectActs = analyzer.verbObjectActs(tokens, at: verbPositions)
    if let wished {
      let category = CueAnalyzer.wishedActs[tokens[wished].text]
      if category != nil || verbObjectActs.contains(where: { $0.at == wished }) {
        cues.insert(.wishedAct)
        // "…, please call the office": calling or writing to the group is how the reader comes
        // forward, no official pressed (one named by the request is found again below).
        dropActs(of: CTAResources.contactCategory, namedOnlyAfter: wished)
      }
      if let category, !actCategories.contains(category) { addAct(category, at: wished, analyzer) }
    }
    // "Download the UN News app", "Unduh aplikasi kami": installing an app is following its
    // publisher; "Get Pew Research data by email": so is subscribing; "Make a one-time gift": giving.
    for act in verbObjectActs {
      // "Contact your senator", "Make the call", "Submit comments": a contact act named by its verb and
      // its object, an authority, a call or a comment (the post-model cue `contact-verb-object` lifts
      // it over the many "Contact us" lines the model saw).
      if act.category == CTAResources.contactCategory { cues.insert(.contactVerbObject) }
      if act.category == CTAResources.shareCategory, peersAskedTo == nil {
        peersAskedTo = analyzer.peersAskedTo(tokens, at: act.at)
      }
      if !actCategories.contains(act.category) { addAct(act.category, at: act.at, analyzer) }
    }
    // "Connect with Reuters", "Join the CoLab": following an organisation named; joining one that a
    // volunteer act names already ("Join the Coalition", `grammar.verb_object_acts`) is membership.
    if lang != "id", !actCategories.contains(CTAResources.followCategory),
      !actCategories.contains(CTAResources.volunteerCategory),
      let at = CueAnalyzer.followsNamedOrganisation(tokens, from: firstWordAt)
    {
      addAct(CTAResources.followCategory, at: at, analyzer)
    }
    // "Come sit in.", "Come make signs on Monday": coming to do something is attending; coming to
    // help ("Come help us out today") is volunteering; "come help yourself" offers, asks nothing.
    if lang != "id", !actCategories.contains(CTAResources.attendCategory),
      let at = CueAnalyzer.comesToDo(tokens, entries, from: firstWordAt),
      !(at + 2 < tokens.count && tokens[at + 2].text.utf8HasPrefix("yourself"))
    {
      let helps = tokens[at + 1].text == "help"
      addAct(helps ? CTAResources.volunteerCategory : CTAResources.attendCategory, at: at, analyzer)
    }
    // "Help sell concessions at shows": a volunteer's task.
    if lang != "id", !actCategories.contains(CTAResources.volunteerCategory),
      let at = CueAnalyzer.helpsWithTask(tokens, from: firstWordAt)
    {
      addAct(CTAResources.volunteerCategory, at: at, analyzer)
    }
    // "Text JOIN to 237263": signing up for a campaign's text messages.
    if lang != "id", !actCategories.contains(CTAResources.followCategory),
      let at = CueAnalyzer.textsAKeyword(tokens, from: firstWordAt)
    {
      addAct(CTAResources.followCategory, at: at, analyzer)
    }

    // A post or line that opens with a hashtag in the imperative ("#BoikotProdukX …", "#PilihNo2")
    // asks the reader for that act, as "Boikot …!" does; the same tag at the end of a list of tags
    // labels the post and asks nothing.
    hashtagAsk = tokens.first.flatMap { $0.kind == .hashtag ? analyzer.imperativeHashtagCategory($0.text) : nil }
    if let category = hashtagAsk {
      if !actCategories.contains(category) { addAct(category, at: 0, analyzer) }
      cues.insert(.imperative)
      askAt.append(0)
    }
    // A hashtag that is itself a request ("… dibongkar oleh polisi. #plsRT", "#sebarkan") asks the
    // reader to pass the post on wherever it stands, as "tolong RT" does.
    if let (at, category) = analyzer.requestHashtag(in: tokens) {
      if !actCategories.contains(category) { addAct(category, at: at, analyzer) }
      cues.insert([.imperative, .requestHashtag])
      askAt.append(at)
    }
  }

  /// The words and their classes, in order.
  mutating func collectWords() {
    words.reserveCapacity(tokens.count)
    wordClasses.reserveCapacity(tokens.count)
    for (i, token) in tokens.enumerated() where token.kind == .word {
      words.append(token)
      wordClasses.append(entries[i].classes)
    }
  }
}
