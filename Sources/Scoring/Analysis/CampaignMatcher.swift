import PipelineConfiguration
import SlackscoreCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why a document belongs to a campaign.
public enum MatchReason: String, Sendable, Codable, CaseIterable, Comparable {
  case petitionUrl = "petition_url"
  case donationUrl = "donation_url"
  case eventUrl = "event_url"
  case urlPattern = "url_pattern"
  case hashtag
  case keyword

  public static func < (a: MatchReason, b: MatchReason) -> Bool { a.rawValue < b.rawValue }
}

/// Assigns documents to configured campaigns.
///
/// - Target URLs (`petition_urls`, `donation_urls`, `event_urls`) match the document's URL,
///   canonical URL, links inside the main content, and the targets of its CTAs.
/// - `url_patterns` match the document's URL or canonical URL.
/// - `hashtags` match the document's hashtags or a `#tag` in its text (case-insensitive);
///   `keywords` are case-insensitive substrings of title or text. Both only count when the
///   document's date (published, else captured) falls in the campaign period; URL matches
///   ignore the period, since a petition page captured late still shows the campaign's count.
/// - A document may match several campaigns; it then counts in full in each of them.
struct CampaignMatcher {
  struct Prepared {
    let config: CampaignConfig
    let targets: [(key: String, reason: MatchReason)]
    let patterns: [URLKey.Pattern]
    let hashtags: Set<String>
    let keywords: [String]
  }

  let campaigns: [Prepared]

  init(_ configs: [CampaignConfig]) {
    campaigns = configs.map { c in
      var targets: [(String, MatchReason)] = []
      targets += c.petitionUrls.map { (URLKey.make($0), .petitionUrl) }
      targets += c.donationUrls.map { (URLKey.make($0), .donationUrl) }
      targets += c.eventUrls.map { (URLKey.make($0), .eventUrl) }
      return Prepared(
        config: c, targets: targets, patterns: c.urlPatterns.map(URLKey.Pattern.init),
        hashtags: Set(c.hashtags.map(Self.hashtagKey)),
        keywords: c.keywords.map { $0.lowercased() }.filter { !$0.isEmpty })
    }
  }

  static func hashtagKey(_ tag: String) -> String {
    var t = tag.trimmingSpaces().lowercased()
    while t.hasPrefix("#") { t.removeFirst() }
    return t
  }

  /// Byte substring search: keywords and text are both lower-cased UTF-8.
  static func bytesContain(_ haystack: [UInt8], _ needle: String) -> Bool {
    let n = Array(needle.utf8)
    guard !n.isEmpty else { return true }
    return haystack.withUnsafeBytes { h in
      n.withUnsafeBytes { find(h, from: 0, $0) != nil }
    }
  }

  /// Whether lower-cased `text` has `#tag` not followed by another letter or digit (so
  /// `#tolaktambang` does not match inside `#tolaktambangpasir`).
  static func containsHashtag(_ text: String, _ tag: String) -> Bool {
    containsHashtag(Array(text.utf8), tag)
  }

  static func containsHashtag(_ text: [UInt8], _ tag: String) -> Bool {
    let needle = Array(("#" + tag).utf8)
    return text.withUnsafeBytes { h -> Bool in
      needle.withUnsafeBytes { n -> Bool in
        var from = 0
        while let hit = find(h, from: from, n) {
          let end = hit + n.count
          if end >= h.count || !isWordStart(h, at: end) { return true }
          from = end
        }
        return false
      }
    }
  }

  /// Offset of the first `needle` in `haystack` at or after `from` (memchr on the first
  /// byte, then memcmp), or nil.
  static func find(_ haystack: UnsafeRawBufferPointer, from: Int, _ needle: UnsafeRawBufferPointer) -> Int? {
    guard needle.count > 0, let h = haystack.baseAddress, let n = needle.baseAddress else { return nil }
    let first = Int32(needle[0])
    var start = from
    while start + needle.count <= haystack.count {
      guard let hit = memchr(h + start, first, haystack.count - start - needle.count + 1) else { return nil }
      let offset = UnsafeRawPointer(hit) - h
      if memcmp(h + offset, n, needle.count) == 0 { return offset }
      start = offset + 1
    }
    return nil
  }

  /// Whether the UTF-8 scalar starting at `index` is a letter, digit or `_`.
  private static func isWordStart(_ bytes: UnsafeRawBufferPointer, at index: Int) -> Bool {
    let b = bytes[index]
    if b < 0x80 {
      return (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F
    }
    var end = index + 1
    while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
    guard let scalar = String(decoding: bytes[index..<end], as: UTF8.self).unicodeScalars.first else { return false }
    return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
  }

  /// Which campaigns (indices into ``campaigns``) a document's title and text name, by a
  /// `#hashtag` or a keyword, whatever its date: all score needs of the text for matching.
  struct TextHits: Sendable {
    var hashtag: Set<Int> = []
    var keyword: Set<Int> = []
  }

  /// The campaigns whose hashtags or keywords appear in `title` + `text`.
  func textHits(title: String?, text: String) -> TextHits {
    let lowerBytes = Array(((title ?? "") + "\n" + text).lowercased().utf8)
    var hits = TextHits()
    for (index, c) in campaigns.enumerated() {
      if c.hashtags.contains(where: { Self.containsHashtag(lowerBytes, $0) }) { hits.hashtag.insert(index) }
      if c.keywords.contains(where: { Self.bytesContain(lowerBytes, $0) }) { hits.keyword.insert(index) }
    }
    return hits
  }

  /// Reasons per campaign id for one document (empty when it matches nothing).
  func match(_ doc: Document, ctas: [CallToAction]) -> [String: Set<MatchReason>] {
    match(doc, ctas: ctas, text: textHits(title: doc.title, text: doc.text))
  }

  /// Reasons per campaign id for one document whose text gave `text` (its title and text are
  /// not read).
  func match(_ doc: Document, ctas: some Sequence<CallToAction>, text: TextHits) -> [String: Set<MatchReason>] {
    var own = [doc.url, doc.canonicalUrl].compactMap { $0 }.map(URLKey.make)
    own = Array(Set(own))
    var linked = Set(own)
    for link in doc.links where link.inMain { linked.insert(URLKey.make(link.url)) }
    for cta in ctas { if let t = cta.target { linked.insert(URLKey.make(t.url)) } }
    let tags = Set(doc.hashtags.map(Self.hashtagKey))
    let day = doc.publishedAt ?? doc.capturedAt
    let ownKeys = [doc.url, doc.canonicalUrl].compactMap { $0 }.map { Array(URLKey.make($0).utf8) }

    var result: [String: Set<MatchReason>] = [:]
    for (index, c) in campaigns.enumerated() {
      var reasons: Set<MatchReason> = []
      for target in c.targets where linked.contains(target.key) { reasons.insert(target.reason) }
      if c.patterns.contains(where: { pattern in ownKeys.contains { pattern.matches(key: $0) } }) {
        reasons.insert(.urlPattern)
      }
      let inPeriod = c.config.period.map { p in day.map { p.contains($0) } ?? true } ?? true
      if inPeriod {
        if !c.hashtags.isEmpty && (!tags.isDisjoint(with: c.hashtags) || text.hashtag.contains(index)) {
          reasons.insert(.hashtag)
        }
        if text.keyword.contains(index) { reasons.insert(.keyword) }
      }
      if !reasons.isEmpty { result[c.config.id] = reasons }
    }
    return result
  }
}
