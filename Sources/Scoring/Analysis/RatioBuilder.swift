import PipelineConfiguration
import SlackscoreCore

/// Outcome per 1,000 interactions of one type, with a bootstrap interval.
enum RatioBuilder {
  /// Fewer units than this carrying the count give no interval (a bootstrap over 1–4
  /// values only restates them).
  static let minimumForInterval = 5

  /// One ratio per (numeric outcome, interaction type). The interval resamples the units
  /// (deduplicated documents and export rows) that carry a count of the type; the outcome
  /// figure stays fixed, so the interval shows how much the figure depends on which
  /// documents happened to be archived, not how uncertain the outcome count is.
  static func build(
    outcomes: [OutcomeSummary], units: [InteractionUnit], types: [String], parameters: ScoringParameters,
    campaignID: String
  ) -> [ConversionRatio] {
    var ratios: [ConversionRatio] = []
    for outcome in outcomes {
      let numerator: Double?
      switch outcome.kind {
      case "policy": numerator = nil
      case "funds": numerator = outcome.valueBase
      default: numerator = outcome.value
      }
      guard let numerator else { continue }
      let outcomeName = outcome.kind == "funds" ? "funds_\(outcome.baseCurrency ?? "base")".lowercased() : outcome.kind
      for type in types {
        let values = units.compactMap { $0.counts[type] }
        let name = "\(outcomeName)_per_1k_\(type)"
        var ratio = ConversionRatio(
          name: name, outcome: outcome.kind, interaction: type, numerator: numerator, denominator: nil, value: nil,
          valueHigh: nil, ci95Low: nil, ci95High: nil, bootstrapSamplesUsed: 0, documentsResampled: values.count,
          nullReason: nil, ciNullReason: nil, descriptiveOnly: true)
        let sum = values.reduce(0, +)
        if values.isEmpty {
          ratio.nullReason = "denominator missing: no \(type) count for this campaign"
        } else if sum == 0 {
          ratio.denominator = 0
          ratio.nullReason = "denominator is 0: every \(type) count is zero"
        } else {
          ratio.denominator = fixed(sum)
          ratio.value = fixed(numerator * 1000 / sum)
          if let high = outcome.valueHigh, outcome.kind == "turnout" { ratio.valueHigh = fixed(high * 1000 / sum) }
          let seed = SplitMix64.derive(parameters.seed, "\(campaignID)|\(name)")
          if values.count < minimumForInterval {
            ratio.ciNullReason =
              "only \(values.count) document(s) carry a \(type) count; an interval needs at least \(minimumForInterval)"
          } else if parameters.bootstrapSamples == 0 {
            ratio.ciNullReason = "bootstrap_samples is 0"
          } else if let ci = Statistics.bootstrapPerThousand(
            numerator: numerator, values: values, samples: parameters.bootstrapSamples, seed: seed)
          {
            ratio.ci95Low = fixed(ci.low)
            ratio.ci95High = fixed(ci.high)
            ratio.bootstrapSamplesUsed = ci.used
          }
        }
        ratios.append(ratio)
      }
    }
    return ratios
  }
}
