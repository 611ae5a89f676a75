import Foundation

/// A parsed JSON value (numbers keep whether they were written as integers).
enum JSONValue: Decodable, Equatable {
  case null, bool(Bool), integer(Int64), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

  init(from decoder: any Decoder) throws {
    let c = try decoder.singleValueContainer()
    if c.decodeNil() {
      self = .null
    } else if let b = try? c.decode(Bool.self) {
      self = .bool(b)
    } else if let i = try? c.decode(Int64.self) {
      self = .integer(i)
    } else if let d = try? c.decode(Double.self) {
      self = .number(d)
    } else if let s = try? c.decode(String.self) {
      self = .string(s)
    } else if let a = try? c.decode([JSONValue].self) {
      self = .array(a)
    } else {
      self = .object(try c.decode([String: JSONValue].self))
    }
  }

  static func parse(_ bytes: [UInt8]) throws -> JSONValue {
    try JSONDecoder().decode(JSONValue.self, from: Data(bytes))
  }

  subscript(key: String) -> JSONValue? {
    if case .object(let o) = self { return o[key] }
    return nil
  }

  var string: String? {
    if case .string(let s) = self { return s }
    return nil
  }
}

/// Checks a JSON value against the subset of JSON Schema 2020-12 that
/// `schemas/campaigns.schema.json` uses: `type`, `properties`, `required`,
/// `additionalProperties`, `items`, `enum`, `const`, `$ref` (to `#/$defs/…`), `minimum`,
/// `maximum`, `pattern`. Keywords outside the subset make the check fail loudly.
struct JSONSchemaCheck {
  let root: JSONValue
  static let known: Set<String> = [
    "$schema", "$id", "title", "description", "type", "properties", "required", "additionalProperties", "items", "enum",
    "const", "$ref", "minimum", "maximum", "pattern", "$defs",
  ]

  /// Every violation, as `path: message`.
  func errors(_ value: JSONValue) -> [String] {
    var out: [String] = []
    check(value, root, "$", &out)
    return out
  }

  private func check(_ value: JSONValue, _ schema: JSONValue, _ path: String, _ out: inout [String]) {
    guard case .object(let s) = schema else { return }
    for key in s.keys where !Self.known.contains(key) { out.append("\(path): schema keyword \(key) not supported") }
    if let r = s["$ref"]?.string {
      let name = String(r.dropFirst("#/$defs/".count))
      guard let target = root["$defs"]?[name] else {
        out.append("\(path): unresolved \(r)")
        return
      }
      check(value, target, path, &out)
    }
    if let type = s["type"] {
      let allowed: [String]
      switch type {
      case .string(let t): allowed = [t]
      case .array(let ts): allowed = ts.compactMap(\.string)
      default: allowed = []
      }
      if !allowed.contains(where: { matches(value, $0) }) { out.append("\(path): expected \(allowed), got \(value)") }
    }
    if let e = s["enum"], case .array(let options) = e, !options.contains(value) {
      out.append("\(path): \(value) not in enum")
    }
    if let c = s["const"], c != value { out.append("\(path): expected const \(c)") }
    if let minimum = s["minimum"].flatMap(number), let v = number(value), v < minimum {
      out.append("\(path): \(v) < minimum \(minimum)")
    }
    if let maximum = s["maximum"].flatMap(number), let v = number(value), v > maximum {
      out.append("\(path): \(v) > maximum \(maximum)")
    }
    if let p = s["pattern"]?.string, case .string(let text) = value {
      if let regex = try? Regex(p), (try? regex.firstMatch(in: text)) == nil {
        out.append("\(path): \(text) does not match \(p)")
      }
    }
    if case .object(let o) = value {
      if case .array(let required)? = s["required"] {
        for r in required.compactMap(\.string) where o[r] == nil { out.append("\(path): missing required \(r)") }
      }
      let properties: [String: JSONValue]
      if case .object(let p)? = s["properties"] { properties = p } else { properties = [:] }
      for (key, child) in o {
        if let ps = properties[key] {
          check(child, ps, "\(path).\(key)", &out)
        } else if let additional = s["additionalProperties"] {
          if additional == .bool(false) {
            out.append("\(path): unexpected key \(key)")
          } else if case .object = additional {
            check(child, additional, "\(path).\(key)", &out)
          }
        }
      }
    }
    if case .array(let items) = value, let itemSchema = s["items"] {
      for (i, item) in items.enumerated() { check(item, itemSchema, "\(path)[\(i)]", &out) }
    }
  }

  private func number(_ v: JSONValue) -> Double? {
    switch v {
    case .integer(let i): Double(i)
    case .number(let d): d
    default: nil
    }
  }

  private func matches(_ v: JSONValue, _ type: String) -> Bool {
    switch (type, v) {
    case ("null", .null), ("boolean", .bool), ("integer", .integer), ("number", .integer), ("number", .number),
      ("string", .string), ("array", .array), ("object", .object):
      true
    case ("integer", .number(let d)): d == d.rounded()
    default: false
    }
  }
}
