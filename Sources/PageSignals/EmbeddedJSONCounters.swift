// Counters in embedded page JSON: `<script>` bodies such as `window.__INITIAL_STATE__ = {...};`,
// `self.__next_f.push(...)`, or whole `application/json` bodies. Every `{` that starts a
// parseable object is read (a work budget keeps hostile scripts linear); a string value that is
// itself a JSON object (`JSON.parse("{...}")`) is read too.
//
// Rules:
// - Keys from `CounterKeys` with a number or numeric-string value (or an object holding one
//   under `total`/`total_count`/`count`/`value`/...) give a counter; raw is the number as written.
// - `goal`/`target` count only with a sibling that tells what they are: a currency or a raised
//   amount (funds_goal), or a signature count (signature_goal).
// - Money keys take their currency from a sibling `currency`/`currencyCode`/... key.
// - Objects in arrays of two or more objects are lists (comments, related posts): skipped.
// - One counter per kind: the one nearest the root, the first in document order on a tie.

import SlackscoreCore

/// Reads counters from embedded page JSON.
enum EmbeddedJSONCounters {
  private struct Found {
    var counter: Counter
    var depth: Int
  }

  /// Longer strings are not decoded: counts, currency codes and nested JSON are what matter.
  static let longStringLimit = 64

  static func counters(in script: String) -> [Counter] {
    var found: [String: Found] = [:]
    var order: [String] = []
    ByteText.with(script) { text in
      var budget = 4 * text.count + 65_536
      // A `[` is read only where the text starts (a whole JSON array body).
      let firstByte = text.skipSpaces(from: 0)
      var index = 0
      while index < text.count, budget > 0 {
        let byte = text[index]
        if (byte == 0x22 || byte == 0x27), index + 1 < text.count, text[index + 1] == 0x7B {
          // A JSON string holding an object: JSON.parse("{\"post\":...}").
          var parser = TolerantJSON(text: text, at: index, longStringLimit: Self.longStringLimit)
          let value = parser.value()
          budget -= max(parser.index - index, 1)
          if let inner = value?.stringValue, let nested = TolerantJSON.parse(inner) {
            walk(nested, depth: 0, into: &found, order: &order)
            index = parser.index
            continue
          }
        }
        guard byte == 0x7B || (byte == 0x5B && index == firstByte) else {
          index += 1
          continue
        }
        var parser = TolerantJSON(text: text, at: index, longStringLimit: Self.longStringLimit)
        let value = parser.value()
        budget -= max(parser.index - index, 1)
        if let value {
          walk(value, depth: 0, into: &found, order: &order)
          index = parser.index
        } else {
          index += 1
        }
      }
    }
    return order.compactMap { found[$0]?.counter }
  }

  private static func walk(_ value: JSONValue, depth: Int, into found: inout [String: Found], order: inout [String]) {
    switch value {
    case .array(let elements):
      let objects = elements.reduce(0) { count, element in
        if case .object = element { return count + 1 }
        return count
      }
      guard objects < 2 else { return }
      for element in elements { walk(element, depth: depth + 1, into: &found, order: &order) }
    case .object(let members):
      read(members, depth: depth, into: &found, order: &order)
      for (_, member) in members {
        switch member {
        case .object, .array: walk(member, depth: depth + 1, into: &found, order: &order)
        case .string(let string) where string.utf8.first == 0x7B && string.utf8.count > 16:
          if let nested = TolerantJSON.parse(string) { walk(nested, depth: depth + 1, into: &found, order: &order) }
        default: break
        }
      }
    default:
      return
    }
  }

  /// The counters among one object's members.
  private static func read(
    _ members: [(key: String, value: JSONValue)], depth: Int, into found: inout [String: Found],
    order: inout [String]
  ) {
    var currency: String?
    var hasSignatures = false
    var hasFunds = false
    var pending: [(kind: String, value: Double, raw: String)] = []
    var goals: [(value: Double, raw: String)] = []
    for (key, member) in members {
      let name = CounterKeys.hash(key)
      if CounterKeys.currencyKeys.contains(name), let code = member.stringValue {
        currency = currencyCode(code) ?? currency
        continue
      }
      guard let (number, raw) = count(in: member) else { continue }
      if currency == nil, case .object(let inner) = member {
        // {"amount_raised": {"value": 5000, "currency": "IDR"}}
        for (innerKey, innerValue) in inner where CounterKeys.currencyKeys.contains(CounterKeys.hash(innerKey)) {
          if let code = innerValue.stringValue { currency = currencyCode(code) }
        }
      }
      if CounterKeys.contextualGoals.contains(name) {
        goals.append((number, raw))
      } else if let kind = CounterKeys.kindsByHash[name] {
        if kind == "signatures" { hasSignatures = true }
        if kind.hasPrefix("funds_") { hasFunds = true }
        pending.append((kind, number, raw))
      }
    }
    for goal in goals {
      if currency != nil || hasFunds {
        pending.append(("funds_goal", goal.value, goal.raw))
      } else if hasSignatures {
        pending.append(("signature_goal", goal.value, goal.raw))
      }
    }
    for item in pending {
      let money = item.kind.hasPrefix("funds_")
      let counter = Counter(
        kind: item.kind, value: item.value, currency: money ? currency : nil, raw: item.raw, origin: .embeddedJSON)
      if let existing = found[item.kind] {
        if existing.depth <= depth { continue }
      } else {
        order.append(item.kind)
      }
      found[item.kind] = Found(counter: counter, depth: depth)
    }
  }

  /// An ISO code for a currency value: a sign or code we know, or any other three letters.
  private static func currencyCode(_ value: String) -> String? {
    CurrencySigns.code(for: value) ?? (value.utf8.count == 3 && value.allSatisfy(\.isLetter) ? value.uppercased() : nil)
  }

  /// A count written as a number, a numeric string, or an object holding one (`{"total": 5}`).
  private static func count(in value: JSONValue) -> (value: Double, raw: String)? {
    if let read = CountValue.read(value) { return read }
    guard case .object(let members) = value else { return nil }
    var best: (rank: Int, value: Double, raw: String)?
    for (name, member) in members {
      guard let rank = CounterKeys.countMembers.firstIndex(of: CounterKeys.hash(name)), rank < (best?.rank ?? .max),
        let read = CountValue.read(member)
      else { continue }
      best = (rank, read.value, read.raw)
    }
    return best.map { ($0.value, $0.raw) }
  }
}
