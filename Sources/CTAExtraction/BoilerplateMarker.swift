public import SlackscoreCore

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
/// Rule (applied after every document has been read; `RecurrenceCounter` holds what it needs):
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

  /// What the rule needs of `candidate`, found in a document of `site` (`PageKey.site`).
  public func facts(of candidate: CTACandidate, site: String?) -> BoilerplateFacts {
    let key = candidate.recurrenceKey
    let words = candidate.recurrenceWords ?? Self.wordCount(key)
    return BoilerplateFacts(
      recurrence: key.isEmpty
        ? nil
        : site.map {
          BoilerplateFacts.recurrence(site: $0, keyHash: candidate.recurrenceKeyHash ?? BoilerplateFacts.keyHash(key))
        },
      counted: candidate.cta.reported != true,
      template: templateCategories.contains(candidate.cta.category) || words <= maxLabelWords,
      promo: candidate.promo && promoCategories.contains(candidate.cta.category))
  }

  /// What the rule decides for one call to action.
  public struct Verdict: Sendable, Hashable {
    /// The sentence recurs on the site: the cue `recurring-on-site` is added.
    public var recurring: Bool
    /// The call to action is publisher boilerplate.
    public var boilerplate: Bool
    /// Whether applying the verdict leaves a candidate (no cue added, not boilerplate) unchanged.
    public var changesNothing: Bool { !recurring && !boilerplate }

    /// Sets the cue and the flag on `cta`.
    public func apply(to cta: inout CallToAction) {
      if recurring { cta.cues = BoilerplateMarker.adding("recurring-on-site", to: cta.cues) }
      if boilerplate { cta.boilerplate = true }
    }
  }

  /// The verdict for a candidate with `facts`, once `recurrence` has observed every document.
  public func verdict(_ facts: BoilerplateFacts, recurrence: RecurrenceCounter) -> Verdict {
    let recurring = recurrence.isRecurring(facts.recurrence)
    return Verdict(recurring: recurring, boilerplate: (recurring && facts.template) || facts.promo)
  }

  /// An empty recurrence counter for this marker's `minDocuments`.
  public func recurrenceCounter() -> RecurrenceCounter { RecurrenceCounter(minDocuments: minDocuments) }

  /// Sets `boilerplate` on the candidates of every document held in memory. `documents[i]` holds
  /// the candidates of the document at `pages[i]`. Streaming callers use `facts(of:site:)`, a
  /// `RecurrenceCounter` and `verdict(_:recurrence:)` instead (as `ExtractStage` does).
  public func mark(_ documents: inout [[CTACandidate]], pages: [PageKey]) {
    let facts = documents.indices.map { i in documents[i].map { self.facts(of: $0, site: pages[i].site) } }
    var recurrence = recurrenceCounter()
    for i in documents.indices { recurrence.observe(facts[i], page: pages[i]) }
    for i in documents.indices {
      for k in documents[i].indices { verdict(facts[i][k], recurrence: recurrence).apply(to: &documents[i][k].cta) }
    }
  }

  /// `key.split(separator: " ").count`, counted on the bytes: a space byte is a separate character
  /// unless a non-ASCII scalar next to it joins it into one grapheme (a combining mark after it, a
  /// prepended mark before it); then the characters are counted.
  static func wordCount(_ key: String) -> Int {
    var words = 0
    var inWord = false
    var previous: UInt8 = 0
    for byte in key.utf8 {
      if (byte >= 0x80 && previous == 0x20) || (byte == 0x20 && previous >= 0x80) {
        return key.split(separator: " ").count
      }
      previous = byte
      if byte == 0x20 {
        inWord = false
      } else if !inWord {
        inWord = true
        words += 1
      }
    }
    return words
  }

  static func adding(_ cue: String, to cues: [String]) -> [String] {
    cues.contains(cue) ? cues : (cues + [cue]).sorted()
  }
}
