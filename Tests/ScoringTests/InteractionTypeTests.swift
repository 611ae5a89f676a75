import Scoring
import SlackscoreCore
import Testing

@Suite struct InteractionTypeTests {
  @Test func theScoreStageListsEveryInteractionKindOnceUnderItsOwnName() {
    #expect(InteractionType.all == ["likes", "shares", "comments", "views", "reactions", "followers"])
    for kind in CounterKinds.interactions {
      #expect(InteractionType.canonical(kind) != nil, "\(kind)")
    }
    #expect(InteractionType.canonical("retweets") == "shares")
    #expect(CounterKinds.outcomes.allSatisfy { InteractionType.canonical($0) == nil })
  }
}
