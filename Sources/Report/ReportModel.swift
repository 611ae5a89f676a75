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
  /// Where the quadrant lines sit on each axis (the score stage's medians, unscaled);
  /// nil when fewer than two campaigns are compared.
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

/// One campaign's summary, figures, charts and evidence.
public struct ReportCampaign: Sendable {
  public var id: String
  public var name: String
  /// `loud-but-idle`, `engaged`, `quiet-effective`, `dormant`, or nil when unrated.
  public var quadrant: String?
  public var slacktivismIndex: Double?
  public var engagementIndex: Double?
  /// Total interactions (x of the scatter), nil when none were counted.
  public var interactions: Double?
  /// The outcome measure on the scatter's y axis, nil when none.
  public var outcome: Double?
  /// The one line a journalist can quote: the headline figure and ratio with its interval.
  public var summary: String = ""
  /// Caveats that qualify the summary line, shown right under it.
  public var summaryCaveats: [String] = []
  /// Every conversion ratio, with numerator, denominator and interval.
  public var ratios: [ReportRatio] = []
  /// Caveats that qualify the ratios (coverage, duplicates, coordination).
  public var ratioCaveats: [String] = []
  /// The two indices and what they rest on.
  public var indices: [ReportIndex] = []
  /// Caveats that qualify the indices and the quadrant.
  public var indexCaveats: [String] = []
  /// Outcome figures (signatures, funds, turnout, …) for the table.
  public var outcomeFigures: [ReportFigure] = []
  /// Caveats that qualify the outcome figures.
  public var outcomeCaveats: [String] = []
  /// Interaction totals (likes, shares, …) with their coverage.
  public var interactionFigures: [ReportFigure] = []
  /// Calls to action at effort 1…5.
  public var effortCounts: [Int]
  /// Small multiples: one chart per outcome kind and currency, and one of interactions by day.
  public var charts: [ReportChart] = []
  /// Caveats that qualify the charts (e.g. a spike without outcome movement).
  public var chartCaveats: [String] = []
  /// Caveats not placed next to a figure.
  public var caveats: [String]
  public var evidence: [ReportEvidence]

  public init(
    id: String, name: String, quadrant: String?, slacktivismIndex: Double?, engagementIndex: Double?,
    interactions: Double?, outcome: Double?, effortCounts: [Int], caveats: [String] = [],
    evidence: [ReportEvidence] = []
  ) {
    self.id = id
    self.name = name
    self.quadrant = quadrant
    self.slacktivismIndex = slacktivismIndex
    self.engagementIndex = engagementIndex
    self.interactions = interactions
    self.outcome = outcome
    self.effortCounts = effortCounts
    self.caveats = caveats
    self.evidence = evidence
  }

  /// Every caveat of the campaign, wherever it is shown.
  public var allCaveats: [String] {
    summaryCaveats + ratioCaveats + indexCaveats + outcomeCaveats + chartCaveats + caveats
  }
}

/// One outcome per 1,000 interactions of one type.
public struct ReportRatio: Sendable, Hashable {
  /// Outcome in words, e.g. "signatures" or "funds (Rp)".
  public var outcome: String
  /// Interaction type, e.g. "likes".
  public var interaction: String
  /// Currency when the outcome is money.
  public var currency: String?
  public var value: Double?
  /// Turnout: the ratio with the high estimate, when it differs.
  public var valueHigh: Double?
  public var low: Double?
  public var high: Double?
  public var numerator: Double
  public var denominator: Double?
  /// Units (posts) carrying the interaction count, and all units of the campaign.
  public var unitsWithCount: Int?
  public var units: Int?
  /// Why there is no value, or no interval, in words.
  public var note: String?

  public init(
    outcome: String, interaction: String, currency: String? = nil, value: Double?, valueHigh: Double? = nil,
    low: Double?, high: Double?, numerator: Double, denominator: Double?, unitsWithCount: Int? = nil,
    units: Int? = nil, note: String? = nil
  ) {
    self.outcome = outcome
    self.interaction = interaction
    self.currency = currency
    self.value = value
    self.valueHigh = valueHigh
    self.low = low
    self.high = high
    self.numerator = numerator
    self.denominator = denominator
    self.unitsWithCount = unitsWithCount
    self.units = units
    self.note = note
  }
}

/// An index (0–100) with what it rests on, in words.
public struct ReportIndex: Sendable, Hashable {
  public var name: String
  public var value: Double?
  /// e.g. "14 calls to action (79% low-effort) and the outcomes signatures, turnout".
  public var restsOn: String
  public var note: String?

  public init(name: String, value: Double?, restsOn: String, note: String? = nil) {
    self.name = name
    self.value = value
    self.restsOn = restsOn
    self.note = note
  }
}

/// One figure for the tables: label, value and a plain-language note.
public struct ReportFigure: Sendable, Hashable {
  public var label: String
  /// Nil when the figure is missing; `note` then says why.
  public var value: String?
  public var note: String?

  public init(label: String, value: String?, note: String? = nil) {
    self.label = label
    self.value = value
    self.note = note
  }
}

/// How a chart's y values read.
public enum AxisFormat: Sendable, Hashable {
  /// Counts of people or acts.
  case count
  /// Money in an ISO 4217 currency.
  case money(currency: String)
}

/// One small-multiple chart: one y axis, one unit.
public struct ReportChart: Sendable, Hashable {
  public enum Style: Sendable, Hashable {
    /// Points joined by lines, except across gaps longer than `ReportChart.maxGapDays`.
    case line
    /// One bar per day with data; days without data stay empty.
    case bars
  }

  public var title: String
  /// The y axis in words with its unit, e.g. "signatures (count)".
  public var yLabel: String
  /// The x axis in words, e.g. "date of capture".
  public var xLabel: String
  public var format: AxisFormat
  public var style: Style
  /// One or more series drawn on the same axis (e.g. several sources of one outcome).
  public var series: [TimeSeries]
  /// A plain-language note under the chart.
  public var note: String?

  /// Points further apart than this are not joined by a line.
  public static let maxGapDays = 10

  public init(
    title: String, yLabel: String, xLabel: String = "date of capture", format: AxisFormat, style: Style,
    series: [TimeSeries], note: String? = nil
  ) {
    self.title = title
    self.yLabel = yLabel
    self.xLabel = xLabel
    self.format = format
    self.style = style
    self.series = series
    self.note = note
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
  /// The command that prints the bytes, e.g. `slackscore show corpus/warc/x.warc.gz@10234 --raw "12.310"`.
  public var command: String?

  public init(label: String, url: String?, capturedAt: String?, source: String?, command: String? = nil) {
    self.label = label
    self.url = url
    self.capturedAt = capturedAt
    self.source = source
    self.command = command
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
