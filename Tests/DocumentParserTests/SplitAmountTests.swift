import SlackscoreCore
import Testing

@testable import DocumentParser

/// A fundraiser's total alone in its element, its words in the next (``SplitAmount``).
@Suite struct SplitAmountTests {
  private func counters(_ widget: String) -> [Counter] {
    let html = """
      <html><body><article><h1>Bantu sekolah</h1><div class="stats">\(widget)</div>
      \(CounterSubjectTests.paragraph)\(CounterSubjectTests.paragraph)</article></body></html>
      """
    return document(makeResponse(html))?.counters ?? []
  }

  @Test func aTotalAloneTakesTheWordsOfTheNextElement() {
    let indiegogo = counters(
      #"<p class="money-raised"><span>$3,235</span><em>USD</em></p><p class="goal">Raised of <span>$10,000</span> Goal</p>"#
    )
    #expect(indiegogo.contains { $0.kind == "funds_raised" && $0.value == 3235 && $0.currency == "USD" })
    #expect(indiegogo.contains { $0.kind == "funds_goal" && $0.value == 10000 })
    let kickstarter = counters(
      #"<h5><div class="num" id="pledged"><data>£24,494</data></div> pledged of <span>£30,000</span> goal</h5>"#)
    #expect(kickstarter.contains { $0.kind == "funds_raised" && $0.value == 24494 && $0.currency == "GBP" })
  }

  @Test func anAmountFollowedByOtherWordsStaysUnread() {
    let found = counters(#"<p><span>$25</span></p><p>buys a school kit for one child</p>"#)
    #expect(!found.contains { $0.kind == "funds_raised" })
  }
}
