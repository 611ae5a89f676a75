/// Where on a page a counter was read: the values of `Counter.origin` in documents.jsonl, and the
/// two orders in which parse believes them.
public enum CounterOrigin: String, CaseIterable, Sendable {
  /// A JSON-LD node (`interactionStatistic`, `commentCount`, …).
  case jsonld
  /// schema.org microdata (`itemtype="…InteractionCounter"`).
  case microdata
  /// A `<meta>` tag (`article:comment_count`, Twitter card label/data pairs).
  case meta
  /// Page state in a script's JSON, found by its key names (`"viewCount": 1204`).
  case embeddedJSON = "embedded_json"
  /// Visible text: a number with its counting words ("1,2 rb suka").
  case text
  /// A bare number in an element whose class or id names the count
  /// (`<span class="disqus-comment-count">12</span>`).
  case markup

  /// When one fact (kind, value, currency) was read in several places, the reading kept is the
  /// one of the lowest rank: structured data, then page state (the number the page was built
  /// from), then what the page shows.
  public var mergeRank: Int {
    switch self {
    case .jsonld: 0
    case .microdata: 1
    case .meta: 2
    case .embeddedJSON: 3
    case .text: 4
    case .markup: 5
    }
  }

  /// Which of a page's own counters of a kind stands for the page (lowest rank first):
  /// structured data, then what the page shows, and page state last (its key names are guesses).
  public var primaryRank: Int {
    switch self {
    case .jsonld: 0
    case .microdata: 1
    case .meta: 2
    case .text: 3
    case .markup: 4
    case .embeddedJSON: 5
    }
  }

  /// Read from what a reader of the page sees (its text, or a number shown in its markup), not
  /// from data the page carries for machines.
  public var isShown: Bool { self == .text || self == .markup }

  /// `mergeRank` of an origin as written in a document; an unknown one ranks last.
  public static func mergeRank(of origin: String) -> Int {
    CounterOrigin(rawValue: origin)?.mergeRank ?? allCases.count
  }

  /// `primaryRank` of an origin as written in a document; an unknown one ranks last.
  public static func primaryRank(of origin: String) -> Int {
    CounterOrigin(rawValue: origin)?.primaryRank ?? allCases.count
  }
}
