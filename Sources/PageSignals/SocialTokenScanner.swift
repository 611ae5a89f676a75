// Hashtags and @mentions in text, in one pass over the bytes.
//
// Hashtag: `#` (or fullwidth `＃`) not preceded by a letter, digit, `_`, `&`, `/`, `#`, `=`, `?`,
// `%` or `\` (so no HTML entities `&#39;`, URL anchors `page#top`, `a#b`), not inside a URL token,
// then letters, digits, marks and `_` of any script, with at least one letter (`#1` is no
// hashtag) and at most 100 scalars. Hex colours with a digit (`#1a2b3c`, `#FF0000`) are skipped.
// Mention: `@` (or `＠`) not preceded by a word character or `.` `-` `+` `=` `/` `@` `&` (no emails,
// no `medium.com/@name`), then ASCII letters, digits, `_` and inner `.`, 1–30 long, not followed by
// another `@`. Both lists keep the first spelling of each case-insensitive duplicate, in order.

import SlackscoreCore

/// Scans text for hashtags and mentions.
enum SocialTokenScanner {
  enum Kind {
    case hashtag, mention
  }

  static func tokens(_ kind: Kind, in string: String) -> [String] {
    let both = tokens(in: string)
    return kind == .hashtag ? both.hashtags : both.mentions
  }

  /// Hashtags and mentions in one pass: no byte of a hashtag body can start a mention or the
  /// other way round, so one scan finds exactly what two would.
  static func tokens(in string: String) -> (hashtags: [String], mentions: [String]) {
    ByteText.with(string) { text in
      var hashtags: [String] = []
      var mentions: [String] = []
      var seen = Set<String>()
      var index = 0
      while index < text.count {
        // Skip eight bytes at a time while none is `#`, `@` or the lead byte 0xEF of their
        // fullwidth forms.
        index = ByteSearch.skipWords(text.bytes, from: index, until: 0x23, 0x40, 0xEF)
        guard index < text.count else { break }
        let byte = text[index]
        var kind: Kind?
        var markerLength = 1
        switch byte {
        case 0x23: kind = .hashtag
        case 0x40: kind = .mention
        case 0xEF:
          markerLength = 3
          switch text.scalar(at: index).value {
          case 0xFF03: kind = .hashtag
          case 0xFF20: kind = .mention
          default: break
          }
        default: break
        }
        guard let kind else {
          index += 1
          continue
        }
        let bodyStart = index + markerLength
        let bodyEnd =
          kind == .hashtag
          ? hashtagEnd(text, marker: index, body: bodyStart) : mentionEnd(text, marker: index, body: bodyStart)
        guard let bodyEnd else {
          index = bodyStart
          continue
        }
        let token = (kind == .hashtag ? "#" : "@") + text.string(bodyStart, bodyEnd)
        if seen.insert(token.lowercased()).inserted {
          if kind == .hashtag { hashtags.append(token) } else { mentions.append(token) }
        }
        index = bodyEnd
      }
      return (hashtags, mentions)
    }
  }

  private static func isTagScalar(_ value: UInt32) -> (ok: Bool, letter: Bool) {
    if value < 0x80 {
      let byte = UInt8(value)
      if ByteText.isASCIILetter(byte) { return (true, true) }
      return (ByteText.isDigit(byte) || byte == 0x5F, false)
    }
    guard let scalar = Unicode.Scalar(value) else { return (false, false) }
    let properties = scalar.properties
    if properties.isAlphabetic { return (true, true) }
    switch properties.generalCategory {
    case .decimalNumber, .nonspacingMark, .spacingMark, .connectorPunctuation: return (true, false)
    default: return (false, false)
    }
  }

  /// Where the hashtag body starting at `body` ends, or nil when the `#` at `marker` starts none.
  private static func hashtagEnd(_ text: ByteText, marker: Int, body: Int) -> Int? {
    if let (previous, _) = text.scalar(before: marker) {
      if ByteText.isWordScalar(previous) { return nil }
      switch previous {
      case 0x26, 0x2F, 0x23, 0x3D, 0x3F, 0x25, 0x5C, 0x40: return nil  // & / # = ? % \ @
      default: break
      }
    }
    var index = body
    var scalars = 0
    var letters = 0
    var allHex = true
    var digits = 0
    while index < text.count {
      let (value, length) = text.scalar(at: index)
      let (ok, letter) = isTagScalar(value)
      guard ok else { break }
      scalars += 1
      if letter { letters += 1 }
      if value >= 0x30 && value <= 0x39 { digits += 1 }
      let isHex = (value >= 0x30 && value <= 0x39) || (value | 0x20 >= 0x61 && value | 0x20 <= 0x66)
      if !isHex { allHex = false }
      index += length
    }
    guard letters > 0, scalars <= 100 else { return nil }
    if allHex && digits > 0 && [3, 4, 6, 8].contains(scalars) { return nil }
    if insideURL(text, before: marker) { return nil }
    return index
  }

  /// Where the mention body starting at `body` ends, or nil when the `@` at `marker` starts none.
  private static func mentionEnd(_ text: ByteText, marker: Int, body: Int) -> Int? {
    if let (previous, _) = text.scalar(before: marker) {
      if ByteText.isWordScalar(previous) { return nil }
      switch previous {
      case 0x2E, 0x2D, 0x2B, 0x3D, 0x2F, 0x40, 0x26: return nil  // . - + = / @ &
      default: break
      }
    }
    var index = body
    var hasAlphanumeric = false
    while index < text.count {
      let byte = text[index]
      if ByteText.isASCIILetter(byte) || ByteText.isDigit(byte) || byte == 0x5F {
        hasAlphanumeric = true
      } else if byte != 0x2E {
        break
      }
      index += 1
    }
    var end = index
    while end > body, text[end - 1] == 0x2E { end -= 1 }  // "@jokowi." ends the sentence
    guard hasAlphanumeric, end > body, end - body <= 30, text[body] != 0x2E else { return nil }
    if index < text.count {
      if text[index] == 0x40 { return nil }
      if text.isWordScalar(at: index) { return nil }  // non-ASCII letters glued on: not a handle
    }
    if insideURL(text, before: marker) { return nil }
    return end
  }

  private static let wwwPrefix = Array("www.".utf8)

  /// Whether the whitespace-delimited token holding `index` is a URL (`scheme://`, `www.`);
  /// looks back at most 1 KiB.
  private static func insideURL(_ text: ByteText, before index: Int) -> Bool {
    var start = index
    let floor = max(0, index - 1024)
    while start > floor {
      let byte = text[start - 1]
      if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x22 || byte == 0x3C { break }
      start -= 1
    }
    guard start < index else { return false }
    if text.hasPrefixIgnoringCase(wwwPrefix, at: start) { return true }
    var position = start
    while position + 2 < index {
      if text[position] == 0x3A && text[position + 1] == 0x2F && text[position + 2] == 0x2F { return true }
      position += 1
    }
    return false
  }
}
