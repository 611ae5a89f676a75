// The phrase table for counters in visible text: which words around a number say what it
// counts, per language: Indonesian (with Malay) and English. Data, not code: add a phrase by
// adding a string. A phrase is one or more words separated by spaces; a word ending in `*` matches any
// word it begins ("menandatangan*" matches "menandatangani"). Matching ignores ASCII case.
//
// Positions:
// - `after`: the phrase follows the number ("12 komentar", "3.4K shares", "5.210 orang hadir").
// - `before`: the phrase precedes the number ("Dibagikan 340 kali", "Terkumpul Rp 1,2 M").
// - `label`: the phrase precedes the number with a `:`, `(` or `[` between ("Komentar (12)",
//   "Donors: 1,204", "Comments [3]"); nouns get this so that "suka 5 alasan" stays no count.
// Only the first content word next to the number is looked at; filler words ("orang",
// "kali", "people", "telah", ...) are skipped, so "5 alasan orang suka" yields nothing.

/// What a phrase says about the number next to it.
enum CounterRole: Equatable {
  /// A counter kind (`likes`, `signatures`, ...).
  case kind(String)
  /// Money collected so far: with a currency, `funds_raised`.
  case raised
  /// A goal or target: `funds_goal` with a currency, else `signature_goal`.
  case goal
  /// What is still missing ("$23,825 remaining", "Rp 5 juta lagi"): no tally and no goal.
  case remainder
}

/// Where a phrase may sit relative to the number.
struct PhrasePositions: OptionSet {
  let rawValue: UInt8
  static let after = PhrasePositions(rawValue: 1)
  static let before = PhrasePositions(rawValue: 2)
  static let label = PhrasePositions(rawValue: 4)
}

/// One phrase of the table, as lowercase byte words.
struct CounterPhrase {
  let role: CounterRole
  let positions: PhrasePositions
  /// Words in reading order; `prefix` marks words written with a trailing `*`.
  let words: [(bytes: [UInt8], prefix: Bool)]
}

/// The phrase and filler tables.
enum TextCounterPatterns {
  private static let nounPositions: PhrasePositions = [.after, .label]

  /// One row of the table: a role, where its phrases may sit, and the phrases per language
  /// (Indonesian with Malay; English). Both languages are always matched: pages mix them.
  private struct Row {
    let role: CounterRole
    let positions: PhrasePositions
    let indonesian: [String]
    let english: [String]

    init(_ role: CounterRole, _ positions: PhrasePositions, id indonesian: [String], en english: [String]) {
      self.role = role
      self.positions = positions
      self.indonesian = indonesian
      self.english = english
    }
  }

  private static let rows: [Row] = [
    Row(.kind("likes"), nounPositions, id: ["suka", "disukai", "menyukai"], en: ["likes", "like", "loves"]),
    Row(.kind("likes"), .before, id: ["disukai"], en: ["liked by"]),
    Row(
      .kind("shares"), nounPositions, id: ["dibagikan", "dibagi", "bagikan", "dikongsi", "kongsi", "perkongsian"],
      en: ["shares", "share", "reposts", "repost"]),
    Row(.kind("shares"), .before, id: ["dibagikan", "dikongsi"], en: ["shared"]),
    Row(
      .kind("comments"), nounPositions, id: ["komentar", "komen", "balasan", "tanggapan"],
      en: ["comments", "comment", "replies", "reply"]),
    // German and French pages in the dev sets show "12 Kommentare", "27 commentaires"; other
    // phrasings in those languages are not read.
    Row(.kind("comments"), nounPositions, id: [], en: ["kommentare", "kommentar", "commentaires", "commentaire"]),
    Row(.kind("comments"), .before, id: ["dikomentari"], en: []),
    Row(
      .kind("views"), nounPositions,
      id: ["ditonton", "tayangan", "penayangan", "dilihat", "dibaca", "pembaca", "penonton", "tontonan"],
      en: ["views", "view", "viewers", "plays", "reads", "hits"]),
    Row(
      .kind("views"), .before, id: ["ditonton", "dilihat", "dibaca", "diputar"], en: ["viewed", "watched", "read by"]),
    Row(.kind("reactions"), nounPositions, id: ["reaksi"], en: ["reactions", "reaction"]),
    Row(.kind("retweets"), nounPositions, id: [], en: ["retweets", "retweet", "rts", "retweeted"]),
    Row(
      .kind("followers"), nounPositions, id: ["pengikut"], en: ["followers", "follower", "subscribers", "subscriber"]),
    Row(.kind("followers"), .before, id: [], en: ["followed by"]),
    Row(
      .kind("signatures"), nounPositions,
      id: ["tanda tangan", "tandatangan", "penandatangan", "menandatangan*", "pendukung"],
      en: ["signatures", "signature", "signers", "signed", "supporters"]),
    Row(.kind("signatures"), .before, id: ["ditandatangani"], en: ["signed by"]),
    // A petition widget's label over its count ("Signatures Collected" | "12,847"): the tally is
    // of signatures, not money collected.
    Row(.kind("signatures"), .label, id: ["tanda tangan terkumpul"], en: ["signatures collected"]),
    Row(
      .kind("donors"), nounPositions, id: ["donatur", "donasi", "penyumbang", "penderma", "berdonasi"],
      en: ["donors", "donor", "donations", "backers", "funders"]),
    Row(
      .kind("attendees"), nounPositions,
      id: ["peserta", "massa", "demonstran", "pendemo", "pengunjuk rasa", "hadir", "menghadiri"],
      en: [
        "attendees", "participants", "attended", "protesters", "protestors", "demonstrators", "marchers", "runners",
        "riders", "walkers", "rsvp", "rsvps", "rsvped",
      ]),
    Row(.kind("attendees"), .before, id: ["dihadiri", "diikuti", "diikuti oleh"], en: ["attended by"]),
    Row(.kind("volunteers"), nounPositions, id: ["relawan", "sukarelawan"], en: ["volunteers", "volunteer"]),
    Row(
      .raised, [.after, .before, .label], id: ["terkumpul", "dana terkumpul", "donasi terkumpul", "total donasi"],
      en: ["raised", "collected", "pledged", "funds raised"]),
    Row(
      .goal, [.after, .before, .label],
      id: ["target", "target donasi", "target dana", "target tanda tangan", "sasaran"],
      en: ["goal"]),
    Row(
      .goal, .before, id: ["dari target", "terkumpul dari", "menuju", "untuk mencapai"],
      en: ["raised of", "target of", "towards", "to reach"]),
    // A petition widget's "25,000 signatures needed" is its goal; "25 needed" alone is what remains.
    Row(.goal, .after, id: [], en: ["signatures needed"]),
    Row(
      .remainder, .after, id: ["lagi", "tersisa", "kekurangan"],
      en: ["remaining", "to go", "left", "needed", "still needed", "more needed"]),
  ]

  /// Every phrase, parsed once.
  static let phrases: [CounterPhrase] = rows.flatMap { row in
    (row.indonesian + row.english).map { phrase in
      CounterPhrase(
        role: row.role, positions: row.positions,
        words: phrase.split(separator: " ").map { word in
          word.hasSuffix("*") ? (Array(word.dropLast().utf8), true) : (Array(word.utf8), false)
        })
    }
  }

  /// Indices into `phrases` of the phrases allowed after a number, by the first byte of their first word.
  static let afterBuckets: [[Int]] = buckets { phrase in
    phrase.positions.contains(.after) ? phrase.words.first?.bytes.first : nil
  }

  /// Indices into `phrases` of the phrases allowed before a number, by the first byte of their last word.
  static let beforeBuckets: [[Int]] = buckets { phrase in
    phrase.positions.isDisjoint(with: [.before, .label]) ? nil : phrase.words.last?.bytes.first
  }

  private static func buckets(_ key: (CounterPhrase) -> UInt8?) -> [[Int]] {
    var table = [[Int]](repeating: [], count: 256)
    for (index, phrase) in phrases.enumerated() {
      if let byte = key(phrase) { table[Int(byte)].append(index) }
    }
    return table
  }

  /// Words skipped between a number and its phrase: units, hedges and auxiliaries
  /// ("5.210 orang", "ditonton 45 rb kali", "sekitar 5.000", "have signed").
  static let fillers: [[UInt8]] = [
    "orang", "kali", "x", "×", "sebanyak", "sekitar", "kurang", "lebih", "hampir", "mencapai", "sudah", "telah",
    "oleh", "yang", "ada", "turut", "sejumlah", "total", "baru", "hanya", "people", "persons", "person", "times",
    "about", "around", "over", "more", "than", "nearly", "almost", "approximately", "approx", "have", "has", "had",
    "already", "by", "the", "only", "just", "reached",
  ].map { Array($0.utf8) }

  /// Units that belong to the number when they follow it directly ("340 kali", "5.210 orang").
  static let units: [[UInt8]] = ["orang", "kali", "x", "×", "people", "persons", "times"].map { Array($0.utf8) }

  /// Words that, right before a four-digit number, make it a year ("Maret 2024", "sejak 2019").
  static let yearContext: [[UInt8]] = [
    "januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober", "november",
    "desember", "january", "february", "march", "may", "june", "july", "august", "october", "december", "jan",
    "feb", "mar", "apr", "jun", "jul", "agu", "agt", "aug", "sep", "sept", "okt", "oct", "nov", "des", "dec",
    "tahun", "thn", "year", "sejak", "since", "in", "pada", "di", "hingga", "until", "of",
  ].map { Array($0.utf8) }

  /// Words that, right before a number, make it a rank ("Top 20 Donors").
  static let rankWords: [[UInt8]] = ["top", "best"].map { Array($0.utf8) }
  /// A vote score's nouns ("86 points"): likes only beside a comment count.
  static let voteScoreNouns: [[UInt8]] = ["points", "upvotes"].map { Array($0.utf8) }
  /// A thread's post total ("7 posts", "7 pesan"): comments only beside the thread's pagination.
  static let postTotalNouns: [[UInt8]] = ["posts", "pesan"].map { Array($0.utf8) }
  /// Units of a file's size ("52.26 KiB"): the views beside one are an attachment's.
  static let fileSizeUnits: [[UInt8]] = ["kib", "mib", "gib", "kb", "mb", "gb"].map { Array($0.utf8) }
  /// The word before a page number in a pagination line ("Page 1 of 3", "Halaman 1 dari 3").
  static let pageWords: [[UInt8]] = ["page", "halaman"].map { Array($0.utf8) }

  /// Words that connect a count to its goal: "1.024 dari 10.000", "1,024 of 10,000".
  static let connectors: [[UInt8]] = ["dari", "of", "out of"].map { Array($0.utf8) }
}
