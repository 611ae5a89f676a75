import PageSignals
import SlackscoreCore
import Testing

@Suite struct JSONLDCounterTests {
  static let cases: [(String, [Expected])] = [
    (
      #"{"@context":"https://schema.org","@type":"SocialMediaPosting","interactionStatistic":{"@type":"InteractionCounter","interactionType":"https://schema.org/LikeAction","userInteractionCount":1204}}"#,
      [Expected("likes", 1204, "1204")]
    ),
    (
      #"{"@type":"VideoObject","interactionStatistic":[{"@type":"InteractionCounter","interactionType":{"@type":"WatchAction"},"userInteractionCount":"98000"},{"@type":"InteractionCounter","interactionType":"http://schema.org/ShareAction","userInteractionCount":340}]}"#,
      [Expected("views", 98_000, "98000"), Expected("shares", 340, "340")]
    ),
    (
      #"{"@context":"https://schema.org","@graph":[{"@type":"WebPage","name":"Beranda"},{"@type":"NewsArticle","commentCount":12,"interactionStatistic":{"interactionType":"CommentAction","userInteractionCount":12}}]}"#,
      [Expected("comments", 12, "12")]
    ),
    (
      #"{"@type":"Person","interactionStatistic":{"interactionType":"https://schema.org/FollowAction","userInteractionCount":5.2e3}}"#,
      [Expected("followers", 5200, "5.2e3")]
    ),
    (
      #"{"@type":"DiscussionForumPosting","interactionStatistic":{"interactionType":"LikeAction","userInteractionCount":7},"comment":[{"@type":"Comment","interactionStatistic":{"interactionType":"LikeAction","userInteractionCount":99}}]}"#,
      [Expected("likes", 7, "7")]
    ),
    (
      #"{"@type":"Article","interactionCount":"UserComments:31"}"#,
      [Expected("comments", 31, "31")]
    ),
    // A bare interactionCount is a play count on a video or a recording (Vimeo's clip pages, an
    // unseen page of session 45); elsewhere it names no kind.
    (
      #"{"@type":"VideoObject","name":"Clip","interactionCount":96888}"#,
      [Expected("views", 96888, "96888")]
    ),
    (#"{"@type":"Article","interactionCount":96888}"#, []),
    (
      #"[{"@type":"Article","interactionStatistic":{"interactionType":"schema:ReactAction","userInteractionCount":"1,204"}}]"#,
      [Expected("reactions", 1204, "1,204")]
    ),
    (
      #"{"@type":"Article","myLikes":500,"shareTotal":12,"interactionStatistic":{"interactionType":"BuyAction","userInteractionCount":3}}"#,
      []
    ),
    (#"{"@type":"Article", "commentCount": "banyak"}"#, []),
    (#"{not json at all"#, []),
    ("", []),
    (
      "{\n  // hand-edited\n  '@type': 'Article',\n  commentCount: 4,\n}",
      [Expected("comments", 4, "4")]
    ),
  ]

  @Test(arguments: cases)
  func readsJSONLD(_ json: String, _ expected: [Expected]) {
    let found = CounterReader.fromJSONLD(json)
    #expect(found.map(Expected.init) == expected)
    #expect(found.allSatisfy { $0.origin == "jsonld" })
  }

  @Test func deepNestingFailsCleanly() {
    let json = String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
    #expect(CounterReader.fromJSONLD(json).isEmpty)
  }
}

@Suite struct EmbeddedJSONCounterTests {
  static let cases: [(String, [Expected])] = [
    (
      #"window.__INITIAL_STATE__ = {"post":{"id":77,"like_count":1204,"share_count":"56","comment_count":8,"view_count":15000}};"#,
      [
        Expected("likes", 1204, "1204"), Expected("shares", 56, "56"), Expected("comments", 8, "8"),
        Expected("views", 15_000, "15000"),
      ]
    ),
    (
      #"{"petition":{"title":"Selamatkan hutan kota","signatureCount":{"displayed":48210,"total":48213},"goal":50000}}"#,
      [Expected("signatures", 48_213, "48213"), Expected("signature_goal", 50_000, "50000")]
    ),
    (
      #"var campaign = {"amount_raised": 125000000, "currency": "IDR", "target": 300000000, "donations_count": 812};"#,
      [
        Expected("funds_raised", 125_000_000, "125000000", currency: "IDR"), Expected("donors", 812, "812"),
        Expected("funds_goal", 300_000_000, "300000000", currency: "IDR"),
      ]
    ),
    (
      #"{"campaign":{"collected_amount":"7.500.000","currencyCode":"Rp","donors":"120"}}"#,
      [Expected("funds_raised", 7_500_000, "7.500.000", currency: "IDR"), Expected("donors", 120, "120")]
    ),
    (
      #"{"video":{"playCount":9100,"stats":{"diggCount":870}},"comments":[{"likeCount":4},{"likeCount":9}]}"#,
      [Expected("views", 9100, "9100"), Expected("likes", 870, "870")]
    ),
    (
      #"{"page":{"likes":12},"sidebar":{"top":{"likes":99999}}}"#,
      [Expected("likes", 12, "12")]
    ),
    (
      #"{"post":{"likes":{"summary":{"x":1},"total_count":321},"shares":{"Count":"12"}}}"#,
      [Expected("likes", 321, "321"), Expected("shares", 12, "12")]
    ),
    (
      #"{"fundraiser":{"amount_raised":{"value":"4200","currency":"usd"},"goal_amount":10000,"donor_count":37}}"#,
      [
        Expected("funds_raised", 4200, "4200", currency: "USD"),
        Expected("funds_goal", 10_000, "10000", currency: "USD"),
        Expected("donors", 37, "37"),
      ]
    ),
    (#"{"stats":{"likes":true,"shares":"banyak","views":-3,"goal":100}}"#, []),
    (
      #"function init(){ var cfg = {total_signature_count: 3021, signature_goal: 5000,}; render(cfg); }"#,
      [Expected("signatures", 3021, "3021"), Expected("signature_goal", 5000, "5000")]
    ),
    (
      #"window.__DATA__ = JSON.parse("{\"post\":{\"retweet_count\":45,\"follower_count\":10200}}");"#,
      [Expected("retweets", 45, "45"), Expected("followers", 10_200, "10200")]
    ),
    (#"document.write('<p>hello</p>'); if (a) { b(); }"#, []),
  ]

  @Test(arguments: cases)
  func readsEmbeddedJSON(_ script: String, _ expected: [Expected]) {
    let found = CounterReader.fromEmbeddedJSON(script)
    #expect(found.map(Expected.init) == expected)
    #expect(found.allSatisfy { $0.origin == "embedded_json" })
  }

  @Test func longStringsBeforeCountsAreSkippedCorrectly() {
    let body = String(repeating: "Paragraf panjang dengan \\\"kutipan\\\" dan \\u00e9 ", count: 20)
    let script = #"{"article":{"html":""# + body + #"","note":'satu \' dua',"comment_count":31}}"#
    #expect(CounterReader.fromEmbeddedJSON(script).map(Expected.init) == [Expected("comments", 31, "31")])
  }

  @Test func hostileScriptStaysFast() {
    let script = String(repeating: "{a:{b:", count: 20_000) + "x"
    let clock = ContinuousClock()
    let elapsed = clock.measure { _ = CounterReader.fromEmbeddedJSON(script) }
    #expect(elapsed < .seconds(5))
  }
}

@Suite struct MetaAndMicrodataCounterTests {
  @Test(arguments: [
    ("article:comment_count", "42", Expected("comments", 42, "42")),
    ("og:video:view_count", "1,204", Expected("views", 1204, "1,204")),
    ("fb:likes", "3.4K", Expected("likes", 3400, "3.4K")),
    ("likes", "12", Expected("likes", 12, "12")),
    ("itemprop:interactionCount", "UserLikes:12", Expected("likes", 12, "12")),
    ("interactionCount", "UserComments: 9", Expected("comments", 9, "9")),
    ("petition:signature_count", "313.000", Expected("signatures", 313_000, "313.000")),
    ("campaign:amount_raised", "Rp 1,2 M", Expected("funds_raised", 1.2e9, "Rp 1,2 M", currency: "IDR")),
  ])
  func readsMeta(_ name: String, _ content: String, _ expected: Expected) {
    let counter = CounterReader.fromMeta(name: name, content: content)
    #expect(counter.map(Expected.init) == expected)
    #expect(counter?.origin == "meta")
  }

  @Test(arguments: [
    ("og:title", "1.204 tanda tangan"), ("description", "12 komentar"), ("article:comment_count", "banyak"),
    ("twitter:data1", "12"), ("og:image:width", "1200"), ("likes", "12 komentar"),
  ])
  func ignoresMeta(_ name: String, _ content: String) {
    #expect(CounterReader.fromMeta(name: name, content: content) == nil)
  }

  @Test func twitterLabelDataPairs() {
    let pairs: [(name: String, content: String)] = [
      ("twitter:card", "summary"), ("twitter:label1", "Ditulis oleh"), ("twitter:data1", "Redaksi"),
      ("twitter:label2", "Tanda tangan"), ("twitter:data2", "313.000"), ("twitter:label3", "Likes"),
      ("twitter:data3", "1.2K"), ("twitter:label4", "Dana terkumpul"), ("twitter:data4", "Rp 37,5 jt"),
      ("twitter:label5", "Estimasi waktu baca"), ("twitter:data5", "4 menit"), ("article:comment_count", "6"),
    ]
    let found = CounterReader.fromMetaPairs(pairs).map(Expected.init)
    #expect(
      found == [
        Expected("comments", 6, "6"), Expected("signatures", 313_000, "313.000"), Expected("likes", 1200, "1.2K"),
        Expected("funds_raised", 37_500_000, "Rp 37,5 jt", currency: "IDR"),
      ])
  }

  @Test(arguments: [
    ("https://schema.org/LikeAction", "1204", Expected("likes", 1204, "1204")),
    ("http://schema.org/ShareAction", "56", Expected("shares", 56, "56")),
    ("CommentAction", "8", Expected("comments", 8, "8")),
    ("https://schema.org/WatchAction", "2.3M", Expected("views", 2_300_000, "2.3M")),
    ("schema:FollowAction", "15.400", Expected("followers", 15_400, "15.400")),
    ("http://schema.org/UserLikes", "3", Expected("likes", 3, "3")),
  ])
  func readsMicrodata(_ type: String, _ count: String, _ expected: Expected) {
    let counter = CounterReader.fromMicrodata(interactionType: type, count: count)
    #expect(counter.map(Expected.init) == expected)
    #expect(counter?.origin == "microdata")
  }

  @Test(arguments: [("https://schema.org/BuyAction", "3"), ("LikeAction", "banyak"), ("LikeAction", ""), ("", "4")])
  func ignoresMicrodata(_ type: String, _ count: String) {
    #expect(CounterReader.fromMicrodata(interactionType: type, count: count) == nil)
  }
}

@Suite struct CounterMergingTests {
  @Test func keepsTheMostStructuredOriginOfEachFact() {
    let counters = [
      Counter(kind: "likes", value: 1204, raw: "1.204 suka", origin: "text"),
      Counter(kind: "comments", value: 12, raw: "12 komentar", origin: "text"),
      Counter(kind: "likes", value: 1204, raw: "1204", origin: "jsonld"),
      Counter(kind: "likes", value: 1200, raw: "1,2 rb suka", origin: "text"),
      Counter(kind: "comments", value: 12, raw: "12", origin: "meta"),
      Counter(kind: "funds_raised", value: 5e6, currency: "IDR", raw: "5000000", origin: "embedded_json"),
      Counter(kind: "funds_raised", value: 5e6, currency: "USD", raw: "$5 million raised", origin: "text"),
    ]
    let merged = CounterReader.merged(counters).map { "\($0.origin):\($0.kind)=\($0.value)" }
    #expect(
      merged == [
        "jsonld:likes=1204.0", "meta:comments=12.0", "embedded_json:funds_raised=5000000.0", "text:likes=1200.0",
        "text:funds_raised=5000000.0",
      ])
  }
}
