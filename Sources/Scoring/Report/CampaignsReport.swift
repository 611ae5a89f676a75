public import PipelineConfiguration
public import SlackscoreCore

/// The content of `campaigns.json` (see `schemas/campaigns.schema.json` and `docs/score.md`).
/// Keys are written in snake_case with sorted keys, so identical inputs give identical bytes.
public struct CampaignsReport: Codable, Sendable, Hashable {
  /// Version of the JSON layout (`schemas/campaigns.schema.json`).
  public var schemaVersion: String
  /// `slackscore score`.
  public var generator: String
  /// Name and description from the config.
  public var pipeline: PipelineInfo
  /// How the figures were made: formula version, parameters, formulas.
  public var method: Method
  /// Every input file with its SHA-256, sorted by role then path.
  public var inputs: [InputFile]
  /// How many records came in and where they went.
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
  /// Name as configured.
  public var name: String
  /// Description as configured.
  public var description: String?
}

/// How the figures were made.
public struct Method: Codable, Sendable, Hashable {
  /// Changes whenever a formula changes (`slackscore-score/1`).
  public var formulaVersion: String
  /// Always true: the figures describe the archive, they do not establish causes.
  public var descriptiveOnly: Bool
  /// The descriptive-not-causal statement, in words.
  public var statement: String
  /// Parameters in force for this run.
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
  /// The published case.
  public var caseName: String
  /// The figure.
  public var value: Double
  /// What the figure counts.
  public var unit: String
  /// Where it comes from and how it was derived.
  public var note: String
}

/// Parameters in force for this run.
public struct MethodParameters: Codable, Sendable, Hashable {
  /// Efforts at or below this are low-effort asks.
  public var lowEffortMax: Int
  /// Bootstrap resamples per ratio.
  public var bootstrapSamples: Int
  /// Seed of the bootstrap generator.
  public var seed: UInt64
  /// Coverage under this gets a `low-coverage` caveat.
  public var minCoverage: Double
  /// Level of every interval (0.95).
  public var confidenceLevel: Double
  /// Currency all money is normalised to.
  public var baseCurrency: String
  /// The conversion rates, sorted by currency and date.
  public var rates: [ExchangeRate]
  /// Near-duplicates: MinHash size, LSH bands, shingle length, Jaccard threshold, minimum words.
  public var minhashSignatureSize: Int
  /// LSH bands over the MinHash signature.
  public var minhashBands: Int
  /// Words per shingle.
  public var shingleWords: Int
  /// Jaccard similarity at or above which two texts are near-duplicates.
  public var nearDuplicateMinJaccard: Double
  /// Texts shorter than this only cluster by URL.
  public var nearDuplicateMinWords: Int
  /// Interaction types summed into `active_interactions`.
  public var activeInteractionTypes: [String]
  /// Effort weight of each outcome kind in `effort_weighted_acts`.
  public var outcomeEffortWeights: [String: Int]
}

/// The medians the quadrant labels compare against.
public struct QuadrantReference: Codable, Sendable, Hashable {
  /// What the labels compare against, in words.
  public var relativeTo: String
  /// Campaigns with both loudness and an engagement index.
  public var campaignsCompared: Int
  /// Median loudness.
  @ExplicitNull public var loudnessMedian: Double?
  /// Median of the acts component.
  @ExplicitNull public var actsMedian: Double?
}

/// One input file and its fingerprint.
public struct InputFile: Codable, Sendable, Hashable {
  /// `config`, `documents`, `ctas`, `outcomes`, `interactions` or `archive`.
  public var role: String
  /// Path as given (relative to the current directory when under it).
  public var path: String
  /// SHA-256 of the file's bytes.
  @ExplicitNull public var sha256: String?
  /// File size.
  @ExplicitNull public var bytes: Int?
  /// Why there is no hash (e.g. the file is missing).
  public var nullReason: String?
}

/// How many records came in and where they went.
public struct InputCounts: Codable, Sendable, Hashable {
  /// Documents decoded from documents.jsonl.
  public var documentsRead: Int
  /// Documents assigned to at least one configured campaign.
  public var documentsAssigned: Int
  /// Documents assigned to more than one campaign (they count in each).
  public var documentsInSeveralCampaigns: Int
  /// Documents matching no configured campaign.
  public var documentsUnassigned: Int
  /// Near-duplicate clusters over all documents (singletons included).
  public var nearDuplicateClusters: Int
  /// Calls to action decoded from ctas.jsonl.
  public var ctasRead: Int
  /// Of those, publisher boilerplate (excluded from every mix).
  public var ctasBoilerplate: Int
  /// Calls to action whose document id is not in documents.jsonl.
  public var ctasWithoutDocument: Int
  /// Usable outcome CSV rows.
  public var outcomeRows: Int
  /// Outcome rows naming a campaign the config lacks (ignored).
  public var outcomeRowsUnknownCampaign: Int
  /// Usable interaction export rows.
  public var interactionRows: Int
  /// Export rows attributed to no campaign (not counted).
  public var interactionRowsUnmatched: Int
  /// Diagnostics emitted (see `diagnostics`).
  public var diagnostics: Int
}

/// Everything computed for one configured campaign.
public struct CampaignScore: Codable, Sendable, Hashable {
  /// Identifier.
  public var id: String
  /// Name as configured.
  public var name: String
  /// Campaign period, when configured.
  public var period: DatePeriod?
  /// The campaign's documents and how they matched.
  public var documents: DocumentSummary
  /// Per interaction type (`likes`, `shares`, …); types are never summed silently.
  public var interactions: [String: InteractionTotal]
  /// Outcome kinds, in the order signatures, funds, donors, turnout, volunteers, policy.
  public var outcomes: [OutcomeSummary]
  /// Calls to action, boilerplate and copies excluded.
  public var ctaMix: CTAMix
  /// Each numeric outcome per 1,000 interactions of each type.
  public var ratios: [ConversionRatio]
  /// Slacktivism and engagement indices with their components.
  public var indices: Indices
  /// Position among the pipeline's campaigns.
  public var quadrant: Quadrant
  /// What to read before quoting, sorted by code.
  public var caveats: [Caveat]
  /// Strongest CTAs and every outcome source.
  public var evidence: EvidenceSummary
  /// Active interactions per day of the counted units (their publication, else capture,
  /// else posting date), oldest first: the timeline the outcome series are read against.
  public var interactionTimeline: [TimelinePoint] = []
}

/// Active interactions dated to one day.
public struct TimelinePoint: Codable, Sendable, Hashable {
  /// `YYYY-MM-DD`.
  public var day: String
  /// Likes + shares + comments + reactions + retweets of the units dated to this day.
  public var activeInteractions: Double
  /// Counted units (document clusters or export posts) dated to this day.
  public var units: Int

  public init(day: String, activeInteractions: Double, units: Int) {
    self.day = day
    self.activeInteractions = activeInteractions
    self.units = units
  }
}

/// The campaign's documents and how they were matched.
public struct DocumentSummary: Codable, Sendable, Hashable {
  /// Documents assigned (duplicates included).
  public var total: Int
  /// Near-duplicate clusters among them: what is counted.
  public var unique: Int
  /// `total - unique`.
  public var duplicatesRemoved: Int
  /// Documents per match reason (a document may have several).
  public var byMatch: [String: Int]
  /// Documents that also count toward another campaign.
  public var alsoInOtherCampaigns: Int
  /// Documents per language code (`und` when unknown).
  public var languages: [String: Int]
  /// Every assigned document, sorted by id.
  public var list: [DocumentRef]
}

/// One assigned document.
public struct DocumentRef: Codable, Sendable, Hashable {
  /// Identifier.
  public var id: String
  /// URL as archived.
  public var url: String?
  /// Capture time (WARC-Date).
  public var capturedAt: String?
  /// Near-duplicate cluster.
  public var clusterId: String
  /// The cluster member counted in its place, when this one is a duplicate.
  public var duplicateOf: String?
  /// Why the document belongs to the campaign.
  public var matchedBy: [String]
}

/// One interaction type summed over the campaign's deduplicated units.
public struct InteractionTotal: Codable, Sendable, Hashable {
  /// Sum; null when nothing carries the figure.
  @ExplicitNull public var total: Double?
  /// Why the figure is null.
  public var nullReason: String?
  /// Units (document clusters and unmatched export rows) with a count of this type.
  public var unitsWithCount: Int
  /// Units of the campaign (clusters plus unmatched export rows).
  public var units: Int
  /// `units_with_count / units`.
  public var coverage: Double
  /// Units whose count came from a page counter.
  public var fromPages: Int
  /// Units whose count came from an export row.
  public var fromExports: Int
  /// Which source each unit's count came from, counted: `page ORIGIN NAME` (a page counter,
  /// its origin and the name the page gives the act, e.g. `page embedded_json retweets`) or
  /// `export FILE` (an interaction CSV).
  public var sources: [String: Int]?
  /// Every unit behind `total`, with its value and where it was read: the figure can be
  /// summed again by hand and each count traced to its bytes (`slackscore show`).
  public var items: [InteractionItem]?
}

/// One unit's count in an interaction total.
public struct InteractionItem: Codable, Sendable, Hashable {
  /// The unit: a near-duplicate cluster id, or `export:URL-KEY` for export rows whose URL
  /// names no document.
  public var unit: String
  /// The count this unit adds to the total.
  public var value: Double
  /// `page ORIGIN NAME` or `export FILE`.
  public var source: String
  /// The capture (archive, offset, raw string) or CSV row the count was read from.
  public var evidence: Evidence?
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
  /// Currency all money is normalised to.
  public var baseCurrency: String?
  /// Why the figure is null.
  public var nullReason: String?
  /// Policy outcomes: the texts.
  public var texts: [String]?
  /// Sources that make `value`.
  public var sourcesUsed: Int
  /// Every source, used or not, sorted by key.
  public var sources: [OutcomeSource]
}

/// One outcome source: a page (all its captures) or a CSV series, keyed by source URL.
public struct OutcomeSource: Codable, Sendable, Hashable {
  /// The page or source URL (nil for CSV rows without one).
  public var sourceUrl: String?
  /// `page`, `csv`, or `page+csv` when CSV rows name a captured page.
  public var origin: String
  /// Whether the page is one of the campaign's own target or pattern URLs.
  public var platformPage: Bool
  /// Whether the source makes the campaign's figure.
  public var used: Bool
  /// Why not, when not.
  public var notUsedReason: String?
  /// ISO 4217 code of the amounts.
  public var currency: String?
  /// The most recent point.
  public var latest: SeriesPoint
  /// Every capture or row, oldest first, with the increment from the previous one.
  public var series: [SeriesPoint]
  /// Archived captures among the points (CSV rows excluded).
  public var captures: Int
  /// Funds: the latest amount in the base currency.
  public var normalised: MoneyNormalisation?
}

/// One value at one time.
public struct SeriesPoint: Codable, Sendable, Hashable {
  /// Capture time or `as_of` date.
  public var at: String
  /// The figure.
  @ExplicitNull public var value: Double?
  /// High end of an estimate.
  public var high: Double?
  /// Change from the previous point (null for the first, or across currencies).
  @ExplicitNull public var increment: Double?
  /// Policy outcomes: the text.
  public var text: String?
  /// Strongest CTAs and every outcome source.
  public var evidence: Evidence
}

/// Where a figure was read: archive file + offset or record id, or CSV file + line.
public struct Evidence: Codable, Sendable, Hashable {
  /// `archive` (a page capture) or `csv` (an outcome CSV row).
  public var kind: String
  /// URL as archived.
  public var url: String?
  /// Capture time (WARC-Date).
  public var capturedAt: String?
  /// Document id.
  public var documentId: String?
  /// Archive file as the parse stage named it.
  public var archivePath: String?
  /// Byte offset of the record in the archive file.
  public var offset: Int?
  /// WARC-Record-ID.
  public var recordId: String?
  /// For a revisit capture: the original record whose bytes the figure was read from.
  public var revisitOf: RecordReference?
  /// The exact string the figure was read from.
  public var raw: String?
  /// Where on the page: `jsonld`, `microdata`, `meta`, `embedded_json`, `text`.
  public var counterOrigin: String?
  /// CSV file as named.
  public var csvFile: String?
  /// 1-based line in the CSV file.
  public var csvLine: Int?
  /// Where it comes from and how it was derived.
  public var note: String?
}

/// Money converted to the base currency.
public struct MoneyNormalisation: Codable, Sendable, Hashable {
  /// The figure.
  @ExplicitNull public var value: Double?
  /// Currency all money is normalised to.
  public var baseCurrency: String
  /// Rate used (1 unit = rate units of base).
  public var rate: Double?
  /// Date of the rate used.
  public var rateAsOf: String?
  /// Source of the rate used.
  public var rateSource: String?
  /// Why the figure is null.
  public var nullReason: String?
}

/// Calls to action of the campaign, boilerplate and duplicate copies excluded.
public struct CTAMix: Codable, Sendable, Hashable {
  /// Sum; null when nothing carries the figure.
  public var total: Int
  /// Publisher boilerplate asks left out.
  public var boilerplateExcluded: Int
  /// Copies of one ask in one cluster left out.
  public var duplicatesExcluded: Int
  /// Counted CTAs per category.
  public var byCategory: [String: Int]
  /// Keys `1` … `5`.
  public var byEffort: [String: Int]
  /// Mean effort of the counted CTAs.
  @ExplicitNull public var meanEffort: Double?
  /// Low-effort share with its Wilson interval.
  public var lowEffort: LowEffortShare
}

/// Share of asks at or below `effort_max`, with a Wilson 95% interval.
public struct LowEffortShare: Codable, Sendable, Hashable {
  /// `low_effort_max` in force.
  public var effortMax: Int
  /// Low-effort asks.
  public var count: Int
  /// Share of low-effort asks.
  @ExplicitNull public var share: Double?
  /// Lower bound of the 95% interval.
  @ExplicitNull public var ci95Low: Double?
  /// Upper bound of the 95% interval.
  @ExplicitNull public var ci95High: Double?
  /// Why the figure is null.
  public var nullReason: String?
}

/// One outcome per 1,000 interactions of one type.
public struct ConversionRatio: Codable, Sendable, Hashable {
  /// e.g. `signatures_per_1k_shares`.
  public var name: String
  /// Outcome kind (numerator).
  public var outcome: String
  /// Interaction type (denominator).
  public var interaction: String
  /// Outcome figure used (funds: base currency; turnout: low estimate).
  public var numerator: Double
  /// Sum of the interaction type; null when missing.
  @ExplicitNull public var denominator: Double?
  /// The figure.
  @ExplicitNull public var value: Double?
  /// Turnout: the ratio with the high estimate.
  public var valueHigh: Double?
  /// Lower bound of the 95% interval.
  @ExplicitNull public var ci95Low: Double?
  /// Upper bound of the 95% interval.
  @ExplicitNull public var ci95High: Double?
  /// Resamples with a non-zero denominator.
  public var bootstrapSamplesUsed: Int
  /// Units carrying the count (what the bootstrap resamples).
  public var documentsResampled: Int
  /// Why the figure is null.
  public var nullReason: String?
  /// Why there is a value but no interval (too few documents carry the count).
  public var ciNullReason: String?
  /// Always true.
  public var descriptiveOnly: Bool
}

/// The two indices and their components.
public struct Indices: Codable, Sendable, Hashable {
  /// Formula version (`slackscore-score/1`).
  public var formulaVersion: String
  /// Slacktivism index, 0–100.
  public var slacktivism: IndexValue
  /// Engagement index, 0–100.
  public var engagement: IndexValue
  /// The components both indices use.
  public var components: IndexComponents
}

/// One index, 0–100.
public struct IndexValue: Codable, Sendable, Hashable {
  /// The figure.
  @ExplicitNull public var value: Double?
  /// Why the figure is null.
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
  /// Low-effort share.
  @ExplicitNull public var lowEffortShare: Double?
  /// (mean effort − 1) / 4.
  @ExplicitNull public var effortNorm: Double?
}

/// Position relative to the pipeline's other campaigns.
public struct Quadrant: Codable, Sendable, Hashable {
  /// `loud-but-idle`, `engaged`, `quiet-effective` or `dormant`.
  @ExplicitNull public var label: String?
  /// Why the figure is null.
  public var nullReason: String?
  /// Loudness component.
  @ExplicitNull public var loudness: Double?
  /// Acts component (effort-weighted offline outcomes), the y axis.
  @ExplicitNull public var acts: Double?
}

/// A warning a journalist must read before quoting the campaign's figures.
public struct Caveat: Codable, Sendable, Hashable {
  /// Machine-readable code.
  public var code: String
  /// A sentence for people.
  public var message: String
}

/// The strongest calls to action and every outcome source.
public struct EvidenceSummary: Codable, Sendable, Hashable {
  /// The strongest calls to action (highest effort, then confidence).
  public var ctas: [CTAEvidence]
  /// Every point of every outcome source.
  public var outcomeSources: [Evidence]
}

/// One call to action with where it was found.
public struct CTAEvidence: Codable, Sendable, Hashable {
  /// The ask.
  public var sentence: String
  /// CTA category.
  public var category: String
  /// Effort 1–5.
  public var effort: Int
  /// Detector confidence.
  public var confidence: Double
  /// Target URL, when the ask points somewhere.
  public var target: String?
  /// Strongest CTAs and every outcome source.
  public var evidence: Evidence
}

/// Unassigned documents sharing a target or hashtag.
public struct DiscoveredCampaign: Codable, Sendable, Hashable {
  /// `discovered-` + a slug of the key.
  public var id: String
  /// `petition_url`, `donation_url`, `event_url` or `hashtag`.
  public var basis: String
  /// The shared target (URL key) or hashtag.
  public var key: String
  /// The documents, sorted.
  public var documentIds: [String]
  /// Distinct near-duplicate clusters among them.
  public var uniqueDocuments: Int
  /// Their non-boilerplate calls to action.
  public var ctaCount: Int
  /// Interaction sums per type (one count per cluster).
  public var interactions: [String: Double]
  /// Outcome kinds, in the order signatures, funds, donors, turnout, volunteers, policy.
  public var outcomes: [String: Double]
}
