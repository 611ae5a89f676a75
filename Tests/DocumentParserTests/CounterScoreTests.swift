import DocumentParser
import Foundation
import SlackscoreCore
import Testing

/// The counter scorer behind `eval-counters` and the counter conformance test.
struct CounterScoreTests {
  static let labels = try! JSONDecoder().decode(
    CounterLabels.self,
    from: Data(
      """
      {"pages": {
        "a.html": {"own": [{"kind": "shares", "value": 12, "primary": true},
                           {"kind": "signatures", "value": 2910, "primary": true}],
                   "traps": [{"kind": "comments", "value": 4, "why": "sidebar"}]},
        "b.html": {"own": [], "traps": []},
        "c.html": {"own": [{"kind": "views", "value": 100, "primary": true}]}
      }}
      """.utf8))

  @Test func factsArePageKindAndValueAndOnlyThePagesOwnCount() {
    let documents: [String: [Counter]] = [
      "a.html": [
        Counter(kind: "shares", value: 12, raw: "12 shares", origin: "text", subject: "page", primary: true),
        Counter(kind: "signatures", value: 2.91, raw: "2.910", origin: "text", subject: "page", primary: true),
        Counter(kind: "comments", value: 4, raw: "4 comments", origin: "text", subject: "page"),
      ],
      "b.html": [Counter(kind: "donors", value: 7, raw: "7 donors", origin: "text", subject: "related")],
    ]
    let score = CounterScore(labels: Self.labels, documents: documents)
    #expect(score.unparsed == ["c.html"])
    #expect((score.interactions.hits, score.interactions.found, score.interactions.truth) == (1, 2, 1))
    #expect((score.outcomes.hits, score.outcomes.found, score.outcomes.truth) == (0, 1, 1))
    #expect(score.trapsTaken == ["a.html comments 4"])
    // The misread signatures and the related page's donors: outcomes no label names, whatever their subject.
    #expect(score.strayOutcomes == ["a.html: signatures 2.910", "b.html: donors 7 donors"])
    #expect((score.primaryRight, score.primarySlots) == (1, 2))
    #expect(score.errors.contains("  missed: a.html signatures 2910"))
    #expect(
      score.report.hasPrefix("counters on 2 of 3 labelled pages (1 not parsed)\ninteractions: precision 0.500 (1/2)"))
  }
}
