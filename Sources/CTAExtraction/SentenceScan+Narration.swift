import SlackscoreCore

extension SentenceScan {
  /// The hard negatives: reported acts, declarative shape, past and third-person narration,
  /// questions, attributed quotes, moralising.
  mutating func findNarration(_ analyzer: CueAnalyzer) {
    // Hard negatives: reported acts, past narration, questions, quotes.
    for i in tokens.indices where entries[i].classes.contains(.reportedMarker) {
      let window = (i + 1)..<min(tokens.count, i + 3)
      if window.contains(where: {
        analyzer.isPastParticiple(tokens[$0].text, entries[$0].classes)
          || analyzer.isIndonesianActiveVerb(tokens[$0].text, entries[$0].classes)
      }) {
        cues.insert(.reportedAct)
      }
    }
    // Declarative shape: a subject noun phrase followed by a finite verb ("Kepala desa mengundang …",
    // "Tenants in building 4 received …"), which imperatives lack.
    if let first = words.first, !hortativeAt.contains(0), wordClasses[0].isDisjoint(with: [.requestWord, .negative]) {
      let window = 1..<min(words.count, 6)
      // A future passive is a statement too ("Donasi kamu akan digunakan untuk …").
      if lang != "en", !analyzer.isIndonesianActiveVerb(first.text, wordClasses[0]),
        window.contains(where: {
          (analyzer.isIndonesianActiveVerb(words[$0].text, wordClasses[$0]) && !words[$0].text.utf8HasPrefix("di"))
            || (words[$0].text == "akan" && $0 + 1 < words.count && words[$0 + 1].text.utf8HasPrefix("di")
              && words[$0 + 1].text.utf8.count >= 5)
        })
      {
        cues.insert(.declarative)
      }
      if lang != "id", !wordClasses[0].contains(.imperativeEN),
        window.contains(where: {
          analyzer.isPastParticiple(words[$0].text, wordClasses[$0]) || wordClasses[$0].contains(.finiteAuxiliary)
        })
      {
        cues.insert(.declarative)
      }
    }
    if cues.contains(.firstPerson),
      tokens.indices.contains(where: {
        let text = tokens[$0].text
        return analyzer.isPastParticiple(text, entries[$0].classes) || text == "sudah" || text == "udah"
          || text == "pernah"
      })
    {
      cues.insert(.firstPersonPast)
    }
    if let first = wordClasses.first, first.contains(.thirdPerson) {
      let window = 0..<min(tokens.count, 6)
      if window.contains(where: { analyzer.isPastParticiple(tokens[$0].text, entries[$0].classes) }) {
        cues.insert(.pastNarration)
      }
      if window.contains(where: { analyzer.isIndonesianActiveVerb(tokens[$0].text, entries[$0].classes) }) {
        cues.insert(.thirdPersonNarration)
      }
    }
    for entry in entries { present.formUnion(entry.classes) }
    if present.contains(.questionMark) { cues.insert(.question) }
    if words.first != nil, let lang, CueAnalyzer.isQuestionWord(wordClasses[0], lang: lang) {
      // Indonesian questions often go without "?"; but with no "?" a later clause's imperative makes
      // the opening question word rhetorical ("Apa hubungannya …, laporkan dia ke polisi").
      let rhetorical = laterImperative && !present.contains(.questionMark)
      if tokens.last?.text == "?" || (lang == "id" && !rhetorical) {
        cues.insert(.questionWord)
      }
    }
    // "Kirim donasi kemana bang", "Link donasinya dimana min": an Indonesian question word that ends
    // the sentence, before only particles or a vocative, asks where or how, whatever opens it.
    if lang == "id" {
      var last = tokens.count - 1
      while last > 0
        && (tokens[last].kind != .word
          || !entries[last].classes.isDisjoint(with: [.politeParticle, .personalVocative]))
      {
        last -= 1
      }
      if last > 0, CueAnalyzer.isQuestionWord(entries[last].classes, lang: "id") { cues.insert(.questionWord) }
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
  }

  /// Whether an Indonesian sentence opens with a bare verb clause and then names its subject, as
  /// headlines do ("Gunakan Hak Suara dalam Pemilu 2024, Kadivpas Nyoblos di Lapas …", "Surati Ketua
  /// DPR, TPDI Dukung …"): the opening clause, led by an imperative with no hortative, ends at a comma;
  /// the next opens with a capitalised word that is no verb, addressee or opener
  /// (`AskGate.notASubject`), and a verb follows it within four words (an active or passive form, a
  /// reporting, voting or imperative verb, a -kan/-i form, an act's word) or a colon does. The subject did the
  /// opening act; the reader is asked nothing. ("Bantu Korban Banjir, Donasi Sekarang Juga" names no
  /// verb after "Donasi".)
  func opensWithVerbClause(_ analyzer: CueAnalyzer) -> Bool {
    guard lang != "en", heads.count >= 2, let open = heads.first, askAt.contains(open),
      !hortativeAt.contains(where: { $0 <= open }), !cues.contains(.negativeImperative)
    else { return false }
    let subject = heads[1]
    guard subject > 0, tokens[subject - 1].text == ",", tokens[subject].kind == .word, tokens[subject].capitalized,
      entries[subject].classes.isDisjoint(with: AskGate.notASubject)
    else { return false }
    for i in (subject + 1)..<min(tokens.count, subject + 5) {
      let token = tokens[i]
      if token.text == ":" { return true }
      if token.kind == .punctuation { return false }
      guard token.kind == .word else { continue }
      let classes = entries[i].classes
      if !classes.isDisjoint(with: [.reportingVerb, .imperativeID, .votingVerb]) || entries[i].categorySlot >= 0
        || analyzer.isIndonesianActiveVerb(token.text, classes)
        || analyzer.indonesianImperative(token.text, classes, startsAct: false) != nil
      {
        return true
      }
    }
    return false
  }

  /// URLs in the sentence, or a registry link anchored on its words (`anchoredTarget`).
  mutating func readLinks(_ analyzer: CueAnalyzer, anchoredTarget: CTATarget?) {
    target = anchoredTarget
    // Links: URLs in the sentence, or a registry link anchored on its words.
    for token in tokens where token.kind == .url {
      if let found = analyzer.registry.target(for: token.text) {
        if target == nil || target?.kind == "social" || target?.kind == "shortener" { target = found }
      } else if target == nil {
        target = CTATarget(url: token.text, platform: "other", kind: nil)
      }
      cues.insert(.url)
    }
    if let target, let kind = target.kind {
      cues.insert(analyzer.cueNames.cue("link:\(kind)"))
      if let category = analyzer.registry.category(for: target) { linkCategories.append(category) }
    }
  }

  /// The sentence's shape: headline, hashtags, mentions, exclamation, the persons it speaks in, a
  /// menu run into one line.
  mutating func readShape(_ analyzer: CueAnalyzer) {
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
      // A site's menu run into one line ("Visit a Preserve Volunteer Give Take Action Youth Programs
      // Sign up for E-news …"): twelve words or more in headline case, no clause break between them
      // and none of the words that join a sentence or speak to the reader ("Join Us And Share The
      // …" is a banner's ask), naming acts of two categories or more, is navigation, not an ask.
      if words.count >= 12, actCategories.count >= 2,
        !tokens.contains(where: { $0.kind == .punctuation && CueAnalyzer.clauseBreaks.contains($0.text) }),
        present.isDisjoint(with: [.secondPerson, .firstPlural]),
        !words.contains(where: { analyzer.scanWords.sentenceJoiners.contains($0.text) })
      {
        cues.insert(.navigation)
      }
    }
    if tokens.contains(where: { $0.kind == .hashtag }) { cues.insert(.hasHashtag) }
    if words.isEmpty && tokens.contains(where: { $0.kind == .hashtag }) { cues.insert(.hashtagOnly) }
    if present.contains(.exclamationMark) { cues.insert(.exclamation) }
    if tokens.contains(where: { $0.kind == .mention }) { cues.insert(.hasMention) }
    if present.contains(.secondPerson) { cues.insert(.secondPerson) }
    if present.contains(.firstPlural) { cues.insert(.firstPlural) }
  }

  /// The analysis: the ask gate's verdict, and the act categories the sentence's form lets stand.
  mutating func analysis(_ analyzer: CueAnalyzer, inReply: Bool) -> SentenceAnalysis {
    var analysis = SentenceAnalysis(
      tokens: tokens, lang: lang, cues: [], categoryHits: analyzer.categoryHits(hitCounts, hitCategories),
      linkCategories: linkCategories, target: target, promo: promo, heads: heads)
    // A sentence that says "lu" speaks to one person as a reply does, and as a vocative at a clause's end
    // does: even a boycott asked there is asked of that person.
    let informal = addressesOneInformally(analyzer.scanWords)
    let toOne = addressesOnePerson || informal
    AskGate.judge(
      &analysis, cues: &cues, words: words, wordClasses: wordClasses, leadingAsk: leadingAsk,
      inReply: inReply || addressesHonoured(analyzer.scanWords) || informal,
      asksBoycott: boycottStarts.contains { start in askAt.contains { $0 == start || $0 == start - 1 } } && !toOne,
      namesAudience: opensWithAudience, subjectAfterOpening: cues.contains(.headline) && opensWithVerbClause(analyzer),
      addressesOnePerson: toOne)
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
        let clause = analyzer.clauseNumbers(tokens, entries)
        for weak in weakStarts where askAt.contains(where: { abs(clause[weak.start] - clause[$0]) <= 1 }) {
          actCategories.insert(weak.category)
        }
      }
    }
    // Buying asks only for a cause: a buy act with no cause word in the sentence is an advert ("Yuk
    // beli aja lauk … dari warung kami", "Buy the Course →") or a complaint about prices, not a call
    // to action.
    if actCategories.contains(CTAResources.buyCategory),
      !entries.contains(where: { $0.classes.contains(.buyCause) })
    {
      actCategories.remove(CTAResources.buyCategory)
    }
    // "Kamu boikot silahkan", "mau nyumbang silahkan": an act that permission follows is left to the
    // reader, named but not asked, wherever it is named only so.
    if !permittedActs.isEmpty {
      let permitted = permittedActs
      dropActs(namedOnlyWhere: { permitted.contains($0) })
    }
    // "Repost @kpu_ri …", "[Repost Bawaslu RI] …": a repost app's header names whose post this is; it
    // asks no one to repost (8 real posts open so, none an ask).
    let header = tokens.first?.text == "[" ? 1 : 0
    if header < tokens.count, tokens[header].text == "repost" { dropActs(namedOnlyWhere: { $0 == header }) }
    if !commentBoxActs.isEmpty {
      let boxes = commentBoxActs
      dropActs(namedOnlyWhere: { boxes.contains($0) })
    }
    // "Produk kecap itu hoax biar kita subscribe dan like": an act named only within three words after a
    // conjunction of purpose, in its clause, is what something is for, not what the reader is asked
    // ("Share ya biar semua tahu" asks the share before it). "Kalau boikot itu ya …", "kalau sekedar
    // boikot aja ngeluh": an act right after "if" (or "if just") is a condition talked about; "kalau mau
    // donasi, …" and "kalau bisa share" invite, and keep their act.
    // "Trm kasih bagi yang sdh subscribe n share Channel …": an act named only within three words
    // after "yang sudah" is what some people did (4 labelled posts say it, none an ask).
    if lang != "en", !actStarts.isEmpty {
      let words = analyzer.scanWords
      dropActs(namedOnlyWithin: 3, after: words.purposeConjunctions)
      dropActs(namedOnlyWithin: 2, after: words.conditionalConjunctions, skipping: words.merelyWords)
      dropActs(
        namedOnlyWithin: 3,
        afterWordsAt: tokens.indices.filter { i in
          i > 0 && words.perfectMarkers.contains(tokens[i].text) && entries[i - 1].classes.contains(.relativeWord)
        })
    }
    // "Tell your friends to vote", "Ask your classmates to sign": what the peers are told to do is
    // theirs, wherever that act is named only after the "to"; the reader's act is the share, named
    // before it.
    if let to = peersAskedTo { dropActs(namedOnlyWhere: { $0 >= to }) }
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
    analysis.cues = analyzer.cueNames.sorted(cues)
    return analysis
  }

  /// Removes `category`'s act when every place that names it comes after word `index`.
  mutating func dropActs(of category: Int, namedOnlyAfter index: Int) {
    let starts = zip(actStarts, actStartCategories).lazy.filter { $0.1 == category }.map(\.0)
    if actCategories.contains(category), starts.allSatisfy({ $0 > index }) { actCategories.remove(category) }
  }

  /// Removes from `actCategories` every act named only within `distance` words after one of
  /// `conjunctions`, in the conjunction's clause (no punctuation between), with only words of
  /// `skipping` between them when `skipping` is given ("kalau sekedar boikot").
  mutating func dropActs(
    namedOnlyWithin distance: Int, after conjunctionWords: Set<String>, skipping: Set<String>? = nil
  ) {
    guard !actStarts.isEmpty else { return }
    dropActs(
      namedOnlyWithin: distance, afterWordsAt: tokens.indices.filter { conjunctionWords.contains(tokens[$0].text) },
      skipping: skipping)
  }

  /// Removes from `actCategories` every act named only within `distance` words after one of the
  /// words at `conjunctions`, in its clause (no punctuation between), with only words of `skipping`
  /// between them when `skipping` is given.
  mutating func dropActs(namedOnlyWithin distance: Int, afterWordsAt conjunctions: [Int], skipping: Set<String>? = nil)
  {
    guard !actStarts.isEmpty, !conjunctions.isEmpty else { return }
    let clauseTokens = tokens
    dropActs(namedOnlyWhere: { start in
      conjunctions.contains { c in
        c < start && start - c <= distance
          && !clauseTokens[c..<start].contains { $0.kind == .punctuation }
          && (skipping.map { allowed in clauseTokens[(c + 1)..<start].allSatisfy { allowed.contains($0.text) } } ?? true)
      }
    })
  }

  /// Removes from `actCategories` every act whose every start (`actStarts`) `isNotTheReaders` holds
  /// for: an act named elsewhere in the sentence too stays.
  mutating func dropActs(namedOnlyWhere isNotTheReaders: (Int) -> Bool) {
    for category in Set(actStartCategories) {
      let starts = zip(actStarts, actStartCategories).lazy.filter { $0.1 == category }.map(\.0)
      if starts.allSatisfy(isNotTheReaders) { actCategories.remove(category) }
    }
  }
}
