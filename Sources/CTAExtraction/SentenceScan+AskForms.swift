import SlackscoreCore

extension SentenceScan {
  /// The imperatives at clause heads (English and Indonesian, with the Indonesian -kan/-i/-lah
  /// forms), negative imperatives, and the voting verbs of run-on posts; sets `heads`.
  mutating func findImperatives(_ analyzer: CueAnalyzer) {
    heads = knownHeads ?? CueAnalyzer.clauseHeads(tokens, entries)
    for (n, head) in heads.enumerated() {
      let wasImperative = imperative || cues.contains(.hortativeInitial)
      let word = tokens[head].text
      let classes = entries[head].classes
      let hasNext = head + 1 < tokens.count
      if hortativeAt.contains(head) || hortativeAt.contains(head - 1) { cues.insert(.hortativeInitial) }
      if classes.contains(.negative) || analyzer.opensTwoWordNegative(head, tokens, entries) {
        // "Jangan lupa …" is a hortative; "jangan kan …" is "jangankan" (let alone), no imperative.
        if !hasNext || entries[head + 1].classes.isDisjoint(with: [.reminder, .notAfterNegative]) {
          cues.insert(.negativeImperative)
          askAt.append(head)
        }
      }
      // "… organized by Demand Progress, Fight for the Future, Free Press Action Fund …": a capitalised
      // word after a comma, in a sentence written in sentence case (a lower-case word before it), opens
      // a name in a list, not an imperative clause ("Perform, Host, or Lend a Hand" stays a heading of
      // imperatives).
      let namesInList =
        n > 0 && tokens[head].capitalized && head > 0 && tokens[head - 1].text == ","
        && tokens[..<head].contains { $0.kind == .word && !$0.capitalized && !$0.shouted }
      if classes.contains(.imperativeEN) && lang != "id" && !namesInList {
        // "Email: x@y.org", "Donate" alone: a label, not an imperative; "Vote counted …" a headline,
        // but "Get involved", "Stay connected" ask.
        if hasNext && (!tokens[head + 1].text.utf8HasSuffix("ed") || classes.contains(.linkingVerb))
          && entries[head + 1].classes.isDisjoint(with: [.nounFollower, .labelPunctuation])
          && !Self.opensCompoundSubject(head, tokens, entries, linkingVerbs: analyzer.scanWords.subjectLinkingVerbs)
        {
          cues.insert(.imperative)
          imperative = true
          askAt.append(head)
        }
      }
      // "Boikot kok tanggung2, …", "Boikot sih boikot, tapi …", "Boikot ini kan ada pro kontra": a
      // verb that a topic particle, or a demonstrative with more of the clause after it, follows is
      // what the writer talks about, not what they ask.
      let notAnOrder =
        (hasNext && CueAnalyzer.isTopic(head, tokens, entries)) || permittedActs.contains(head)
        || CueAnalyzer.isNeighbourhoodUnit(head, tokens, entries)
      if !notAnOrder, lang != "en",
        classes.contains(.imperativeID)
          || (hasNext && classes.contains(.imperativeLeadID)
            && analyzer.imperativePairs.contains(word + " " + tokens[head + 1].text))
      {
        cues.insert(.imperative)
        imperative = true
        askAt.append(head)
      } else if !notAnOrder, lang != "en", n == 0 || !tokens[head].capitalized, !tokens[head].camelCase,
        !(hasNext && entries[head + 1].classes.contains(.secondPerson)),
        let morph = analyzer.indonesianImperative(word, classes, startsAct: entries[head].categorySlot >= 0)
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
    // pilih …", "di pilih …"; the writer as its subject anywhere in its clause: "Saya orang tangerang
    // kota 100% pilih Bu Airin"), in a sentence with no reporting verb. Other verbs in mid-sentence are
    // mostly narration ("Kemaren beli ayam"), so only the voting verbs count.
    if lang != "en", !imperative, !cues.contains(.negativeImperative), !hasReportingVerb,
      let s = actStarts.first(where: { s in
        s > 0 && entries[s].classes.contains(.votingVerb) && tokens[s - 1].kind != .mention && !titledActs.contains(s)
          && !entries[s - 1].classes.contains(.notBeforeImperative)
          && entries[max(0, s - 4)..<s].allSatisfy { !$0.classes.contains(.thirdPerson) }
          && !writerIsSubject(before: s)
          && !entries[s - 1].classes.contains(.negative)
      })
    {
      cues.insert(.imperative)
      imperative = true
      askAt.append(s)
    }
  }

  /// Whether the writer ("saya", "kami", "gw") stands before token `i` in its clause: the subject of
  /// the verb at `i` tells what the writer does ("Saya orang tangerang kota 100% pilih Bu Airin").
  func writerIsSubject(before i: Int) -> Bool {
    entries[clauseStart(before: i)..<i].contains { $0.classes.contains(.firstPersonSpeaker) }
  }

  /// The first token of the clause that holds token `i`: the one after the last token before it that
  /// ends a clause (`CueAnalyzer.endsClause`, as clause heads are read).
  func clauseStart(before i: Int) -> Int {
    var k = i
    while k > 0 && !CueAnalyzer.endsClause(k - 1, tokens, entries) { k -= 1 }
    return k
  }

  /// Polite passive requests, impersonal requests (an audience, then what it may do) and
  /// obligations that bind everyone.
  mutating func findRequests(_ analyzer: CueAnalyzer) {
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
    if opensWithAudience,
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
      let act = CueAnalyzer.obligedAct(tokens, entries, actStarts: actStarts)
    {
      cues.insert(.impersonalRequest)
      askAt.append(act)
    }

  }

  /// Whether an Indonesian sentence opens by naming its audience: "Bagi warga …", "Buat yang mau
  /// donasi …", "Untuk kalian …" (not "Bagi saya, …", "Untuk saat ini …").
  var opensWithAudience: Bool {
    lang != "en" && words.count > 2 && !wordClasses[1].contains(.firstPersonSpeaker)
      && (wordClasses[0].contains(.audienceOpener)
        || (wordClasses[0].contains(.purposeOpener)
          && !wordClasses[1].isDisjoint(with: [.relativeWord, .addressedSubject])))
  }

  /// Whether an Indonesian sentence names its addressee with the honorific of a letter ("Bapak Luhut
  /// Panjaitan Yth, sebaiknya …", "Yth @KPK_RI …"): like a reply, it asks that person, not the
  /// audience (nine real lines hold "yth", none an ask).
  func addressesHonoured(_ scanWords: ScanWords) -> Bool {
    lang != "en" && words.contains { scanWords.letterHonorifics.contains($0.text) }
  }

  /// Whether an Indonesian sentence says "you" with the informal singular ("internet lu jgn pakai
  /// youtube", "Abis itu lu gas lagi"): like a reply, it speaks to one person, a commenter or the
  /// video's maker, not the audience, which posts call "kalian", "kita" or "guys" (of 984 labelled
  /// posts that say it, two ask).
  func addressesOneInformally(_ scanWords: ScanWords) -> Bool {
    // (A word longer than every one of them is not looked up.)
    lang != "en"
      && words.contains {
        $0.text.utf8.count <= scanWords.informalSingularYouBytes && scanWords.informalSingularYou.contains($0.text)
      }
  }

  /// Whether an Indonesian clause ends with a word that addresses one person ("@jokowi boikot
  /// penggunaan gas air mata oleh polisi pak, …"): in a reply, the ask goes to that account.
  var addressesOnePerson: Bool {
    lang != "en"
      && tokens.indices.contains { i in
        entries[i].classes.contains(.personalVocative) && i > 0
          && (i + 1 == tokens.count || tokens[i + 1].kind == .punctuation)
      }
  }

  /// Whether the verb-like word at `head` opens a compound noun that is the subject of a linking verb
  /// ("Foster families are our most important volunteers", "Phone calls are more effective …",
  /// "Email addresses are never displayed"): one content word after it, then "is", "are", "was" or
  /// "were". "See what is happening" and "Join thousands of others" stay imperatives.
  static func opensCompoundSubject(
    _ head: Int, _ tokens: [Token], _ entries: [WordTable.Entry], linkingVerbs: Set<String>
  ) -> Bool {
    head + 2 < tokens.count && tokens[head + 1].kind == .word && !entries[head + 1].classes.contains(.functionEN)
      && linkingVerbs.contains(tokens[head + 2].text)
  }
}
