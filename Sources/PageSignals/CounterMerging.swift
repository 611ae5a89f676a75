// Removes repeats of one fact found in several parts of a page (JSON-LD and visible text both
// saying "1.204 likes"), preferring the most structured origin
// (`CounterOrigin.mergeRank`).

import SlackscoreCore

/// Merges counters from the sources of one page.
enum CounterMerging {
  private struct Fact: Hashable {
    let kind: String
    let value: Double
    let currency: String?
  }

  static func merged(_ counters: [Counter]) -> [Counter] {
    let ordered = counters.enumerated().sorted { left, right in
      let leftRank = CounterOrigin.mergeRank(of: left.element.origin)
      let rightRank = CounterOrigin.mergeRank(of: right.element.origin)
      return leftRank != rightRank ? leftRank < rightRank : left.offset < right.offset
    }
    var seen = Set<Fact>()
    var result: [Counter] = []
    for (_, counter) in ordered {
      let fact = Fact(kind: counter.kind, value: counter.value, currency: counter.currency)
      if seen.insert(fact).inserted { result.append(counter) }
    }
    return result
  }
}
