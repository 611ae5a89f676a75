public import SlackscoreCore

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
  /// `inputs` entries written as `{ path: …, optional: true }`: matching no file is then a
  /// note, not an error.
  public var optionalInputs: Set<String> = []
  /// How grouped numbers in the CSVs are read (`number_style: id|en`); nil: from the base
  /// currency (IDR: `id`, anything else: `en`). See ``effectiveNumberStyle(for:)``.
  public var numberStyle: NumberStyle?
  /// A CSV's own `number_style` (outcomes or interactions entry written as a mapping), by
  /// the path as written.
  public var tableNumberStyles: [String: NumberStyle] = [:]
  /// Problems the desk knows about and accepts (`known_problems:`), e.g. an archive with a
  /// record cut short by a failed transfer: matching diagnostics are kept but lowered to
  /// notes, so they stay listed without failing `--strict` every night.
  public var knownProblems: [KnownProblem] = []
  /// The line of `pipeline.yml` each named file comes from, by key path (`inputs[0]`,
  /// `outcomes[0]`, `interactions[0]`), so errors about a file can point at its line.
  public var lines: [String: Int] = [:]

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

/// One accepted problem: a diagnostic code, optionally only in files matching a glob.
public struct KnownProblem: Sendable, Hashable {
  public var code: String
  /// `*` matches any run of characters; nil: any file.
  public var file: String?
  /// Why it is accepted (shown with the lowered diagnostic).
  public var reason: String

  public init(code: String, file: String? = nil, reason: String) {
    self.code = code
    self.file = file
    self.reason = reason
  }

  /// Lowers matching diagnostics at warning or above to notes, saying why.
  public static func apply(_ known: [KnownProblem], to diagnostics: [Diagnostic]) -> [Diagnostic] {
    guard !known.isEmpty else { return diagnostics }
    return diagnostics.map { d in
      guard d.severity >= .warning,
        let match = known.first(where: { k in
          k.code == d.code
            && (k.file.map { pattern in
              d.file.map { Glob.wildcardMatch(Array(pattern.utf8)[...], Array($0.utf8)[...]) } ?? false
            } ?? true)
        })
      else { return d }
      var lowered = d
      lowered.severity = .note
      lowered.message += " (known problem: \(match.reason))"
      return lowered
    }
  }
}

/// How a CSV writes grouped numbers: `id` (`2.910`, `1.500.000`: `.` groups thousands,
/// `,` is the decimal mark) or `en` (`2,910`, `1,500,000.5`).
public enum NumberStyle: String, Sendable, Hashable, Codable, CaseIterable {
  case id, en
}

extension PipelineConfig {
  /// The number style of one CSV entry: its own setting, else the pipeline's, else the base
  /// currency's (IDR: `id`; any other: `en`).
  public func effectiveNumberStyle(for entry: String) -> NumberStyle {
    tableNumberStyles[entry] ?? numberStyle ?? (currency.base == "IDR" ? .id : .en)
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
