import SlackscoreCore

/// Candidates written between extract's two passes (per-archive shards, marked later over all
/// of them): the call to action as found, and what ``BoilerplateMarker`` needs.
extension CTACandidate: Codable {
  enum CodingKeys: String, CodingKey {
    case cta, promo, recurrenceKey
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    cta = try container.decode(CallToAction.self, forKey: .cta)
    promo = try container.decode(Bool.self, forKey: .promo)
    recurrenceKey = try container.decode(String.self, forKey: .recurrenceKey)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(cta, forKey: .cta)
    try container.encode(promo, forKey: .promo)
    try container.encode(recurrenceKey, forKey: .recurrenceKey)
  }
}

extension PageKey: Codable {
  enum CodingKeys: String, CodingKey {
    case site, page
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      site: try container.decodeIfPresent(String.self, forKey: .site),
      page: try container.decode(String.self, forKey: .page))
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encodeIfPresent(site, forKey: .site)
    try container.encode(page, forKey: .page)
  }
}

/// One document's candidates as an extract shard stores them: one JSON line per document that
/// has some, in document order.
public struct CandidateLine: Sendable, Codable {
  public var page: PageKey
  public var candidates: [CTACandidate]

  public init(page: PageKey, candidates: [CTACandidate]) {
    self.page = page
    self.candidates = candidates
  }
}
