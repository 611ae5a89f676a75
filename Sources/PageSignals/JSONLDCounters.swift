// Counters in a JSON-LD block: `interactionStatistic` (one `InteractionCounter` or an array,
// `interactionType` as a string or an object with `@type`, `userInteractionCount` as a number or
// numeric string), the older `interactionCount` ("UserLikes:12"), and `commentCount`. The walk
// covers `@graph`, arrays and nested objects, but not into `Comment`/`Answer` nodes: their
// counts belong to the comment, not to the page. Other fields are not counted.

import SlackscoreCore

/// Reads counters from one JSON-LD block.
enum JSONLDCounters {
  /// Types whose statistics are not the page's own.
  private static let foreignTypes: Set<String> = ["comment", "answer", "review"]

  static func counters(in json: String) -> [Counter] {
    // `articleBody` and `description` need not be decoded: types, URLs and counts are short.
    guard let root = TolerantJSON.parse(json, longStringLimit: 256) else { return [] }
    var counters: [Counter] = []
    walk(root, isRoot: true, subject: "page", into: &counters)
    return dedup(counters)
  }

  /// Keys whose nodes are other items than the page's main entity, and what they are.
  private static let subjectKeys: [String: String] = [
    "itemListElement": "related", "relatedLink": "related", "isPartOf": "related", "author": "related",
    "publisher": "related", "creator": "related", "sourceOrganization": "related", "mentions": "related",
    "about": "related", "citation": "related", "subjectOf": "related", "workExample": "related",
    "isRelatedTo": "related", "isSimilarTo": "related", "hasPart": "related", "potentialAction": "related",
    "sharedContent": "quoted", "isBasedOn": "quoted", "quotation": "quoted",
    "video": "embedded", "associatedMedia": "embedded", "image": "embedded", "audio": "embedded",
    "comment": "comment", "review": "comment",
  ]

  /// Walks the tree; `subject` is whose counts the current node holds (`page` for the main
  /// entity: the root nodes, `@graph` members, `mainEntity`).
  private static func walk(_ value: JSONValue, isRoot: Bool, subject: String, into counters: inout [Counter]) {
    switch value {
    case .array(let elements):
      for element in elements { walk(element, isRoot: isRoot, subject: subject, into: &counters) }
    case .object(let members):
      if !isRoot, isForeign(value) { return }
      for (key, member) in members {
        switch key {
        case "interactionStatistic", "interactionStatistics":
          statistics(member, subject: subject, into: &counters)
        case "interactionCount":
          // "UserLikes:12"; a bare number says nothing about the kind, except on a video or a
          // recording, where it was the play count (Vimeo's `"interactionCount":96888`).
          if let text = member.stringValue, var counter = MetaCounters.legacyInteractionCount(text, origin: .jsonld) {
            counter.subject = subject
            counters.append(counter)
          } else if isMedia(value), let (number, raw) = CountValue.read(member) {
            counters.append(Counter(kind: "views", value: number, raw: raw, origin: .jsonld, subject: subject))
          }
        case "commentCount":
          if let (number, raw) = CountValue.read(member) {
            counters.append(Counter(kind: "comments", value: number, raw: raw, origin: .jsonld, subject: subject))
          }
        case "@graph", "mainEntity":
          walk(member, isRoot: isRoot, subject: subject, into: &counters)
        default:
          walk(member, isRoot: false, subject: subjectKeys[key] ?? subject, into: &counters)
        }
      }
    default:
      return
    }
  }

  /// Types whose bare `interactionCount` is a play count.
  private static let mediaTypes: Set<String> = [
    "videoobject", "audioobject", "mediaobject", "musicrecording", "movie", "episode", "tvepisode",
    "podcastepisode", "clip",
  ]

  private static func isMedia(_ node: JSONValue) -> Bool { hasType(node, in: mediaTypes) }

  private static func isForeign(_ node: JSONValue) -> Bool { hasType(node, in: foreignTypes) }

  /// Whether the node's `@type` (a string or an array of them), lower-cased, is one of `types`.
  private static func hasType(_ node: JSONValue, in types: Set<String>) -> Bool {
    switch node["@type"] {
    case .string(let type)?:
      return types.contains(type.lowercased())
    case .array(let list)?:
      return list.contains { $0.stringValue.map { types.contains($0.lowercased()) } ?? false }
    default: return false
    }
  }

  private static func statistics(_ value: JSONValue, subject: String, into counters: inout [Counter]) {
    switch value {
    case .array(let elements):
      for element in elements { statistics(element, subject: subject, into: &counters) }
    case .object:
      guard let count = value["userInteractionCount"] else { return }
      let declared = value["interactionType"].flatMap { InteractionTypes.kind(for: $0) }
      if let kind = declared, let (number, raw) = CountValue.read(count) {
        counters.append(Counter(kind: kind, value: number, raw: raw, origin: .jsonld, subject: subject))
      } else if let text = count.stringValue, let (number, named) = CountValue.numberWithType(text),
        let kind = declared ?? named
      {
        // "5555 UserLikes": the count with its type written after it.
        counters.append(Counter(kind: kind, value: number, raw: text, origin: .jsonld, subject: subject))
      }
    default:
      return
    }
  }

  /// Drops exact repeats (the same statistic under two `@graph` nodes), keeping the first.
  static func dedup(_ counters: [Counter]) -> [Counter] {
    var seen = Set<Counter>()
    return counters.filter { seen.insert($0).inserted }
  }
}
