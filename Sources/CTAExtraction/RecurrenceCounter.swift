import SlackscoreCore

/// The recurrence half of the boilerplate rule, streamed: which normalised sentences are calls to
/// action on at least `minDocuments` distinct pages of one site.
///
/// Feed it every document's facts (`observe`), in any order and from any number of files (a merge
/// over several shards observes all of them into one counter), then ask `isRecurring`. It keeps no
/// candidate: one 64-bit fingerprint per distinct site and sentence (`BoilerplateFacts.recurrence`)
/// with at most `minDocuments` 64-bit page fingerprints, about 40 bytes per distinct sentence.
public struct RecurrenceCounter: Sendable {
  /// Distinct pages of one site that make a sentence recurring.
  public let minDocuments: Int
  private var sightings: [UInt64: Sightings] = [:]

  /// The pages one sentence of one site was seen on, up to `minDocuments` (the first one inline).
  private struct Sightings: Sendable {
    var first: UInt64
    var others: [UInt64] = []
    var count: Int { 1 + others.count }
  }

  /// An empty counter; `minDocuments` below 1 makes nothing recurring.
  public init(minDocuments: Int) {
    self.minDocuments = minDocuments
  }

  /// Records that the sentence `recurrence` is a call to action on `page` (`PageKey.fingerprint`).
  public mutating func observe(_ recurrence: UInt64, page: UInt64) {
    guard minDocuments > 0 else { return }
    guard var seen = sightings[recurrence] else {
      sightings[recurrence] = Sightings(first: page)
      return
    }
    // `minDocuments` pages decide; more are not kept (a site's promo is on all its pages).
    guard seen.count < minDocuments, seen.first != page, !seen.others.contains(page) else { return }
    seen.others.append(page)
    sightings[recurrence] = seen
  }

  /// Records the candidates of one document (those that count: not reported, with a site and a
  /// sentence key) as seen on `page`.
  public mutating func observe(_ facts: some Sequence<BoilerplateFacts>, page: PageKey) {
    let fingerprint = page.fingerprint
    for fact in facts where fact.counted {
      if let recurrence = fact.recurrence { observe(recurrence, page: fingerprint) }
    }
  }

  /// Whether the sentence `recurrence` was seen on at least `minDocuments` distinct pages.
  public func isRecurring(_ recurrence: UInt64?) -> Bool {
    guard let recurrence, let seen = sightings[recurrence] else { return false }
    return seen.count >= minDocuments
  }

  /// Distinct site-and-sentence pairs tracked.
  public var count: Int { sightings.count }
}

extension PageKey {
  /// The page as a stable 64-bit fingerprint (FNV-1a; the same in every process).
  public var fingerprint: UInt64 { FNV1a.hash64(page) }
}
