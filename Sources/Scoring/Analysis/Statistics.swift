import SlackscoreCore

/// Small, deterministic statistics: Wilson intervals, percentile bootstrap, medians.
enum Statistics {
  /// Wilson score interval for `successes` out of `n` at 95% (z = 1.959964).
  static func wilson(successes: Int, n: Int) -> (low: Double, high: Double)? {
    guard n > 0 else { return nil }
    let z = 1.959_963_984_540_054
    let p = Double(successes) / Double(n)
    let nn = Double(n)
    let denominator = 1 + z * z / nn
    let centre = (p + z * z / (2 * nn)) / denominator
    let half = z * (p * (1 - p) / nn + z * z / (4 * nn * nn)).squareRoot() / denominator
    return (max(0, centre - half), min(1, centre + half))
  }

  /// Median of `values` (mean of the middle two for an even count); nil when empty.
  static func median(_ values: [Double]) -> Double? {
    guard !values.isEmpty else { return nil }
    let s = values.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
  }

  /// Linear-interpolated quantile (type 7) of sorted values.
  static func quantile(sorted s: [Double], _ q: Double) -> Double {
    guard s.count > 1 else { return s.first ?? .nan }
    let h = Double(s.count - 1) * q
    let lo = Int(h.rounded(.down))
    let hi = min(lo + 1, s.count - 1)
    return s[lo] + (h - Double(lo)) * (s[hi] - s[lo])
  }

  /// Percentile bootstrap 95% interval of `numerator × 1000 / Σ resampled denominators`.
  ///
  /// The `values` (one per document carrying the count) are resampled with replacement,
  /// `samples` times, with a SplitMix64 generator seeded by `seed`. Resamples whose sum is
  /// 0 are dropped (they have no ratio) and counted in `dropped`.
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
    guard !ratios.isEmpty else { return nil }
    ratios.sort()
    return (quantile(sorted: ratios, 0.025), quantile(sorted: ratios, 0.975), ratios.count)
  }
}

/// SplitMix64 (Steele, Lea & Flood 2014): tiny, fast, and the same on every platform.
struct SplitMix64 {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A seed derived from a base seed and a label (FNV-1a over the label), so each ratio has
  /// its own stream whatever order ratios are computed in.
  static func derive(_ seed: UInt64, _ label: String) -> UInt64 {
    FNV1a.hash64(label.utf8, from: FNV1a.offsetBasis64 ^ seed)
  }
}
