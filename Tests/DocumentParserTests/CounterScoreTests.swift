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

/// The first looks file `eval-counters --first-looks` prints.
struct CounterFirstLooksTests {
  private func write(_ text: String) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("firstlook-\(UUID().uuidString).csv").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test func setsArePooled() throws {
    let header = CounterFirstLooks.header.joined(separator: ",")
    let path = try write(header + "\na,44,abc,10,2,4,1,3,1,1,5,0\nb,44,def,5,2,0,0,1,1,1,0,0\n")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let report = try CounterFirstLooks.read(path: path).report
    #expect(report.contains("all 2 sets pooled (15 pages): interactions P 0.250 R 0.250 (1 right of 4 read, 4 facts)"))
    #expect(report.contains("outcomes P 1.000 R 0.500 (2 right of 2 read, 4 facts)"))
  }

  @Test func countsThatDoNotAddUpNameTheLine() throws {
    let header = CounterFirstLooks.header.joined(separator: ",")
    let path = try write(header + "\na,44,abc,10,2,4,3,3,1,1,5,0\n")
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(throws: CounterFirstLookError.self) { try CounterFirstLooks.read(path: path) }
    do { _ = try CounterFirstLooks.read(path: path) } catch { #expect("\(error)".contains(":2:")) }
  }
}
