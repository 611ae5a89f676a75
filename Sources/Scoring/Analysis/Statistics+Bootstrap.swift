import SlackscoreCore

extension Statistics {
  /// Percentile bootstrap 95% interval of `numerator × 1000 / Σ resampled denominators`.
  ///
  /// The `values` (one per document carrying the count) are resampled with replacement,
  /// `samples` times, with a SplitMix64 generator seeded by `seed`. Resamples whose sum is
  /// 0 are dropped (they have no ratio); `used` counts the others.
  static func bootstrapPerThousand(
    numerator: Double, values: [Double], samples: Int, seed: UInt64
  )
    -> (low: Double, high: Double, used: Int)?
  {
    guard !values.isEmpty, samples > 0 else { return nil }
    var rng = SplitMix64(seed: seed)
    var ratios: [Double] = []
    ratios.reserveCapacity(samples)
    let n = UInt64(values.count)
    for _ in 0..<samples {
      var sum = 0.0
      for _ in 0..<values.count { sum += values[Int(rng.next() % n)] }
      if sum > 0 { ratios.append(numerator * 1000 / sum) }
    }
    guard let interval = percentileInterval95(ratios) else { return nil }
    return (interval.low, interval.high, ratios.count)
  }
}
