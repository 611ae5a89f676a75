import SlackscoreCore
import Testing

@testable import Scoring

/// Near-duplicate clustering when many texts share sentences (one LSH bucket holds them all).
@Suite struct NearDuplicateScaleTests {
  /// Words `0..<count` of a deterministic vocabulary starting at `start`.
  static func words(_ start: Int, _ count: Int) -> String {
    (start..<start + count).map { "kata\($0 % 997)x\($0 / 997)" }.joined(separator: " ")
  }

  @Test func copiesClusterAndHalfSharedTextsStayApart() {
    let shared = Self.words(0, 60)
    var docs: [Document] = []
    for i in 0..<200 {
      // Exact copies of one text, and texts sharing half their words with it.
      let text = i % 2 == 0 ? shared : shared + " " + Self.words(10_000 + i * 100, 60)
      docs.append(
        Document(id: "d\(1000 + i)", url: "https://s.example/\(i)", text: text, source: DocumentSource(path: "x")))
    }
    let clusters = NearDuplicates.clusters(docs)
    let copies = Set((0..<200).filter { $0 % 2 == 0 }.map { clusters["d\(1000 + $0)"]! })
    let others = Set((0..<200).filter { $0 % 2 == 1 }.map { clusters["d\(1000 + $0)"]! })
    #expect(copies.count == 1)
    #expect(others.count == 100)
    #expect(others.isDisjoint(with: copies))
  }

  @Test func signaturesAgreeWithTheirTexts() {
    let a = NearDuplicates.signature(Self.words(0, 100))!
    let b = NearDuplicates.signature(Self.words(0, 100) + " tambahan")!
    let c = NearDuplicates.signature(Self.words(5_000, 100))!
    #expect(a.count == NearDuplicates.signatureSize)
    #expect(NearDuplicates.agreeing(a, a) == NearDuplicates.signatureSize)
    #expect(NearDuplicates.agreeing(a, b) >= 56)
    #expect(NearDuplicates.agreeing(a, c) <= 8)
    #expect(NearDuplicates.signature("terlalu pendek") == nil)
  }
}
