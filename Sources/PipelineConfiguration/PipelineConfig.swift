/// A pipeline as `pipelines/NAME/pipeline.yml` describes it (see `docs/score.md`).
///
/// Loaded by ``PipelineConfigLoader``; every path inside is kept as written, and resolved
/// with ``PipelinePaths``.
public struct PipelineConfig: Sendable, Hashable {
  /// Pipeline name; outputs go to `out/NAME/` by default.
  public var name: String
  public var description: String?
  /// Archives, loose HTML files, folders or globs (`*`, `**`), as written.
  public var inputs: [String]
  /// Outcome CSV files (`outcomes:` may be one path or a list).
  public var outcomes: [String]
  /// Interaction export CSV files (`interactions:` may be one path or a list).
  public var interactions: [String]
  public var currency: CurrencyConfig
  public var scoring: ScoringParameters
  public var campaigns: [CampaignConfig]
  /// The `fetch:` section, kept opaque: only the fetch stage reads it.
  public var fetch: OpaqueYAML?

  public init(
    name: String, description: String? = nil, inputs: [String] = [], outcomes: [String] = [],
    interactions: [String] = [], currency: CurrencyConfig = CurrencyConfig(),
    scoring: ScoringParameters = ScoringParameters(), campaigns: [CampaignConfig] = [], fetch: OpaqueYAML? = nil
  ) {
    self.name = name
    self.description = description
    self.inputs = inputs
    self.outcomes = outcomes
    self.interactions = interactions
    self.currency = currency
    self.scoring = scoring
    self.campaigns = campaigns
    self.fetch = fetch
  }
}

/// `currency:`: the base currency and the conversion rates.
public struct CurrencyConfig: Sendable, Hashable {
  /// ISO 4217 code every amount is also normalised to.
  public var base: String
  public var rates: [ExchangeRate]

  public init(base: String = "IDR", rates: [ExchangeRate] = []) {
    self.base = base
    self.rates = rates
  }
}

/// One rate: 1 unit of `currency` = `rate` units of the base currency, as of a date.
public struct ExchangeRate: Sendable, Hashable, Codable {
  public var currency: String
  public var rate: Double
  /// `YYYY-MM-DD`.
  public var asOf: String
  /// Where the rate comes from (named in the output next to every converted amount).
  public var source: String?

  public init(currency: String, rate: Double, asOf: String, source: String? = nil) {
    self.currency = currency
    self.rate = rate
    self.asOf = asOf
    self.source = source
  }
}

/// `scoring:`: the tunable parameters, all optional.
public struct ScoringParameters: Sendable, Hashable, Codable {
  /// CTAs with effort at or below this are low-effort asks (default 2: share, follow,
  /// hashtag, sign, boycott, buy).
  public var lowEffortMax: Int
  /// Bootstrap resamples per ratio (default 1000).
  public var bootstrapSamples: Int
  /// Seed of the bootstrap's random generator (default 20240601).
  public var seed: UInt64
  /// Coverage below this gets a `low-coverage` caveat (default 0.5).
  public var minCoverage: Double

  public init(lowEffortMax: Int = 2, bootstrapSamples: Int = 1000, seed: UInt64 = 20_240_601, minCoverage: Double = 0.5)
  {
    self.lowEffortMax = lowEffortMax
    self.bootstrapSamples = bootstrapSamples
    self.seed = seed
    self.minCoverage = minCoverage
  }
}

/// One configured campaign.
public struct CampaignConfig: Sendable, Hashable {
  /// `[a-z0-9-]+`, unique in the pipeline.
  public var id: String
  public var name: String
  public var period: DatePeriod?
  /// Case-insensitive, with or without the leading `#`.
  public var hashtags: [String]
  /// Case-insensitive substrings of the title or text.
  public var keywords: [String]
  /// Globs on the URL without its scheme (`*` matches anything, `/` included).
  public var urlPatterns: [String]
  public var petitionUrls: [String]
  public var donationUrls: [String]
  public var eventUrls: [String]

  public init(
    id: String, name: String, period: DatePeriod? = nil, hashtags: [String] = [], keywords: [String] = [],
    urlPatterns: [String] = [], petitionUrls: [String] = [], donationUrls: [String] = [], eventUrls: [String] = []
  ) {
    self.id = id
    self.name = name
    self.period = period
    self.hashtags = hashtags
    self.keywords = keywords
    self.urlPatterns = urlPatterns
    self.petitionUrls = petitionUrls
    self.donationUrls = donationUrls
    self.eventUrls = eventUrls
  }
}

/// A closed date range, `YYYY-MM-DD` strings (both ends optional).
public struct DatePeriod: Sendable, Hashable, Codable {
  public var from: String?
  public var to: String?

  public init(from: String?, to: String?) {
    self.from = from
    self.to = to
  }

  /// Whether a date or timestamp (its first 10 characters are compared) falls in the period.
  public func contains(_ timestamp: String) -> Bool {
    let day = String(timestamp.prefix(10))
    if let from, day < from { return false }
    if let to, day > to { return false }
    return true
  }
}

/// A YAML subtree kept as plain values (string, number and bool scalars as strings),
/// for sections another stage owns.
public indirect enum OpaqueYAML: Sendable, Hashable {
  case scalar(String)
  case sequence([OpaqueYAML])
  case mapping([(key: String, value: OpaqueYAML)])

  public static func == (lhs: OpaqueYAML, rhs: OpaqueYAML) -> Bool {
    switch (lhs, rhs) {
    case (.scalar(let a), .scalar(let b)): a == b
    case (.sequence(let a), .sequence(let b)): a == b
    case (.mapping(let a), .mapping(let b)): a.map(\.key) == b.map(\.key) && a.map(\.value) == b.map(\.value)
    default: false
    }
  }

  public func hash(into hasher: inout Hasher) {
    switch self {
    case .scalar(let s): hasher.combine(s)
    case .sequence(let items): hasher.combine(items)
    case .mapping(let pairs):
      for pair in pairs {
        hasher.combine(pair.key)
        hasher.combine(pair.value)
      }
    }
  }

  /// The value under `key` when this is a mapping.
  public subscript(key: String) -> OpaqueYAML? {
    guard case .mapping(let pairs) = self else { return nil }
    return pairs.first { $0.key == key }?.value
  }

  /// The scalar text, when this is a scalar.
  public var string: String? {
    if case .scalar(let s) = self { return s }
    return nil
  }
}
