/// One archived page turned into a clean document: the output of `slackscore parse`,
/// one JSON object per line of `documents.jsonl` (keys in snake_case; see
/// `schemas/document.schema.json`). Later stages (extract, score) read it back.
public struct Document: Sendable, Hashable, Codable {
  /// Stable id: the same archived record always gets the same id.
  public var id: String
  public var url: String?
  public var title: String?
  /// Main content only, paragraphs and headings separated by `\n`.
  public var text: String
  /// Why `text` is empty, when it is (e.g. `no-main-content`, `not-html`).
  public var emptyReason: String?
  /// ISO 639-1 code (`id`, `en`, …) or nil when undetermined.
  public var lang: String?
  public var publishedAt: String?
  /// When the archive captured the page (WARC-Date), ISO 8601 UTC.
  public var capturedAt: String?
  public var author: String?
  public var siteName: String?
  public var canonicalUrl: String?
  /// Where the exact bytes are.
  public var source: DocumentSource
  public var links: [DocumentLink]
  public var hashtags: [String]
  public var mentions: [String]
  /// Counts the page shows: interactions and outcomes, each with its raw string.
  public var counters: [Counter]

  public init(
    id: String, url: String? = nil, title: String? = nil, text: String = "", emptyReason: String? = nil,
    lang: String? = nil, publishedAt: String? = nil, capturedAt: String? = nil, author: String? = nil,
    siteName: String? = nil, canonicalUrl: String? = nil, source: DocumentSource, links: [DocumentLink] = [],
    hashtags: [String] = [], mentions: [String] = [], counters: [Counter] = []
  ) {
    self.id = id
    self.url = url
    self.title = title
    self.text = text
    self.emptyReason = emptyReason
    self.lang = lang
    self.publishedAt = publishedAt
    self.capturedAt = capturedAt
    self.author = author
    self.siteName = siteName
    self.canonicalUrl = canonicalUrl
    self.source = source
    self.links = links
    self.hashtags = hashtags
    self.mentions = mentions
    self.counters = counters
  }
}

/// Enough to find the exact archived bytes again.
public struct DocumentSource: Sendable, Hashable, Codable {
  /// The input file as given on the command line or in the pipeline config.
  public var path: String
  /// Byte offset of the record in the (possibly compressed) file; nil for loose files.
  public var offset: Int?
  /// `WARC-Record-ID`, when the record has one.
  public var recordId: String?
  /// `WARC-Payload-Digest` (or one computed as `sha1:BASE32` when the record lacks it).
  public var payloadDigest: String?
  /// For a revisit record: the record it repeats, whose payload the document was read from.
  public var revisitOf: RecordReference?

  public init(
    path: String, offset: Int? = nil, recordId: String? = nil, payloadDigest: String? = nil,
    revisitOf: RecordReference? = nil
  ) {
    self.path = path
    self.offset = offset
    self.recordId = recordId
    self.payloadDigest = payloadDigest
    self.revisitOf = revisitOf
  }
}

/// Where one archived record is: file, byte offset (of its gzip member) and record id.
public struct RecordReference: Sendable, Hashable, Codable {
  /// The archive file as given.
  public var path: String
  /// Byte offset of the record (for gzip, of the member it starts in).
  public var offset: Int
  /// `WARC-Record-ID`, when the record has one.
  public var recordId: String?

  public init(path: String, offset: Int, recordId: String? = nil) {
    self.path = path
    self.offset = offset
    self.recordId = recordId
  }
}

/// A link found on the page, made absolute.
public struct DocumentLink: Sendable, Hashable, Codable {
  public var url: String
  public var text: String
  /// Whether the link sits inside the main content (not in navigation or footers).
  public var inMain: Bool

  public init(url: String, text: String, inMain: Bool) {
    self.url = url
    self.text = text
    self.inMain = inMain
  }
}

/// A count the page shows, e.g. `likes` 1200 from "1,2 rb suka".
public struct Counter: Sendable, Hashable, Codable {
  /// What is counted (`CounterKinds`). Interactions: `likes`, `shares`, `comments`, `views`,
  /// `reactions`, `retweets`, `followers`. Outcomes: `signatures`, `signature_goal`,
  /// `funds_raised`, `funds_goal`, `donors`, `attendees`, `volunteers`.
  public var kind: String
  public var value: Double
  /// ISO 4217 code for money (`IDR`, `USD`, …), nil otherwise.
  public var currency: String?
  /// The exact string the number was read from.
  public var raw: String
  /// Where on the page it was read: a `CounterOrigin` raw value (`jsonld`, `microdata`, `meta`,
  /// `embedded_json`, `text`, `markup`).
  public var origin: String
  /// Whose count it is: `page` (the page's own item: the main entity of its structured data,
  /// the post or article and its header), or `related`, `sidebar`, `comment`, `reply`,
  /// `embedded`, `quoted` for counts of other items shown on the page. Nil only in documents
  /// written before parse recorded it.
  public var subject: String?
  /// True on the one counter per kind that stands for the page (the value score uses); nil
  /// (absent) on every other counter.
  public var primary: Bool?

  public init(
    kind: String, value: Double, currency: String? = nil, raw: String, origin: String, subject: String? = nil,
    primary: Bool? = nil
  ) {
    self.kind = kind
    self.value = value
    self.currency = currency
    self.raw = raw
    self.origin = origin
    self.subject = subject
    self.primary = primary
  }

  /// A counter read at a known origin.
  public init(
    kind: String, value: Double, currency: String? = nil, raw: String, origin: CounterOrigin, subject: String? = nil,
    primary: Bool? = nil
  ) {
    self.init(
      kind: kind, value: value, currency: currency, raw: raw, origin: origin.rawValue, subject: subject,
      primary: primary)
  }

  /// `origin` as a `CounterOrigin`; nil for a value this build does not know.
  public var originKind: CounterOrigin? { CounterOrigin(rawValue: origin) }
}
