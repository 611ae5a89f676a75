import SlackscoreCore

/// What score needs of a document's title and text, worked out once while reading it so that
/// neither is kept: the near-duplicate signature, the campaigns its `#hashtags` and keywords
/// name, and a digest of the text that orders copies of one id. With these, 100,000 documents
/// of a few KB each take tens of MB in score instead of their size several times over.
struct TextFacts: Sendable {
  /// MinHash signature (nil for a text too short to judge).
  var signature: NearDuplicates.Signature?
  /// Campaigns named in the title or text.
  var hits: CampaignMatcher.TextHits
  /// 64-bit FNV-1a of the text: breaks ties between copies of one id with the same capture
  /// time and URL.
  var digest: UInt64

  init(_ doc: Document, matcher: CampaignMatcher) {
    signature = NearDuplicates.signature(doc.text)
    hits = matcher.textHits(title: doc.title, text: doc.text)
    digest = FNV1a.hash64(doc.text)
  }
}

extension Document {
  /// The document without what score never reads once its ``TextFacts`` are known: text,
  /// title, author, site name, empty-text reason, payload digest, mentions, and links outside the
  /// main content (and the anchor text of the others).
  func compactedForScore() -> Document {
    var doc = self
    doc.text = ""
    doc.title = nil
    doc.author = nil
    doc.siteName = nil
    doc.emptyReason = nil
    doc.source.payloadDigest = nil
    doc.mentions = []
    doc.links = links.filter(\.inMain).map { DocumentLink(url: $0.url, text: "", inMain: true) }
    return doc
  }
}

/// The text facts of many documents, by place: the signatures in a ``SignatureTable``, the
/// campaign hits and digests in arrays (no small allocation per document for signatures).
struct TextFactsTable: Sendable {
  private(set) var signatures = SignatureTable()
  private(set) var hits: [CampaignMatcher.TextHits] = []
  private(set) var digests: [UInt64] = []

  init() {}

  /// The facts of `docs`, worked out from their texts.
  init(_ docs: [Document], matcher: CampaignMatcher) {
    for doc in docs { append(TextFacts(doc, matcher: matcher)) }
  }

  /// Adds the next document's facts.
  mutating func append(_ facts: TextFacts) {
    signatures.append(facts.signature)
    hits.append(facts.hits)
    digests.append(facts.digest)
  }
}
