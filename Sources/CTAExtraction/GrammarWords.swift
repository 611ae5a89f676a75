/// Closed word classes the cues are built on (`grammar` in `Resources/cta-lexicon.json`): pronouns,
/// auxiliaries, request and permission words, speakers, voting verbs, imperative hashtags. Each list
/// holds the words of both languages.
public struct GrammarWords: Sendable, Codable {
  /// "kita", "let's", "ayo": an ask without "we" that includes the reader.
  public var inclusive: [String]
  /// "saya", "we": speakers whose appeal verb makes an appeal of their own ("Saya mengajak …").
  public var firstPersonSpeakers: [String]
  /// "mengajak", "urge": the verbs of those appeals.
  public var appealVerbs: [String]
  /// "you", "kita", "semua": subjects after which a declarative shape still addresses the reader.
  public var addressedSubjects: [String]
  /// "Ayah", "Me": speakers that open a line of quoted dialogue ("Ayah: …").
  public var dialogueSpeakers: [String]
  /// "Penting", "Dicari": labels that head a line of the writer's own, not a speaker.
  public var lineLabels: [String]
  /// "you", "kamu", "kalian": the `second-person` cue.
  public var secondPerson: [String]
  /// "kita", "we": the `first-plural` cue.
  public var firstPlural: [String]
  /// "mohon", "tolong": words that make the passive after them a polite request.
  public var requestWords: [String]
  /// "bisa", "silakan": what an audience named by "Bagi …" may do.
  public var permissionWords: [String]
  /// English finite auxiliaries ("is", "will") of a declarative shape.
  public var finiteAuxiliaries: [String]
  /// Words after which an English "imperative" head is a noun ("Use of …", "Change is …").
  public var nounFollowers: [String]
  /// English past participles not ending in "-ed" ("signed" does, "given" does not).
  public var irregularParticiples: [String]
  /// "pilih", "coblos": the voting verbs that ask inside a run-on post.
  public var votingVerbs: [String]
  /// Subjects, auxiliaries, negations, relative and purpose words before which a verb is no
  /// imperative ("saya pilih", "akan pilih", "yang pilih").
  public var notBeforeImperative: [String]
  /// Hashtag stems in the imperative → the category they ask for ("#boikot" → boycott).
  public var imperativeHashtags: [String: String]
  /// "#plsrt" → "share": hashtags that are themselves a request, anywhere in a post ("… dibongkar
  /// polisi. #plsRT", "#sebarkan"): the act and the ask, matched whole.
  public var requestHashtags: [String: String]
  /// Adverbs of going on ("tetap", "terus", "lanjut"), skipped before a clause head like the
  /// openers, so that "Tetap boikot!" opens with its imperative, except after a hashtag or mention,
  /// which is then the subject ("#TGB TERUS PROMOSIKAN …").
  public var continuationOpeners: [String]
  /// Words of obligation ("wajib", "harus") that, opening a sentence right before its act, ask
  /// everyone ("Wajib boikot!"): cue `impersonal-request`.
  public var obligationOpeners: [String]
  /// "kok", "sih", "vs", a negation ("ga"), the copula ("ada", "adalah"): after a verb they make the
  /// verb the topic the writer talks, wonders or complains about, not an order ("Boikot kok …",
  /// "Boikot sih boikot, tapi …", "Boikot VS realistis", "Boikot ga nih", "Boikot ada dari …").
  public var topicParticles: [String]
  /// "ini", "itu": after a bare act verb and before more of the clause they make the verb a noun
  /// ("Boikot ini kan ada pro kontra", "Boikot itu membantu"); "Share ini ya" stays an order.
  public var demonstratives: [String]
  /// "yang", "that", "who": a verb or hortative after it describes someone ("Yang dukung pak X"), it
  /// asks nothing; in English an act phrase after it is what its noun does ("all truths that come to
  /// us"), except a "that" right after the opening verb ("Demand that your representative …").
  public var relativeWords: [String]
  /// "tidak", "tak", "ga": a plain negation; one just before an obligation lifts it ("Tak semua harus
  /// diboikot").
  public var negations: [String]
  /// "lupa", "forget": after a negative they make a reminder ("jangan lupa", "don't forget"), a
  /// hortative, not a ban.
  public var reminderWords: [String]
  /// "kan": after a negative it makes no negative imperative ("jangan kan" is "jangankan", let alone).
  public var notAfterNegative: [String]
  /// "bagi": opens an announcement to the audience it names ("Bagi warga yang ingin ikut, silakan …").
  public var audienceOpeners: [String]
  /// "untuk", "buat": open such an announcement only when a relative or the audience follows ("Buat
  /// yang mau donasi barang bisa …", not "Untuk saat ini bisa …").
  public var purposeOpeners: [String]
  /// "korban", "donasi", "umkm", "boikot": the causes that make buying an ask in Indonesian ("beli
  /// dagangan pedagang korban banjir"); without one, a buy act is an advert or a complaint about prices.
  public var buyCauses: [String]
  /// "bantu", "dukung": hortative verbs that ask only where they open a clause or follow another
  /// hortative ("Bantu korban banjir!", "Yuk dukung …"); inside a clause they tell what someone does
  /// ("Polisi gercep bantu korban banjir").
  public var headOnlyHortatives: [String]
  /// "imbauan", "spanduk", "gerakan": nouns that name an appeal; a hortative right after one is the
  /// appeal's title, not the writer's ask ("Imbauan ayo nyoblos dari polisi sangat bagus", "spanduk
  /// ayo nyoblos").
  public var appealNouns: [String]
  /// "kayak", "seperti": Indonesian words of comparison; an act named right after one is what
  /// something is likened to, not an act asked ("sistem vaksinasi kyak sistem coblos pilkada").
  public var comparisonWords: [String]
  /// "pak", "mbak", "bang": Indonesian words that address one person ("… oleh polisi pak, …"); in a
  /// reply, a clause closed by one speaks to the account replied to.
  public var personalVocatives: [String]
  /// "sembako", "masker", "blt": goods handed out; "bagikan" before one distributes them ("Bagikan
  /// BLT saat pandemi", "membagikan paket sembako"), no post is shared.
  public var handoutGoods: [String]
  /// "vaksin", "puskesmas", "vaccination": health services; going to or signing up for one ("Daftarkan
  /// diri anda untuk vaksin", "Datang ke Gerai Vaksinasi") is health advice, no campaign's gathering
  /// or volunteering.
  public var healthServices: [String]
  /// "relawan", "volunteer": the people a volunteering ask recruits; one before a health service
  /// ("relawan pendamping lansia untuk vaksinasi") still volunteers.
  public var volunteerRoles: [String]
  /// "dm", "inbox", "japri": private channels; what is shared to one ("Yuk share ke DM nomor …", a
  /// help desk's reply) is sent to the desk, not shared with the public.
  public var privateChannels: [String]
  /// "lapangan kerja", "lapangan usaha": two-word nouns whose first word alone is a phrase of the
  /// lexicon ("lapangan", a field to gather on, a place): inside the compound it is neither.
  public var nounCompounds: [String]
  /// "tell", "urge": verbs that press an addressee to act when they open the sentence and an
  /// authority or a name follows ("Tell Congress to …", "Urge the governor to …").
  public var pressingVerbs: [String]
  /// "congress", "governor", "board": the authorities such a verb presses ("Tell the school board not
  /// to …"); a name in capitals is pressed the same way ("Tell Homeland Security to …").
  public var authorities: [String]
  /// "get", "stay": English imperative heads that take a participle ("Get involved", "Stay
  /// connected"), where a word in "-ed" after another head makes it a label or a headline.
  public var linkingVerbs: [String]
  /// Acts named by a verb that opens the request and what it acts on a few words later: installing
  /// an app ("Download the UN News app", "Unduh aplikasi kami") and subscribing ("Get Pew Research
  /// data by email") are following, "Make a one-time gift" is donating.
  public var verbObjectActs: [VerbObjectAct]
  /// One-word agreement questions that open a retweet ask ("Setuju? RT"): the segmenter keeps them
  /// in the ask's sentence.
  public var agreementTags: [String]
  /// "dan", "and": words that join a second imperative to the first ("Baca artikel ini dan share …",
  /// "Please read the article and share your thoughts below!").
  public var joiningConjunctions: [String]
  /// "share", "bagikan": the verbs a comment box's line opens with ("share your thoughts").
  public var commentBoxVerbs: [String]
  /// "dukung": Indonesian verbs of support that ask for a vote before a ticket ("Mari dukung
  /// Prabowo-Gibran").
  public var supportVerbs: [String]
  /// "biar", "agar": Indonesian conjunctions of purpose; an act named only right after one is what
  /// something is for ("… biar kita subscribe").
  public var purposeConjunctions: [String]
  /// "kalau", "jika": Indonesian conjunctions of condition; an act right after one is a condition
  /// talked about ("Kalau boikot itu ya …").
  public var conditionalConjunctions: [String]
  /// "sekedar", "cuma": the words of "merely" that may stand between a condition and its act
  /// ("kalau sekedar boikot").
  public var merelyWords: [String]
  /// "sukseskan", "kawal": Indonesian verbs that make an election their goal ("sukseskan pemilu"),
  /// no vote asked.
  public var electionGoalVerbs: [String]
  /// "lu", "elu": the informal singular "you" of Jakarta speech; a sentence that says it speaks to
  /// one person.
  public var informalSingularYou: [String]
  /// "yth": the honorific of a letter's addressee ("Bapak … Yth"); a sentence with it asks that person.
  public var letterHonorifics: [String]
  /// "is", "are": the linking verbs after an English compound subject ("Phone calls are more …").
  public var subjectLinkingVerbs: [String]
  /// "and", "the", "dan": words that join a sentence, and the possessive "our"; a site's menu run into
  /// one line has none of them.
  public var sentenceJoiners: [String]
  /// "vote", "polling": English act words that name no act in an Indonesian sentence, where they are a
  /// film's title ("Dirty Vote"), a like-count poll or an opinion poll (47 of 48 labelled Indonesian
  /// posts that say "vote" ask no vote).
  public var englishOnlyActs: [String]
  /// "sudah", "telah": Indonesian markers of a done act; after "yang" they tell what some people did
  /// ("bagi yang sdh subscribe n share …"), no ask.
  public var perfectMarkers: [String]
}

/// An act named by its verb and its object: one of `verbs` opens the request (after "please") and
/// one of `objects` follows within `window` tokens; the act is of `category`. The object
/// `@authorities` stands for every word of `authorities` ("Call the board", "Email the CEO").
public struct VerbObjectAct: Sendable, Codable {
  /// The object that stands for the authorities' word class.
  public static let authoritiesClass = "@authorities"

  public var category: String
  public var verbs: [String]
  public var objects: [String]
  public var window: Int
}
