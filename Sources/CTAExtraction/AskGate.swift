/// Why a sentence that looks like an ask is not the page's own call to action.
public enum AskExclusion: String, Sendable, Hashable {
  /// Someone else's ask reported or quoted ("the group urged residents to sign", `"Sign," she said`).
  case reported
  /// A report of what happened ("thousands have signed", "Kepala desa mengundang …").
  case narration
  /// A question that is not a request (see the question rule in training/cta/GUIDELINES.md).
  case question
  /// Recipe, software or how-to instructions.
  case instruction
  /// A bare address, URL, e-mail, hashtag or label with no ask around it.
  case bare
  /// A reply to one named account ("@USER coba kamu share lagi"): not addressed to the audience.
  case reply
  /// "Read more", "Baca juga" and other navigation.
  case widget
}

/// The precision gate's first half: is the sentence addressed to the reader as an ask, and is there a
/// reason (reported speech, a question, narration, instructions, a bare address, a reply to one
/// account) that it is not the page's own ask? The second half, act evidence, is checked by
/// `CTADetector`: a category phrase or a registry link must name the act.
enum AskGate {
  /// Cues that address the reader as the one asked.
  static let addressCues: CueSet = [
    .imperative, .hortative, .hortativeInitial, .politePassive, .kanImperative, .iImperative, .lahImperative,
    .negativeImperative, .appeal, .requestQuestion, .impersonalRequest, .secondPerson,
  ]
  /// Cues of an ask's grammatical form (mood or request), as opposed to a mere address ("you").
  static let askFormCues: CueSet = {
    var cues = personalAskFormCues
    cues.insert(.impersonalRequest)
    return cues
  }()
  /// The ask forms that speak to the reader (all but the impersonal request).
  static let personalAskFormCues: CueSet = [
    .imperative, .hortative, .hortativeInitial, .politePassive, .kanImperative, .iImperative, .lahImperative,
    .negativeImperative, .requestQuestion,
  ]

  /// Whether the writer makes an appeal: a first-person speaker one or two words before an appeal verb
  /// ("Saya mengajak warga …", "We strongly urge everyone …"), or a meN- appeal verb that opens the
  /// sentence with the speaker left out, as posts do ("Menghimbau kpd kawan-kawan … untuk ikut turun ke
  /// jalan"). A mention or tag before the verb names someone else as the speaker ("@USER mengajak …").
  static func writerAppeals(tokens: [Token], words: [Token], wordClasses: [WordClasses]) -> Bool {
    for i in words.indices where i + 1 < words.count && wordClasses[i].contains(.firstPersonSpeaker) {
      guard let verb = [i + 1, i + 2].first(where: { $0 < words.count && wordClasses[$0].contains(.appealVerb) })
      else { continue }
      // "We urge the Judiciary Committee to …", "We ask the mayor to sign …": the writer presses an
      // authority, not the audience.
      return !CueAnalyzer.namesAuthority(after: verb, count: words.count) { (words[$0].text, wordClasses[$0]) }
    }
    guard let first = tokens.first, first.kind == .word, let verb = words.first else { return false }
    return wordClasses[0].contains(.appealVerb) && verb.text.utf8HasPrefix("meng")
  }

  /// Sets `analysis.addressed` and `analysis.exclusion` (and adds the cues `reply-to-one`,
  /// `retweet-header`). `leadingAsk`: the first clause opens with an imperative or hortative.
  /// `inReply`: the sentence belongs to a post that opens with a mention (a reply to one account).
  /// `wordClasses`: the `WordTable` classes of `words`, in order. `asksBoycott`: the sentence asks for a
  /// boycott by name, an imperative or hortative right at "boikot …", and no clause of it ends by
  /// addressing one person (`SentenceScan.addressesOnePerson`). `namesAudience`: the sentence
  /// opens by naming its audience ("Buat yg anti negara …", `SentenceScan.opensWithAudience`), which
  /// in a reply is the public, not the account replied to. `subjectAfterOpening`: a
  /// headline's opening verb clause is followed by its subject (`SentenceScan.opensWithVerbClause`).
  /// `addressesOnePerson`: a clause ends by addressing one person (`SentenceScan.addressesOnePerson`).
  static func judge(
    _ analysis: inout SentenceAnalysis, cues: inout CueSet, words: [Token], wordClasses: [WordClasses],
    leadingAsk: Bool, inReply: Bool, asksBoycott: Bool, namesAudience: Bool, subjectAfterOpening: Bool,
    addressesOnePerson: Bool
  ) {
    let tokens = analysis.tokens
    // ("Imbauan ayo nyoblos …": an inclusive word in an appeal's title addresses no one.)
    let inclusive = wordClasses.indices.contains { i in
      wordClasses[i].contains(.inclusive) && !(i > 0 && wordClasses[i - 1].contains(.appealNoun))
    }
    analysis.addressed = inclusive || !cues.isDisjoint(with: addressCues)

    let firstPersonAppeal = writerAppeals(tokens: tokens, words: words, wordClasses: wordClasses)
    if firstPersonAppeal {
      analysis.addressed = true
      cues.insert(.firstPersonAppeal)
    }

    let askForm = !cues.isDisjoint(with: askFormCues)
    // A headline whose subject asks ("Presiden Jokowi Minta Bawaslu …").
    let headlineRequester =
      analysis.lang == "id" && cues.contains(.headline) && !leadingAsk
      && Self.opensWithRequester(words, wordClasses: wordClasses)
    // "Sejumlah lembaga mulai membuka donasi untuk korban": a third-person subject does what the
    // request phrase says, so the sentence reports who takes donations ("Kami membuka donasi" asks).
    let reportsRequest =
      cues.contains(.thirdPersonNarration) && cues.contains(.impersonalRequest)
      && cues.isDisjoint(with: personalAskFormCues)
    analysis.askForm = askForm || firstPersonAppeal
    if (cues.contains(.navigation) && !analysis.promo) || cues.contains(.siteMenu) || cues.contains(.confirmation) {
      // (A publisher's promo stays its ask, unless the line is the site's menu: "Subscribe Newsletters
      // Feedback Privacy Policy … Terms of Use", or a form's message once it was sent: "You are now
      // signed up to receive our newsletters.")
      analysis.exclusion = .widget
    } else if (words.isEmpty && !cues.contains(.requestHashtag)) || (words.count == 1 && !leadingAsk) {
      // (A request hashtag alone asks: "#plsRT" after the post it asks the reader to pass on.)
      analysis.exclusion = .bare
    } else if inReply || Self.opensReply(tokens), !namesAudience,
      addressesOnePerson
        || (!inclusive
          && ((!cues.contains(.hortativeInitial) && !cues.contains(.appeal)) || cues.contains(.secondPerson))),
      !(asksBoycott && askForm && !cues.contains(.secondPerson))
    {
      // In a reply, "you" is the account replied to: "@USER Anda bisa tukar produknya" asks the
      // audience nothing, however it is phrased; nor does a hortative that ends by addressing one
      // person ("@USER Bantu sebar QR ini bu."), even an inclusive one ("Yuk unduh aplikasi … ya
      // Kak.": an operator's customer service; three false asks in 30,784 labelled posts, no ask
      // lost). A boycott asked without "you" is asked of everyone ("@CNNIndonesia Boikot produk …",
      // "@brand BOIKOT!"): no one account boycotts alone.
      cues.insert(.replyToOne)
      analysis.exclusion = .reply
    } else if (cues.contains(.question) || cues.contains(.questionWord)) && !cues.contains(.requestQuestion) {
      analysis.exclusion = .question
    } else if Self.isQuotedSpeech(tokens, wordClasses: wordClasses) {
      // A line of quoted dialogue or a sentence wholly in quotation marks is someone's speech, not
      // the page's ask ("Ayah: Kamu jangan nonton itu", a meme's "\"Boikot …!\"").
      analysis.exclusion = .reported
    } else if analysis.lang == "id", Self.opensWithAttribution(tokens, wordClasses: wordClasses) {
      // A headline that quotes a named speaker ("PPP: Jangan Buru-buru Tolak …") reports that
      // speaker's ask.
      cues.insert(.attributedQuote)
      analysis.exclusion = .reported
    } else if analysis.lang == "id", cues.contains(.headline), !firstPersonAppeal,
      cues.contains(.reportingVerb) || (!leadingAsk && Self.opensWithSubject(words, wordClasses: wordClasses, cues))
        || subjectAfterOpening || headlineRequester
    {
      // A headline reports: "Rektor Kampus Ini Dukung Fatwa MUI Boikot Produk Israel", "PMI dan
      // Rumah Zakat Bantu Korban Banjir", "Dukung Fatwa MUI, Rektor … Serukan Boikot …", and so does one
      // whose opening verb clause its subject then does ("Gunakan Hak Suara …, Kadivpas Nyoblos …"); one
      // whose subject asks reports that ask ("Kapolri Ajak Warga Laporkan Pungli").
      analysis.exclusion = cues.contains(.reportingVerb) || headlineRequester ? .reported : .narration
    } else if !firstPersonAppeal
      && (cues.contains(.attributedQuote) || cues.contains(.reportedRequest)
        || (cues.contains(.reportingVerb) && !leadingAsk && !askForm))
    {
      analysis.exclusion = .reported
    } else if !leadingAsk && !firstPersonAppeal && (!askForm || reportsRequest)
      && (cues.contains(.reportedAct) || cues.contains(.pastNarration) || cues.contains(.thirdPersonNarration)
        || cues.contains(.firstPersonPast)
        || (cues.contains(.declarative) && !(wordClasses.first?.contains(.addressedSubject) ?? false)))
    {
      analysis.exclusion = .narration
    } else if cues.contains(.instruction) && !analysis.promo && analysis.linkCategories.isEmpty {
      analysis.exclusion = .instruction
    }
    if tokens.count > 1 && tokens[0].text == "rt" && tokens[1].kind == .mention { cues.insert(.retweetHeader) }
  }

  /// Whether the sentence is quoted speech: a dialogue line ("Ayah: …") or wholly in quotation marks
  /// (the opening quote first, the closing one last before the end punctuation, no other quote).
  static func isQuotedSpeech(_ tokens: [Token], wordClasses: [WordClasses]) -> Bool {
    if tokens.count > 2, tokens[0].kind == .word, tokens[1].text == ":", wordClasses[0].contains(.dialogueSpeaker) {
      return true
    }
    guard tokens.count > 2, tokens[0].text == "\"" else { return false }
    guard let last = tokens.lastIndex(where: { !($0.kind == .punctuation && sentenceEnds.contains($0.text)) }),
      last > 1, tokens[last].text == "\""
    else { return false }
    return !tokens[1..<last].contains { $0.text == "\"" }
  }
  static let sentenceEnds: Set<String> = [".", "!", "?", ",", ";", "…"]

  /// Whether the sentence opens (after a retweet header) with one to three capitalised words naming
  /// a speaker and a colon: "Rizal Ramli: …", "Ketua DPR: …" (Indonesian headlines quote this way).
  /// The words must be names: no word-table class but third-person subject or function word (so no
  /// imperative, hortative, request or line label). `wordClasses`: the table classes of the word
  /// tokens, in order.
  static func opensWithAttribution(_ tokens: [Token], wordClasses: [WordClasses]) -> Bool {
    var start = 0
    var wordsBefore = 0
    if tokens.count > 1 && tokens[0].text == "rt" && tokens[1].kind == .mention {
      start = 1
      wordsBefore = 1
    }
    while start < tokens.count && (tokens[start].kind == .mention || tokens[start].text == ":") { start += 1 }
    var end = start
    while end < tokens.count && end - start < 3 && tokens[end].kind == .word && tokens[end].capitalized { end += 1 }
    guard end > start, end + 1 < tokens.count, tokens[end].text == ":" else { return false }
    let nameClasses: WordClasses = [.thirdPerson, .functionID, .functionEN]
    return wordClasses[wordsBefore..<(wordsBefore + end - start)].allSatisfy { $0.subtracting(nameClasses).isEmpty }
  }

  /// Whether the sentence opens with a capitalised word that is its subject, not the one asked: no
  /// verb, address, negation, request or opener class ("Rektor …", "PMI dan …"; not "Ayo …",
  /// "Teman-teman …", "Jangan …"), no request form that needs no subject ("Dibutuhkan Relawan …") and no
  /// negative imperative further on (slogans: "Ganti Rezim ; Jgn Pilih Paslon …").
  static func opensWithSubject(_ words: [Token], wordClasses: [WordClasses], _ cues: CueSet) -> Bool {
    let first = words.first.map { $0.text == "rt" ? 1 : 0 } ?? 0
    guard first < words.count, words[first].capitalized,
      cues.isDisjoint(with: [.impersonalRequest, .politePassive, .requestQuestion, .appeal, .negativeImperative])
    else { return false }
    return wordClasses[first].isDisjoint(with: notASubject)
  }

  /// Whether a headline opens with its subject, one to three capitalised words, and then a bare verb
  /// of request ("Presiden Jokowi Minta Bawaslu …, Jangan …", "Kapolri Ajak Warga Laporkan …"): the
  /// subject asks, the headline reports it, whatever imperative the request holds.
  static func opensWithRequester(_ words: [Token], wordClasses: [WordClasses]) -> Bool {
    guard let first = words.first, first.capitalized, wordClasses[0].isDisjoint(with: notASubject) else {
      return false
    }
    for i in 1..<min(words.count, 4) {
      guard words[i].capitalized else { return false }
      if !wordClasses[i].isDisjoint(with: [.requestWord, .appealVerb]) { return i + 1 < words.count }
      if !wordClasses[i].isDisjoint(with: notASubject) { return false }
    }
    return false
  }

  /// The classes of a word that cannot be a sentence's subject: verbs, addressees, negations,
  /// requests and openers.
  static let notASubject: WordClasses = [
    .imperativeID, .imperativeLeadID, .imperativeEN, .inclusive, .secondPerson, .addressedSubject,
    .firstPersonSpeaker, .negative,
    .negativeLead, .clauseOpener, .obligationOpener, .requestWord, .politeParticle, .passiveHead,
    .continuationOpener, .questionID, .questionEN,
  ]

  /// Leading mentions from which a reply speaks to a thread, not to one account.
  static let threadMentions = 3

  /// Whether the tokens open with a mention that is not an attribution ("@USER …", not "@USER: …")
  /// and with fewer than ``threadMentions`` mentions in a row: a reply that opens with three or more
  /// accounts speaks to a thread and its readers ("@A @B @C laporkan dia ke polisi"), not to one person.
  static func opensReply(_ tokens: [Token]) -> Bool {
    guard let first = tokens.first, first.kind == .mention else { return false }
    if tokens.count > 1 && tokens[1].text == ":" { return false }
    return tokens.prefix { $0.kind == .mention }.count < threadMentions
  }
}
