import SlackscoreCore

/// The learned second stage of the model file (`page_stage` in `cta-model.json`): a logistic
/// regression that decides, for the sentences of an English page that address the reader and that
/// nothing excludes, whether each is an ask.
///
/// The rules read off labelled pages a few at a time left recall on unseen campaign sites near 0.5:
/// asks are worded in a long tail ("If you would like to contribute supplies, contact us to learn what
/// is most needed", "Partner with us through corporate sponsorship"). The stage is trained by
/// `train-cta` on the labelled English page sentences of SHARED's training split and of the kept page
/// sets (`PageStage.trainsOn`) that it judges (addressed, not excluded), from the sentence's own
/// features and what the rules said of it (`FeatureHasher.pageStageFeatures`), so that it learns
/// where the rules are right and where the wording of an ask goes beyond the lexicon
/// (docs/extract.md, "The page stage").
public struct PageStageHead: Sendable, Codable, Hashable {
  /// Probability at or above which the stage takes a sentence for an ask.
  public var threshold: Double
  /// The stage's weights over hashed features (the model file's `dimension`).
  public var weights: SparseWeights
  /// Category name → head over the stage's features, trained on the asks among its rows: the act
  /// of an ask that no phrase or link types (the model's own heads, trained on posts and sentences of
  /// every kind, took a volunteer's ask on a page for a follow).
  public var categories: [String: SparseWeights]
  /// What the stage was trained on (rows, asks, the cross-validated precision and recall at the
  /// threshold, in thousandths), for the record.
  public var trainedOn: [String: Int]

  /// A stage from its parts.
  public init(
    threshold: Double, weights: SparseWeights, categories: [String: SparseWeights] = [:], trainedOn: [String: Int]
  ) {
    self.threshold = threshold
    self.weights = weights
    self.categories = categories
    self.trainedOn = trainedOn
  }
}

/// The page stage ready to score: dense weights.
public struct PageStage: Sendable {
  /// Probability at or above which a sentence is an ask.
  public let threshold: Double
  private let head: DenseLogistic
  private let categories: CategoryHeads

  /// Expands the stage of a model file of `dimension` buckets.
  public init(head: PageStageHead, dimension: Int) {
    threshold = head.threshold
    self.head = DenseLogistic(head.weights, dimension: dimension)
    categories = CategoryHeads(head.categories, dimension: dimension)
  }

  /// The act of an ask with these stage features: the stage's category heads' best; nil without heads.
  func category(_ features: [Int]) -> String? { categories.best(features) }

  /// Probability that the sentence with these stage features (`FeatureHasher.pageStageFeatures`) is
  /// an ask.
  public func probability(_ features: [Int]) -> Double { head.probability(features) }

  /// Whether the stage judges a sentence of a document: an English page (not a post or a reply,
  /// `CTADetector.postLength`), in a sentence that addresses the reader and that nothing excludes.
  static func judges(_ analysis: SentenceAnalysis) -> Bool {
    analysis.addressed && analysis.exclusion == nil && analysis.lang == "en"
  }
}

extension FeatureHasher {
  static let stageSeed = seed("ps")
  static let stageActSeed = seed("psa")

  /// The page stage's features of a sentence: its own `features` and what the rules said of it: the
  /// model's probability in tenths, whether the rules emit it, and the acts its phrases and links
  /// name (or none).
  func pageStageFeatures(
    _ features: [Int], analysis: SentenceAnalysis, probability: Double, rulesEmit: Bool
  ) -> [Int] {
    var out = features
    out.append(index(Self.stageSeed, "p\(min(9, max(0, Int(probability * 10))))"))
    out.append(index(Self.stageSeed, rulesEmit ? "emit" : "silent"))
    var acts = analysis.actCategories
    acts.formUnion(analysis.linkCategories)
    if acts.isEmpty { out.append(index(Self.stageSeed, "no-act")) }
    for act in acts { out.append(index(Self.stageActSeed, act)) }
    return Self.sortedUnique(out)
  }
}
