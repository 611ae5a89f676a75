import SlackscoreCore
import Testing

@Suite struct CounterOriginTests {
  @Test func mergingBelievesPageStateOverTextAndChoosingThePrimaryDoesNot() {
    #expect(CounterOrigin.embeddedJSON.mergeRank < CounterOrigin.text.mergeRank)
    #expect(CounterOrigin.text.primaryRank < CounterOrigin.embeddedJSON.primaryRank)
    #expect(CounterOrigin.text.primaryRank < CounterOrigin.markup.primaryRank)
    #expect(CounterOrigin.jsonld.mergeRank == 0 && CounterOrigin.jsonld.primaryRank == 0)
  }

  @Test func anOriginThisBuildDoesNotKnowRanksLast() {
    let last = CounterOrigin.allCases.count
    #expect(CounterOrigin.mergeRank(of: "hologram") == last)
    #expect(CounterOrigin.primaryRank(of: "hologram") == last)
    #expect(CounterOrigin.allCases.allSatisfy { $0.mergeRank < last && $0.primaryRank < last })
  }

  @Test func theDocumentKeepsTheRawValue() {
    let counter = Counter(kind: "likes", value: 3, raw: "3 likes", origin: .embeddedJSON)
    #expect(counter.origin == "embedded_json")
    #expect(counter.originKind == .embeddedJSON)
    #expect(Counter(kind: "likes", value: 3, raw: "3", origin: "hologram").originKind == nil)
    #expect(CounterOrigin.markup.isShown && CounterOrigin.text.isShown && !CounterOrigin.meta.isShown)
  }
}
