import SlackscoreCore

/// Where a document sits, for boilerplate counting: its site and the page it is a capture of.
public struct PageKey: Sendable, Hashable {
  /// `site_name` (lower case), else the URL host; nil when neither is known.
  public var site: String?
  /// The page: canonical URL, else URL, without scheme, `www.`, query, fragment and trailing slash;
  /// the document id when neither is known. Captures of one page share it.
  public var page: String

  /// A key from its parts.
  public init(site: String?, page: String) {
    self.site = site
    self.page = page
  }
}

/// Marks publisher promos: calls to action that belong to the site rather than the campaign.
///
/// Rule (applied after every document has been read):
/// 1. **Recurrence**: the same normalised sentence (`CTACandidate.recurrenceKey`) is a call to
///    action on at least `minDocuments` different pages of one site (`site_name`, else the URL host;
///    repeated captures of one URL count once), and it asks to follow, share or post a hashtag: the
///    templates publishers repeat ("Follow our channel", "Share this article"). Recurring asks of
///    higher effort (a platform's "Donate now and share this page" on every campaign page) stay
///    campaign asks unless they are interface labels of at most `maxLabelWords` words; all
///    recurring asks get the cue `recurring-on-site`, so the score stage can count them once per site.
/// 2. **Promo lexicon**: a `promo` phrase matched ("our newsletter", "saluran WhatsApp", "unduh
///    aplikasi", "support our journalism") and the category is `follow`, `share` or `donate`: the
///    publisher's own channel, newsletter, app or membership, even on a site with one page in the input.
public struct BoilerplateMarker: Sendable {
  /// Distinct pages of one site that must carry the same call to action.
  public var minDocuments: Int
  /// Categories a recurring call to action must have to count as boilerplate.
  public var templateCategories: Set<String> = ["follow", "share", "hashtag"]
  /// Recurring calls to action this short are interface labels ("Laporkan Konten", "Donate Now"),
  /// boilerplate whatever their category.
  public var maxLabelWords = 3
  /// Categories a promo-phrase call to action must have to count as boilerplate.
  public var promoCategories: Set<String> = ["follow", "share", "donate", "volunteer", "buy"]

  /// A marker requiring `minDocuments` distinct pages of one site (at least 2 makes sense).
  public init(minDocuments: Int = 3) {
    self.minDocuments = minDocuments
  }

  /// Sets `boilerplate` on the candidates of every document. `documents[i]` holds the candidates of
  /// the document at `pages[i]`.
  public func mark(_ documents: inout [[CTACandidate]], pages: [PageKey]) {
    var seen: [String: [String: Set<String>]] = [:]
    for (i, candidates) in documents.enumerated() {
      guard let site = pages[i].site else { continue }
      for candidate in candidates where !candidate.recurrenceKey.isEmpty && candidate.cta.reported != true {
        // `minDocuments` pages decide; more are not kept (a site's promo is on all its pages).
        guard (seen[site]?[candidate.recurrenceKey]?.count ?? 0) < minDocuments else { continue }
        seen[site, default: [:]][candidate.recurrenceKey, default: []].insert(pages[i].page)
      }
    }
    for i in documents.indices {
      let site = pages[i].site
      for k in documents[i].indices {
        let candidate = documents[i][k]
        let recurring = site.flatMap { seen[$0]?[candidate.recurrenceKey]?.count }.map { $0 >= minDocuments } ?? false
        if recurring {
          documents[i][k].cta.cues = Self.adding("recurring-on-site", to: candidate.cta.cues)
        }
        let words = candidate.recurrenceKey.split(separator: " ").count
        let template =
          recurring && (templateCategories.contains(candidate.cta.category) || words <= maxLabelWords)
        let promo = candidate.promo && promoCategories.contains(candidate.cta.category)
        if template || promo { documents[i][k].cta.boilerplate = true }
      }
    }
  }

  static func adding(_ cue: String, to cues: [String]) -> [String] {
    cues.contains(cue) ? cues : (cues + [cue]).sorted()
  }
}
