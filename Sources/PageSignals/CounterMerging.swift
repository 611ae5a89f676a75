// Removes repeats of one fact found in several parts of a page (JSON-LD and visible text both
// saying "1.204 likes"), preferring the most structured origin.

import SlackscoreCore

/// Merges counters from the sources of one page.
enum CounterMerging {
  /// Origins from most to least structured.
  static let originRank: [String: Int] = [
    "jsonld": 0, "microdata": 1, "meta": 2, "embedded_json": 3, "text": 4, "markup": 5,
  ]

  private struct Fact: Hashable {
    let kind: String
    let value: Double
    let currency: String?
  }

  static func merged(_ counters: [Counter]) -> [Counter] {
    let ordered = counters.enumerated().sorted { left, right in
      let leftRank = originRank[left.element.origin] ?? originRank.count
      let rightRank = originRank[right.element.origin] ?? originRank.count
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
