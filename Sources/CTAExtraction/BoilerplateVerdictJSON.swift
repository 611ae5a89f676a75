import SlackscoreCore

extension BoilerplateMarker.Verdict {
  /// The line `CallToAction.jsonBytes()` writes for the call to action of `json` (a line it wrote)
  /// with the verdict applied, patched in place of decoding and encoding it again: `boilerplate` set,
  /// `recurring-on-site` added to `cues`. Nil when the bytes are not in that shape or a cue has an
  /// escape (the caller decodes then).
  public func applied(toJSON json: ArraySlice<UInt8>) -> [UInt8]? {
    let head: StaticString = "{\"boilerplate\":"
    let cuesKey: StaticString = ",\"cues\":["
    guard let afterHead = Self.skip(head, in: json, at: json.startIndex) else { return nil }
    let wasBoilerplate: Bool
    var i: Int
    if let k = Self.skip("true", in: json, at: afterHead) {
      wasBoilerplate = true
      i = k
    } else if let k = Self.skip("false", in: json, at: afterHead) {
      wasBoilerplate = false
      i = k
    } else {
      return nil
    }
    // Keys are written in order (boilerplate, category, confidence, cues) and a quote inside a
    // string is escaped, so the first `,"cues":[` is the key.
    let rest = i
    while i < json.endIndex && Self.skip(cuesKey, in: json, at: i) == nil { i += 1 }
    guard i < json.endIndex, var j = Self.skip(cuesKey, in: json, at: i) else { return nil }
    var cues: [String] = []
    while true {
      guard j < json.endIndex else { return nil }
      if json[j] == UInt8(ascii: "]") {
        j += 1
        break
      }
      if !cues.isEmpty {
        guard json[j] == UInt8(ascii: ",") else { return nil }
        j += 1
      }
      guard j < json.endIndex, json[j] == UInt8(ascii: "\"") else { return nil }
      let start = j + 1
      j = start
      while j < json.endIndex && json[j] != UInt8(ascii: "\"") {
        if json[j] == UInt8(ascii: "\\") || json[j] < 0x20 { return nil }
        j += 1
      }
      guard j < json.endIndex else { return nil }
      cues.append(String(decoding: json[start..<j], as: UTF8.self))
      j += 1
    }
    var out: [UInt8] = []
    out.reserveCapacity(json.count + 24)
    JSONBytes.appendRaw("{\"boilerplate\":", to: &out)
    JSONBytes.appendBool(wasBoilerplate || boilerplate, to: &out)
    out.append(contentsOf: json[rest..<i])
    JSONBytes.appendRaw(",\"cues\":", to: &out)
    JSONBytes.appendStrings(recurring ? BoilerplateMarker.adding("recurring-on-site", to: cues) : cues, to: &out)
    out.append(contentsOf: json[j...])
    return out
  }

  /// The index after `literal` when `json` holds it at `i`, else nil.
  private static func skip(_ literal: StaticString, in json: ArraySlice<UInt8>, at i: Int) -> Int? {
    let n = literal.utf8CodeUnitCount
    guard json.endIndex - i >= n else { return nil }
    let bytes = literal.utf8Start
    for k in 0..<n where json[i + k] != bytes[k] { return nil }
    return i + n
  }
}
