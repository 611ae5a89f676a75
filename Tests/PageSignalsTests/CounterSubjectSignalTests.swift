import PageSignals
import SlackscoreCore
import Testing

/// Issue #14 on the PageSignals side: more phrasings, glued share bars, ranks, JSON-LD counts
/// written as strings with their type, and whose each JSON-LD count is.
@Suite struct CounterSubjectSignalTests {
  static let texts: [TextCase] = [
    TextCase("Join 17 supporters", "en", [Expected("signatures", 17, "17 supporters")]),
    TextCase("0 komentar", "id", [Expected("comments", 0, "0 komentar")]),
    TextCase("Hits: 152759", "en", [Expected("views", 152_759, "Hits: 152759")]),
    TextCase("12 Kommentare", "de", [Expected("comments", 12, "12 Kommentare")]),
    TextCase("27 commentaires", "fr", [Expected("comments", 27, "27 commentaires")]),
    TextCase("Top 20 Donors", "en", []),
    TextCase("Top 10 comments", "en", []),
    // Share bars written label first with their elements glued.
    TextCase(
      "Like 319 Comment 160 Share", "en",
      [Expected("likes", 319, "Like 319"), Expected("comments", 160, "Comment 160")]),
    TextCase(
      "Share 197 Tweet 123 Share 5", "en", [Expected("shares", 197, "Share 197"), Expected("shares", 5, "Share 5")]),
    TextCase("Like 319", "en", [Expected("likes", 319, "Like 319")]),
    // A verb before the number is read as before.
    TextCase(
      "Dibaca 1.200 kali · 9 komentar", "id",
      [Expected("views", 1200, "Dibaca 1.200 kali"), Expected("comments", 9, "9 komentar")]),
  ]

  @Test(arguments: texts)
  func readsText(_ example: TextCase) {
    #expect(CounterReader.fromText(example.text, lang: example.lang).map(Expected.init) == example.expected)
  }

  @Test func jsonLDCountWrittenWithItsType() {
    let json =
      #"{"@type":"SocialMediaPosting","interactionStatistic":{"@type":"InteractionCounter","userInteractionCount":"5555 UserLikes"}}"#
    let found = CounterReader.fromJSONLD(json)
    #expect(found.map(\.kind) == ["likes"])
    #expect(found.map(\.value) == [5555])
    #expect(found.map(\.raw) == ["5555 UserLikes"])
    #expect(found.map(\.subject) == ["page"])
  }

  @Test func jsonLDSaysWhoseEachCountIs() {
    let json = #"""
      {"@context":"https://schema.org","@graph":[
        {"@type":"VideoObject","interactionStatistic":{"interactionType":"WatchAction","userInteractionCount":14358},
         "author":{"@type":"Person","interactionStatistic":{"interactionType":"FollowAction","userInteractionCount":90000}},
         "sharedContent":{"@type":"SocialMediaPosting","commentCount":3}},
        {"@type":"ItemList","itemListElement":[{"@type":"VideoObject","interactionStatistic":{"interactionType":"WatchAction","userInteractionCount":1500000}}]}
      ]}
      """#
    let found = CounterReader.fromJSONLD(json)
    #expect(found.first { $0.value == 14358 }?.subject == "page")
    #expect(found.first { $0.value == 90000 }?.subject == "related")
    #expect(found.first { $0.value == 3 }?.subject == "quoted")
    #expect(found.first { $0.value == 1_500_000 }?.subject == "related")
  }
}
