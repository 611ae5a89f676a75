public import SlackscoreCore

/// The four data files a detector is built from.
public struct CTADataFiles: Sendable {
  /// `cta-lexicon.json`.
  public var lexicon: CTALexiconFile
  /// `cta-effort.json`.
  public var effort: CTAEffortFile
  /// `cta-platforms.json`.
  public var platforms: CTAPlatformsFile
  /// `cta-model.json` (or the file given with `--model`).
  public var model: CTAModelFile

  /// The files, as loaded.
  public init(lexicon: CTALexiconFile, effort: CTAEffortFile, platforms: CTAPlatformsFile, model: CTAModelFile) {
    self.lexicon = lexicon
    self.effort = effort
    self.platforms = platforms
    self.model = model
  }
}

/// The detector's verdict on one sentence.
public struct SentenceVerdict: Sendable {
  /// The cues, tokens, language and link found in the sentence.
  public var analysis: SentenceAnalysis
  /// Probability that the sentence is a call to action.
  public var probability: Double
  /// Whether `probability` reaches the model's threshold.
  public var isCallToAction: Bool
  /// The act asked for; nil below threshold unless asked for, or when nothing points to any act.
  public var category: String?
  /// Someone else's ask, reported or quoted (`AskExclusion.reported` with act evidence): written with
  /// `reported: true` when the caller keeps reported asks, never counted as a call to action.
  public var isReported = false
  /// The page stage's probability, when it decided (`CTADetector.judge` with `onPage`); the ask's
  /// confidence then.
  public var stageProbability: Double?
  /// Hashed features, for training.
  public var features: [Int]
}

/// Finds and types calls to action: segmentation, cues, hashed features, the model's two heads,
/// the lexicon prior and the link registry, and the effort map.
public struct CTADetector: Sendable {
  /// Splits document text into sentences.
  public let segmenter: SentenceSegmenter
  /// Finds the cues of each sentence.
  public let analyzer: CueAnalyzer
  /// Turns cues and words into model features.
  public let hasher: FeatureHasher
  /// The trained weights (detector and category heads).
  public let model: CTAModel
  /// Category → effort (1–5).
  public let effort: [String: Int]
  /// The data files the detector was built from (for `with(model:)` and `replica()`).
  public let files: CTADataFiles

  /// A detector from loaded data files.
  public init(lexicon: CTALexiconFile, effort: CTAEffortFile, platforms: CTAPlatformsFile, model: CTAModelFile) {
    self.init(files: CTADataFiles(lexicon: lexicon, effort: effort, platforms: platforms, model: model))
  }

  /// A detector from loaded data files.
  public init(files: CTADataFiles) {
    self.files = files
    segmenter = SentenceSegmenter(
      abbreviations: Set(files.lexicon.abbreviations.map { $0.lowercased() }),
      agreementTags: Set(files.lexicon.grammar.agreementTags.map { $0.lowercased() }))
    analyzer = CueAnalyzer(lexicon: files.lexicon, registry: PlatformRegistry(entries: files.platforms.platforms))
    hasher = FeatureHasher(dimension: files.model.dimension)
    model = CTAModel(file: files.model)
    effort = files.effort.categories.mapValues(\.effort)
  }

  /// An equal detector with storage of its own. Worker threads each use one, so that they do not
  /// contend on the reference counts of shared dictionaries and arrays.
  public func replica() -> CTADetector { CTADetector(files: files) }

  /// The detector over the bundled data files, or over `directory` when given (any file missing there
  /// is taken from the bundle), with `modelPath` overriding the model file.
  public static func load(directory: String? = nil, modelPath: String? = nil) throws -> CTADetector {
    func file<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
      if let directory, FileSystem.exists(directory + "/" + name) {
        return try CTAResources.load(T.self, named: name, directory: directory)
      }
      return try CTAResources.load(T.self, named: name)
    }
    let model: CTAModelFile
    if let modelPath {
      model = try CTAModelReader.load(path: modelPath)
      try model.validate(file: modelPath)
    } else if let directory, FileSystem.exists(directory + "/cta-model.json") {
      model = try CTAModelReader.load(path: directory + "/cta-model.json")
      try model.validate(file: directory + "/cta-model.json")
    } else {
      if let bundled = CTAResources.bundledPath(of: "cta-model.json") {
        model = try CTAModelReader.load(path: bundled)
      } else {
        model = try CTAResources.load(CTAModelFile.self, named: "cta-model.json")
      }
      try model.validate(file: "cta-model.json (bundled)")
    }
    return CTADetector(
      lexicon: try file(CTALexiconFile.self, "cta-lexicon.json"),
      effort: try file(CTAEffortFile.self, "cta-effort.json"),
      platforms: try file(CTAPlatformsFile.self, "cta-platforms.json"), model: model)
  }

  /// The same detector with another model (used by training and evaluation).
  public func with(model file: CTAModelFile) -> CTADetector {
    var files = self.files
    files.model = file
    return CTADetector(files: files)
  }

  /// The same detector with another decision threshold for every language and for the page stage
  /// (`--min-confidence`: the confidence written is the probability the threshold is held against);
  /// itself when nil.
  public func with(threshold: Double?) -> CTADetector {
    guard let threshold else { return self }
    var file = files.model
    file.threshold = threshold
    file.languageThresholds = nil
    file.pageStage?.threshold = threshold
    return with(model: file)
  }

  /// Judges one sentence given as tokens. The category is computed only for calls to action unless
  /// `alwaysCategorize` is set (evaluation reports it for misses too).
  /// `inReply`: the sentence belongs to a post that opens with a mention (`AskGate.opensReply`), so it
  /// speaks to one account, not the audience. `gateFirst`: when the precision gate already rules the
  /// sentence out (and it is no reported ask), skip the model: `features` is empty and `probability` 0
  /// (document extraction, which drops such verdicts; training and evaluation need them scored).
  /// `onPage`: the sentence is on a page that is not Indonesian (`usesPageStage`): when the model
  /// has a page stage, the stage decides its sentences that address the reader and that nothing
  /// excludes (`PageStage.judges`), and where the stage takes one for an ask that no phrase or link
  /// types, the stage's category heads pick its act among all (cue `learned-act`).
  public func judge(
    tokens: [Token], docLang: String?, anchoredTarget: CTATarget? = nil, alwaysCategorize: Bool = false,
    inReply: Bool = false, gateFirst: Bool = false, onPage: Bool = false
  ) -> SentenceVerdict {
    let stage = onPage ? model.pageStage : nil
    let analysis = analyzer.analyze(
      tokens: tokens, docLang: docLang, anchoredTarget: anchoredTarget, inReply: inReply,
      askFieldsOnly: gateFirst && !alwaysCategorize && stage == nil)
    let hasAct = Self.hasActEvidence(analysis)
    let passes = Self.passesGate(analysis)
    // A reported ask: someone was asked ("Warga diminta menandatangani petisi") or is quoted asking
    // ("“Sign the petition,” she said"), and the act is named.
    let isReported =
      analysis.exclusion == .reported && hasAct
      && ((analysis.cues.contains("reported-request") && analysis.actAfterRequest)
        || (analysis.cues.contains("attributed-quote") && analysis.askForm))
    // An ask that names no act is scored: the next sentence may name its act (`candidates(in:)`).
    let openAsk = Self.isOpenAsk(analysis)
    let staged = stage != nil && PageStage.judges(analysis)
    if gateFirst && !passes && !isReported && !alwaysCategorize && !openAsk && !staged {
      return SentenceVerdict(analysis: analysis, probability: 0, isCallToAction: false, category: nil, features: [])
    }
    let features = hasher.features(analysis, heads: analysis.heads)
    let p = model.probability(features, cues: analysis.cues)
    // The category head runs only where a category is written (cheap gate first).
    let reachesThreshold = p >= model.threshold(forLanguage: analysis.lang)
    var category =
      (passes && reachesThreshold) || alwaysCategorize || isReported || staged ? category(analysis, features) : nil
    if passes, let c = category, Self.isCommercial(analysis, category: c) { category = nil }
    var isCallToAction = reachesThreshold && passes && category != nil
    var verdict = SentenceVerdict(
      analysis: analysis, probability: p, isCallToAction: isCallToAction, category: nil, features: features)
    if staged, let stage {
      let stageFeatures = hasher.pageStageFeatures(
        features, analysis: analysis, probability: p, rulesEmit: isCallToAction)
      let q = stage.probability(stageFeatures)
      verdict.stageProbability = q
      if q >= stage.threshold && !hasAct, let learned = stage.category(stageFeatures),
        !Self.isCommercial(analysis, category: learned)
      {
        category = learned
        verdict.analysis.cues = (analysis.cues + ["learned-act"]).sorted()
      }
      isCallToAction = q >= stage.threshold && category != nil
      verdict.isCallToAction = isCallToAction
    }
    verdict.category = isCallToAction || alwaysCategorize || isReported ? category : nil
    verdict.isReported = isReported
    return verdict
  }

  /// Whether the page stage judges the sentences of `document`: the model has one, and the document
  /// is a page (longer than a post, `postLength`; no reply) that is not Indonesian.
  func usesPageStage(scalarCount: Int, lang: String?, reply: Bool) -> Bool {
    model.pageStage != nil && !reply && scalarCount > Self.postLength && lang != "id"
  }

  /// Whether the precision gate lets the sentence through: act evidence, addressed to the reader as
  /// an ask, and nothing excludes it (the model is asked only about such sentences).
  static func passesGate(_ analysis: SentenceAnalysis) -> Bool {
    hasActEvidence(analysis) && analysis.addressed && analysis.exclusion == nil
  }

  /// Whether the sentence asks the reader (addressed, in an ask's form, nothing excludes it) but
  /// names no act: "Mari bantu saudara kita yang terdampak gempa."
  static func isOpenAsk(_ analysis: SentenceAnalysis) -> Bool {
    analysis.addressed && analysis.askForm && analysis.exclusion == nil && !hasActEvidence(analysis)
  }

  /// Whether the sentence names an act but asks nothing and nothing excludes it: "Di bawah ini
  /// tautan penggalangan dana …", "Link donasi: …".
  static func namesActOnly(_ analysis: SentenceAnalysis) -> Bool {
    !analysis.addressed && analysis.exclusion == nil && hasActEvidence(analysis)
  }

  /// The precision gate's act evidence: a category phrase of the lexicon, or a registry link that
  /// names the act (a petition, donation, event, voting or contact target). Without it nothing is
  /// emitted, whatever the model says; the category is always one of the evidenced ones.
  static func hasActEvidence(_ analysis: SentenceAnalysis) -> Bool {
    !analysis.actCategories.isEmpty || !analysis.linkCategories.isEmpty
  }

  /// A shop or product promotion with no cause (discount, login, cashback), or a help-line or
  /// information notice ("for more information call …", "silakan hubungi call center"): not a call
  /// to action.
  static func isCommercial(_ analysis: SentenceAnalysis, category: String) -> Bool {
    if category == "contact" && analysis.cues.contains("helpline") { return true }
    return analysis.cues.contains("commercial") && (category == "buy" || category == "follow" || category == "share")
      && !analysis.promo
  }

  /// Whether a post opens with a mention that is not an attribution: a reply to one account ("@USER
  /// coba kamu share lagi"), whose sentences are not asks to the audience. A longer text is a page,
  /// which may open with a handle (an embedded post's caption) and still ask its readers.
  public static func isReply(_ scalars: [Unicode.Scalar]) -> Bool {
    guard scalars.count <= postLength else { return false }
    var i = 0
    while i < scalars.count && SentenceSegmenter.isSpace(scalars[i]) { i += 1 }
    guard i < scalars.count, scalars[i] == "@" else { return false }
    return AskGate.opensReply(Tokenizer.tokens(scalars[i..<min(scalars.count, i + 64)]))
  }

  /// The sentences of a post (tweet, Reddit comment) as tokens, and whether the post is a reply (then
  /// its sentences are judged with `inReply`): how evaluation and training read a post.
  public func postSentences(_ text: String) -> (sentences: [[Token]], inReply: Bool) {
    let scalars = Array(text.unicodeScalars)
    let sentences = segmenter.split(scalars: scalars).map { Tokenizer.tokens(scalars[$0.start..<$0.end]) }
    return (sentences, Self.isReply(scalars))
  }

  /// Judges one sentence given as text (evaluation, tests).
  public func judge(sentence: String, lang: String?) -> SentenceVerdict {
    judge(tokens: Tokenizer.tokens(sentence), docLang: lang, alwaysCategorize: true)
  }

  /// Acts that give way to another act named in the same sentence, which then types the sentence
  /// (`category`): a purchase that serves a boycott ("jangan beli X, ganti dengan produk lokal") is
  /// the boycott; a share asked beside a weightier act, giving a name, money, time or presence or
  /// pressing a decision-maker ("Email Congress and share this page", "Share this · Donate"), is an
  /// add-on, as the labellers type it.
  static let givesWay: [String: Set<String>] = [
    "buy": ["boycott"],
    "share": ["sign", "donate", "contact", "volunteer", "attend"],
  ]

  /// More acts that give way in English, where the other act is named by a phrase: the vote that a
  /// decision-maker is pressed to cast ("Tell City Council to vote YES", "Ask them to hold a hearing
  /// and a vote") is the contact; signing up for a rally or to volunteer ("Sign up for the rally",
  /// "… or sign up to volunteer") is the attendance or the volunteering. (Indonesian names these
  /// acts with nouns a followed account reports on, "kabar lapangan", "kebutuhan posko".)
  static let givesWayInEnglish: [String: Set<String>] = [
    "vote": ["contact"],
    "follow": ["attend", "volunteer"],
  ]

  /// Whether `name` gives way to another act named in a sentence of `lang` with these acts.
  static func givesWay(_ name: String, lang: String?, to acts: Set<String>) -> Bool {
    if let others = givesWay[name], !others.isDisjoint(with: acts) { return true }
    guard lang == "en", let others = givesWayInEnglish[name] else { return false }
    return !others.isDisjoint(with: acts)
  }

  /// The most likely category among those with act evidence (a lexicon phrase or a registry link):
  /// learned head scores plus the lexicon prior (per hit) and twice the prior for a registry link
  /// naming the act. The learned head only ranks evidenced categories, never invents one; nil when
  /// nothing points to any act. An act that gives way to another named beside it (`givesWay`) is no
  /// candidate.
  func category(_ analysis: SentenceAnalysis, _ features: [Int]) -> String? {
    guard Self.hasActEvidence(analysis) else { return nil }
    let learned = model.categoryScores(features)
    var best: (String, Double)?
    for (c, name) in CTAResources.categories.enumerated()
    where (analysis.actCategories.contains(name) || analysis.linkCategories.contains(name))
      && !Self.givesWay(name, lang: analysis.lang, to: analysis.actCategories)
    {
      var score = 0.0
      if let k = model.categoryNames.firstIndex(of: name), k < learned.count {
        score = learned[k]
      } else if !learned.isEmpty {
        score = -10
      }
      let hits = Double(analysis.categoryHits[name] ?? 0)
      score += model.lexiconPrior * hits
      if analysis.linkCategories.contains(name) { score += 2 * model.lexiconPrior }
      // Fixed order breaks ties.
      score -= Double(c) * 1e-9
      if best == nil || score > best!.1 { best = (name, score) }
    }
    return best?.0
  }
}
