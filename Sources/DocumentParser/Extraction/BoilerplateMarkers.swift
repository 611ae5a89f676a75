/// What an element's `class`, `id`, `role` and `aria-label` say about it.
struct ElementMarks: OptionSet, Sendable {
  let rawValue: UInt16

  /// Certainly chrome: share bars, cookie banners, newsletter and "follow us" promos, ad
  /// slots, related-article lists, breadcrumbs, comment sections.
  static let boilerplate = ElementMarks(rawValue: 1 << 0)
  /// Probably chrome (readability's "unlikely candidates": header, menu, sidebar, …),
  /// unless the names also say article/content/main/body.
  static let unlikely = ElementMarks(rawValue: 1 << 1)
  /// Names that suggest content (article, content, entry, post, story, text, body).
  static let positive = ElementMarks(rawValue: 1 << 2)
  /// Names that suggest chrome, used as a score penalty.
  static let negative = ElementMarks(rawValue: 1 << 3)
  /// A place where a page shows counts (share bars, petition progress, stats).
  static let signals = ElementMarks(rawValue: 1 << 4)
  /// Hidden from readers (`hidden`, `aria-hidden`, `display:none`).
  static let hidden = ElementMarks(rawValue: 1 << 5)
  /// Reader comments: chrome even when they hold most of the page's text.
  static let comments = ElementMarks(rawValue: 1 << 6)
  /// Lists of other items (related, most read, trending, up next): their counts are not the page's.
  static let related = ElementMarks(rawValue: 1 << 7)
  /// Sidebars and widgets: their counts are the site's or other items', not the page's.
  static let sidebar = ElementMarks(rawValue: 1 << 8)
}

/// The marker vocabulary, matched against lower-cased attribute values.
enum BoilerplateMarkers {
  /// Substrings that mark chrome outright.
  static let boilerplate: [String] = [
    "share", "sharing", "social", "newsletter", "news-letter", "subscribe", "cookie", "consent", "gdpr", "advert",
    "sponsor",
    "outbrain", "taboola", "breadcrumb", "related", "recommend", "read-also", "readalso", "baca-juga", "bacajuga",
    "lihat-juga", "comment", "komentar", "disqus", "promo", "popup", "modal", "banner", "whatsapp", "telegram",
    "follow-us", "followus", "signup", "sign-up", "trending", "most-read", "mostread", "popular",
    "terpopuler", "terkini", "pagination", "pager", "author-bio", "authorbio", "author-box", "authorbox",
    "author-info", "authorinfo", "about-author", "post-author", "author-content", "tag-list", "taglist", "tags",
    "widget", "jumplink", "skip-link", "print-only", "screen-reader", "sr-only", "visually-hidden", "ads-",
    "-ads", "adsbygoogle", "ad-slot", "adslot", "ad-container", "ad-wrapper", "dfp", "gpt-ad", "parallax-ad",
  ]
  /// Whole words (split on space, `-`, `_`) that mark chrome outright.
  static let boilerplateWords: Set<String> = [
    "ad", "ads", "adv", "iklan", "nav", "navbar", "menu", "footer", "sidebar", "share", "meta", "byline",
    "dateline", "caption", "credit", "credits", "toolbar", "masthead", "topbar", "subnav",
  ]
  /// Readability's unlikely-candidate markers.
  static let unlikely: [String] = [
    "combx", "community", "cover-wrap", "extra", "foot", "header", "legends", "menu", "remark", "replies", "rss",
    "shoutbox", "sidebar", "skyscraper", "supplemental", "agegate", "yom-remote", "sidenav", "navigation",
  ]
  /// Markers that rescue an unlikely candidate.
  static let maybe: [String] = ["and", "article", "body", "column", "content", "main", "shadow"]
  /// Positive-weight markers.
  static let positive: [String] = [
    "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination", "post", "text",
    "blog", "story", "detail", "isi", "berita", "prose",
  ]
  /// Negative-weight markers.
  static let negative: [String] = [
    "-ad-", "hidden", "hid", "banner", "combx", "comment", "com-", "contact", "foot", "footer", "footnote",
    "gdpr", "masthead", "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar",
    "skyscraper", "sponsor", "shopping", "tags", "tool", "widget", "caption", "byline", "author", "date",
  ]
  /// Where counts are shown.
  static let signals: [String] = [
    "share", "social", "like", "reaction", "count", "stat", "petition", "signature", "sign", "donat", "progress",
    "goal", "raised", "supporter", "view", "comment", "engage",
  ]
  /// Lists of other items, for whose counts a counter is (`related`); a crowdfunding page's reward
  /// tiers and perks are items of their own ("Pledge $25 or more · 52 backers").
  static let related: [String] = [
    "related", "recommend", "trending", "most-", "mostread", "mostpopular", "popular", "populer", "terpopuler",
    "terkini", "terbaru", "rekomendasi", "read-also", "readalso", "baca-juga", "bacajuga", "lihat-juga",
    "up-next", "upnext", "next-up", "more-from", "morefrom", "more-stories", "you-may", "also-like",
    "suggest", "outbrain", "taboola", "lainnya", "latest", "teaser", "reward", "perk",
  ]
  /// Sidebars and widgets (`sidebar`).
  static let sidebar: [String] = [
    "sidebar", "side-bar", "widget-area", "widgetarea", "widget_", "aside", "rail", "sidecol", "side-col",
  ]

  /// ARIA roles that are chrome.
  static let chromeRoles: Set<String> = [
    "navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "search", "dialog", "alert",
    "alertdialog", "toolbar", "tablist",
  ]

  /// Which vocabulary a class-name needle belongs to (bits of one combined needle set).
  private enum Vocabulary: UInt32 {
    case boilerplate = 1, unlikely = 2, maybe = 4, positive = 8, negative = 16, signals = 32, comments = 64
    case related = 128, sidebar = 256, post = 512
  }

  /// WordPress-style post classes: they list the post's tags and categories (`tag-social`),
  /// which are not chrome markers.
  static let postClasses = ["hentry", "type-post", "status-publish"]

  /// Every class-name vocabulary in one needle set: one pass per element, not seven.
  private static let nameNeedles = NeedleSet(
    tagged: [
      (boilerplate, Vocabulary.boilerplate), (unlikely, .unlikely), (maybe, .maybe), (positive, .positive),
      (negative, .negative), (signals, .signals),
      (["comment", "komentar", "disqus", "replies", "respond"], .comments), (related, .related),
      (sidebar, .sidebar), (postClasses, .post),
    ].flatMap { words, vocabulary in words.map { ($0, vocabulary.rawValue) } })
  /// The whole-word markers packed into one machine word each (all are eight bytes or fewer):
  /// a word of a class name is compared without building an array for it.
  private static let boilerplateWordKeys: [UInt64] = boilerplateWords.map { word in
    word.utf8.enumerated().reduce(0) { $0 | UInt64($1.element) << UInt64(8 * $1.offset) }
  }

  /// What one element name (a lower-cased `class`, `id` or label value) holds of the marker
  /// vocabulary. No marker holds a space, so the facts of an element's names joined by spaces
  /// are the union of each name's facts.
  struct NameFacts: Equatable {
    /// The vocabularies with a needle in the name (``Vocabulary`` bits).
    fileprivate(set) var found: UInt32 = 0
    /// A whole word of the name is a chrome word (``boilerplateWords``).
    fileprivate(set) var boilerplateWord = false

    /// Adds another name's facts.
    mutating func formUnion(_ other: NameFacts) {
      found |= other.found
      boilerplateWord = boilerplateWord || other.boilerplateWord
    }

    /// A WordPress post class is among the names.
    var hasPostClass: Bool { found & Vocabulary.post.rawValue != 0 }
  }

  /// The facts of lower-cased names (one or more, separated by spaces).
  static func facts(of names: UnsafeBufferPointer<UInt8>) -> NameFacts {
    guard !names.isEmpty else { return NameFacts() }
    var facts = NameFacts(found: nameNeedles.tags(in: names))
    guard facts.found & Vocabulary.boilerplate.rawValue == 0 else { return facts }
    var key: UInt64 = 0
    var length = 0
    let keys = boilerplateWordKeys
    for i in 0...names.count {
      let b: UInt8 = i < names.count ? names[i] : 0x20  // a space after the last word
      if b == 0x20 || b == 0x2D || b == 0x5F {
        if length > 0 && length <= 8 && keys.contains(key) {
          facts.boilerplateWord = true
          break
        }
        key = 0
        length = 0
      } else {
        if length < 8 { key |= UInt64(b) << UInt64(8 * length) }
        length += 1
      }
    }
    return facts
  }

  /// Classifies one element from its attribute values (already lower-cased ASCII).
  static func marks(classAndID: String, role: String?) -> ElementMarks {
    marks(names: LowercasedBytes(lowercased: Array(classAndID.utf8)), role: role)
  }

  /// Classifies one element from its lower-cased class, id and label bytes.
  static func marks(names: LowercasedBytes, role: String?) -> ElementMarks {
    marks(facts: names.bytes.withUnsafeBufferPointer { facts(of: $0) }, role: role)
  }

  /// Classifies one element from the facts of its names and its role.
  static func marks(facts: NameFacts, role: String?) -> ElementMarks {
    var marks: ElementMarks = []
    if let role, chromeRoles.contains(role) { marks.insert(.boilerplate) }
    if role == "main" || role == "article" { marks.insert(.positive) }
    if role == "complementary" { marks.insert(.sidebar) }
    let found = facts.found
    @inline(__always) func has(_ vocabulary: Vocabulary) -> Bool { found & vocabulary.rawValue != 0 }
    if has(.boilerplate) || facts.boilerplateWord { marks.insert(.boilerplate) }
    if has(.unlikely) && !has(.maybe) { marks.insert(.unlikely) }
    if has(.positive) { marks.insert(.positive) }
    if has(.negative) { marks.insert(.negative) }
    if has(.signals) { marks.insert(.signals) }
    if has(.comments) { marks.insert(.comments) }
    if has(.related) { marks.insert(.related) }
    // "content-sidebar-wrap", "main-with-sidebar": a wrapper around the article, not a sidebar.
    if has(.sidebar) && !has(.maybe) { marks.insert(.sidebar) }
    return marks
  }

  /// Lines that are ad slots, teasers or promos rather than content, compared after
  /// lower-casing and trimming punctuation: exact phrases…
  static let slotLines: Set<String> = Set(BoilerplatePhrases.bundled.all(\.lines))
  /// … and prefixes of short teaser lines ("Baca juga: …", "Lesen Sie auch: …"). Calls to
  /// action inside the article ("Klik di sini untuk…", "Join our march…") are not slots:
  /// the extract stage reads them.
  static let slotPrefixes: [String] = BoilerplatePhrases.bundled.all(\.prefixes)
  /// Phrases that, anywhere in a short line, make it a promo for a messaging channel or a
  /// cookie or copyright notice.
  static let promoPhrases: [String] = BoilerplatePhrases.bundled.all(\.promos)

  private static let slotLineBytes: Set<[UInt8]> = Set(slotLines.map { Array($0.utf8) })
  private static let slotPrefixNeedles = NeedleSet(slotPrefixes)
  private static let longestSlotLine = slotLines.map(\.utf8.count).max() ?? 0
  private static let promoNeedles = NeedleSet(promoPhrases)

  /// Whether a text line is an inline slot or promo (only short lines qualify).
  static func isSlotLine(_ text: String) -> Bool {
    guard text.utf8.count <= 320 else { return false }
    return isSlotLine(LowercasedBytes(text))
  }

  /// Whether a lower-cased line is an inline slot or promo.
  static func isSlotLine(_ line: LowercasedBytes) -> Bool {
    line.bytes.withUnsafeBufferPointer { isSlotLine(raw: $0) }
  }

  /// Whether a line (UTF-8, any case) is an inline slot or promo. Only short lines are
  /// lower-cased (for the exact-phrase set); the needle searches ignore case themselves.
  static func isSlotLine(raw bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard bytes.count <= 320 else { return false }
    let range = trimmedRange(bytes)
    let trimmed = UnsafeBufferPointer(rebasing: bytes[range])
    if trimmed.count <= longestSlotLine
      && slotLineBytes.contains(trimmed.map { $0 &- 65 < 26 ? $0 | 0x20 : $0 })
    {
      return true
    }
    if slotPrefixNeedles.startsAny(trimmed) { return true }
    if bytes.count <= 200, promoNeedles.occurs(in: bytes) { return true }
    return false
  }

  /// The range left after dropping leading and trailing spaces and ASCII punctuation.
  private static func trimmedRange(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
    var start = 0
    var end = bytes.count
    while start < end && isTrim(bytes[start]) { start += 1 }
    while end > start && isTrim(bytes[end - 1]) { end -= 1 }
    return start..<end
  }

  @inline(__always) private static func isTrim(_ b: UInt8) -> Bool {
    switch b {
    case 0x20, 0x09, 0x0A, 0x3A, 0x2D, 0x7C, 0x2E, 0x21, 0x3E, 0x3C, 0x2A, 0x5B, 0x5D, 0x28, 0x29: return true
    default: return false
    }
  }

}

extension String {
  /// Drops leading and trailing spaces and punctuation (ASCII and common Unicode dashes/quotes).
  func trimmingPunctuationAndSpace() -> String {
    let scalars = unicodeScalars
    func isTrim(_ s: Unicode.Scalar) -> Bool {
      switch s {
      case " ", "\u{A0}", "\t", "\n", ":", "-", "|", ".", "!", "»", "«", ">", "<", "–", "—", "*", "•", "[", "]",
        "(", ")":
        return true
      default: return false
      }
    }
    guard let first = scalars.firstIndex(where: { !isTrim($0) }) else { return "" }
    let last = scalars.lastIndex(where: { !isTrim($0) })!
    return String(scalars[first...last])
  }
}
