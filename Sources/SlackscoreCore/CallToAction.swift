import Foundation

/// One call to action found in a document: the output of `slackscore extract`, one JSON
/// object per line of `ctas.jsonl` (see `schemas/cta.schema.json`).
public struct CallToAction: Sendable, Hashable, Codable {
  public var docId: String
  /// The utterance that asks for the act.
  public var sentence: String
  /// Offsets into the document's `text`, in Unicode scalars (code points), end exclusive.
  public var start: Int
  public var end: Int
  public var lang: String?
  /// `share`, `follow`, `hashtag`, `sign`, `donate`, `attend`, `vote`, `contact`,
  /// `volunteer`, `boycott`, `buy`.
  public var category: String
  /// 1 (a click) to 5 (a day in the street); the mapping lives in a data file.
  public var effort: Int
  public var target: CTATarget?
  /// The cues that fired, e.g. `imperative`, `lexicon:sign`, `link:petition`.
  public var cues: [String]
  public var confidence: Double
  /// True when the ask belongs to the publisher (newsletter, app, channel promo), not the campaign.
  public var boilerplate: Bool
  /// True when the sentence reports or quotes someone else's ask ("the group urged residents to
  /// sign"): kept for readers, never counted as the page's call to action (the score stage skips
  /// these rows). Absent (nil) for the page's own asks.
  public var reported: Bool?

  public init(
    docId: String, sentence: String, start: Int, end: Int, lang: String?, category: String, effort: Int,
    target: CTATarget?, cues: [String], confidence: Double, boilerplate: Bool, reported: Bool? = nil
  ) {
    self.docId = docId
    self.sentence = sentence
    self.start = start
    self.end = end
    self.lang = lang
    self.category = category
    self.effort = effort
    self.target = target
    self.cues = cues
    self.confidence = confidence
    self.boilerplate = boilerplate
    self.reported = reported
  }
}

/// Where a call to action points: a petition, donation, event, voting or contact platform.
public struct CTATarget: Sendable, Hashable, Codable {
  public var url: String
  /// Registry name, e.g. `change.org`, `kitabisa`, or `other`.
  public var platform: String
  /// Platform kind from the registry: `petition`, `donation`, `event`, `vote`, `contact`, `social`.
  public var kind: String?

  public init(url: String, platform: String, kind: String? = nil) {
    self.url = url
    self.platform = platform
    self.kind = kind
  }
}

extension CallToAction {
  /// The call to action as `JSONCoding.lineEncoder()` encodes it (keys sorted, absent optionals
  /// left out), byte for byte, without `JSONEncoder`'s cost; no line break. Falls back to the
  /// encoder for a confidence that is not finite (which it refuses).
  public func jsonBytes() throws -> [UInt8] {
    var out: [UInt8] = []
    try appendJSON(to: &out)
    return out
  }

  /// Appends what `jsonBytes()` gives to `out` (one buffer for many lines, no array per line).
  public func appendJSON(to out: inout [UInt8]) throws {
    guard confidence.isFinite else {
      out.append(contentsOf: try JSONCoding.lineEncoder().encode(self))
      return
    }
    // Room for the line; grown geometrically, so that many lines appended to one buffer stay linear.
    let needed = out.count + sentence.utf8.count + docId.utf8.count + 24 * cues.count + 256
    if out.capacity < needed { out.reserveCapacity(max(needed, 2 * out.capacity)) }
    JSONBytes.appendRaw("{\"boilerplate\":", to: &out)
    JSONBytes.appendBool(boilerplate, to: &out)
    JSONBytes.appendRaw(",\"category\":", to: &out)
    JSONBytes.appendString(category, to: &out)
    JSONBytes.appendRaw(",\"confidence\":", to: &out)
    JSONBytes.appendNumber(confidence, to: &out)
    JSONBytes.appendRaw(",\"cues\":", to: &out)
    JSONBytes.appendStrings(cues, to: &out)
    JSONBytes.appendRaw(",\"doc_id\":", to: &out)
    JSONBytes.appendString(docId, to: &out)
    JSONBytes.appendRaw(",\"effort\":", to: &out)
    JSONBytes.appendNumber(effort, to: &out)
    JSONBytes.appendRaw(",\"end\":", to: &out)
    JSONBytes.appendNumber(end, to: &out)
    if let lang {
      JSONBytes.appendRaw(",\"lang\":", to: &out)
      JSONBytes.appendString(lang, to: &out)
    }
    if let reported {
      JSONBytes.appendRaw(",\"reported\":", to: &out)
      JSONBytes.appendBool(reported, to: &out)
    }
    JSONBytes.appendRaw(",\"sentence\":", to: &out)
    JSONBytes.appendString(sentence, to: &out)
    JSONBytes.appendRaw(",\"start\":", to: &out)
    JSONBytes.appendNumber(start, to: &out)
    if let target {
      JSONBytes.appendRaw(",\"target\":{", to: &out)
      if let kind = target.kind {
        JSONBytes.appendRaw("\"kind\":", to: &out)
        JSONBytes.appendString(kind, to: &out)
        JSONBytes.appendRaw(",", to: &out)
      }
      JSONBytes.appendRaw("\"platform\":", to: &out)
      JSONBytes.appendString(target.platform, to: &out)
      JSONBytes.appendRaw(",\"url\":", to: &out)
      JSONBytes.appendString(target.url, to: &out)
      JSONBytes.appendRaw("}", to: &out)
    }
    JSONBytes.appendRaw("}", to: &out)
  }
}
