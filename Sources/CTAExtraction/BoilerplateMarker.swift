import SlackscoreCore

/// Marks publisher promos: calls to action that belong to the site rather than the campaign.
///
/// Rule (applied after every document has been read):
/// 1. **Recurrence**: the same normalised sentence (`CTACandidate.recurrenceKey`) is a call to
///    action in at least `minDocuments` different documents of one site (`site_name`, else the URL
///    host). Templates repeat; campaign asks are written per page.
/// 2. **Promo lexicon**: a `promo` phrase of the lexicon matched ("our newsletter", "saluran
///    WhatsApp", "unduh aplikasi") and the category is `follow`: a channel, newsletter or app promo,
///    even on a site with a single page in the input.
public struct BoilerplateMarker: Sendable {
  /// Documents of one site that must carry the same call to action.
  public var minDocuments: Int

  /// A marker requiring `minDocuments` documents of one site (at least 2 makes sense).
  public init(minDocuments: Int = 3) {
    self.minDocuments = minDocuments
  }

  /// Sets `boilerplate` on the candidates of every document. `documents[i]` holds the candidates of
  /// the document whose site is `sites[i]`.
  public func mark(_ documents: inout [[CTACandidate]], sites: [String?]) {
    var seen: [String: [String: Set<Int>]] = [:]
    for (i, candidates) in documents.enumerated() {
      guard let site = sites[i] else { continue }
      for candidate in candidates where !candidate.recurrenceKey.isEmpty {
        seen[site, default: [:]][candidate.recurrenceKey, default: []].insert(i)
      }
    }
    for i in documents.indices {
      let site = sites[i]
      for k in documents[i].indices {
        let candidate = documents[i][k]
        let recurring = site.flatMap { seen[$0]?[candidate.recurrenceKey]?.count }.map { $0 >= minDocuments } ?? false
        let promo = candidate.promo && candidate.cta.category == "follow"
        if recurring || promo {
          documents[i][k].cta.boilerplate = true
          if recurring { documents[i][k].cta.cues = Self.adding("recurring-on-site", to: candidate.cta.cues) }
        }
      }
    }
  }

  static func adding(_ cue: String, to cues: [String]) -> [String] {
    cues.contains(cue) ? cues : (cues + [cue]).sorted()
  }
}
