// schema.org interaction types (JSON-LD, microdata, the old `interactionCount` meta) → counter
// kinds, and reading a count written as a JSON number or a numeric string.

/// Maps schema.org `interactionType` values to counter kinds.
enum InteractionTypes {
  /// Type names (without the schema.org prefix, lowercased) and their kind.
  private static let kinds: [String: String] = [
    "likeaction": "likes", "userlikes": "likes", "endorseaction": "likes",
    "shareaction": "shares", "sendaction": "shares",
    "commentaction": "comments", "replyaction": "comments", "usercomments": "comments",
    "watchaction": "views", "viewaction": "views", "readaction": "views", "listenaction": "views",
    "userpagevisits": "views", "userplays": "views",
    "reactaction": "reactions", "dislikeaction": "reactions", "agreeaction": "reactions",
    "disagreeaction": "reactions",
    "followaction": "followers", "subscribeaction": "followers",
    "donateaction": "donors",
    "rsvpaction": "attendees", "joinaction": "attendees",
  ]

  /// The kind for an interaction type such as "https://schema.org/LikeAction", "http://schema.org/ShareAction",
  /// "schema:CommentAction", "WatchAction", or "UserLikes"; nil when not a counted type.
  static func kind(for type: String) -> String? {
    var name = Substring(type)
    while let last = name.last, last == " " || last == "/" { name.removeLast() }
    while let first = name.first, first == " " { name.removeFirst() }
    if let cut = name.lastIndex(where: { $0 == "/" || $0 == "#" || $0 == ":" }) {
      name = name[name.index(after: cut)...]
    }
    return kinds[name.lowercased()]
  }

  /// The kind for an `interactionType` JSON value: a string, or an object with `@type`/`@id`/`name`.
  static func kind(for value: JSONValue) -> String? {
    switch value {
    case .string(let type): return kind(for: type)
    case .object:
      for key in ["@type", "@id", "name", "url"] {
        if let type = value[key]?.stringValue, let kind = kind(for: type) { return kind }
      }
      return nil
    case .array(let values):
      return values.lazy.compactMap { kind(for: $0) }.first
    default: return nil
    }
  }
}

/// Reads counts written as JSON numbers or numeric strings.
enum CountValue {
  /// The value and the text it was written with, for a JSON number or a string that holds only
  /// a number ("1204", "1,204", "1.2K", " 87 "); nil for anything else (booleans, words, negative).
  static func read(_ value: JSONValue) -> (value: Double, raw: String)? {
    switch value {
    case .number(let raw):
      guard let number = Double(raw), number >= 0, number.isFinite else { return nil }
      return (number, raw)
    case .string(let string):
      guard let number = numericString(string) else { return nil }
      return (number, string)
    default:
      return nil
    }
  }

  /// The value of a string that is only a number, possibly with separators, a scale word and `+`
  /// ("1.204", "1,2 rb", "3.4K", "10rb+"); nil for "12 komentar", "Rp 5", "abc".
  static func numericString(_ string: String) -> Double? {
    guard !string.isEmpty, string.utf8.count <= 40 else { return nil }
    return ByteText.with(string) { text in
      let start = text.skipSpaces(from: 0)
      guard start < text.count, ByteText.isDigit(text[start]) else { return nil }
      guard let reading = NumberReader(text: text, locale: .unknown).read(at: start).reading,
        reading.currency == nil, text.skipSpaces(from: reading.end) == text.count
      else { return nil }
      return reading.value
    }
  }

  /// A number followed by an interaction type, as some sites write `userInteractionCount`:
  /// "5555 UserLikes", "12 UserComments". Gives the number and the type's kind (nil when the
  /// word is no known type).
  static func numberWithType(_ string: String) -> (value: Double, kind: String?)? {
    guard string.utf8.count <= 60 else { return nil }
    let parts = string.split(separator: " ", omittingEmptySubsequences: true)
    guard parts.count == 2, let value = numericString(String(parts[0])) else { return nil }
    return (value, InteractionTypes.kind(for: String(parts[1])))
  }
}
