import SlackscoreCore

/// The clause grammar the cue analyzer reads: clause breaks and heads, negatives, topics, the
/// Indonesian verb forms.
extension CueAnalyzer {
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
      if token.kind == .punctuation && entries[i].classes.contains(.clauseBreak) && !Self.joinsNumbers(i, tokens) {
        clause += 1
      }
    }
    return numbers
  }

  /// Whether the punctuation at `i` is a slash between two numbers: a fraction or a date ("the 2/3
  /// vote we needed", "12/05"), inside a clause, not between two ("2/ Vote for …" numbers a thread).
  static func joinsNumbers(_ i: Int, _ tokens: [Token]) -> Bool {
    tokens[i].text == "/" && i > 0 && i + 1 < tokens.count && tokens[i - 1].kind == .number
      && tokens[i + 1].kind == .number
  }

  /// Whether token `i` ends a clause for `clauseHeads`: a clause break that joins no numbers, or an
  /// emoji.
  static func endsClause(_ i: Int, _ tokens: [Token], _ entries: [WordTable.Entry]) -> Bool {
    switch tokens[i].kind {
    case .punctuation: entries[i].classes.contains(.clauseBreak) && !joinsNumbers(i, tokens)
    case .emoji: true
    default: false
    }
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
      if endsClause(i, tokens, entries) {
        atStart = true
        nameBefore = false
        continue
      }
      switch token.kind {
      case .punctuation, .emoji:
        continue
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
    suffixed(phrases, with: ["lah"], except: notActs)
  }

  /// The one-word Indonesian act words with "-nya" or "-mu" ("infaqnya", "donasimu", "petisinya"),
  /// as posts write the act's noun ("yuk infaqnya kita gas lagi"), that the list does not hold
  /// already. Not for buying: "pesannya", "karyanya" are a message and a work far more often.
  static func possessiveForms(of phrases: [String], category: String, except notActs: Set<String>) -> [String] {
    guard category != CTAResources.categories[CTAResources.buyCategory] else { return [] }
    return suffixed(phrases, with: ["nya", "mu"], except: notActs)
  }

  /// Each one-word phrase of four letters or more, with each suffix, unless it ends with one of the
  /// suffixes already, is no act (`notActs`), or the list holds the form already.
  private static func suffixed(_ phrases: [String], with suffixes: [String], except notActs: Set<String>) -> [String] {
    let listed = Set(phrases.map { $0.lowercased() })
    return phrases.flatMap { phrase -> [String] in
      let word = phrase.lowercased()
      guard word.utf8.count >= 4, !suffixes.contains(where: { word.utf8HasSuffix($0) }), !notActs.contains(word),
        word.utf8.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") })
      else { return [] }
      return suffixes.map { word + $0 }.filter { !listed.contains($0) }
    }
  }

  /// Whether a negative imperative forbids the act phrase at `i`: "jangan"/"don't" one or two words
  /// before it in its clause ("jangan share …", "jangan cuma repost"), not "jangan lupa"/"don't forget".
  /// Forbidden buying is a boycott; a forbidden vote is still that ask ("jangan pilih X"), and so is a
  /// boycott whose giving up is forbidden (`isDoublyForbidden`); any other forbidden act is no
  /// evidence of its category.
  func isForbidden(_ i: Int, _ tokens: [Token], _ entries: [WordTable.Entry]) -> Bool {
    guard let negative = negativeBefore(i, tokens, entries) else { return false }
    return !entries[negative + 1].classes.contains(.reminder)
  }

  /// Whether the negative that forbids the act phrase at `i` is itself forbidden: "jangan berhenti
  /// boikot", "jangan hentikan aksi boikot", "never stop boycotting" ask for the act, where "stop
  /// boikot aqua" or "jangan boikot" ask to give it up.
  func isDoublyForbidden(_ i: Int, _ tokens: [Token], _ entries: [WordTable.Entry]) -> Bool {
    guard let negative = negativeBefore(i, tokens, entries), negative > 0 else { return false }
    return tokens[negative - 1].kind == .word && entries[negative - 1].classes.contains(.negative)
  }

  /// The negative imperative one or two words before the phrase at `i` in its clause, if any: a
  /// negative word, or the last word of a negative of two ("Please do not email the course staff").
  func negativeBefore(_ i: Int, _ tokens: [Token], _ entries: [WordTable.Entry]) -> Int? {
    for j in stride(from: i - 1, through: max(0, i - 2), by: -1) {
      guard tokens[j].kind == .word else { return nil }
      if entries[j].classes.contains(.negative) || (j > 0 && opensTwoWordNegative(j - 1, tokens, entries)) {
        return j
      }
    }
    return nil
  }

  /// Whether the words at `lead` and after it are a negative imperative of two words
  /// (`negative_imperatives`: "do not", "refuse to").
  func opensTwoWordNegative(_ lead: Int, _ tokens: [Token], _ entries: [WordTable.Entry]) -> Bool {
    lead + 1 < tokens.count && entries[lead].classes.contains(.negativeLead)
      && negatives.contains(tokens[lead].text + " " + tokens[lead + 1].text)
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
  /// follows it ("Boikot sih …", "Boikot kok …", "Boikot bukan …") or its object ("Boikot konsumen
  /// hanya efektif …"); "tuh"/"nih" after its demonstrative or object marks the topic ("Boikot ini tuh
  /// menambah …", "Boikot produk tuh bukan solusi …"); a choice between the act and none follows it
  /// ("Boikot atau ga boikot …"); or, for a bare verb (no "-kan"), a demonstrative followed by a word
  /// that is no function word or particle ("Boikot ini kan …", "Boikot itu membantu"; not "Share ini
  /// ya", "Sebarkan ini ke …").
  static func isTopic(_ i: Int, _ tokens: [Token], _ entries: [WordTable.Entry]) -> Bool {
    guard i + 1 < tokens.count else { return false }
    let next = entries[i + 1].classes
    if next.contains(.topicParticle) { return true }
    func isWord(_ k: Int) -> Bool { k < tokens.count && tokens[k].kind == .word }
    let nonContent: WordClasses = [.functionID, .functionEN, .politeParticle, .demonstrative, .topicParticle]
    if (tokens[i + 1].text == "atau" || tokens[i + 1].text == "apa") && isWord(i + 2)
      && !entries[i + 2].classes.isDisjoint(with: [.negation, .topicParticle])
    {
      return true
    }
    let object = isWord(i + 1) && entries[i + 1].classes.isDisjoint(with: nonContent) ? i + 1 : nil
    if let object, isWord(object + 1) {
      if entries[object + 1].classes.contains(.topicParticle) { return true }
      if Self.topicMarkers.contains(tokens[object + 1].text), isWord(object + 2),
        entries[object + 2].classes.contains(.topicParticle)
      {
        return true
      }
    }
    guard next.contains(.demonstrative), isWord(i + 2) else { return false }
    if Self.topicMarkers.contains(tokens[i + 2].text) { return true }
    return !tokens[i].text.utf8HasSuffix("kan")
      && entries[i + 2].classes.isDisjoint(with: [.functionID, .functionEN, .politeParticle, .demonstrative])
  }
  /// "tuh", "nih": after a noun or a demonstrative, they mark the topic ("Boikot ini tuh …").
  static let topicMarkers: Set<String> = ["tuh", "nih"]

  /// Whether the "rt" at `i` is the neighbourhood unit (Rukun Tetangga), not "retweet": a first-person
  /// possessor follows it ("RT gw aja bisa patungan …", "RT kami ikut …") or its "RW" within three
  /// tokens ("RT 05 RW 03", "RT/RW").
  static func isNeighbourhoodUnit(_ i: Int, _ tokens: [Token], _ entries: [WordTable.Entry]) -> Bool {
    guard tokens[i].text == "rt", i + 1 < tokens.count else { return false }
    if entries[i + 1].classes.contains(.firstPersonSpeaker) { return true }
    return tokens[(i + 1)..<min(tokens.count, i + 4)].contains { $0.text == "rw" }
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

  /// The index of a voting verb in the imperative ("pilih", "tusuk"; `grammar.voting_verbs`) directly
  /// followed by a name: a capitalised word, a handle or a campaign's hashtag ("Pilih @prabowo
  /// @sandiuno !", "Pilih #PrakarUntukJakarta saja"), if any; not inside brackets, where it spells
  /// out an acronym ("TPS (Tusuk Prabowo Sandi)").
  static func choosesByName(_ tokens: [Token], _ entries: [WordTable.Entry]) -> Int? {
    for i in tokens.indices.dropLast() where entries[i].classes.isSuperset(of: [.imperativeID, .votingVerb]) {
      let next = tokens[i + 1]
      let named = (next.kind == .word && next.capitalized) || next.kind == .mention || next.kind == .hashtag
      if named && !(i > 0 && tokens[i - 1].text == "(") {
        return i
      }
    }
    return nil
  }

  /// Whether a capitalised word is an election ticket, two different names joined by a hyphen
  /// ("Luluk-Lukman", "Prabowo-Gibran"); a doubled word ("Teman-teman") is none.
  static func isTicket(_ token: Token) -> Bool {
    guard token.capitalized, let hyphen = token.text.firstIndex(of: "-") else { return false }
    let first = token.text[..<hyphen]
    let second = token.text[token.text.index(after: hyphen)...]
    return first.count >= 3 && second.count >= 3 && first != second && !second.contains("-")
  }

  /// The category a hashtag in the imperative asks for ("#BoikotX" → boycott), or nil.
  func imperativeHashtagCategory(_ tag: String) -> Int? {
    return imperativeHashtags.first { tag.utf8HasPrefix($0.stem) && tag.utf8.count > $0.stem.utf8.count }?.category
  }

  /// The first hashtag of `tokens` that is itself a request ("#plsrt"), and its category index.
  func requestHashtag(in tokens: [Token]) -> (at: Int, category: Int)? {
    for (i, token) in tokens.enumerated() where token.kind == .hashtag {
      if let category = requestHashtags[token.text] { return (i, category) }
    }
    return nil
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
    // "-llah" closes the Arabic formulae ("naudzubillah", "masyaallah", "insyaallah"), no -lah verb.
    if word.utf8HasSuffix("lah") && word.utf8.count >= 6 {
      return word.utf8HasSuffix("llah") ? nil : .lahImperative
    }
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

  /// Whether the verb at `verb` presses an addressee to act: a verb of pressing, then "the" or "your"
  /// and up to five words that end on an authority or a name in capitals ("Congress", "the school
  /// board", "Homeland Security", "your senators"), then "to", "not to" or "that". "Tell us what you
  /// think", "Tell your friends to …", "Ask Amy: …" and "Press J to …" press no authority; a colon
  /// ends the addressee only after an authority ("Tell Your Senators: End the war"), and so does
  /// "you" ("Tell the UK government you want …"), and "know" after "let" ("Let your state
  /// representative know you support …").
  /// At a later clause head a pronoun may stand for the authority named before it ("Find your House
  /// member and ask them to co-sign …"), and so at the opening, for the one the sentence before named
  /// ("Ask them to hold a hearing and a vote"), unless `pronounsNamePeers`: the sentence asks the
  /// reader to pass something on, and "them" are those it goes to ("Forward this email to your
  /// colleagues and ask them to …").
  static func pressesAddressee(
    _ tokens: [Token], _ entries: [WordTable.Entry], at verb: Int, pronounsNamePeers: Bool
  ) -> Bool {
    guard entries[verb].classes.contains(.pressingVerb) else { return false }
    if !pronounsNamePeers, verb + 2 < tokens.count, pressedPronouns.contains(tokens[verb + 1].text),
      tokens[verb + 2].text == "to"
        || (tokens[verb + 2].text == "not" && verb + 3 < tokens.count && tokens[verb + 3].text == "to")
    {
      return true
    }
    var i = verb + 1
    if i < tokens.count, tokens[i].text == "the" || tokens[i].text == "your" { i += 1 }
    // The addressee ends on an authority or a name; other words may qualify it ("the school board").
    var length = 0
    var endsNamed = false
    var pressesAuthority = false
    while i < tokens.count, length < 5, tokens[i].kind == .word {
      let text = tokens[i].text
      if text == "to" || text == "that" || text == "not" || (text == "you" && length > 0) { break }
      // "Let your senator know …": the addressee ends before "know".
      if text == "know" && length > 0 && tokens[verb].text == "let" { break }
      // "and" inside a name in capitals ("Tell Snow and Rock to stop …", "Tell Marks and Spencer to …").
      if text == "and", endsNamed, i + 1 < tokens.count, tokens[i + 1].capitalized || tokens[i + 1].shouted {
        length += 1
        i += 1
        continue
      }
      let classes = entries[i].classes
      if classes.contains(.functionEN) && text != "of" || classes.contains(.dialogueSpeaker) { return false }
      endsNamed = classes.contains(.authority) || tokens[i].capitalized
      if classes.contains(.authority) { pressesAuthority = true }
      length += 1
      i += 1
    }
    guard endsNamed, i + 1 < tokens.count, tokens[i + 1].kind == .word else { return false }
    switch tokens[i].text {
    case "that", "to": return true
    // A headline's colon presses an authority ("Tell Your Senators: End …"), not a name ("Ask Amy: …").
    case ":": return pressesAuthority
    // What the reader wants, said to an authority ("Tell the UK government you want …").
    case "you": return pressesAuthority
    // What the reader lets an authority know ("Let your state representative know you support …").
    case "know": return pressesAuthority && tokens[verb].text == "let"
    case "not": return tokens[i + 1].text == "to"
    default: return false
    }
  }

  /// The pronouns that may stand for a pressed authority ("ask them to …").
  static let pressedPronouns: Set<String> = ["them", "him", "her"]

  /// The acts a sentence names by a verb and its object (`verbObjectActs`: "Download the UN News
  /// app", "Get a weekly summary of … stories", "Make a one-time gift"): for each act whose verb is
  /// a verb standing at one of `positions` and one of whose objects follows within its window,
  /// its category and the verb's index. `positions`: where such a verb may stand
  /// (`SentenceScan.verbObjectPositions`), the opening word first.
  func verbObjectActs(_ tokens: [Token], at positions: [Int]) -> [(category: Int, at: Int)] {
    var found: [(category: Int, at: Int)] = []
    for at in positions {
      guard let acts = verbObjectActs[tokens[at].text] else { continue }
      for act in acts where !found.contains(where: { $0.category == act.category }) {
        let following = (at + 1)..<min(tokens.count, at + 1 + act.window)
        if following.contains(where: { tokens[$0].kind == .word && act.objects.contains(tokens[$0].text) }) {
          found.append((act.category, at))
        }
      }
    }
    return found
  }

  /// Where a text-message sign-up opens ("Text JOIN to 237263", "Text PROTEST + your name to
  /// 70505", "MOBILE MESSAGES: Text JOIN to …"): "text" opens the request or follows a colon, a
  /// keyword in capitals follows it (not a carrier's HELP, STOP or INFO), and "to" before a number
  /// comes within six tokens. Subscribing by SMS is following.
  static func textsAKeyword(_ tokens: [Token], from first: Int?) -> Int? {
    guard let opening = openingWord(tokens, from: first) else { return nil }
    for at in opening..<max(opening, tokens.count - 3)
    where tokens[at].text == "text" && (at == opening || tokens[at - 1].text == ":") {
      let keyword = tokens[at + 1]
      guard keyword.kind == .word, keyword.shouted, !Self.carrierKeywords.contains(keyword.text) else { continue }
      let to = (at + 2)..<min(tokens.count - 1, at + 8)
      if to.contains(where: { tokens[$0].text == "to" && tokens[$0 + 1].kind == .number }) { return at }
    }
    return nil
  }

  /// Where the peers a share act at `verb` names are told what to do ("Tell your friends,
  /// colleagues, neighbors to vote …", "Ask your classmates to sign …"): the index of the "to" after
  /// the act's object (`grammar.verb_object_acts`, category share), within eight words and commas,
  /// when a word follows it. The acts named after it are the peers', not the reader's.
  func peersAskedTo(_ tokens: [Token], at verb: Int) -> Int? {
    guard
      let act = verbObjectActs[tokens[verb].text]?.first(where: { $0.category == CTAResources.shareCategory }),
      let object = ((verb + 1)..<min(tokens.count, verb + 1 + act.window)).first(where: {
        act.objects.contains(tokens[$0].text)
      })
    else { return nil }
    var j = object + 1
    while j + 1 < tokens.count, j <= object + 8, tokens[j].kind != .punctuation || tokens[j].text == "," {
      if tokens[j].text == "to", tokens[j + 1].kind == .word { return j }
      j += 1
    }
    return nil
  }

  /// Where a sentence invites the reader to come and do something ("Come sit in.", "Come make signs on
  /// Monday …", "Please come celebrate with us"): "come" as its opening word (after "please"), then a
  /// verb in the imperative (`imperative_verbs`) or one of `Self.comeAndDoVerbs`. Returns the index of
  /// "come". "Come on", "Come back later" and "Come prepared" have no such verb.
  static func comesToDo(_ tokens: [Token], _ entries: [WordTable.Entry], from first: Int?) -> Int? {
    guard let come = openingWord(tokens, from: first), tokens[come].text == "come", come + 1 < tokens.count,
      tokens[come + 1].kind == .word
    else { return nil }
    let verb = come + 1
    return entries[verb].classes.contains(.imperativeEN) || Self.comeAndDoVerbs.contains(tokens[verb].text)
      ? come : nil
  }
  /// Where a volunteer's task opens ("Help sell concessions at shows", "Help maintain existing
  /// systems"): "help" opens the request and a verb of work follows it at once (`helpTasks`). A
  /// cause helped ("Help protect …", "Help us …") names no task.
  static func helpsWithTask(_ tokens: [Token], from first: Int?) -> Int? {
    guard let help = openingWord(tokens, from: first), tokens[help].text == "help", help + 1 < tokens.count,
      helpTasks.contains(tokens[help + 1].text)
    else { return nil }
    return help
  }
  /// Verbs of a volunteer's work after "help".
  static let helpTasks: Set<String> = [
    "sell", "serve", "improve", "maintain", "install", "prepare", "research", "document", "manage", "train",
    "build", "cook", "clean", "set", "translate", "design", "fix", "answer", "staff", "greet", "collect",
    "pack", "sort", "distribute", "deliver", "plan", "organize", "organise", "run", "coordinate", "recruit",
    "host", "teach", "tutor", "mentor", "write", "edit", "review", "test", "paint", "plant", "repair",
    "restore", "drive", "feed", "shelve", "stock", "usher", "decorate", "bake", "cater",
  ]

  /// Verbs of taking part that follow "come" and are no imperative of the lexicon's own.
  static let comeAndDoVerbs: Set<String> = [
    "sit", "see", "hear", "celebrate", "enjoy", "dance", "sing", "eat", "play", "party", "hang", "listen", "cheer",
  ]

  /// Where the act stands that a condition of wishing or a purpose names ("If you would like to
  /// help, please reach out", "If you have an interest in serving, please …", "If you wish to apply
  /// for membership, …", "To join, email …"): the word after the "to" or "in" that follows a wish
  /// ("like", "want", "interested" …) in a condition that opens the sentence with "if you", before any
  /// punctuation or negation; or the verb of a purpose that opens the sentence and ends at a comma.
  /// The main clause makes the request; the wish or the purpose names what it is for.
  static func wishedVerb(_ tokens: [Token], from first: Int?) -> Int? {
    guard let opening = openingWord(tokens, from: first), opening + 1 < tokens.count else { return nil }
    if tokens[opening].text == "to", tokens[opening + 1].kind == .word,
      tokens[(opening + 2)...].prefix(6).contains(where: { $0.text == "," })
    {
      return opening + 1
    }
    guard tokens[opening].text == "if", conditionSubjects.contains(tokens[opening + 1].text) else { return nil }
    var at = opening + 2
    while at + 2 < tokens.count, tokens[at].kind == .word, !wishNegations.contains(tokens[at].text) {
      if wishWords.contains(tokens[at].text), tokens[at + 1].text == "to" || tokens[at + 1].text == "in" {
        return tokens[at + 2].kind == .word ? at + 2 : nil
      }
      at += 1
    }
    return nil
  }
  /// The reader as the subject of a condition of wishing.
  static let conditionSubjects: Set<String> = ["you", "you'd", "you're"]
  /// Words of wishing before "to" or "in" and what is wished.
  static let wishWords: Set<String> = [
    "like", "love", "want", "wish", "interested", "interest", "ready", "willing", "keen", "hoping",
  ]
  /// Words that turn a wish down ("If you no longer wish to receive these emails").
  static let wishNegations: Set<String> = ["no", "not", "never", "don't", "doesn't"]
  /// Verbs of coming forward that a wish names on their own, and the act each is.
  static let wishedActs: [String: Int] = {
    let volunteer = ["help", "helping", "serve", "serving", "volunteer", "volunteering", "join", "joining"]
    let donate = ["sponsor", "sponsoring", "contribute", "contributing", "give", "giving", "donate", "donating"]
    let attend = ["participate", "participating", "attend", "attending"]
    var acts: [String: Int] = [:]
    for verb in volunteer { acts[verb] = CTAResources.volunteerCategory }
    for verb in donate { acts[verb] = CTAResources.donateCategory }
    for verb in attend { acts[verb] = CTAResources.attendCategory }
    return acts
  }()

  /// The keywords every SMS short code answers, which sign no one up.
  static let carrierKeywords: Set<String> = ["help", "stop", "info"]

  /// Whether the word at `i` is "March" written as a month: capitalised, with a day or a year right
  /// before or after it (a comma between allowed).
  static func isMonthInDate(_ i: Int, _ tokens: [Token]) -> Bool {
    guard tokens[i].text == "march", tokens[i].capitalized || tokens[i].shouted else { return false }
    func number(_ j: Int) -> Bool { j >= 0 && j < tokens.count && tokens[j].kind == .number }
    func number(skippingCommaFrom j: Int, step: Int) -> Bool {
      number(j) || (j >= 0 && j < tokens.count && tokens[j].text == "," && number(j + step))
    }
    return number(skippingCommaFrom: i - 1, step: -1) || number(skippingCommaFrom: i + 1, step: 1)
  }

  /// Whether the word at `i` is the "order" of "in order to", "in order that" or "(get things) in
  /// order": an idiom, not an order placed; or the verb of the purpose it opens ("… in order to vote
  /// for you", "so as to …"): what something is for, not an ask.
  static func isInOrder(_ i: Int, _ tokens: [Token]) -> Bool {
    if tokens[i].text == "order" && i > 0 && tokens[i - 1].text == "in" { return true }
    guard i >= 3, tokens[i - 1].text == "to" else { return false }
    let before = (tokens[i - 3].text, tokens[i - 2].text)
    return before == ("in", "order") || before == ("so", "as")
  }

  /// Whether the word at `i` is the "come" of "come out of" ("new hatchbacks to come out of Oxford",
  /// "let that page come out of you"): something emerging, not the reader turning out.
  static func isComeOutOf(_ i: Int, _ tokens: [Token]) -> Bool {
    tokens[i].text == "come" && i + 2 < tokens.count && tokens[i + 1].text == "out" && tokens[i + 2].text == "of"
  }

  /// Whether the word at `i` is the "follow" of "follow up" ("semoga kemenkes bisa follow up keluhan
  /// saya"), handling a matter, of following a comment thread ("You can follow any responses to
  /// this entry through the RSS 2.0 feed", a blog's footer) or of following instructions: not
  /// following an account.
  static func isFollowUp(_ i: Int, _ tokens: [Token]) -> Bool {
    guard tokens[i].text == "follow", i + 1 < tokens.count else { return false }
    if tokens[i + 1].text == "up" { return true }
    let object = i + 2 < tokens.count && Self.threadDeterminers.contains(tokens[i + 1].text) ? i + 2 : i + 1
    if Self.threadReplies.contains(tokens[object].text) { return true }
    // "Just follow these simple steps", "follow all safety instructions": instructions followed
    // within four words of the clause (10 of the 11 real English lines so ask nothing).
    return clauseWord(after: i, within: 4, tokens) { Self.instructionNouns.contains(tokens[$0].text) } != nil
  }
  /// The determiners before a comment thread's replies ("any responses", "the comments").
  static let threadDeterminers: Set<String> = ["any", "the", "all"]
  /// A comment thread's replies.
  static let threadReplies: Set<String> = ["responses", "comments", "replies"]
  /// What one follows that is no account: steps and instructions.
  static let instructionNouns: Set<String> = [
    "steps", "instructions", "directions", "guidelines", "prompts", "rules", "advice", "procedure", "procedures",
  ]

  /// Whether the English phrase at `i` is the verb of a "how" clause a few words before it ("the
  /// latest on how you can continue to follow …", "Learn how you can build …"): what the page
  /// explains, not what it asks.
  static func isAfterHow(_ i: Int, _ tokens: [Token]) -> Bool {
    guard let how = clauseWord(before: i, within: 6, tokens, { tokens[$0].text == "how" }) else { return false }
    return how + 1 < i && Self.howSubjects.contains(tokens[how + 1].text)
  }
  /// The subjects of such a clause: "how you can …", "how we can …".
  static let howSubjects: Set<String> = ["you", "we"]

  /// Whether the English phrase at `i` is the verb of a clause of time or manner, about the reader
  /// ("When you sign up and purchase a domain this week you could …", "Once you buy a package, …") or
  /// with the verb right after the subordinator ("Before sharing sensitive information, make sure …",
  /// "moderated before posting", "Since joining EFF, I …"; the 20 real lines so are no asks): the
  /// act is when or how something is done, not what the sentence asks.
  static func isInTimeClause(_ i: Int, _ tokens: [Token]) -> Bool {
    guard i >= 1 else { return false }
    if Self.timeSubordinators.contains(tokens[i - 1].text) { return true }
    return i >= 2 && tokens[i - 1].text == "you" && Self.timeSubordinators.contains(tokens[i - 2].text)
  }
  /// The words that open such a clause.
  static let timeSubordinators: Set<String> = [
    "when", "whenever", "once", "after", "before", "while", "since", "without",
  ]

  /// "Connect with Reuters", "Connect with the Riverside Tenants Union", "Join the CoLab", "Join Slate
  /// Plus": an opening "connect with" or "join" before a name (a capitalised word, after "the" too)
  /// follows that organisation; connecting with people ("Connect with people like you") does not, nor
  /// does joining a conversation or one's own team ("Join The Conversation", "Join Our Team"). Returns
  /// the verb's index.
  static func followsNamedOrganisation(_ tokens: [Token], from first: Int?) -> Int? {
    guard let verb = openingWord(tokens, from: first) else { return nil }
    let object: Int
    switch tokens[verb].text {
    case "connect" where verb + 1 < tokens.count && tokens[verb + 1].text == "with": object = verb + 2
    case "join": object = verb + 1
    default: return nil
    }
    let name = object < tokens.count && tokens[object].text == "the" ? object + 1 : object
    // "Connect with #ODU": a hashtag names the organisation too.
    if name < tokens.count, tokens[name].kind == .hashtag, tokens[verb].text == "connect" { return verb }
    guard name < tokens.count, tokens[name].kind == .word, tokens[name].capitalized || tokens[name].shouted,
      !Self.notOrganisations.contains(tokens[name].text)
    else { return nil }
    return verb
  }
  /// What a capitalised word after "join" names when it is no organisation: a talk, or the writer's
  /// side ("Join Us Elsewhere" is read by the follow phrases).
  static let notOrganisations: Set<String> = ["conversation", "discussion", "debate", "chat", "us", "me", "our"]

  /// Whether the phrase at `i` is what is unsubscribed from, "unsubscribe" a few words before it in
  /// its clause ("You can unsubscribe from the Prospect e-mail newsletter at any time"): a form's
  /// notice, no act.
  static func isUnsubscribedFrom(_ i: Int, _ tokens: [Token]) -> Bool {
    clauseWord(before: i, within: 5, tokens, { tokens[$0].text == "unsubscribe" }) != nil
  }

  /// The nearest index before `i`, at most `within` tokens back and with no punctuation between, that
  /// `matches` accepts.
  static func clauseWord(before i: Int, within: Int, _ tokens: [Token], _ matches: (Int) -> Bool) -> Int? {
    var j = i - 1
    while j >= 0 && j >= i - within && tokens[j].kind != .punctuation {
      if matches(j) { return j }
      j -= 1
    }
    return nil
  }

  /// The nearest index after `i`, at most `within` tokens on and with no punctuation between, that
  /// `matches` accepts (the counterpart of `clauseWord(before:within:_:_:)`).
  static func clauseWord(after i: Int, within: Int, _ tokens: [Token], _ matches: (Int) -> Bool) -> Int? {
    var j = i + 1
    while j < tokens.count && j <= i + within && tokens[j].kind != .punctuation {
      if matches(j) { return j }
      j += 1
    }
    return nil
  }

  /// Whether the category phrase at `i` names no act for a reason of grammar or idiom: "March" in a
  /// date, "in order to", "follow up", "come out of", what one unsubscribes from, and by language, a
  /// "how you can …" clause, a clause of time about the reader, "share" as a portion, a vote on a
  /// site's comments, a mailing list written to, a product's offer or a gift's tax status (English),
  /// or what something is likened to and goods handed out (Indonesian).
  static func namesNoAct(_ i: Int, _ tokens: [Token], _ entries: [WordTable.Entry], lang: String?) -> Bool {
    if isMonthInDate(i, tokens) || isInOrder(i, tokens) || isFollowUp(i, tokens) || isComeOutOf(i, tokens)
      || isUnsubscribedFrom(i, tokens)
    {
      return true
    }
    if lang == "en" {
      return isAfterHow(i, tokens) || isInTimeClause(i, tokens) || isWatchedOn(i, tokens)
        || isInvolvementHeading(i, tokens) || isPortion(i, tokens) || isSiteVote(i, tokens)
        || isListAsChannel(i, tokens) || isProductOffer(i, tokens) || isJoiningInSpirit(i, tokens)
        || isTaxStatus(i, tokens)
    }
    return isLikenedTo(i, tokens, entries) || isHandedOut(i, tokens, entries)
  }

  /// Whether an authority (`grammar.authorities`: "the council", "the Judiciary Committee") comes
  /// within six words after the appeal ending at `end` and before its "to" ("We urge the council to
  /// vote …"): the writer presses that authority, not the audience. `word(k)` gives the text and the
  /// classes of word `k` of `count`.
  static func namesAuthority(after end: Int, count: Int, _ word: (Int) -> (String, WordClasses)) -> Bool {
    for k in (end + 1)..<max(end + 1, min(count, end + 7)) {
      let (text, classes) = word(k)
      if text == "to" { return false }
      if classes.contains(.authority) { return true }
    }
    return false
  }

  /// Whether the phrase at `i` is the "get involved" of a bare "Want to get involved?" heading over a
  /// list of ways to help (all 8 real lines so are no asks; "… with us?" asked once): it names no act.
  static func isInvolvementHeading(_ i: Int, _ tokens: [Token]) -> Bool {
    i >= 2 && i + 3 == tokens.count && tokens[i].text == "get" && tokens[i + 1].text == "involved"
      && tokens[i + 2].text == "?" && tokens[i - 1].text == "to" && tokens[i - 2].text == "want"
  }

  /// Whether the phrase at `i` is "share" as a portion ("make the wealthy pay their fair share", "a
  /// larger share of the budget"): an adjective of size or fairness right before it makes it a noun.
  static func isPortion(_ i: Int, _ tokens: [Token]) -> Bool {
    i > 0 && tokens[i].text == "share" && portionAdjectives.contains(tokens[i - 1].text)
  }

  /// Whether the phrase at `i` is a "join us in" that names no act but a spirit: a gerund ("Join us
  /// in making a difference!", "… in praying for …") or the fight itself ("Join Us in the Fight
  /// Against Breast Cancer!"). "Join us in this campaign" and "Join us in Washington" still ask.
  static func isJoiningInSpirit(_ i: Int, _ tokens: [Token]) -> Bool {
    guard tokens[i].text == "join", i + 3 < tokens.count, tokens[i + 1].text == "us", tokens[i + 2].text == "in"
    else { return false }
    let next = tokens[i + 3].text
    if next.utf8.count > 5, next.utf8HasSuffix("ing") { return true }
    return next == "the" && i + 4 < tokens.count && Self.spiritNouns.contains(tokens[i + 4].text)
  }
  /// What "join us in the …" may name that is no act.
  static let spiritNouns: Set<String> = ["fight", "struggle", "battle"]

  /// Whether the phrase at `i` is a vote on a site's items ("so you can vote on comments, save your
  /// favorites"): ranking posts, no ballot cast.
  static func isSiteVote(_ i: Int, _ tokens: [Token]) -> Bool {
    guard tokens[i].text == "vote", i + 2 < tokens.count, tokens[i + 1].text == "on" else { return false }
    let item = tokens[i + 2].text == "the" && i + 3 < tokens.count ? tokens[i + 3].text : tokens[i + 2].text
    return siteItems.contains(item)
  }
  /// What a site lets its users vote on.
  static let siteItems: Set<String> = [
    "comments", "comment", "posts", "post", "answers", "answer", "questions", "submissions", "replies", "threads",
    "links", "photos", "reviews", "features", "ideas",
  ]

  /// Whether the phrase at `i` is a mailing list written to or read ("Report bugs … to the mailing
  /// list", "Let us know on the mailing list"): "to" or "on" before it and no verb of joining in its
  /// clause ("Subscribe to the mailing list", "Add yourself to our mailing list" follow).
  static func isListAsChannel(_ i: Int, _ tokens: [Token]) -> Bool {
    guard tokens[i].text == "mailing", i >= 2, tokens[i - 2].text == "to" || tokens[i - 2].text == "on",
      tokens[i - 1].text == "the" || tokens[i - 1].text == "our"
    else { return false }
    return clauseWord(before: i - 2, within: 12, tokens, { listJoiningWords.contains(tokens[$0].text) }) == nil
  }
  /// Words of joining a list ("subscribe to", "sign up to", "add yourself to", "get on").
  static let listJoiningWords: Set<String> = [
    "subscribe", "sign", "signup", "add", "added", "yourself", "get", "join", "register", "enrol", "enroll",
  ]

  /// Whether the phrase at `i` offers a product, no subscription to a cause: a price right after
  /// "subscribe for" ("Subscribe for just $4.62 a week"), or "sign up for" an account, a trial or
  /// "free" alone ("Sign up for an OpenShift Account", "Sign up for Free").
  static func isProductOffer(_ i: Int, _ tokens: [Token]) -> Bool {
    // "Sign up fee £25", "signup fees": the price of signing up, no sign-up.
    var afterSignUp = i + 1
    if tokens[i].text == "sign", afterSignUp < tokens.count, tokens[afterSignUp].text == "up" { afterSignUp += 1 }
    if tokens[i].text == "signup" || afterSignUp == i + 2, afterSignUp < tokens.count,
      Self.feeWords.contains(tokens[afterSignUp].text)
    {
      return true
    }
    if tokens[i].text == "subscribe", i + 2 < tokens.count, tokens[i + 1].text == "for" {
      let price = Self.priceHedges.contains(tokens[i + 2].text) ? i + 3 : i + 2
      return price < tokens.count
        && (tokens[price].kind == .number || tokens[price].text.unicodeScalars.first.map(Self.isCurrencySign) == true)
    }
    guard tokens[i].text == "sign", i + 3 < tokens.count, tokens[i + 1].text == "up", tokens[i + 2].text == "for"
    else { return false }
    if tokens[i + 3].text == "free" { return i + 4 == tokens.count || tokens[i + 4].kind == .punctuation }
    return clauseWord(after: i + 2, within: 4, tokens, { Self.productAccounts.contains(tokens[$0].text) }) != nil
  }
  /// What signing up costs ("sign up fee").
  static let feeWords: Set<String> = ["fee", "fees", "cost", "costs", "price"]

  /// Whether the phrase at `i` is a gift whose tax status the clause states ("Donations are
  /// tax-deductible", "Contributions … are not tax deductible"): a notice, no request to give.
  static func isTaxStatus(_ i: Int, _ tokens: [Token]) -> Bool {
    guard Self.giftNouns.contains(tokens[i].text) else { return false }
    return clauseWord(after: i, within: 8, tokens) {
      tokens[$0].text == "tax-deductible" || tokens[$0].text == "deductible"
    } != nil
  }
  /// Nouns of a gift whose tax status a notice states.
  static let giftNouns: Set<String> = ["donation", "donations", "contribution", "contributions", "gift", "gifts"]

  /// Words that soften a price ("for just $5", "for only £3").
  static let priceHedges: Set<String> = ["just", "only", "as"]
  /// What one signs up for with a product, not a cause.
  static let productAccounts: Set<String> = ["account", "accounts", "trial"]
  /// Whether `c` is a currency sign ("$", "£", "€", "¥").
  static func isCurrencySign(_ c: Unicode.Scalar) -> Bool { c.properties.generalCategory == .currencySymbol }

  static let portionAdjectives: Set<String> = [
    "fair", "equal", "unfair", "rightful", "market", "larger", "bigger", "greater", "smaller", "lion's",
  ]

  /// Whether the phrase at `i` is the platform where one item is watched ("▶ Watch on YouTube",
  /// "Watch it on YouTube instead", "View Boston Herald videos on YouTube"): a viewing verb at most
  /// four words before "on", with no "us" between (watching "us" on a channel follows it); four of
  /// the five real lines so are no asks.
  static func isWatchedOn(_ i: Int, _ tokens: [Token]) -> Bool {
    guard tokens[i].text == "on",
      let verb = clauseWord(before: i, within: 4, tokens, { viewingVerbs.contains(tokens[$0].text) })
    else { return false }
    return !tokens[verb..<i].contains { $0.text == "us" }
  }
  /// The verbs of watching or listening to one item.
  static let viewingVerbs: Set<String> = ["watch", "view", "listen", "stream"]

  /// Whether the phrase at `i` is a "bagikan" before goods handed out (`grammar.handout_goods`:
  /// "Bagikan BLT saat Pandemi", "membagikan paket sembako"): a distribution, no post shared.
  static func isHandedOut(_ i: Int, _ tokens: [Token], _ entries: [WordTable.Entry]) -> Bool {
    tokens[i].text.utf8HasSuffix("bagikan") && i + 1 < tokens.count && entries[i + 1].classes.contains(.handoutGood)
  }

  /// Whether a private channel (`grammar.private_channels`) is among the two words after the phrase at
  /// `i` ("share ke DM", "share via inbox"): what is shared there goes to a help desk, not the public.
  static func isSentPrivately(_ i: Int, _ tokens: [Token], _ entries: [WordTable.Entry]) -> Bool {
    entries[(i + 1)..<min(i + 3, tokens.count)].contains { $0.classes.contains(.privateChannel) }
  }

  /// Whether a health service (`grammar.health_services`) follows the phrase at `i` within five words
  /// of its clause ("Daftarkan diri anda untuk vaksin", "Silahkan Datang ke Gerai Vaksinasi") or
  /// stands anywhere before it in the sentence ("Kalau ada keluarga mau Vaksin, SILAHKAN DATANG"):
  /// what the reader is to go to or sign up for is care, not a campaign (of 427 labelled Indonesian
  /// posts that name one, none asks to attend or volunteer). Volunteers for it
  /// (`grammar.volunteer_roles`: "relawan pendamping lansia untuk vaksinasi") still volunteer.
  static func isForHealthService(_ i: Int, _ tokens: [Token], _ entries: [WordTable.Entry]) -> Bool {
    let isService = { (k: Int) in entries[k].classes.contains(.healthService) }
    if let service = clauseWord(after: i, within: 5, tokens, isService) {
      return !entries[i..<service].contains { $0.classes.contains(.volunteerRole) }
    }
    guard let service = (0..<i).last(where: isService) else { return false }
    // ("Untuk vaksinasi lansia, yuk gabung jadi relawan …": the role may follow the act.)
    return !entries[service..<min(i + 4, entries.count)].contains { $0.classes.contains(.volunteerRole) }
  }

  /// Whether the phrase at `i` follows a word of comparison (`grammar.comparison_words`), right before
  /// it or with one word between ("kayak coblos", "kyak sistem coblos pilkada"): a likeness, no act.
  static func isLikenedTo(_ i: Int, _ tokens: [Token], _ entries: [WordTable.Entry]) -> Bool {
    if i > 0 && entries[i - 1].classes.contains(.comparisonWord) { return true }
    return i > 1 && tokens[i - 1].kind == .word && entries[i - 2].classes.contains(.comparisonWord)
  }

  /// The word that opens a request: the first word (`first`), or the one after an opening "please".
  static func openingWord(_ tokens: [Token], from first: Int?) -> Int? {
    guard let first else { return nil }
    return tokens[first].text == "please" && first + 1 < tokens.count ? first + 1 : first
  }
}
