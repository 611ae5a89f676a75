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
    walk(root, isRoot: true, into: &counters)
    return dedup(counters)
  }

  private static func walk(_ value: JSONValue, isRoot: Bool, into counters: inout [Counter]) {
    switch value {
    case .array(let elements):
      for element in elements { walk(element, isRoot: isRoot, into: &counters) }
    case .object(let members):
      if !isRoot, isForeign(value) { return }
      for (key, member) in members {
        switch key {
        case "interactionStatistic", "interactionStatistics":
          statistics(member, into: &counters)
        case "interactionCount":
          // "UserLikes:12"; a bare number says nothing about the kind.
          if let text = member.stringValue, let counter = MetaCounters.legacyInteractionCount(text, origin: "jsonld") {
            counters.append(counter)
          }
        case "commentCount":
          if let (number, raw) = CountValue.read(member) {
            counters.append(Counter(kind: "comments", value: number, raw: raw, origin: "jsonld"))
          }
        default:
          walk(member, isRoot: false, into: &counters)
        }
      }
    default:
      return
    }
  }

  private static func isForeign(_ node: JSONValue) -> Bool {
    switch node["@type"] {
    case .string(let type)?:
      return foreignTypes.contains(type.lowercased())
    case .array(let types)?:
      return types.contains { $0.stringValue.map { foreignTypes.contains($0.lowercased()) } ?? false }
    default: return false
    }
  }

  private static func statistics(_ value: JSONValue, into counters: inout [Counter]) {
    switch value {
    case .array(let elements):
      for element in elements { statistics(element, into: &counters) }
    case .object:
      guard let type = value["interactionType"], let kind = InteractionTypes.kind(for: type),
        let count = value["userInteractionCount"], let (number, raw) = CountValue.read(count)
      else { return }
      counters.append(Counter(kind: kind, value: number, raw: raw, origin: "jsonld"))
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
