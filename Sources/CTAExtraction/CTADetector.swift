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
    segmenter = SentenceSegmenter(abbreviations: Set(files.lexicon.abbreviations.map { $0.lowercased() }))
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
      model = try CTAResources.load(CTAModelFile.self, path: modelPath)
    } else {
      model = try file(CTAModelFile.self, "cta-model.json")
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

  /// The same detector with another decision threshold (`--min-confidence`); itself when nil.
  public func with(threshold: Double?) -> CTADetector {
    guard let threshold else { return self }
    var file = files.model
    file.threshold = threshold
    return with(model: file)
  }

  /// Judges one sentence given as tokens. The category is computed only for calls to action unless
  /// `alwaysCategorize` is set (evaluation reports it for misses too).
  public func judge(
    tokens: [Token], docLang: String?, anchoredTarget: CTATarget? = nil, alwaysCategorize: Bool = false
  ) -> SentenceVerdict {
    let analysis = analyzer.analyze(tokens: tokens, docLang: docLang, anchoredTarget: anchoredTarget)
    let features = hasher.features(analysis, heads: analysis.heads)
    let p = model.probability(features, cues: analysis.cues)
    let isCallToAction = p >= model.threshold && Self.hasEvidence(analysis)
    return SentenceVerdict(
      analysis: analysis, probability: p, isCallToAction: isCallToAction,
      category: isCallToAction || alwaysCategorize ? category(analysis, features) : nil, features: features)
  }

  /// Cues that point to an ask. A sentence with none of them (no act word, no imperative or
  /// hortative, no request form, no link, no address to the reader) is never a call to action,
  /// whatever its n-grams say: this keeps noise such as stray symbols and names out.
  static let evidenceCues: Set<String> = [
    "imperative", "hortative", "hortative-initial", "polite-passive", "particle", "kan-imperative", "i-imperative",
    "lah-imperative", "negative-imperative", "second-person", "first-plural", "money", "time", "place", "url",
    "has-hashtag", "has-mention",
  ]

  static func hasEvidence(_ analysis: SentenceAnalysis) -> Bool {
    !analysis.categoryHits.isEmpty || analysis.target != nil
      || analysis.cues.contains(where: { evidenceCues.contains($0) || $0.hasPrefix("link:") })
  }

  /// Judges one sentence given as text (evaluation, tests).
  public func judge(sentence: String, lang: String?) -> SentenceVerdict {
    judge(tokens: Tokenizer.tokens(sentence), docLang: lang, alwaysCategorize: true)
  }

  /// The most likely category: learned head scores plus the lexicon prior (per hit) and twice the
  /// prior for a registry link naming the act. Nil when nothing points to any act.
  func category(_ analysis: SentenceAnalysis, _ features: [Int]) -> String? {
    let learned = model.categoryScores(features)
    var best: (String, Double)?
    for (c, name) in CTAResources.categories.enumerated() {
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
    if learned.isEmpty && analysis.categoryHits.isEmpty && analysis.linkCategories.isEmpty { return nil }
    return best?.0
  }
}
