/// A sparse weight vector: parallel arrays of indices and weights.
///
/// On disk (format `slackscore-cta-model/2`) the ascending indices are written as `gaps`: each index
/// minus the one before (−1 before the first), so a 2^18-bucket model stays small (most gaps have one
/// or two digits). Files of format `/1` with absolute `indices` are still read. Decoding refuses a gap
/// that is not positive (indices must strictly ascend) or that overflows; `CTAModelFile.validate` then
/// checks the indices against the dimension.
public struct SparseWeights: Sendable, Codable, Hashable {
  /// Intercept.
  public var bias: Double
  /// Feature indices with a non-zero weight, strictly ascending.
  public var indices: [Int]
  /// Weights, parallel to `indices`.
  public var weights: [Double]

  /// A weight vector from its parts.
  public init(bias: Double = 0, indices: [Int] = [], weights: [Double] = []) {
    self.bias = bias
    self.indices = indices
    self.weights = weights
  }

  private enum CodingKeys: String, CodingKey {
    case bias, indices, gaps, weights
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    bias = try container.decode(Double.self, forKey: .bias)
    weights = try container.decode([Double].self, forKey: .weights)
    if let gaps = try container.decodeIfPresent([Int].self, forKey: .gaps) {
      indices = try Self.indices(fromGaps: gaps, container: container)
    } else {
      indices = try container.decode([Int].self, forKey: .indices)
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(bias, forKey: .bias)
    try container.encode(Self.gaps(of: indices), forKey: .gaps)
    try container.encode(weights, forKey: .weights)
  }

  /// Absolute indices from gaps; throws on a gap below 1 or an overflow.
  private static func indices(fromGaps gaps: [Int], container: KeyedDecodingContainer<CodingKeys>) throws -> [Int] {
    switch indices(fromGaps: gaps) {
    case .success(let indices): return indices
    case .failure(let bad):
      throw DecodingError.dataCorruptedError(
        forKey: .gaps, in: container,
        debugDescription: "gap \(bad.position) is \(bad.gap): indices must strictly ascend (gaps ≥ 1)")
    }
  }

  /// A gap below 1, or one that overflows, at `position`.
  struct BadGap: Error {
    let position: Int
    let gap: Int
  }

  /// Absolute indices from gaps (each index minus the one before, −1 before the first), or the first
  /// gap below 1 or that overflows. The decoder and `CTAModelReader` both read gaps through it.
  static func indices(fromGaps gaps: [Int]) -> Result<[Int], BadGap> {
    var result: [Int] = []
    result.reserveCapacity(gaps.count)
    var previous = -1
    for (k, gap) in gaps.enumerated() {
      let (index, overflow) = previous.addingReportingOverflow(gap)
      guard gap >= 1, !overflow else { return .failure(BadGap(position: k, gap: gap)) }
      result.append(index)
      previous = index
    }
    return .success(result)
  }

  /// The weights as a dense array of `dimension` (indices outside it are left out).
  func dense(dimension: Int) -> [Float] {
    var dense = [Float](repeating: 0, count: dimension)
    for (i, w) in zip(indices, weights) where i >= 0 && i < dimension { dense[i] = Float(w) }
    return dense
  }

  /// Gaps of strictly ascending `indices`: each index minus the one before (−1 before the first).
  static func gaps(of indices: [Int]) -> [Int] {
    var previous = -1
    return indices.map { index in
      defer { previous = index }
      return index - previous
    }
  }
}

/// The trained model file (`Resources/cta-model.json`), written by `slackscore train-cta`.
///
/// Two logistic-regression heads over the same hashed features: `detector` (is this sentence a call
/// to action?) and one head per category (`categories`, softmax over them) for the act it asks for.
public struct CTAModelFile: Sendable, Codable {
  /// `slackscore-cta-model/2` (indices as gaps); `/1` files (absolute indices) are still read.
  public var format: String
  /// Number of hash buckets the features were hashed into.
  public var dimension: Int
  /// Probability at or above which a sentence is a call to action.
  public var threshold: Double
  /// Language → the threshold that replaces `threshold` for sentences of that language (Indonesian
  /// keeps a higher one: its asks just above the shared threshold are mostly not asks). Optional.
  public var languageThresholds: [String: Double]?
  /// Added to a category's score per lexicon hit (and twice for a registry link), on top of the
  /// learned category head; keeps categories sensible for acts the training data lacks.
  public var lexiconPrior: Double
  /// Rules applied after the model: cue → amount added to the detector's log-odds when the cue fires
  /// (e.g. `attributed-quote`: -3, reported speech in news is not the page's own ask). Optional.
  public var cueAdjustments: [String: Double]?
  /// The call-to-action head.
  public var detector: SparseWeights
  /// Category name → head.
  public var categories: [String: SparseWeights]
  /// What the weights were trained on (counts per language, sources), for the record.
  public var trainedOn: [String: Int]
  /// The learned second stage for English pages (`PageStageHead`); nil: the rules decide alone.
  public var pageStage: PageStageHead?

  /// A model file from trained heads.
  public init(
    dimension: Int, threshold: Double, lexiconPrior: Double, detector: SparseWeights,
    categories: [String: SparseWeights], trainedOn: [String: Int], cueAdjustments: [String: Double]? = nil,
    languageThresholds: [String: Double]? = nil, pageStage: PageStageHead? = nil
  ) {
    self.format = "slackscore-cta-model/2"
    self.dimension = dimension
    self.threshold = threshold
    self.languageThresholds = languageThresholds
    self.lexiconPrior = lexiconPrior
    self.cueAdjustments = cueAdjustments
    self.detector = detector
    self.categories = categories
    self.trainedOn = trainedOn
    self.pageStage = pageStage
  }
}

extension CTAModelFile {
  /// Largest accepted `dimension` (2^24 buckets: 64 MB of detector weights per head).
  public static let maxDimension = 1 << 24

  /// Checks what `CTAModel` relies on, so that a damaged or hand-edited file gives a clear error
  /// instead of a crash: the format name, a power-of-two `dimension` in 1...2^24, a threshold in
  /// 0...1, finite numbers everywhere, index and weight lists of equal length, strictly ascending
  /// indices inside the dimension, known category names. `file` names the file in the error.
  public func validate(file: String) throws {
    func fail(_ reason: String) -> CTAResourceError { CTAResourceError(file: file, reason: reason) }
    guard format.hasPrefix("slackscore-cta-model/") else {
      throw fail("format is \"\(format)\", expected slackscore-cta-model/2")
    }
    guard dimension > 0, dimension <= Self.maxDimension, dimension & (dimension - 1) == 0 else {
      throw fail("dimension \(dimension) must be a power of two between 1 and \(Self.maxDimension)")
    }
    guard threshold.isFinite, (0...1).contains(threshold) else { throw fail("threshold \(threshold) is not in 0...1") }
    for (lang, value) in languageThresholds ?? [:] where !(value.isFinite && (0...1).contains(value)) {
      throw fail("language_thresholds[\(lang)] \(value) is not in 0...1")
    }
    guard lexiconPrior.isFinite else { throw fail("lexicon_prior is not a finite number") }
    for (cue, value) in cueAdjustments ?? [:] where !value.isFinite {
      throw fail("cue_adjustments[\(cue)] is not a finite number")
    }
    func check(_ head: SparseWeights, _ name: String) throws {
      guard head.bias.isFinite else { throw fail("\(name): bias is not a finite number") }
      guard head.indices.count == head.weights.count else {
        throw fail("\(name): \(head.indices.count) indices but \(head.weights.count) weights")
      }
      if let bad = head.indices.first(where: { $0 < 0 || $0 >= dimension }) {
        throw fail("\(name): index \(bad) outside 0..<\(dimension)")
      }
      if let k = head.indices.indices.dropFirst().first(where: { head.indices[$0] <= head.indices[$0 - 1] }) {
        throw fail("\(name): index \(k) (\(head.indices[k])) does not ascend")
      }
      if let k = head.weights.firstIndex(where: { !$0.isFinite }) {
        throw fail("\(name): weight \(k) is not a finite number")
      }
    }
    try check(detector, "detector")
    if let pageStage {
      guard pageStage.threshold.isFinite, (0...1).contains(pageStage.threshold) else {
        throw fail("page_stage.threshold \(pageStage.threshold) is not in 0...1")
      }
      try check(pageStage.weights, "page_stage.weights")
      for (name, head) in pageStage.categories.sorted(by: { $0.key < $1.key }) {
        guard CTAResources.categories.contains(name) else { throw fail("unknown page_stage category \"\(name)\"") }
        try check(head, "page_stage.categories.\(name)")
      }
    }
    for (name, head) in categories.sorted(by: { $0.key < $1.key }) {
      guard CTAResources.categories.contains(name) else { throw fail("unknown category head \"\(name)\"") }
      try check(head, "categories.\(name)")
    }
  }
}

/// A logistic-regression head ready to score: its bias and dense weights indexed by feature (the
/// detector's head and the page stage's).
struct DenseLogistic: Sendable {
  let bias: Double
  private let weights: [Float]

  /// The head `sparse` expanded over `dimension` features.
  init(_ sparse: SparseWeights, dimension: Int) {
    bias = sparse.bias
    weights = sparse.dense(dimension: dimension)
  }

  /// The logistic of the bias, `offset` and the weights of `features`.
  func probability(_ features: [Int], offset: Double = 0) -> Double {
    var z = bias + offset
    for f in features { z += Double(weights[f]) }
    return 1 / (1 + CTAModel.exp(-z))
  }
}

/// Softmax category heads ready to score: one weight row per feature that has any.
struct CategoryHeads: Sendable {
  /// Category order of `scores`: `CTAResources.categories` order, those with a head.
  let names: [String]
  private let bias: [Double]
  /// Per feature, its weight in each head, in `names` order (most features have none).
  private let weights: SparseRows

  /// The heads of `heads` (category name → weights) over `dimension` features.
  init(_ heads: [String: SparseWeights], dimension: Int) {
    names = CTAResources.categories.filter { heads[$0] != nil }
    bias = names.map { heads[$0]!.bias }
    weights = SparseRows(dimension: dimension, columns: names.map { (heads[$0]!.indices, heads[$0]!.weights) })
  }

  /// Logits per category in `names` order; empty without heads.
  func scores(_ features: [Int]) -> [Double] {
    guard !names.isEmpty else { return [] }
    var scores = bias
    // A feature without a row would add zeros: skipping it leaves the sums as they were.
    for f in features { weights.add(row: f, to: &scores) }
    return scores
  }

  /// The category with the highest score, first in `names` order on a tie; nil without heads.
  func best(_ features: [Int]) -> String? {
    let scores = scores(features)
    guard var best = scores.indices.first else { return nil }
    for c in scores.indices where scores[c] > scores[best] { best = c }
    return names[best]
  }
}

/// The model ready to score: dense weight arrays indexed by feature.
public struct CTAModel: Sendable {
  /// Number of hash buckets.
  public let dimension: Int
  /// Probability at or above which a sentence is a call to action.
  public let threshold: Double
  /// Language → its own threshold (`CTAModelFile.languageThresholds`).
  private let languageThresholds: [String: Double]
  /// Score added to a category per lexicon hit.
  public let lexiconPrior: Double
  /// Cue → log-odds adjustment (see `CTAModelFile.cueAdjustments`).
  public let cueAdjustments: [String: Double]
  private let detector: DenseLogistic
  /// The category heads.
  private let categoryHeads: CategoryHeads
  /// Category order of `categoryScores`.
  public var categoryNames: [String] { categoryHeads.names }
  /// The learned second stage for English pages, when the file has one.
  public let pageStage: PageStage?

  /// Expands a model file into dense arrays.
  public init(file: CTAModelFile) {
    dimension = file.dimension
    threshold = file.threshold
    languageThresholds = file.languageThresholds ?? [:]
    lexiconPrior = file.lexiconPrior
    cueAdjustments = file.cueAdjustments ?? [:]
    detector = DenseLogistic(file.detector, dimension: file.dimension)
    categoryHeads = CategoryHeads(file.categories, dimension: file.dimension)
    pageStage = file.pageStage.map { PageStage(head: $0, dimension: file.dimension) }
  }

  /// The threshold a sentence of language `lang` must reach: its own, or the shared one.
  public func threshold(forLanguage lang: String?) -> Double {
    lang.flatMap { languageThresholds[$0] } ?? threshold
  }

  /// Probability that the sentence with these features is a call to action.
  public func probability(_ features: [Int], cues: [String] = []) -> Double {
    var adjustment = 0.0
    if !cueAdjustments.isEmpty {
      for cue in cues { adjustment += cueAdjustments[cue] ?? 0 }
    }
    return detector.probability(features, offset: adjustment)
  }

  /// Category scores (logits) from the category heads, in `categoryNames` order; empty when the model
  /// has no category heads.
  public func categoryScores(_ features: [Int]) -> [Double] {
    categoryHeads.scores(features)
  }

  /// `exp` without Foundation, accurate enough for a sigmoid.
  static func exp(_ x: Double) -> Double {
    if x > 40 { return 2.35e17 }
    if x < -40 { return 4.25e-18 }
    // e^x = 2^(x / ln 2): split into integer and fractional powers.
    let y = x * 1.4426950408889634
    let n = y.rounded(.down)
    let f = (y - n) * 0.6931471805599453
    var term = 1.0
    var sum = 1.0
    for i in 1...14 {
      term *= f / Double(i)
      sum += term
    }
    return sum * Double(sign: .plus, exponent: Int(n), significand: 1)
  }
}
