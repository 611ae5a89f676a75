import SlackscoreCore

/// Settings of `slackscore train-cta`.
public struct CTATrainingOptions: Sendable, Hashable {
  /// Hash buckets (power of two).
  public var dimension = 1 << 18
  /// Passes over the data.
  public var epochs = 25
  /// AdaGrad base learning rate.
  public var learningRate = 0.2
  /// L2 regularisation per update.
  public var l2 = 1e-4
  /// Seed of the shuffling order; the same seed and data give the same weights, byte for byte.
  public var seed: UInt64 = 20_251_122
  /// Decision threshold written to the model: the shipped weights' (`make train-cta` passes
  /// `CTA_THRESHOLD` only when it is set), measured in docs/extract.md.
  public var threshold = 0.07
  /// Language → threshold written to the model in place of `threshold` for that language: Indonesian
  /// keeps 0.15 (docs/extract-figures.md, twenty-first session).
  public var languageThresholds: [String: Double] = ["id": 0.15]
  /// Category score per lexicon hit, written to the model.
  public var lexiconPrior = 2.0
  /// Post-model rules written to the file (cue → log-odds added when it fires).
  public var cueAdjustments: [String: Double] = [
    "attributed-quote": -3, "first-person-appeal": 1.5, "contact-verb-object": 3,
    "wished-act": 3,
  ]
  /// Shuffled orders the detector is trained in, whose weights are averaged: one order alone moves
  /// asks near the threshold across it (F1 on the fresh real sets varied by 0.03–0.05 between seeds,
  /// docs/extract-figures.md), the average of several does not depend on any one of them.
  public var shuffles = 15
  /// Weights smaller than this are dropped from the file.
  public var prune = 1e-4
  /// Training weight of the project's own sentences (items that are not `isReal`) without a weight of
  /// their own; real page sentences and tweets weigh 1.
  public var teamWeight = 0.5
  /// Training weight of each comment of the Reddit collective-action set (`--reddit`).
  public var redditWeight = 0.3
  /// Whether to train the page stage (`PageStageHead`) from the English page sentences.
  public var pageStage = true
  /// The page stage's threshold is the lowest at which its cross-validated precision reaches this.
  public var pageStagePrecision = 0.8
  /// Folds of the page stage's cross-validation (a kept set's pages in one fold, SHARED's by page).
  public var pageStageFolds = 5
  /// The page stage's passes over its rows.
  public var pageStageEpochs = 10
  /// The page stage's AdaGrad base learning rate.
  public var pageStageLearningRate = 0.05
  /// The page stage's L2 regularisation per update.
  public var pageStageL2 = 1e-3
  /// The page stage's weights (and category heads) smaller than this are dropped from the file: it
  /// keeps the weights file under 4 MiB at no measured cost (docs/extract-figures.md).
  public var pageStagePrune = 0.01

  /// The defaults used for the shipped weights.
  public init() {}

  /// One threshold for every language (`--threshold`): no language keeps its own.
  public mutating func useThreshold(_ value: Double) {
    threshold = value
    languageThresholds = [:]
  }

  /// The thresholds for help texts: "0.07, Indonesian 0.15".
  public var thresholdsDescription: String {
    let names = ["id": "Indonesian", "en": "English"]
    let own = languageThresholds.sorted { $0.key < $1.key }.map { "\(names[$0.key] ?? $0.key) \($0.value)" }
    return (["\(threshold)"] + own).joined(separator: ", ")
  }
}

/// Trains the model's two heads with AdaGrad logistic regression (binary detector, softmax over
/// categories) in a fixed order, so that retraining on the same data gives the same bytes.
public struct CTATrainer: Sendable {
  /// Settings of this trainer.
  public let options: CTATrainingOptions

  /// A trainer with `options`.
  public init(options: CTATrainingOptions) {
    self.options = options
  }

  /// Trains on `examples` (all of them: filter the split before). `base` supplies segmentation,
  /// cues and hashing; its model is not used. The page stage learns from `pageSentences`
  /// (`PageStage.trainsOn`; `examples` when nil), judged by the model just trained.
  public func train(
    _ examples: [LabelledSentence], base: CTADetector, pageSentences: [LabelledSentence]? = nil
  ) -> CTAModelFile {
    let hasher = FeatureHasher(dimension: options.dimension)
    let rows = examples.flatMap { example in
      Self.rows(
        of: example, base: base, hasher: hasher, weight: example.weight ?? (example.isReal ? 1 : options.teamWeight))
    }
    var counts: [String: Int] = [:]
    for example in examples {
      counts["\(example.slice)_\(example.label == 1 ? "pos" : "neg")", default: 0] += 1
    }
    let detector = trainBinary(rows.map { ($0.features, $0.label, $0.weight) })
    let categoryRows = rows.compactMap { row in row.category.map { (row.features, $0, row.weight) } }
    let categories = trainCategories(categoryRows)
    counts["with_category"] = categoryRows.count
    var file = CTAModelFile(
      dimension: options.dimension, threshold: options.threshold, lexiconPrior: options.lexiconPrior,
      detector: detector, categories: categories, trainedOn: counts,
      cueAdjustments: options.cueAdjustments.isEmpty ? nil : options.cueAdjustments,
      languageThresholds: options.languageThresholds.isEmpty ? nil : options.languageThresholds)
    if options.pageStage {
      file.pageStage = trainPageStage(Self.pageStageRows(pageSentences ?? examples, detector: base.with(model: file)))
    }
    return file
  }

  /// One training row: hashed features, label, gold category (positives) and weight.
  typealias Row = (features: [Int], label: Int, category: String?, weight: Double)

  /// The training rows of one labelled example. A sentence (page sentences, the project's own) is one
  /// row. A post (tweet, Reddit comment) is judged sentence by sentence, as `extract` and `eval-cta`
  /// judge it, so it is learned the same way: each sentence of a negative post is a negative; a
  /// positive post gives as positives the sentences that pass the precision gate with act evidence
  /// of the gold category (else any that pass the gate), its other sentences as negatives, and the
  /// whole post as one positive when no sentence passes (the gate misses that ask; the model should
  /// still learn its words).
  static func rows(of example: LabelledSentence, base: CTADetector, hasher: FeatureHasher, weight: Double) -> [Row] {
    func row(_ analysis: SentenceAnalysis, label: Int) -> Row {
      (hasher.features(analysis, heads: analysis.heads), label, label == 1 ? example.category : nil, weight)
    }
    func whole(label: Int) -> Row {
      row(base.analyzer.analyze(tokens: Tokenizer.tokens(example.text), docLang: example.lang), label: label)
    }
    guard example.isPost else { return [whole(label: example.label)] }
    let post = base.postSentences(example.text)
    let analyses = post.sentences.map {
      base.analyzer.analyze(tokens: $0, docLang: example.lang, inReply: post.inReply)
    }
    let passing = analyses.indices.filter { CTADetector.passesGate(analyses[$0]) }
    guard example.label == 1 else { return passing.map { row(analyses[$0], label: 0) } }
    let ofCategory = passing.filter { i in
      example.category.map { analyses[i].actCategories.contains($0) || analyses[i].linkCategories.contains($0) } ?? true
    }
    let asks = Set(ofCategory.isEmpty ? passing : ofCategory)
    guard !asks.isEmpty else { return [whole(label: 1)] }
    return passing.map { row(analyses[$0], label: asks.contains($0) ? 1 : 0) }
  }

  /// The visiting order of `count` rows in `epoch` of the training in shuffled order `run`.
  private func order(_ count: Int, epoch: Int, run: Int = 0) -> [Int] {
    var rng = SplitMix64(seed: options.seed &+ UInt64(epoch) &+ UInt64(run) &* 1_000_003)
    var indices = Array(0..<count)
    if count > 1 {
      for i in stride(from: count - 1, to: 0, by: -1) {
        let j = Int(rng.next() % UInt64(i + 1))
        indices.swapAt(i, j)
      }
    }
    return indices
  }

  /// The detector's weights: the average of `options.shuffles` trainings in different orders.
  func trainBinary(_ rows: [([Int], Int, Double)]) -> SparseWeights {
    let runs = max(1, options.shuffles)
    var sum = [Double](repeating: 0, count: options.dimension)
    var biasSum = 0.0
    for run in 0..<runs {
      let (w, bias) = trainBinary(rows, run: run)
      for f in w.indices where w[f] != 0 { sum[f] += w[f] }
      biasSum += bias
    }
    let scale = 1 / Double(runs)
    return sparse(sum.map { $0 * scale }, bias: biasSum * scale)
  }

  /// One training of the detector, rows visited in shuffled order `run`: dense weights and bias.
  private func trainBinary(_ rows: [([Int], Int, Double)], run: Int) -> ([Double], Double) {
    let d = options.dimension
    var w = [Double](repeating: 0, count: d)
    var g2 = [Double](repeating: 0, count: d)
    var bias = 0.0
    var biasG2 = 0.0
    let positives = rows.reduce(0.0) { $0 + ($1.1 == 1 ? $1.2 : 0) }
    let negatives = rows.reduce(0.0) { $0 + ($1.1 == 0 ? $1.2 : 0) }
    let total = positives + negatives
    let positiveWeight = positives > 0 ? total / (2 * positives) : 1
    let negativeWeight = negatives > 0 ? total / (2 * negatives) : 1
    for epoch in 0..<options.epochs {
      for i in order(rows.count, epoch: epoch, run: run) {
        let (features, label, weight) = rows[i]
        var z = bias
        for f in features { z += w[f] }
        let p = 1 / (1 + CTAModel.exp(-z))
        let g = (p - Double(label)) * weight * (label == 1 ? positiveWeight : negativeWeight)
        for f in features {
          let grad = g + options.l2 * w[f]
          g2[f] += grad * grad
          w[f] -= options.learningRate * grad / (g2[f] + 1e-8).squareRoot()
        }
        biasG2 += g * g
        bias -= options.learningRate * g / (biasG2 + 1e-8).squareRoot()
      }
    }
    return (w, bias)
  }

  func trainCategories(_ rows: [([Int], String, Double)]) -> [String: SparseWeights] {
    let names = CTAResources.categories.filter { name in rows.contains { $0.1 == name } }
    guard names.count >= 2 else { return [:] }
    let k = names.count
    let d = options.dimension
    var w = [Double](repeating: 0, count: d * k)
    var g2 = [Double](repeating: 0, count: d * k)
    var bias = [Double](repeating: 0, count: k)
    var biasG2 = [Double](repeating: 0, count: k)
    let labels = rows.map { row in names.firstIndex(of: row.1)! }
    var scores = [Double](repeating: 0, count: k)
    for epoch in 0..<options.epochs {
      for i in order(rows.count, epoch: epoch + 1000) {
        let (features, _, weight) = rows[i]
        for c in 0..<k { scores[c] = bias[c] }
        for f in features {
          for c in 0..<k { scores[c] += w[f * k + c] }
        }
        let top = scores.max()!
        var sum = 0.0
        for c in 0..<k {
          scores[c] = CTAModel.exp(scores[c] - top)
          sum += scores[c]
        }
        for c in 0..<k {
          let g = (scores[c] / sum - (labels[i] == c ? 1 : 0)) * weight
          for f in features {
            let index = f * k + c
            let grad = g + options.l2 * w[index]
            g2[index] += grad * grad
            w[index] -= options.learningRate * grad / (g2[index] + 1e-8).squareRoot()
          }
          biasG2[c] += g * g
          bias[c] -= options.learningRate * g / (biasG2[c] + 1e-8).squareRoot()
        }
      }
    }
    // A softmax does not change when one feature's weights in every head move by the same amount:
    // each feature's weights are moved so that their median is 0, and most of them are then near 0
    // and pruned (the page stage's heads halve), with every ranking of categories as it was.
    var weights = [Double](repeating: 0, count: k)
    for f in 0..<d {
      for c in 0..<k { weights[c] = w[f * k + c] }
      guard weights.contains(where: { $0 != 0 }) else { continue }
      weights.sort()
      let median = k % 2 == 1 ? weights[k / 2] : (weights[k / 2 - 1] + weights[k / 2]) / 2
      for c in 0..<k { w[f * k + c] -= median }
    }
    var out: [String: SparseWeights] = [:]
    for (c, name) in names.enumerated() {
      var column = [Double](repeating: 0, count: d)
      for f in 0..<d { column[f] = w[f * k + c] }
      out[name] = sparse(column, bias: bias[c])
    }
    return out
  }

  private func sparse(_ dense: [Double], bias: Double) -> SparseWeights {
    var result = SparseWeights(bias: Self.rounded(bias))
    for (i, value) in dense.enumerated() where abs(value) >= options.prune {
      result.indices.append(i)
      result.weights.append(Self.rounded(value))
    }
    return result
  }

  /// Four decimals: a sentence sums a few dozen weights, so the rounding moves its log-odds by about
  /// 0.001 at most; short stable JSON.
  static func rounded(_ x: Double) -> Double { (x * 10_000).rounded() / 10_000 }
}
