public import SlackscoreCore

/// What the HTML report shows, independent of how `campaigns.json` is laid out: the score
/// stage's output is mapped into this by `ReportModel.init(campaignsReport:)`.
public struct ReportModel: Sendable {
  public var pipeline: String
  /// One line on the method and its version, e.g. "formula slackscore-index/1".
  public var methodLine: String
  /// Plain-language notes: the figures are descriptive, not causal, and so on.
  public var methodNotes: [String]
  public var campaigns: [ReportCampaign]
  /// Campaigns the score stage discovered (shared targets or hashtags) but no config names.
  public var discovered: [ReportDiscovered]
  /// Where the quadrant lines sit on each axis (the score stage's medians, unscaled).
  public var interactionSplit: Double?
  public var outcomeSplit: Double?
  public var interactionAxisLabel: String
  public var outcomeAxisLabel: String
  /// What went wrong while reading the inputs, in every stage: listed in the report's
  /// diagnostics section so the reader sees what the figures are missing.
  public var diagnostics: [Diagnostic] = []

  public init(
    pipeline: String, methodLine: String, methodNotes: [String], campaigns: [ReportCampaign],
    discovered: [ReportDiscovered] = [], interactionSplit: Double?, outcomeSplit: Double?,
    interactionAxisLabel: String, outcomeAxisLabel: String
  ) {
    self.pipeline = pipeline
    self.methodLine = methodLine
    self.methodNotes = methodNotes
    self.campaigns = campaigns
    self.discovered = discovered
    self.interactionSplit = interactionSplit
    self.outcomeSplit = outcomeSplit
    self.interactionAxisLabel = interactionAxisLabel
    self.outcomeAxisLabel = outcomeAxisLabel
  }
}

/// One campaign's row, charts and evidence.
public struct ReportCampaign: Sendable {
  public var id: String
  public var name: String
  public var quadrant: String?
  public var slacktivismIndex: Double?
  public var engagementIndex: Double?
  /// Total interactions (x of the scatter), nil when none were counted.
  public var interactions: Double?
  /// The outcome measure on the scatter's y axis, nil when none.
  public var outcome: Double?
  /// Key figures as label/value pairs for the table (e.g. "signatures" / "12 310").
  public var figures: [(label: String, value: String)]
  /// Calls to action at effort 1…5.
  public var effortCounts: [Int]
  /// Outcome series from the captures (e.g. signatures over time).
  public var outcomeSeries: [TimeSeries]
  /// Interactions over time (posts), drawn against the outcome series.
  public var interactionSeries: TimeSeries?
  public var caveats: [String]
  public var evidence: [ReportEvidence]

  public init(
    id: String, name: String, quadrant: String?, slacktivismIndex: Double?, engagementIndex: Double?,
    interactions: Double?, outcome: Double?, figures: [(label: String, value: String)], effortCounts: [Int],
    outcomeSeries: [TimeSeries], interactionSeries: TimeSeries?, caveats: [String], evidence: [ReportEvidence]
  ) {
    self.id = id
    self.name = name
    self.quadrant = quadrant
    self.slacktivismIndex = slacktivismIndex
    self.engagementIndex = engagementIndex
    self.interactions = interactions
    self.outcome = outcome
    self.figures = figures
    self.effortCounts = effortCounts
    self.outcomeSeries = outcomeSeries
    self.interactionSeries = interactionSeries
    self.caveats = caveats
    self.evidence = evidence
  }
}

/// A link to the archived bytes behind a figure.
public struct ReportEvidence: Sendable, Hashable {
  /// What the evidence supports, e.g. "signatures 12 310".
  public var label: String
  public var url: String?
  public var capturedAt: String?
  /// Archive file and offset or record id, e.g. `corpus/warc/petisi.warc.gz @ 10234`.
  public var source: String?

  public init(label: String, url: String?, capturedAt: String?, source: String?) {
    self.label = label
    self.url = url
    self.capturedAt = capturedAt
    self.source = source
  }
}

/// A campaign found in the data but not configured.
public struct ReportDiscovered: Sendable, Hashable {
  public var label: String
  public var basis: String
  public var documents: Int

  public init(label: String, basis: String, documents: Int) {
    self.label = label
    self.basis = basis
    self.documents = documents
  }
}
