#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The slacktivism and engagement indices (formula version `slackscore-score/1`).
///
/// Components (each in [0, 1], null when unknown):
/// - loudness = min(1, log10(1 + A) / 6), A = Σ likes, shares, comments, reactions, retweets
///   (10⁶ token acts give 1);
/// - acts = min(1, log10(1 + W) / 6), W = 2·signatures + 3·donors + 4·volunteers + 5·turnout
///   (low estimate): offline outcomes weighted by the effort scale of the CTA lexicon;
/// - gap = max(0, loudness − acts), known only when both are;
/// - low = share of low-effort asks; effort = (mean CTA effort − 1) / 4.
///
/// slacktivism = 100 · weighted mean(gap 0.5, low 0.3, 1 − effort 0.2);
/// engagement = 100 · weighted mean(acts 0.5, effort 0.3, 1 − low 0.2);
/// missing components are left out and the remaining weights renormalised.
enum IndexBuilder {
  static let formulaVersion = "slackscore-score/1"
  static let outcomeWeights: [String: Int] = ["signatures": 2, "donors": 3, "volunteers": 4, "turnout": 5]

  static func build(interactions: [String: InteractionTotal], outcomes: [OutcomeSummary], mix: CTAMix) -> Indices {
    let activeTotals = InteractionType.active.sorted().compactMap { interactions[$0]?.total }
    let active: Double? = activeTotals.isEmpty ? nil : activeTotals.reduce(0, +)
    let weighted = outcomes.compactMap { o -> Double? in
      guard let w = outcomeWeights[o.kind], let v = o.value else { return nil }
      return Double(w) * v
    }
    let acts: Double? = weighted.isEmpty ? nil : weighted.reduce(0, +)
    let loudness = active.map { min(1, log10(1 + $0) / 6) }
    let actsNorm = acts.map { min(1, log10(1 + $0) / 6) }
    var gap: Double? = nil
    if let loudness, let actsNorm { gap = max(0, loudness - actsNorm) }
    let low = mix.lowEffort.share
    let effort = mix.meanEffort.map { ($0 - 1) / 4 }
    let components = IndexComponents(
      activeInteractions: fixedIfAny(active), loudness: fixedIfAny(loudness, 4), effortWeightedActs: fixedIfAny(acts),
      acts: fixedIfAny(actsNorm, 4), gap: fixedIfAny(gap, 4), lowEffortShare: fixedIfAny(low, 4),
      effortNorm: fixedIfAny(effort, 4))
    let slack = weightedMean([
      ("gap", gap, 0.5), ("low_effort_share", low, 0.3), ("1-effort_norm", effort.map { 1 - $0 }, 0.2),
    ])
    let engage = weightedMean([
      ("acts", actsNorm, 0.5), ("effort_norm", effort, 0.3), ("1-low_effort_share", low.map { 1 - $0 }, 0.2),
    ])
    return Indices(formulaVersion: formulaVersion, slacktivism: slack, engagement: engage, components: components)
  }

  private static func weightedMean(_ parts: [(String, Double?, Double)]) -> IndexValue {
    let known = parts.filter { $0.1 != nil }
    guard !known.isEmpty else {
      return IndexValue(
        value: nil, nullReason: "no component is known (no interactions, outcomes or CTAs)", componentsUsed: [])
    }
    let weight = known.reduce(0) { $0 + $1.2 }
    let value = known.reduce(0) { $0 + $1.1! * $1.2 } / weight
    return IndexValue(value: fixed(100 * value, 1), nullReason: nil, componentsUsed: known.map(\.0))
  }
}
