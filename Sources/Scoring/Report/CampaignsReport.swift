public import PipelineConfiguration
public import SlackscoreCore

/// The content of `campaigns.json` (see `schemas/campaigns.schema.json` and `docs/score.md`).
/// Keys are written in snake_case with sorted keys, so identical inputs give identical bytes.
public struct CampaignsReport: Codable, Sendable, Hashable {
  /// Version of the JSON layout (`schemas/campaigns.schema.json`).
  public var schemaVersion: String
  /// `slackscore score`.
  public var generator: String
  public var pipeline: PipelineInfo
  public var method: Method
  /// Every input file with its SHA-256, sorted by role then path.
  public var inputs: [InputFile]
  public var counts: InputCounts
  /// Configured campaigns, sorted by id.
  public var campaigns: [CampaignScore]
  /// Groups of unassigned documents sharing a petition/donation/event target or a hashtag.
  public var discoveredCampaigns: [DiscoveredCampaign]
  /// Recoverable problems met while reading the inputs (bad CSV rows, unknown ids, …).
  public var diagnostics: [Diagnostic]

  /// The current layout version.
  public static let currentSchemaVersion = "1.0.0"
}

/// Name and description from `pipeline.yml`.
public struct PipelineInfo: Codable, Sendable, Hashable {
  public var name: String
  public var description: String?
}

/// How the figures were made.
public struct Method: Codable, Sendable, Hashable {
  /// Changes whenever a formula changes (`slackscore-score/1`).
  public var formulaVersion: String
  /// Always true: the figures describe the archive, they do not establish causes.
  public var descriptiveOnly: Bool
  public var statement: String
  public var parameters: MethodParameters
  /// Each formula in words, keyed by figure name.
  public var formulas: [String: String]
  /// What the quadrant labels are relative to.
  public var quadrantReference: QuadrantReference
  /// Published cases to read the per-1,000 ratios against (context, not thresholds).
  public var referenceRatios: [ReferenceRatio]
}

/// One published reference point, e.g. donors per 1,000 members of a Facebook cause.
public struct ReferenceRatio: Codable, Sendable, Hashable {
  public var caseName: String
  public var value: Double
  public var unit: String
  public var note: String
}

/// Parameters in force for this run.
public struct MethodParameters: Codable, Sendable, Hashable {
  public var lowEffortMax: Int
  public var bootstrapSamples: Int
  public var seed: UInt64
  public var minCoverage: Double
  public var confidenceLevel: Double
  public var baseCurrency: String
  public var rates: [ExchangeRate]
  /// Near-duplicates: MinHash size, LSH bands, shingle length, Jaccard threshold, minimum words.
  public var minhashSignatureSize: Int
  public var minhashBands: Int
  public var shingleWords: Int
  public var nearDuplicateMinJaccard: Double
  public var nearDuplicateMinWords: Int
  public var activeInteractionTypes: [String]
  public var outcomeEffortWeights: [String: Int]
}

/// The medians the quadrant labels compare against.
public struct QuadrantReference: Codable, Sendable, Hashable {
  public var relativeTo: String
  public var campaignsCompared: Int
  @ExplicitNull public var loudnessMedian: Double?
  @ExplicitNull public var engagementMedian: Double?
}

/// One input file and its fingerprint.
public struct InputFile: Codable, Sendable, Hashable {
  /// `config`, `documents`, `ctas`, `outcomes`, `interactions` or `archive`.
  public var role: String
  public var path: String
  @ExplicitNull public var sha256: String?
  @ExplicitNull public var bytes: Int?
  /// Why there is no hash (e.g. the file is missing).
  public var nullReason: String?
}

/// How many records came in and where they went.
public struct InputCounts: Codable, Sendable, Hashable {
  public var documentsRead: Int
  public var documentsAssigned: Int
  public var documentsInSeveralCampaigns: Int
  public var documentsUnassigned: Int
  public var nearDuplicateClusters: Int
  public var ctasRead: Int
  public var ctasBoilerplate: Int
  public var ctasWithoutDocument: Int
  public var outcomeRows: Int
  public var outcomeRowsUnknownCampaign: Int
  public var interactionRows: Int
  public var interactionRowsUnmatched: Int
  public var diagnostics: Int
}

/// Everything computed for one configured campaign.
public struct CampaignScore: Codable, Sendable, Hashable {
  public var id: String
  public var name: String
  public var period: DatePeriod?
  public var documents: DocumentSummary
  /// Per interaction type (`likes`, `shares`, …); types are never summed silently.
  public var interactions: [String: InteractionTotal]
  public var outcomes: [OutcomeSummary]
  public var ctaMix: CTAMix
  public var ratios: [ConversionRatio]
  public var indices: Indices
  public var quadrant: Quadrant
  public var caveats: [Caveat]
  public var evidence: EvidenceSummary
}

/// The campaign's documents and how they were matched.
public struct DocumentSummary: Codable, Sendable, Hashable {
  /// Documents assigned (duplicates included).
  public var total: Int
  /// Near-duplicate clusters among them: what is counted.
  public var unique: Int
  public var duplicatesRemoved: Int
  /// Documents per match reason (a document may have several).
  public var byMatch: [String: Int]
  /// Documents that also count toward another campaign.
  public var alsoInOtherCampaigns: Int
  public var languages: [String: Int]
  public var list: [DocumentRef]
}

/// One assigned document.
public struct DocumentRef: Codable, Sendable, Hashable {
  public var id: String
  public var url: String?
  public var capturedAt: String?
  public var clusterId: String
  /// The cluster member counted in its place, when this one is a duplicate.
  public var duplicateOf: String?
  public var matchedBy: [String]
}

/// One interaction type summed over the campaign's deduplicated units.
public struct InteractionTotal: Codable, Sendable, Hashable {
  @ExplicitNull public var total: Double?
  public var nullReason: String?
  /// Units (document clusters and unmatched export rows) with a count of this type.
  public var unitsWithCount: Int
  public var units: Int
  /// `units_with_count / units`.
  public var coverage: Double
  public var fromPages: Int
  public var fromExports: Int
}

/// One outcome kind of a campaign, with every source behind it.
public struct OutcomeSummary: Codable, Sendable, Hashable {
  /// `signatures`, `funds`, `turnout`, `donors`, `volunteers` or `policy`.
  public var kind: String
  /// `signatures`, `people`, an ISO currency code, or `text`.
  public var unit: String
  /// Sum of the latest values of the sources used (original currency for funds, low
  /// estimate for turnout); null with `null_reason` when it cannot be given.
  @ExplicitNull public var value: Double?
  /// Turnout: sum of the high estimates.
  public var valueHigh: Double?
  /// Funds: the sum in the base currency.
  public var valueBase: Double?
  public var baseCurrency: String?
  public var nullReason: String?
  /// Policy outcomes: the texts.
  public var texts: [String]?
  public var sourcesUsed: Int
  public var sources: [OutcomeSource]
}

/// One outcome source: a page (all its captures) or a CSV series, keyed by source URL.
public struct OutcomeSource: Codable, Sendable, Hashable {
  public var sourceUrl: String?
  /// `page`, `csv`, or `page+csv` when CSV rows name a captured page.
  public var origin: String
  /// Whether the page is one of the campaign's own target or pattern URLs.
  public var platformPage: Bool
  public var used: Bool
  public var notUsedReason: String?
  public var currency: String?
  public var latest: SeriesPoint
  /// Every capture or row, oldest first, with the increment from the previous one.
  public var series: [SeriesPoint]
  public var captures: Int
  public var normalised: MoneyNormalisation?
}

/// One value at one time.
public struct SeriesPoint: Codable, Sendable, Hashable {
  public var at: String
  @ExplicitNull public var value: Double?
  public var high: Double?
  @ExplicitNull public var increment: Double?
  public var text: String?
  public var evidence: Evidence
}

/// Where a figure was read: archive file + offset or record id, or CSV file + line.
public struct Evidence: Codable, Sendable, Hashable {
  public var kind: String
  public var url: String?
  public var capturedAt: String?
  public var documentId: String?
  public var archivePath: String?
  public var offset: Int?
  public var recordId: String?
  public var raw: String?
  public var counterOrigin: String?
  public var csvFile: String?
  public var csvLine: Int?
  public var note: String?
}

/// Money converted to the base currency.
public struct MoneyNormalisation: Codable, Sendable, Hashable {
  @ExplicitNull public var value: Double?
  public var baseCurrency: String
  public var rate: Double?
  public var rateAsOf: String?
  public var rateSource: String?
  public var nullReason: String?
}

/// Calls to action of the campaign, boilerplate and duplicate copies excluded.
public struct CTAMix: Codable, Sendable, Hashable {
  public var total: Int
  public var boilerplateExcluded: Int
  public var duplicatesExcluded: Int
  public var byCategory: [String: Int]
  /// Keys `1` … `5`.
  public var byEffort: [String: Int]
  @ExplicitNull public var meanEffort: Double?
  public var lowEffort: LowEffortShare
}

/// Share of asks at or below `effort_max`, with a Wilson 95% interval.
public struct LowEffortShare: Codable, Sendable, Hashable {
  public var effortMax: Int
  public var count: Int
  @ExplicitNull public var share: Double?
  @ExplicitNull public var ci95Low: Double?
  @ExplicitNull public var ci95High: Double?
  public var nullReason: String?
}

/// One outcome per 1,000 interactions of one type.
public struct ConversionRatio: Codable, Sendable, Hashable {
  /// e.g. `signatures_per_1k_shares`.
  public var name: String
  public var outcome: String
  public var interaction: String
  /// Outcome figure used (funds: base currency; turnout: low estimate).
  public var numerator: Double
  @ExplicitNull public var denominator: Double?
  @ExplicitNull public var value: Double?
  /// Turnout: the ratio with the high estimate.
  public var valueHigh: Double?
  @ExplicitNull public var ci95Low: Double?
  @ExplicitNull public var ci95High: Double?
  public var bootstrapSamplesUsed: Int
  public var documentsResampled: Int
  public var nullReason: String?
  /// Why there is a value but no interval (too few documents carry the count).
  public var ciNullReason: String?
  public var descriptiveOnly: Bool
}

/// The two indices and their components.
public struct Indices: Codable, Sendable, Hashable {
  public var formulaVersion: String
  public var slacktivism: IndexValue
  public var engagement: IndexValue
  public var components: IndexComponents
}

/// One index, 0–100.
public struct IndexValue: Codable, Sendable, Hashable {
  @ExplicitNull public var value: Double?
  public var nullReason: String?
  /// Components that entered the weighted mean (missing ones are left out and the weights
  /// renormalised).
  public var componentsUsed: [String]
}

/// Inputs of the indices; null when unknown.
public struct IndexComponents: Codable, Sendable, Hashable {
  /// Σ likes, shares, comments, reactions, retweets (reach measures excluded).
  @ExplicitNull public var activeInteractions: Double?
  /// min(1, log10(1 + active_interactions) / 6).
  @ExplicitNull public var loudness: Double?
  /// Σ effort weight × outcome count (signatures 2, donors 3, volunteers 4, turnout low 5).
  @ExplicitNull public var effortWeightedActs: Double?
  /// min(1, log10(1 + effort_weighted_acts) / 6).
  @ExplicitNull public var acts: Double?
  /// max(0, loudness − acts).
  @ExplicitNull public var gap: Double?
  @ExplicitNull public var lowEffortShare: Double?
  /// (mean effort − 1) / 4.
  @ExplicitNull public var effortNorm: Double?
}

/// Position relative to the pipeline's other campaigns.
public struct Quadrant: Codable, Sendable, Hashable {
  /// `loud-but-idle`, `engaged`, `quiet-effective` or `dormant`.
  @ExplicitNull public var label: String?
  public var nullReason: String?
  @ExplicitNull public var loudness: Double?
  @ExplicitNull public var engagementIndex: Double?
}

/// A warning a journalist must read before quoting the campaign's figures.
public struct Caveat: Codable, Sendable, Hashable {
  public var code: String
  public var message: String
}

/// The strongest calls to action and every outcome source.
public struct EvidenceSummary: Codable, Sendable, Hashable {
  public var ctas: [CTAEvidence]
  public var outcomeSources: [Evidence]
}

/// One call to action with where it was found.
public struct CTAEvidence: Codable, Sendable, Hashable {
  public var sentence: String
  public var category: String
  public var effort: Int
  public var confidence: Double
  public var target: String?
  public var evidence: Evidence
}

/// Unassigned documents sharing a target or hashtag.
public struct DiscoveredCampaign: Codable, Sendable, Hashable {
  /// `discovered-` + a slug of the key.
  public var id: String
  /// `petition_url`, `donation_url`, `event_url` or `hashtag`.
  public var basis: String
  public var key: String
  public var documentIds: [String]
  public var uniqueDocuments: Int
  public var ctaCount: Int
  public var interactions: [String: Double]
  public var outcomes: [String: Double]
}
