import SlackscoreCore

/// A 95% interval of a figure between 0 and 1.
public struct FigureInterval: Sendable, Hashable {
  /// Lower bound.
  public var low: Double
  /// Upper bound.
  public var high: Double

  /// The interval from `low` to `high`.
  public init(low: Double, high: Double) {
    self.low = low
    self.high = high
  }

  /// "[0.31, 0.82]": two decimals, the same on every platform.
  public var text: String {
    "[\(CTAEvaluation.fixed(low, places: 2)), \(CTAEvaluation.fixed(high, places: 2))]"
  }
}

/// How far a slice's figures can be trusted: a figure on 16 asks says little, and the eval prints
/// how little. Wilson score intervals for the proportions, a percentile bootstrap for F1.
extension DetectionScores {
  /// Wilson 95% interval of the precision; nil when nothing was predicted.
  public var precisionInterval: FigureInterval? {
    Statistics.wilson(successes: truePositives, n: truePositives + falsePositives).map(FigureInterval.init)
  }

  /// Wilson 95% interval of the recall; nil when there is no ask.
  public var recallInterval: FigureInterval? {
    Statistics.wilson(successes: truePositives, n: asks).map(FigureInterval.init)
  }

  /// Wilson 95% interval of the category accuracy; nil when no true positive has a gold category.
  public var categoryAccuracyInterval: FigureInterval? {
    Statistics.wilson(successes: categoryCorrect, n: categoryTotal).map(FigureInterval.init)
  }

  /// Percentile-bootstrap 95% interval of F1: the slice's found, false and missed asks (the sentences
  /// left alone do not move F1) drawn with replacement `samples` times by a SplitMix64 generator seeded
  /// with `seed`; nil when there are none. The same counts and seed give the same interval.
  public func f1Interval(seed: UInt64, samples: Int = 2000) -> FigureInterval? {
    let decided = truePositives + falsePositives + falseNegatives
    guard decided > 0, samples > 0 else { return nil }
    var rng = SplitMix64(seed: seed)
    var values: [Double] = []
    values.reserveCapacity(samples)
    let n = UInt64(decided)
    let foundBefore = UInt64(truePositives)
    for _ in 0..<samples {
      // Draw `decided` of them again: each is a found ask with the share the slice had.
      var found = 0
      for _ in 0..<decided {
        if rng.next() % n < foundBefore { found += 1 }
      }
      // F1 = 2TP / (2TP + FP + FN), and FP + FN = decided - TP.
      values.append(Double(2 * found) / Double(found + decided))
    }
    return Statistics.percentileInterval95(values).map(FigureInterval.init)
  }
}
