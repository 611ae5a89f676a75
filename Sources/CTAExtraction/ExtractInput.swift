public import Foundation
public import SlackscoreCore

/// A document as the extract stage reads it: any JSON object with at least `id` and `text`.
///
/// Lenient on purpose, so posts exported from elsewhere can be fed in: `id` may be a string or a
/// number, `url`, `lang`, `site_name` and `links` are optional, links may lack `text`, and unknown
/// keys are ignored. Decode with `JSONCoding.decoder()` (snake_case keys).
public struct ExtractInput: Sendable, Hashable, Decodable {
  /// Document id (numbers become strings).
  public var id: String
  /// The text calls to action are found in; offsets refer to it.
  public var text: String
  /// Page URL, for the site of boilerplate counting.
  public var url: String?
  /// ISO 639-1 language, used when a sentence's own language is unclear.
  public var lang: String?
  /// Publisher name; groups documents for boilerplate counting.
  public var siteName: String?
  /// Canonical URL of the page (`canonical_url`), so that captures of one page count once.
  public var canonicalUrl: String?
  /// Links of the page; registry links anchored in a sentence become its target.
  public var links: [DocumentLink]

  /// A document from its fields.
  public init(
    id: String, text: String, url: String? = nil, lang: String? = nil, siteName: String? = nil,
    canonicalUrl: String? = nil,
    links: [DocumentLink] = []
  ) {
    self.id = id
    self.text = text
    self.url = url
    self.lang = lang
    self.siteName = siteName
    self.canonicalUrl = canonicalUrl
    self.links = links
  }

  /// One JSON line of documents.jsonl: read by the plain-case byte reader when it can
  /// (`ExtractInputReader`), else by `decoder` (a `JSONCoding.decoder()`), whose values and error
  /// messages it gives. The fuzz target `documents` checks that the two agree.
  public static func decode(line: [UInt8], decoder: JSONDecoder) throws -> ExtractInput {
    try decode(line: line[...], decoder: decoder)
  }

  /// The same for a line given as a slice of the reader's buffer.
  public static func decode(line: ArraySlice<UInt8>, decoder: JSONDecoder) throws -> ExtractInput {
    try ExtractInputReader.read(line) ?? decoder.decode(ExtractInput.self, from: Data(line))
  }

  /// The plain-case byte reader alone (nil where it defers to `JSONDecoder`); for the fuzz target
  /// (`package`: not part of the library's API).
  package static func readPlain(line: [UInt8]) -> ExtractInput? { ExtractInputReader.read(line) }

  /// The fields of a parsed `Document`.
  public init(_ document: Document) {
    self.init(
      id: document.id, text: document.text, url: document.url, lang: document.lang, siteName: document.siteName,
      canonicalUrl: document.canonicalUrl, links: document.links)
  }

  /// The fields read; `ExtractInputReader` takes its list of them from here.
  enum CodingKeys: String, CodingKey, CaseIterable {
    case id, text, url, lang, siteName, canonicalUrl, links
  }

  /// A link as read: only `url` is required.
  struct LenientLink: Decodable {
    var url: String
    var text: String?
    var inMain: Bool?

    /// The fields read; `ExtractInputReader` takes its list of them from here.
    enum CodingKeys: String, CodingKey, CaseIterable {
      case url, text, inMain
    }
  }

  /// A document from its fields.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    if let s = try? c.decode(String.self, forKey: .id) {
      id = s
    } else if let n = try? c.decode(Int.self, forKey: .id) {
      id = String(n)
    } else {
      throw DecodingError.dataCorruptedError(forKey: .id, in: c, debugDescription: "missing string or integer id")
    }
    text = try c.decode(String.self, forKey: .text)
    url = try? c.decodeIfPresent(String.self, forKey: .url)
    lang = try? c.decodeIfPresent(String.self, forKey: .lang)
    siteName = try? c.decodeIfPresent(String.self, forKey: .siteName)
    canonicalUrl = try? c.decodeIfPresent(String.self, forKey: .canonicalUrl)
    let raw = (try? c.decodeIfPresent([LenientLink].self, forKey: .links)) ?? nil
    links = (raw ?? []).map { DocumentLink(url: $0.url, text: $0.text ?? "", inMain: $0.inMain ?? true) }
  }

  /// The site a boilerplate promo belongs to: `site_name`, else the URL's host, else nil.
  public var site: String? {
    if let siteName, !siteName.isEmpty { return siteName.lowercased() }
    if let url, let (host, _) = PlatformRegistry.hostAndPath(url) { return host }
    return nil
  }

  /// The site and page of the document, for boilerplate counting.
  public var pageKey: PageKey {
    var page = "id:" + id
    if let address = canonicalUrl ?? url, let (host, path) = PlatformRegistry.hostAndPath(address) {
      var trimmed = Substring(path)
      if let cut = trimmed.firstIndex(where: { $0 == "?" || $0 == "#" }) { trimmed = trimmed[..<cut] }
      while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
      page = host + trimmed
    }
    return PageKey(site: site, page: page)
  }
}
