/// A sparse weight vector as stored on disk: parallel arrays of indices and weights.
public struct SparseWeights: Sendable, Codable, Hashable {
  /// Intercept.
  public var bias: Double
  /// Feature indices with a non-zero weight, ascending.
  public var indices: [Int]
  /// Weights, parallel to `indices`.
  public var weights: [Double]

  /// A weight vector from its parts.
  public init(bias: Double = 0, indices: [Int] = [], weights: [Double] = []) {
    self.bias = bias
    self.indices = indices
    self.weights = weights
  }
}

/// The trained model file (`Resources/cta-model.json`), written by `slackscore train-cta`.
///
/// Two logistic-regression heads over the same hashed features: `detector` (is this sentence a call
/// to action?) and one head per category (`categories`, softmax over them) for the act it asks for.
public struct CTAModelFile: Sendable, Codable {
  /// Always `slackscore-cta-model/1`.
  public var format: String
  /// Number of hash buckets the features were hashed into.
  public var dimension: Int
  /// Probability at or above which a sentence is a call to action.
  public var threshold: Double
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

  /// A model file from trained heads.
  public init(
    dimension: Int, threshold: Double, lexiconPrior: Double, detector: SparseWeights,
    categories: [String: SparseWeights], trainedOn: [String: Int], cueAdjustments: [String: Double]? = nil
  ) {
    self.format = "slackscore-cta-model/1"
    self.dimension = dimension
    self.threshold = threshold
    self.lexiconPrior = lexiconPrior
    self.cueAdjustments = cueAdjustments
    self.detector = detector
    self.categories = categories
    self.trainedOn = trainedOn
  }
}

/// The model ready to score: dense weight arrays indexed by feature.
public struct CTAModel: Sendable {
  /// Number of hash buckets.
  public let dimension: Int
  /// Probability at or above which a sentence is a call to action.
  public let threshold: Double
  /// Score added to a category per lexicon hit.
  public let lexiconPrior: Double
  /// Cue → log-odds adjustment (see `CTAModelFile.cueAdjustments`).
  public let cueAdjustments: [String: Double]
  private let detectorBias: Double
  private let detector: [Float]
  /// Category order of `categoryWeights` rows.
  public let categoryNames: [String]
  private let categoryBias: [Double]
  /// `categoryWeights[feature * categoryNames.count + c]`.
  private let categoryWeights: [Float]

  /// Expands a model file into dense arrays.
  public init(file: CTAModelFile) {
    dimension = file.dimension
    threshold = file.threshold
    lexiconPrior = file.lexiconPrior
    cueAdjustments = file.cueAdjustments ?? [:]
    detectorBias = file.detector.bias
    var dense = [Float](repeating: 0, count: file.dimension)
    for (i, w) in zip(file.detector.indices, file.detector.weights) where i >= 0 && i < dimension {
      dense[i] = Float(w)
    }
    detector = dense
    let names = CTAResources.categories.filter { file.categories[$0] != nil }
    categoryNames = names
    categoryBias = names.map { file.categories[$0]!.bias }
    var weights = [Float](repeating: 0, count: names.isEmpty ? 0 : file.dimension * names.count)
    for (c, name) in names.enumerated() {
      let head = file.categories[name]!
      for (i, w) in zip(head.indices, head.weights) where i >= 0 && i < dimension {
        weights[i * names.count + c] = Float(w)
      }
    }
    categoryWeights = weights
  }

  /// Probability that the sentence with these features is a call to action.
  public func probability(_ features: [Int], cues: [String] = []) -> Double {
    var z = detectorBias
    if !cueAdjustments.isEmpty {
      for cue in cues { z += cueAdjustments[cue] ?? 0 }
    }
    for f in features { z += Double(detector[f]) }
    return 1 / (1 + Self.exp(-z))
  }

  /// Category scores (logits) from the category heads, in `categoryNames` order; empty when the model
  /// has no category heads.
  public func categoryScores(_ features: [Int]) -> [Double] {
    let k = categoryNames.count
    guard k > 0 else { return [] }
    var scores = categoryBias
    for f in features {
      let base = f * k
      for c in 0..<k { scores[c] += Double(categoryWeights[base + c]) }
    }
    return scores
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
