// Counters in `<meta>` tags. OpenGraph defines no counts; what pages carry is:
// - site-specific names whose last segment (after `:`, `/` or `.`) is a count key from
//   `CounterKeys`: `article:comment_count`, `og:video:view_count`, `fb:likes`, `likes`, ...;
// - the old schema.org microdata `<meta itemprop="interactionCount" content="UserLikes:12">`;
// - Twitter card label/data pairs (`twitter:label1` "Likes", `twitter:data1` "1,204"), read by
//   `pairs(_:)` because the label and the number sit in two tags.
// Content must be a number (with separators, a scale word, `+`); money may carry a currency.

import SlackscoreCore

/// Reads counters from meta tags.
enum MetaCounters {
  static func counter(name: String, content: String) -> Counter? {
    let lowered = name.lowercased()
    if lowered.hasSuffix("interactioncount") { return legacyInteractionCount(content, origin: .meta) }
    if lowered.hasPrefix("twitter:label") || lowered.hasPrefix("twitter:data") { return nil }
    let segment = lowered.split(whereSeparator: { $0 == ":" || $0 == "/" || $0 == "." }).last.map(String.init) ?? ""
    guard let kind = CounterKeys.kindsByHash[CounterKeys.hash(segment)] else { return nil }
    return counter(kind: kind, content: content, origin: .meta)
  }

  /// Counters from all meta tags of a page: each tag through `counter(name:content:)`, plus the
  /// Twitter card `twitter:labelN`/`twitter:dataN` pairs whose label names a count.
  static func pairs(_ pairs: [(name: String, content: String)]) -> [Counter] {
    var counters: [Counter] = []
    var labels: [Substring: String] = [:]
    var data: [(slot: Substring, content: String)] = []
    for (name, content) in pairs {
      let lowered = name.lowercased()
      if lowered.hasPrefix("twitter:label") {
        labels[Substring(lowered.dropFirst("twitter:label".count))] = content
      } else if lowered.hasPrefix("twitter:data") {
        data.append((Substring(lowered.dropFirst("twitter:data".count)), content))
      } else if let counter = counter(name: name, content: content) {
        counters.append(counter)
      }
    }
    for (slot, content) in data {
      guard let label = labels[slot], let role = role(forLabel: label) else { continue }
      let amount = LocaleNumber.parseAmount(content, lang: nil)
      let kind: String
      switch role {
      case .kind(let name): kind = name
      case .raised: kind = "funds_raised"
      case .goal: kind = amount?.currency != nil ? "funds_goal" : "signature_goal"
      case .remainder: continue
      }
      if let counter = counter(kind: kind, content: content, origin: .meta) { counters.append(counter) }
    }
    return counters
  }

  /// "UserLikes:12", "http://schema.org/CommentAction: 7" → a counter.
  static func legacyInteractionCount(_ content: String, origin: CounterOrigin) -> Counter? {
    guard let colon = content.lastIndex(of: ":") else { return nil }
    let type = String(content[..<colon])
    let count = String(content[content.index(after: colon)...])
    guard let kind = InteractionTypes.kind(for: type), let value = CountValue.numericString(count) else { return nil }
    var raw = Substring(count)
    while raw.first == " " { raw.removeFirst() }
    return Counter(kind: kind, value: value, raw: String(raw), origin: origin)
  }

  /// A counter of `kind` from a meta content: a plain number, or money for the funds kinds.
  static func counter(kind: String, content: String, origin: CounterOrigin) -> Counter? {
    if kind.hasPrefix("funds_") {
      guard let amount = LocaleNumber.parseAmount(content, lang: nil) else { return nil }
      return Counter(kind: kind, value: amount.value, currency: amount.currency, raw: content, origin: origin)
    }
    guard let value = CountValue.numericString(content) else { return nil }
    return Counter(kind: kind, value: value, raw: content, origin: origin)
  }

  /// The role a label names ("Likes", "Tanda tangan", "Dana terkumpul"), using the phrase table.
  static func role(forLabel label: String) -> CounterRole? {
    let words = label.lowercased().split(whereSeparator: { !$0.isLetter }).map { Array($0.utf8) }
    guard !words.isEmpty, words.count <= 6 else { return nil }
    var best: (role: CounterRole, length: Int)?
    for phrase in TextCounterPatterns.phrases where phrase.words.count > (best?.length ?? 0) {
      let length = phrase.words.count
      guard length <= words.count else { continue }
      for start in 0...(words.count - length) {
        let all = (0..<length).allSatisfy { offset in
          let expected = phrase.words[offset]
          let word = words[start + offset]
          return expected.prefix ? word.starts(with: expected.bytes) : word == expected.bytes
        }
        if all {
          best = (phrase.role, length)
          break
        }
      }
    }
    return best?.role
  }
}
