public import Scoring
import SlackscoreCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension ReportModel {
  /// Maps the score stage's `campaigns.json` content into what the report draws.
  ///
  /// The scatter puts online reactions (likes, shares, comments, reactions, retweets) on x
  /// and offline actions weighted by their effort on y, the two components the indices
  /// are built from; the dashed lines sit at the medians across the pipeline's campaigns
  /// and are drawn only when there are at least two campaigns to compare.
  public init(campaignsReport report: CampaignsReport) {
    let parameters = report.method.parameters
    let campaigns = report.campaigns.map { ReportCampaign(score: $0, parameters: parameters) }
    let reference = report.method.quadrantReference
    // The quadrant labels split log-scaled loudness and acts at their medians; drawn on the
    // raw axes, the same lines sit at 10^(6 × median) − 1.
    let unscale = { (component: Double) in pow(10, component * 6) - 1 }
    let compared = reference.campaignsCompared
    var notes = [report.method.statement]
    if compared >= 2 {
      notes.append(
        "The quadrant labels compare the \(compared) campaigns of this pipeline with each other (at or above "
          + "their median counts as high), not with any absolute standard.")
    } else {
      notes.append(
        "Quadrant labels compare campaigns with each other; with \(compared == 1 ? "one campaign" : "no campaign") "
          + "to compare, read the figures, not the label.")
    }
    notes.append("A figure that could not be counted says so and why; it is never shown as zero.")
    notes.append(
      "Ratios are per 1 000 interactions, with a 95% interval from resampling the posts that carry the count. "
        + "Rupiah: rb = ribu (thousand), jt = juta (million), M = miliar (billion), T = triliun (trillion).")
    self.init(
      pipeline: report.pipeline.name,
      methodLine: "formula \(report.method.formulaVersion) · schema \(report.schemaVersion)",
      methodNotes: notes,
      campaigns: campaigns,
      discovered: report.discoveredCampaigns.map {
        ReportDiscovered(label: $0.key, basis: $0.basis.replacingUnderscores(), documents: $0.uniqueDocuments)
      },
      interactionSplit: compared >= 2 ? reference.loudnessMedian.map(unscale) : nil,
      outcomeSplit: compared >= 2 ? reference.actsMedian.map(unscale) : nil,
      interactionAxisLabel: "online reactions: likes, shares, comments (log scale)",
      outcomeAxisLabel: "offline actions, signature = 2 … marcher = 5 (log)")
    diagnostics = report.diagnostics
  }
}

extension ReportCampaign {
  /// One campaign's summary, figures, charts and evidence from its score.
  init(score c: CampaignScore, parameters: MethodParameters) {
    var effort = [Int](repeating: 0, count: 5)
    for level in 1...5 { effort[level - 1] = c.ctaMix.byEffort[String(level)] ?? 0 }
    self.init(
      id: c.id, name: c.name, quadrant: c.quadrant.label, slacktivismIndex: c.indices.slacktivism.value,
      engagementIndex: c.indices.engagement.value, interactions: c.indices.components.activeInteractions,
      outcome: c.indices.components.effortWeightedActs, effortCounts: effort)

    let base = parameters.baseCurrency
    interactionFigures = c.interactions.keys.sorted().map { kind in
      let total = c.interactions[kind]!
      guard let value = total.total else {
        return ReportFigure(label: kind, value: nil, note: total.nullReason ?? "not counted")
      }
      return ReportFigure(
        label: kind, value: HTMLText.number(value),
        note: "counted on \(total.unitsWithCount) of \(total.units) posts and pages")
    }
    outcomeFigures = c.outcomes.map { Self.figure($0) }
    ratios = c.ratios.map { r in
      let coverage = c.interactions[r.interaction]
      return ReportRatio(
        outcome: r.outcome, interaction: r.interaction, currency: r.outcome == "funds" ? base : nil, value: r.value,
        valueHigh: r.valueHigh.flatMap { $0 == r.value ? nil : $0 }, low: r.ci95Low, high: r.ci95High,
        numerator: r.numerator, denominator: r.denominator, unitsWithCount: coverage?.unitsWithCount,
        units: coverage?.units, note: r.nullReason ?? r.ciNullReason)
    }
    let headline = Self.headline(c, activeTypes: parameters.activeInteractionTypes)
    summary = Self.summaryLine(c, headline: headline, ratios: ratios, base: base)
    indices = Self.indices(c, parameters: parameters)
    charts = Self.charts(c, base: base)

    // Each caveat goes next to the figure it qualifies.
    let headlineKind = headline?.outcome.kind
    for caveat in c.caveats {
      let message = caveat.message
      let kindPrefix = c.outcomes.map(\.kind).first { message.hasPrefix($0 + ":") || message.hasPrefix($0 + " ") }
      switch caveat.code {
      case _ where kindPrefix != nil && kindPrefix == headlineKind:
        summaryCaveats.append(message)
      case "estimate-range" where headlineKind == "turnout", "mixed-currencies" where headlineKind == "funds":
        summaryCaveats.append(message)
      case "low-coverage", "duplicates-removed", "coordination-not-estimated", "missing-denominator", "no-interactions":
        ratioCaveats.append(message)
      case _ where caveat.code.hasPrefix("quadrant") || caveat.code.contains("index") || caveat.code == "no-ctas":
        indexCaveats.append(message)
      case _ where caveat.code.hasPrefix("spike"):
        chartCaveats.append(message)
      case _ where kindPrefix != nil, "estimate-range", "mixed-currencies":
        outcomeCaveats.append(message)
      default:
        caveats.append(message)
      }
    }

    for source in c.evidence.outcomeSources {
      evidence.append(
        ReportEvidence(
          label: "outcome: " + [source.raw.map { "“\($0)”" }, source.note].compactMap { $0 }.joined(separator: " — "),
          url: source.url, capturedAt: source.capturedAt, source: Self.location(source),
          command: Self.showCommand(source)))
    }
    for cta in c.evidence.ctas {
      evidence.append(
        ReportEvidence(
          label: "ask (\(cta.category), effort \(cta.effort)): “\(cta.sentence)”", url: cta.evidence.url,
          capturedAt: cta.evidence.capturedAt, source: Self.location(cta.evidence),
          command: Self.showCommand(cta.evidence)))
    }
  }

  // MARK: Figures

  static func figure(_ o: OutcomeSummary) -> ReportFigure {
    let label = o.kind == "rsvps" ? "RSVPs (sign-ups)" : o.kind
    if o.kind == "policy" { return ReportFigure(label: label, value: (o.texts ?? []).joined(separator: "; ")) }
    let sources = "\(o.sourcesUsed) source\(o.sourcesUsed == 1 ? "" : "s")"
    guard let value = o.value else {
      if let base = o.valueBase, let currency = o.baseCurrency {
        return ReportFigure(
          label: label, value: HTMLText.money(base, currency: currency, compact: false),
          note: "converted to \(currency); \(sources)")
      }
      return ReportFigure(label: label, value: nil, note: o.nullReason ?? "not counted")
    }
    return ReportFigure(label: label, value: amount(o, value), note: sources)
  }

  /// "3 500–15 000 people", "11 people", "Rp 2 390 670 000".
  static func amount(_ o: OutcomeSummary, _ value: Double) -> String {
    if o.kind == "funds" { return HTMLText.money(value, currency: o.unit, compact: false) }
    var text = HTMLText.number(value)
    if let high = o.valueHigh, high != value { text += "–" + HTMLText.number(high) }
    return text + " " + o.unit
  }

  // MARK: Summary

  struct Headline {
    var outcome: OutcomeSummary
    var ratio: ConversionRatio?
  }

  /// The outcome to quote first (signatures, funds, donors, turnout, volunteers, in the
  /// score stage's order) and its ratio over the first of likes, shares, comments, reactions,
  /// retweets that has a 95% interval (else that has a value), so that campaigns read alike.
  static func headline(_ c: CampaignScore, activeTypes: [String]) -> Headline? {
    let quotable = c.outcomes.filter { $0.kind != "policy" && $0.kind != "rsvps" && ($0.value ?? $0.valueBase) != nil }
    guard let outcome = quotable.first else { return nil }
    let order = ["likes", "shares", "comments", "reactions", "retweets"].filter { activeTypes.contains($0) }
    let candidates = order.compactMap { type in
      c.ratios.first { $0.outcome == outcome.kind && $0.interaction == type && $0.value != nil }
    }
    let ratio = candidates.first { $0.ci95Low != nil } ?? candidates.first
    return Headline(outcome: outcome, ratio: ratio)
  }

  static func summaryLine(_ c: CampaignScore, headline: Headline?, ratios: [ReportRatio], base: String) -> String {
    guard let headline else {
      let active = c.indices.components.activeInteractions
      return "\(c.name): "
        + (active.map { HTMLText.number($0) + " likes, shares and comments counted" } ?? "no interactions counted")
        + "; no offline outcome (signatures, funds, turnout…) was found."
    }
    let o = headline.outcome
    var line = "\(c.name): "
    switch o.kind {
    case "funds":
      let value = o.value ?? o.valueBase ?? 0
      line += HTMLText.money(value, currency: o.value == nil ? (o.baseCurrency ?? base) : o.unit) + " raised"
    case "turnout":
      line +=
        amount(o, o.value ?? 0) + " at the protest" + (o.valueHigh.map { $0 != o.value } == true ? " (estimates)" : "")
    default:
      line += amount(o, o.value ?? 0)
    }
    guard let r = headline.ratio, let value = r.value, let denominator = r.denominator else {
      return line + "; no interaction counts to set against it."
    }
    let money = o.kind == "funds" ? base : nil
    func show(_ v: Double) -> String { money.map { HTMLText.money(v, currency: $0) } ?? HTMLText.significant(v) }
    line +=
      ", or \(show(value))\(o.kind == "turnout" && r.valueHigh != nil && r.valueHigh != value ? "–" + show(r.valueHigh!) : "")"
    line += " per 1 000 \(r.interaction)"
    if let low = r.ci95Low, let high = r.ci95High {
      let range = o.kind == "turnout" && r.valueHigh != nil && r.valueHigh != value
      line += " (95% interval\(range ? " of the low estimate" : "") \(show(low))–\(show(high)))"
    } else {
      line += " (no 95% interval: \(r.ciNullReason ?? "too few posts carry the count"))"
    }
    let coverage = c.interactions[r.interaction]
    line += "; \(HTMLText.number(denominator)) \(r.interaction) counted"
    if let coverage { line += " on \(coverage.unitsWithCount) of \(coverage.units) posts and pages" }
    return line + "."
  }

  // MARK: Indices

  static func indices(_ c: CampaignScore, parameters: MethodParameters) -> [ReportIndex] {
    let mix = c.ctaMix
    var asks = "\(mix.total) call\(mix.total == 1 ? "" : "s") to action"
    if let share = mix.lowEffort.share {
      asks += " (\(HTMLText.number(share * 100))% low-effort: a click, share or signature"
      if let low = mix.lowEffort.ci95Low, let high = mix.lowEffort.ci95High {
        asks += ", 95% interval \(HTMLText.number(low * 100))–\(HTMLText.number(high * 100))%"
      }
      asks += ")"
    }
    let weighted = c.outcomes.filter { parameters.outcomeEffortWeights[$0.kind] != nil && $0.value != nil }.map(\.kind)
    let acts = weighted.isEmpty ? "no offline outcome counted" : "offline outcomes: " + weighted.joined(separator: ", ")
    let reactions =
      c.indices.components.activeInteractions.map { HTMLText.number($0) + " online reactions" }
      ?? "no online reactions counted"
    let words: [String: String] = [
      "gap": "online reactions outpacing offline actions", "low_effort_share": "share of low-effort asks",
      "1-effort_norm": "low effort of the asks", "acts": "offline actions",
      "effort_norm": "effort the asks demand", "1-low_effort_share": "share of asks beyond a click",
    ]
    func index(_ name: String, _ value: IndexValue) -> ReportIndex {
      let parts = value.componentsUsed.map { words[$0] ?? $0.replacingUnderscores() }
      return ReportIndex(
        name: name, value: value.value, restsOn: "\(asks); \(reactions); \(acts)",
        note: value.value == nil
          ? value.nullReason : "Built from: " + parts.joined(separator: ", ") + ".")
    }
    return [index("Slacktivism index", c.indices.slacktivism), index("Engagement index", c.indices.engagement)]
  }

  // MARK: Charts

  static func charts(_ c: CampaignScore, base: String) -> [ReportChart] {
    var charts: [ReportChart] = []
    for outcome in c.outcomes where outcome.kind != "policy" {
      // One chart per currency: one y axis, one unit.
      var byCurrency: [(currency: String?, sources: [OutcomeSource])] = []
      for source in outcome.sources where source.series.contains(where: { $0.value != nil }) {
        let currency = outcome.kind == "funds" ? source.currency ?? outcome.unit : nil
        if let i = byCurrency.firstIndex(where: { $0.currency == currency }) {
          byCurrency[i].sources.append(source)
        } else {
          byCurrency.append((currency, [source]))
        }
      }
      for group in byCurrency {
        let series = group.sources.map { source in
          let points = source.series.compactMap { p -> TimePoint? in
            guard let value = p.value else { return nil }
            let shown =
              group.currency.map { HTMLText.money(value, currency: $0, compact: false) }
              ?? HTMLText.number(value) + (p.high.map { $0 != value ? "–" + HTMLText.number($0) : "" } ?? "")
            let tip = "\(outcome.kind) \(shown) on \(p.at.prefix(10))" + (p.evidence.raw.map { " (“\($0)”)" } ?? "")
            return TimePoint(
              date: p.at, value: value, high: p.high, tooltip: tip, link: p.evidence.url)
          }
          let name =
            (source.sourceUrl.map(host) ?? source.origin) + " (" + origin(source) + ")"
            + (source.used ? "" : " — not counted: \(source.notUsedReason ?? "see campaigns.json")")
          return TimeSeries(name: name, cssClass: "outcome", points: points)
        }
        let kindTitle = outcome.kind == "rsvps" ? "RSVPs (sign-ups, not turnout)" : outcome.kind.capitalizedFirst()
        let unit = group.currency.map { HTMLText.currencyLabel($0) } ?? "count of \(outcome.unit)"
        let title = "\(c.name): \(kindTitle)\(group.currency.map { " in \($0)" } ?? "")"
        let note =
          outcome.kind == "turnout" && series.contains(where: { $0.points.contains { $0.high != nil } })
          ? "A vertical bar spans an estimate range (low to high)." : nil
        charts.append(
          ReportChart(
            title: title, yLabel: "\(outcome.kind == "rsvps" ? "RSVPs" : outcome.kind) (\(unit))",
            format: group.currency.map { .money(currency: $0) } ?? .count, style: .line, series: series, note: note))
      }
    }
    if !c.interactionTimeline.isEmpty {
      let points = c.interactionTimeline.map {
        TimePoint(
          date: $0.day, value: $0.activeInteractions,
          tooltip:
            "\($0.day): \(HTMLText.number($0.activeInteractions)) reactions on \($0.units) post(s) published that day",
          link: nil)
      }
      charts.append(
        ReportChart(
          title: "\(c.name): online reactions by day of posting", yLabel: "likes, shares, comments (count)",
          xLabel: "date the post was published", format: .count, style: .bars,
          series: [TimeSeries(name: "posts", cssClass: "interactions", points: points)],
          note: "Each bar adds up the reactions the posts published that day had when they were captured, not "
            + "the reactions made on that day. Days without a bar had no dated post."))
    }
    return charts
  }

  private static func origin(_ source: OutcomeSource) -> String {
    switch source.origin {
    case "page": "\(source.captures) archived capture\(source.captures == 1 ? "" : "s")"
    case "csv": "outcome table"
    default: "\(source.captures) capture\(source.captures == 1 ? "" : "s") + outcome table"
    }
  }

  /// The host of a URL, for short series names.
  static func host(_ url: String) -> String {
    var rest = Substring(url)
    if let colon = rest.firstIndex(of: ":"), rest[colon...].hasPrefix("://") {
      rest = rest[rest.index(colon, offsetBy: 3)...]
    }
    let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
    return host.hasPrefix("www.") ? String(host.dropFirst(4)) : String(host)
  }

  // MARK: Evidence

  private static func location(_ e: Evidence) -> String? {
    if let path = e.archivePath {
      if let offset = e.offset { return "\(path)@\(offset)" }
      if let id = e.recordId { return "\(path) \(id)" }
      return path
    }
    if let csv = e.csvFile { return e.csvLine.map { "\(csv):\($0)" } ?? csv }
    return nil
  }

  /// `slackscore show FILE@OFFSET --raw "…"`, for archive evidence.
  static func showCommand(_ e: Evidence) -> String? {
    guard let path = e.archivePath else { return nil }
    let target = e.offset.map { "\(path)@\($0)" } ?? e.recordId.map { "'\($0)'" } ?? path
    let raw = e.raw.map { " --raw '" + $0.replacingQuotes() + "'" } ?? ""
    return "slackscore show \(target)\(raw)"
  }
}

extension String {
  fileprivate func replacingUnderscores() -> String { String(map { $0 == "_" ? " " : $0 }) }
  fileprivate func replacingQuotes() -> String {
    var out = ""
    for ch in self { if ch == "'" { out += "'\\''" } else { out.append(ch) } }
    return out
  }
  fileprivate func capitalizedFirst() -> String { prefix(1).uppercased() + dropFirst() }
}
