/// The HTML elements the walkers treat specially; everything else is `other` (inline).
enum HTMLTag: UInt8, Sendable {
  case other
  case html, head, body, title, meta, link, base
  case script, style, noscript, template, svg, math, iframe, object, embed, canvas, video, audio
  case select, button, textarea, input, option, label
  case nav, footer, aside, header, form, menu, dialog
  case a, p, div, section, article, main, span
  case h1, h2, h3, h4, h5, h6
  case ul, ol, li, dl, dt, dd
  case table, tr, td, th, caption, thead, tbody
  case pre, blockquote, br, hr, img, picture, figure, figcaption
  case time, address, center, details, summary, fieldset, ins
  /// Ruby annotations (readings above the base text): not part of the running text.
  case rt, rp

  /// Looks a libxml2 element name (lower case, NUL-terminated) up without allocating.
  @inline(__always)
  static func lookup(_ name: UnsafePointer<UInt8>?) -> HTMLTag {
    guard let name else { return .other }
    var key: UInt64 = 0
    var length = 0
    while length < 8 {
      let byte = name[length]
      if byte == 0 { break }
      key |= UInt64(byte) << (8 * UInt64(length))
      length += 1
    }
    if length == 8 && name[8] != 0 {
      // Ten-letter names we care about; anything longer is inline.
      if name[9] != 0 && name[10] == 0 {
        if key == pack("blockquo") && name[8] == UInt8(ascii: "t") && name[9] == UInt8(ascii: "e") {
          return .blockquote
        }
        if key == pack("figcapti") && name[8] == UInt8(ascii: "o") && name[9] == UInt8(ascii: "n") {
          return .figcaption
        }
      }
      return .other
    }
    return TagTable.shared.tag(for: key)
  }

  private static func pack(_ s: StaticString) -> UInt64 {
    var key: UInt64 = 0
    var i = 0
    s.withUTF8Buffer { buffer in
      for byte in buffer where i < 8 {
        key |= UInt64(byte) << (8 * UInt64(i))
        i += 1
      }
    }
    return key
  }

  fileprivate static let lookupTable: [(UInt64, HTMLTag)] = {
    let names: [(StaticString, HTMLTag)] = [
      ("html", .html), ("head", .head), ("body", .body), ("title", .title), ("meta", .meta), ("link", .link),
      ("base", .base), ("script", .script), ("style", .style), ("noscript", .noscript), ("template", .template),
      ("svg", .svg), ("math", .math), ("iframe", .iframe), ("object", .object), ("embed", .embed),
      ("canvas", .canvas), ("video", .video), ("audio", .audio), ("select", .select), ("button", .button),
      ("textarea", .textarea), ("input", .input), ("option", .option), ("label", .label), ("nav", .nav),
      ("footer", .footer), ("aside", .aside), ("header", .header), ("form", .form), ("menu", .menu),
      ("dialog", .dialog), ("a", .a), ("p", .p), ("div", .div), ("section", .section), ("article", .article),
      ("main", .main), ("span", .span), ("h1", .h1), ("h2", .h2), ("h3", .h3), ("h4", .h4), ("h5", .h5),
      ("h6", .h6), ("ul", .ul), ("ol", .ol), ("li", .li), ("dl", .dl), ("dt", .dt), ("dd", .dd),
      ("table", .table), ("tr", .tr), ("td", .td), ("th", .th), ("caption", .caption), ("thead", .thead),
      ("tbody", .tbody), ("pre", .pre), ("br", .br), ("hr", .hr), ("img", .img), ("picture", .picture),
      ("figure", .figure), ("time", .time), ("address", .address), ("center", .center),
      ("details", .details), ("summary", .summary), ("fieldset", .fieldset), ("ins", .ins), ("rt", .rt),
      ("rp", .rp),
    ]
    return names.map { (pack($0.0), $0.1) }
  }()

  /// Elements whose content is never visible text.
  var isInvisible: Bool {
    switch self {
    case .head, .script, .style, .noscript, .template, .svg, .math, .iframe, .object, .embed, .canvas, .video,
      .audio, .select, .button, .textarea, .input, .option, .dialog, .title, .meta, .link, .base, .rt, .rp:
      return true
    default: return false
    }
  }

  /// Elements that start and end a line of text.
  var isBlock: Bool {
    switch self {
    case .p, .div, .section, .article, .main, .h1, .h2, .h3, .h4, .h5, .h6, .ul, .ol, .li, .dl, .dt, .dd,
      .table, .tr, .td, .th, .caption, .pre, .blockquote, .br, .hr, .figure, .figcaption, .header, .footer, .nav,
      .aside, .form, .address, .center, .details, .summary, .fieldset, .body, .html, .menu, .thead, .tbody:
      return true
    default: return false
    }
  }

  /// Headings.
  var isHeading: Bool {
    switch self {
    case .h1, .h2, .h3, .h4, .h5, .h6: return true
    default: return false
    }
  }

  /// Page-chrome elements by their very tag.
  var isChrome: Bool {
    switch self {
    case .nav, .footer, .aside, .header, .form, .menu, .figcaption: return true
    default: return false
    }
  }

  /// Elements that hold paragraphs directly (text in them counts as their own paragraph).
  var isContainer: Bool {
    switch self {
    case .div, .section, .article, .main, .body, .td, .center, .form, .header, .footer, .aside, .nav, .html,
      .details, .fieldset:
      return true
    default: return false
    }
  }
}

/// A fixed open-addressing table from packed names to tags: every element is looked up,
/// and a `Dictionary` (SipHash) cost more than the rest of the walk's bookkeeping.
private struct TagTable: Sendable {
  static let shared = TagTable(HTMLTag.lookupTable)
  private static let bits = 8
  private var keys = [UInt64](repeating: 0, count: 1 << bits)
  private var tags = [HTMLTag](repeating: .other, count: 1 << bits)

  init(_ entries: [(UInt64, HTMLTag)]) {
    for (key, tag) in entries {
      var slot = Self.slot(key)
      while keys[slot] != 0 { slot = (slot + 1) & ((1 << Self.bits) - 1) }
      keys[slot] = key
      tags[slot] = tag
    }
  }

  @inline(__always) func tag(for key: UInt64) -> HTMLTag {
    guard key != 0 else { return .other }
    var slot = Self.slot(key)
    while true {
      let stored = keys[slot]
      if stored == key { return tags[slot] }
      if stored == 0 { return .other }
      slot = (slot + 1) & ((1 << Self.bits) - 1)
    }
  }

  @inline(__always) private static func slot(_ key: UInt64) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
  }
}
