import SlackscoreCore

/// Counts a campaign's calls to action. Boilerplate asks (the publisher's newsletter, app or
/// channel promotion) are excluded; copies of one ask in one near-duplicate cluster (same
/// category, same sentence) count once.
enum CTAMixBuilder {
  struct Result {
    var mix: CTAMix
    var counted: [CallToAction]
  }

  static func build(
    ctasByDoc: ScoreCTAs, members: [Document], clusters: Clusters, lowEffortMax: Int
  ) -> Result {
    var boilerplate = 0
    var duplicates = 0
    var seen: Set<String> = []
    var counted: [CallToAction] = []
    for doc in members {
      for cta in ctasByDoc[doc.id] {
        if cta.boilerplate {
          boilerplate += 1
          continue
        }
        let key = "\(clusters[doc.id]!)|\(cta.category)|\(cta.sentence.lowercased().trimmingSpaces())"
        guard seen.insert(key).inserted else {
          duplicates += 1
          continue
        }
        counted.append(cta)
      }
    }
    var byCategory: [String: Int] = [:]
    var byEffort: [String: Int] = [:]
    for cta in counted {
      byCategory[cta.category, default: 0] += 1
      byEffort[String(cta.effort), default: 0] += 1
    }
    let n = counted.count
    let low = counted.filter { $0.effort <= lowEffortMax }.count
    let interval = Statistics.wilson(successes: low, n: n)
    let mean = n == 0 ? nil : Double(counted.reduce(0) { $0 + $1.effort }) / Double(n)
    let lowShare = LowEffortShare(
      effortMax: lowEffortMax, count: low, share: n == 0 ? nil : fixed(Double(low) / Double(n)),
      ci95Low: fixedIfAny(interval?.low), ci95High: fixedIfAny(interval?.high),
      nullReason: n == 0 ? "no calls to action" : nil)
    return Result(
      mix: CTAMix(
        total: n, boilerplateExcluded: boilerplate, duplicatesExcluded: duplicates, byCategory: byCategory,
        byEffort: byEffort, meanEffort: fixedIfAny(mean), lowEffort: lowShare),
      counted: counted)
  }
}
