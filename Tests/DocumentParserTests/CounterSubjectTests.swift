import SlackscoreCore
import Testing

@testable import DocumentParser

/// Whose each counter is, which one is primary, and outcomes only from widgets.
@Suite struct CounterSubjectTests {
  static let paragraph =
    "<p>Warga kota berkumpul di alun-alun pada hari Minggu untuk menyuarakan penolakan terhadap rencana pembangunan jalan tol yang akan menggusur ratusan rumah, kata koordinator aksi kepada wartawan.</p>"

  private func counters(_ html: String) -> [Counter] {
    document(makeResponse(html))?.counters ?? []
  }

  private func primary(_ counters: [Counter], _ kind: String) -> Counter? {
    counters.first { $0.kind == kind && $0.primary == true }
  }

  @Test func theArticlesOwnCountIsPrimaryAndTheMostReadListIsRelated() {
    let html = """
      <html><body><article><h1>Warga menolak tol</h1><div class="share-bar">Dibagikan 340 kali</div>
      \(Self.paragraph)\(Self.paragraph)</article>
      <div class="most-popular"><ul>
      <li><a href="/a">Berita satu</a> <span>dibaca 27846 kali</span></li>
      <li><a href="/b">Berita dua</a> <span>dibaca 25438 kali</span></li></ul></div>
      </body></html>
      """
    let found = counters(html)
    #expect(primary(found, "shares")?.value == 340)
    #expect(primary(found, "shares")?.subject == "page")
    #expect(found.filter { $0.kind == "views" }.allSatisfy { $0.subject == "related" && $0.primary == nil })
    #expect(primary(found, "views") == nil)
  }

  @Test func sidebarWidgetCountsAreTheSidebars() {
    let html = """
      <html><body><div class="content"><h1>Judul</h1>\(Self.paragraph)\(Self.paragraph)</div>
      <aside><div class="blog-stats">171.948 hits</div></aside>
      <div id="sidebar"><div class="fb-box">209k followers</div></div></body></html>
      """
    let found = counters(html)
    #expect(found.count == 2)
    #expect(found.allSatisfy { $0.subject == "sidebar" && $0.primary == nil })
  }

  @Test func aThreadsTotalIsThePagesButACommentsRepliesAndLikesAreNot() {
    let html = """
      <html><body><article><h1>Judul</h1>\(Self.paragraph)\(Self.paragraph)</article>
      <section id="comments"><h3>34 Comments</h3>
      <div class="comment-body">Setuju! <span>12 likes</span></div>
      <div class="comment-body">Saya juga. <a href="#">3 more replies</a></div></section></body></html>
      """
    let found = counters(html)
    #expect(primary(found, "comments")?.value == 34)
    #expect(found.contains { $0.kind == "likes" && $0.value == 12 && $0.subject == "comment" })
    #expect(found.contains { $0.value == 3 && $0.subject == "reply" && $0.primary == nil })
    #expect(primary(found, "likes") == nil)
  }

  @Test func aListOfHeadlinesWithCommentCountsIsRelated() {
    let items = (1...4).map {
      "<div class=\"item\"><a href=\"/\($0)\">Kabar nomor \($0)</a> <span>\(10 + $0) comments</span></div>"
    }
    .joined()
    let html = """
      <html><body><div class="post"><h1>Judul</h1>\(Self.paragraph)\(Self.paragraph)<div>2 comments</div></div>
      <div class="list">\(items)</div></body></html>
      """
    let found = counters(html)
    #expect(primary(found, "comments")?.value == 2)
    #expect(found.filter { $0.kind == "comments" && $0.value > 10 }.allSatisfy { $0.subject == "related" })
  }

  @Test func anIndexOfStoriesInTheMainContentShowsNoCountOfItsOwn() {
    // A news aggregator's front page (an unseen page of session 44): every row its own comments.
    let rows = (1...5).map {
      "<tr><td class=\"title\"><a href=\"/s\($0)\">Story \($0) about the city budget</a></td></tr>"
        + "<tr><td class=\"subtext\">\(30 + $0) points | <a href=\"item?id=\($0)\">\(7 * $0) comments</a></td></tr>"
    }
    .joined()
    let html = "<html><body><h1>Front page</h1><table class=\"itemlist\">\(rows)</table></body></html>"
    let found = counters(html)
    #expect(!found.isEmpty)
    #expect(found.filter { $0.kind == "comments" }.allSatisfy { $0.subject == "related" && $0.primary == nil })
  }

  @Test func twoCountsInTheRegionAmongMoreOnThePageAreAnIndex() {
    // A blog's home page (an unseen page of session 45): its first posts fall inside the region,
    // the older ones in a list below it.
    let post = { (title: String, comments: Int) in
      "<div class=\"post\"><h2>\(title)</h2>\(Self.paragraph)\(Self.paragraph)<div>\(comments) comments</div></div>"
    }
    let older = [("Diner", 10), ("Bakery", 28), ("Cafe", 1)].map {
      "<li><a href=\"/\($0.0)\">\($0.0)</a> <span>\($0.1) comments</span></li>"
    }
    let html = """
      <html><body><div class="blog-posts"><h1>Retail news</h1>\(post("Mall opens", 9))\(post("Store closes", 4))</div>
      <ul class="archive">\(older.joined())</ul></body></html>
      """
    let found = counters(html)
    #expect(found.filter { $0.kind == "comments" }.count == 5)
    #expect(found.filter { $0.kind == "comments" }.allSatisfy { $0.subject == "related" && $0.primary == nil })
  }

  @Test func theOneWidgetWhoseIdNamesTheCountIsThePagesAmongAList() {
    // A video page of 2009 (an unseen page of session 45): its own views in
    // `<span id="watch-view-count">`, each related video's in a repeated class.
    let related = (1...4).map {
      "<li><a href=\"/v\($0)\">Video \($0)</a><div class=\"video-view-count\">\(1000 * $0 + 7) views</div></li>"
    }
    let html = """
      <html><body><div id="info"><h1>Symptoms</h1><span id="watch-views"><span id="watch-view-count">572,075</span> views</span></div>
      <ul class="videos">\(related.joined())</ul>\(Self.paragraph)\(Self.paragraph)</body></html>
      """
    let found = counters(html)
    #expect(primary(found, "views")?.value == 572_075)
    #expect(found.filter { $0.kind == "views" && $0.value < 10_000 }.allSatisfy { $0.subject == "related" })
  }

  @Test func aProfilePageShowsItsOwnFollowers() {
    // An author's profile page (an unseen page of session 45): og:type "profile".
    let body = """
      <body><div class="hero"><h1>Piotr</h1><a href="/@p/following"><b>2</b> Following</a>
      <a href="/@p/followers"><span>6</span> Followers</a></div><div class="posts">\(Self.paragraph)\(Self.paragraph)</div></body>
      """
    let profile = "<html><head><meta property=\"og:type\" content=\"profile\"></head>\(body)</html>"
    #expect(primary(counters(profile), "followers")?.value == 6)
    let article = "<html><head><meta property=\"og:type\" content=\"article\"></head>\(body)</html>"
    #expect(primary(counters(article), "followers") == nil)
  }

  @Test func aNumberShownOfATotalIsNoCount() {
    // A 2010 video page's comment footer (an unseen page of session 45).
    let html = """
      <html><body><h1>Rydeen</h1>\(Self.paragraph)\(Self.paragraph)<div>Text Comments (398)</div>
      <p><strong>Showing <span id="watch-comment-count">10</span></strong> of 398 comments</p></body></html>
      """
    let comments = counters(html).filter { $0.kind == "comments" && $0.subject == "page" }
    #expect(comments.map(\.value) == [398])
  }

  @Test func jsonLDInACDATAWrapperIsRead() {
    // A WordPress page saved as XHTML (an unseen page of session 45): Yoast's graph in CDATA.
    let graph =
      #"{"@context":"https://schema.org","@graph":[{"@type":"Article","headline":"Letter","commentCount":17}]}"#
    // Bare (the mended case), and in comments (read by the JSON reader already: guards).
    for wrapped in ["<![CDATA[\n\(graph)\n]]>", "//<![CDATA[\n\(graph)\n//]]>", "/*<![CDATA[*/\(graph)/*]]>*/"] {
      let html = """
        <html><head><script type="application/ld+json">\(wrapped)</script></head>
        <body><h1>Letter</h1>\(Self.paragraph)</body></html>
        """
      #expect(primary(counters(html), "comments")?.value == 17, "\(wrapped.prefix(14))")
    }
    #expect(Array(PageWalker.withoutCDATA(Array("{\"a\":1}".utf8))) == Array("{\"a\":1}".utf8))
  }

  @Test func anIdNumberedPerRowIsNoSoleWidget() {
    let rows = (1...4).map {
      "<li><a href=\"/v\($0)\">Video \($0)</a> <span id=\"view-count-\($0)\">\(1000 * $0 + 7)</span> views</li>"
    }
    let html = """
      <html><body><h1>Videos</h1><ul class="videos">\(rows.joined())</ul>\(Self.paragraph)\(Self.paragraph)</body></html>
      """
    #expect(primary(counters(html), "views") == nil)
  }

  @Test func aLongMetaLineWithSeparatorsIsReadForCounts() {
    // A thread page's subtext (an unseen page of session 44), longer than a label.
    let html = """
      <html><body><table><tr><td class="title"><a href="https://velocityjs.org/">Velocity.js</a></td></tr>
      <tr><td class="subtext">160 points by purpleturtle 554 days ago | 49 comments</td></tr></table>
      \(Self.paragraph)\(Self.paragraph)</body></html>
      """
    #expect(counters(html).contains { $0.kind == "comments" && $0.value == 49 && $0.subject == "page" })
  }

  @Test func aRewardTiersBackersAreTheTiers() {
    // A crowdfunding project page (an unseen page of session 44): the project's backers, then its tiers.
    let html = """
      <html><body><div class="project"><h1>Drawing for dollars</h1><div id="stats"><div>3 backers</div>
      <div>$35 pledged of $20 goal</div></div>\(Self.paragraph)\(Self.paragraph)
      <ul class="NS-projects-reward"><li>Pledge $5 or more <span>2 backers</span></li></ul></div></body></html>
      """
    let found = counters(html)
    #expect(primary(found, "donors")?.value == 3)
    #expect(found.filter { $0.kind == "donors" && $0.value == 2 }.allSatisfy { $0.subject == "related" })
  }

  @Test func anOutcomeInTheHeadlineIsTheStorysClaim() {
    // An unseen Indonesian news page of session 44: the headline counts protesters.
    let html = """
      <html><body><article><h1>21 Pendemo di Medan Reaktif Covid</h1>\(Self.paragraph)\(Self.paragraph)</article>
      </body></html>
      """
    #expect(!counters(html).contains { $0.kind == "attendees" })
  }

  @Test func anIndexOfPetitionsShowsNoTallyOfItsOwn() {
    // Three petitions' progress boxes in the main content (an unseen campaign page of session 43):
    // none of the tallies is the page's.
    let cards = [("1,643", "2,000"), ("764", "1,000"), ("184", "200")].map { signed, goal in
      "<div class=\"petition-card\"><h3>Petisi</h3><div class=\"petition-progress\">"
        + "<span class=\"progress-text\">\(signed) of \(goal) signatures</span></div></div>"
    }
    .joined()
    let html = """
      <html><body><main><h1>Our petitions</h1>\(Self.paragraph)\(Self.paragraph)
      <div class="petition-list">\(cards)</div></main></body></html>
      """
    let found = counters(html)
    #expect(found.filter { $0.kind == "signatures" }.count == 3)
    #expect(
      found.filter { $0.kind == "signatures" || $0.kind == "signature_goal" }.allSatisfy { $0.subject == "related" })
    #expect(primary(found, "signatures") == nil)
  }

  @Test func aNumberAndItsLabelInAdjacentElementsAreRead() {
    let html = """
      <html><body><article><h1>Judul</h1><div class="stats"><div>13</div><div>Shares</div>
      <div>Comments</div><div>9</div><div>Hits:</div><div>152759</div></div>
      \(Self.paragraph)\(Self.paragraph)</article></body></html>
      """
    let found = counters(html)
    #expect(primary(found, "shares")?.value == 13)
    #expect(primary(found, "comments")?.value == 9)
    #expect(primary(found, "views")?.value == 152_759)
  }

  @Test func outcomesInRunningProseAreNoCounters() {
    let html = """
      <html><body><article><h1>Credo</h1>
      <p class="stats-text">Credo amassed 50,000 signatures in a week, and the campaign raised $380m from donors.</p>
      \(Self.paragraph)<div class="petition-progress">1.024 dari 10.000 tanda tangan</div>
      <div class="supporters">Join 17 supporters</div></article></body></html>
      """
    let found = counters(html)
    #expect(!found.contains { $0.value == 50_000 })
    #expect(!found.contains { $0.kind == "funds_raised" })
    #expect(primary(found, "signatures")?.value == 1024)
    #expect(primary(found, "signature_goal")?.value == 10_000)
    #expect(found.contains { $0.kind == "signatures" && $0.value == 17 })
  }

  @Test func structuredDataWinsAndOtherItemsInItAreRelated() {
    let html = """
      <html><head><script type="application/ld+json">
      {"@context":"https://schema.org","@type":"NewsArticle","commentCount":"5",
       "interactionStatistic":{"@type":"InteractionCounter","userInteractionCount":"5555 UserLikes"},
       "publisher":{"@type":"Organization","interactionStatistic":{"interactionType":"FollowAction","userInteractionCount":900000}},
       "relatedLink":[{"@type":"Article","commentCount":77}]}
      </script></head><body><article><h1>Judul</h1><div class="count">5 komentar</div>\(Self.paragraph)</article></body></html>
      """
    let found = counters(html)
    #expect(primary(found, "likes")?.value == 5555)
    #expect(primary(found, "likes")?.origin == "jsonld")
    #expect(primary(found, "comments")?.origin == "jsonld")
    #expect(found.contains { $0.kind == "followers" && $0.subject == "related" && $0.primary == nil })
    #expect(found.contains { $0.value == 77 && $0.subject == "related" })
    #expect(found.filter { $0.primary == true }.count == 2)
  }

  @Test func sharesAndRetweetsOfOnePostAreOneAct() {
    let marked = CounterCollector.markPrimary([
      Counter(kind: "shares", value: 79, raw: "79", origin: "jsonld", subject: "page"),
      Counter(kind: "retweets", value: 79, raw: "79", origin: "embedded_json", subject: "page"),
    ])
    #expect(marked.map(\.primary) == [true, nil])
  }

  @Test func aRoundedDisplayYieldsToTheExactFigure() {
    #expect(CounterCollector.isMorePrecise(1_204_750_000, roundingTo: 1_200_000_000))
    #expect(CounterCollector.isMorePrecise(1_876_300_000, roundingTo: 1_870_000_000))
    #expect(!CounterCollector.isMorePrecise(1_310_000_000, roundingTo: 1_200_000_000))
    #expect(!CounterCollector.isMorePrecise(1_204, roundingTo: 1_204))
    #expect(!CounterCollector.isMorePrecise(12_847, roundingTo: 12_847))
    #expect(CounterCollector.isMorePrecise(3_412, roundingTo: 3_400))
    // Only a display written with a scale gives way: "100 donors" is exact as it stands.
    func counter(_ value: Double, _ raw: String) -> Counter {
      Counter(kind: "donors", value: value, currency: nil, raw: raw, origin: "text")
    }
    #expect(CounterCollector.isScaledDisplay(counter(1_200_000_000, "Terkumpul Rp 1,2 M")))
    #expect(CounterCollector.isScaledDisplay(counter(1_200, "1.2K donors")))
    #expect(!CounterCollector.isScaledDisplay(counter(100, "100 donors")))
    #expect(!CounterCollector.isScaledDisplay(counter(1_204_750_000, "Rp 1.204.750.000 terkumpul")))
  }

  @Test func theExactFigureInPageStateIsPrimaryOverItsRoundedDisplay() {
    let html = """
      <html><head><script>window.__STATE__ = {"campaign": {"amountRaised": 1204750000, "currency": "IDR"}};</script>
      </head><body><article><h1>Bantu korban gempa</h1>\(Self.paragraph)\(Self.paragraph)
      <p class="donation-progress">Terkumpul Rp 1,2 M dari target Rp 2.000.000.000 · 3.412 donatur</p>
      </article></body></html>
      """
    let found = counters(html)
    #expect(found.contains { $0.kind == "funds_raised" && $0.origin == "text" && $0.value == 1_200_000_000 })
    #expect(primary(found, "funds_raised")?.value == 1_204_750_000)
  }

  @Test func proseShape() {
    #expect(ProseShape.isProse("Credo amassed 50,000 signatures in a week and more people joined"))
    #expect(ProseShape.isProse("Raised $5m. Then it stopped"))
    #expect(!ProseShape.isProse("Terkumpul Rp. 1.500.000 dari Rp 10.000.000"))
    #expect(!ProseShape.isProse("Join 17 supporters"))
    // Amounts and signs are no words; a widget's separators end a stretch (unseen pages, session 43).
    #expect(!ProseShape.isProse("$ 0 / $ 5000 Goal (0% of our goal)"))
    #expect(!ProseShape.isProse("$44,345 raised through the online platform · $514,000 raised through other channels"))
    #expect(ProseShape.isProse("Widget · Credo amassed 50,000 signatures in a week and more people joined"))
  }
}
