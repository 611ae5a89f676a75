import SlackscoreCore
import Testing

@testable import DocumentParser

/// A bare number whose element's class or id names the count (`origin` `markup`).
@Suite struct CountClassNameTests {
  private func counters(_ html: String) -> [Counter] {
    document(makeResponse(html))?.counters ?? []
  }

  private func page(_ header: String, after: String = "") -> String {
    """
    <html><body><article><h1>Warga menolak tol</h1><div class="tools">\(header)</div>
    \(CounterSubjectTests.paragraph)\(CounterSubjectTests.paragraph)</article>\(after)</body></html>
    """
  }

  @Test func aNumberInAnElementNamedForItsCountIsThatCount() {
    let found = counters(
      page(
        ##"<a href="#disqus_thread"><span class="disqus-comment-count">12</span></a>"##
          + #"<span class="util-bar-share-count util-bar-share-count-facebook">5347</span>"#
          + #"<span class="inline-share-count inline-share-count-comments">13</span>"#))
    let comments: [Double] = found.filter { $0.kind == "comments" }.map { $0.value }
    #expect(comments.sorted() == [12, 13])
    #expect(found.contains { $0.kind == "shares" && $0.value == 5347 && $0.origin == "markup" && $0.raw == "5347" })
    #expect(found.allSatisfy { $0.subject == "page" })
  }

  @Test func aZeroIsAPlaceholderAndACountLinkingElsewhereIsAnotherItems() {
    let found = counters(
      page(
        #"<span class="disqus-comment-count">0</span>"#,
        after: ##"<div><a href="/other-story#comments" class="comment-count">147</a></div>"##))
    #expect(found.isEmpty)
  }

  @Test func commentNumbersInAThreadAreNoTotal() {
    // A food blog's thread (an unseen page of session 44): each comment's "commentcount" is its place.
    let thread = (1...5).map {
      #"<li class="comment"><div class="commentcount">\#($0)</div><p>Lovely, thanks!</p></li>"#
    }
    let found = counters(
      page("", after: #"<div id="comments"><h3>5 Comments</h3><ol>"# + thread.joined() + "</ol></div>"))
    #expect(found.filter { $0.kind == "comments" && $0.subject == "page" }.map { $0.value } == [5])
  }

  @Test func theSameCountInWordsKeepsItsTextOrigin() {
    let found = counters(page(#"<span class="comment-count">34</span> <span>Comments</span>"#))
    let origins: [String] = found.filter { $0.kind == "comments" }.map { $0.origin }
    #expect(origins == ["text"])
  }

  @Test func aLinkStaysOnThePageWhenItGoesToAPlaceOnItOrToOneOfItsTabs() {
    let page = "http://www.indiegogo.com/projects/mixtape"
    #expect(OwnLinks.isOwn("#disqus_thread", canonical: nil))
    #expect(OwnLinks.isOwn("/projects/mixtape?c=pledges", canonical: page))
    #expect(OwnLinks.isOwn("https://www.indiegogo.com/projects/mixtape/comments", canonical: page))
    #expect(!OwnLinks.isOwn("/projects/other?c=pledges", canonical: page))
    #expect(!OwnLinks.isOwn("/projects/mixtapes", canonical: page))
    #expect(!OwnLinks.isOwn("item?id=4212568", canonical: nil))
    // A home page has no tabs: every story it links to is another page.
    #expect(!OwnLinks.isOwn("/story/1", canonical: "https://example.com/"))
  }

  @Test func aClassNamingNoCountOrHoldingWordsGivesNothing() {
    #expect(CountClassNames.word(of: "wprm-recipe-ingredient-amount") == nil)
    #expect(CountClassNames.word(of: "post-title") == nil)
    #expect(CountClassNames.word(of: "commentCount") == "comments")
    #expect(CountClassNames.bareNumber(Array(" 1.2K ".utf8)[...]) == "1.2K")
    #expect(CountClassNames.bareNumber(Array("12 comments".utf8)[...]) == nil)
  }
}
