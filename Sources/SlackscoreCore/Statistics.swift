/// Small, deterministic statistics: Wilson intervals, medians, quantiles, percentile intervals.
public enum Statistics {
  /// Wilson score interval for `successes` out of `n` at 95% (z = 1.959964); nil when `n` is 0.
  public static func wilson(successes: Int, n: Int) -> (low: Double, high: Double)? {
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
  public static func median(_ values: [Double]) -> Double? {
    guard !values.isEmpty else { return nil }
    let s = values.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
  }

  /// Linear-interpolated quantile (type 7) of sorted values.
  public static func quantile(sorted s: [Double], _ q: Double) -> Double {
    guard s.count > 1 else { return s.first ?? .nan }
    let h = Double(s.count - 1) * q
    let lo = Int(h.rounded(.down))
    let hi = min(lo + 1, s.count - 1)
    return s[lo] + (h - Double(lo)) * (s[hi] - s[lo])
  }

  /// The central 95% of `values` (the 2.5% and 97.5% type-7 quantiles): the percentile interval of a
  /// bootstrap's resampled figures; nil when there are none.
  public static func percentileInterval95(_ values: [Double]) -> (low: Double, high: Double)? {
    guard !values.isEmpty else { return nil }
    let sorted = values.sorted()
    return (quantile(sorted: sorted, 0.025), quantile(sorted: sorted, 0.975))
  }
}
