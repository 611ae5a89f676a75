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
  /// The scatter puts active interactions (likes, shares, comments, reactions, retweets) on
  /// x and effort-weighted outcome acts on y, the two components the indices are built
  /// from; the dashed lines sit at the medians across the pipeline's campaigns.
  public init(campaignsReport report: CampaignsReport) {
    let campaigns = report.campaigns.map(ReportCampaign.init(score:))
    let reference = report.method.quadrantReference
    // The quadrant labels split log-scaled loudness and acts at their medians; drawn on the
    // raw axes, the same lines sit at 10^(6 × median) − 1.
    let unscale = { (component: Double) in pow(10, component * 6) - 1 }
    var notes = [report.method.statement]
    notes.append(
      "Quadrants are relative to the \(report.method.quadrantReference.campaignsCompared) campaigns of this pipeline "
        + "(\(report.method.quadrantReference.relativeTo)), not to any absolute standard.")
    notes.append("A missing figure is shown as null with its reason, never as zero.")
    self.init(
      pipeline: report.pipeline.name,
      methodLine: "formula \(report.method.formulaVersion) · schema \(report.schemaVersion)",
      methodNotes: notes,
      campaigns: campaigns,
      discovered: report.discoveredCampaigns.map {
        ReportDiscovered(label: $0.key, basis: $0.basis.replacingUnderscores(), documents: $0.uniqueDocuments)
      },
      interactionSplit: reference.loudnessMedian.map(unscale), outcomeSplit: reference.actsMedian.map(unscale),
      interactionAxisLabel: "active interactions (likes, shares, comments, reactions)",
      outcomeAxisLabel: "effort-weighted outcome acts")
    diagnostics = report.diagnostics
  }
}

extension ReportCampaign {
  /// One campaign's row and charts from its score.
  init(score c: CampaignScore) {
    var figures: [(label: String, value: String)] = []
    for kind in c.interactions.keys.sorted() {
      let total = c.interactions[kind]!
      let value = total.total.map { HTMLText.number($0) } ?? "null (\(total.nullReason ?? "no count"))"
      figures.append((kind, value + " · coverage \(HTMLText.number(total.coverage * 100))%"))
    }
    for outcome in c.outcomes {
      figures.append((outcome.kind, ReportCampaign.describe(outcome)))
    }
    var effort = [Int](repeating: 0, count: 5)
    for level in 1...5 { effort[level - 1] = c.ctaMix.byEffort[String(level)] ?? 0 }

    var series: [TimeSeries] = []
    for outcome in c.outcomes where outcome.kind != "policy" {
      for source in outcome.sources where source.series.count >= 2 {
        let points = source.series.compactMap { p -> TimePoint? in
          guard let value = p.value else { return nil }
          let tip = "\(outcome.kind) \(HTMLText.number(value)) on \(p.at)" + (p.evidence.raw.map { " (“\($0)”)" } ?? "")
          return TimePoint(date: p.at, value: value, tooltip: tip, link: p.evidence.url)
        }
        guard points.count >= 2 else { continue }
        series.append(
          TimeSeries(
            name: "\(outcome.kind) · \(source.sourceUrl ?? source.origin)", cssClass: "outcome", points: points))
      }
    }

    let timeline: TimeSeries? =
      c.interactionTimeline.isEmpty
      ? nil
      : TimeSeries(
        name: "active interactions per day (posts)", cssClass: "interactions",
        points: c.interactionTimeline.map {
          TimePoint(
            date: $0.day, value: $0.activeInteractions,
            tooltip: "\($0.day): \(HTMLText.number($0.activeInteractions)) interactions over \($0.units) post(s)",
            link: nil)
        })

    var evidence: [ReportEvidence] = []
    for source in c.evidence.outcomeSources {
      evidence.append(
        ReportEvidence(
          label: "outcome: " + [source.raw, source.note].compactMap { $0 }.joined(separator: " — "),
          url: source.url, capturedAt: source.capturedAt, source: ReportCampaign.location(source)))
    }
    for cta in c.evidence.ctas {
      evidence.append(
        ReportEvidence(
          label: "ask (\(cta.category), effort \(cta.effort)): “\(cta.sentence)”", url: cta.evidence.url,
          capturedAt: cta.evidence.capturedAt, source: ReportCampaign.location(cta.evidence)))
    }

    self.init(
      id: c.id, name: c.name, quadrant: c.quadrant.label, slacktivismIndex: c.indices.slacktivism.value,
      engagementIndex: c.indices.engagement.value, interactions: c.indices.components.activeInteractions,
      outcome: c.indices.components.effortWeightedActs, figures: figures, effortCounts: effort,
      outcomeSeries: series, interactionSeries: timeline, caveats: c.caveats.map(\.message), evidence: evidence)
  }

  private static func describe(_ o: OutcomeSummary) -> String {
    if o.kind == "policy" { return (o.texts ?? []).joined(separator: "; ") }
    guard let value = o.value else { return "null (\(o.nullReason ?? "unknown"))" }
    var text = HTMLText.number(value) + " " + o.unit
    if let high = o.valueHigh { text = HTMLText.number(value) + "–" + HTMLText.number(high) + " " + o.unit }
    if let base = o.valueBase, let currency = o.baseCurrency, currency != o.unit {
      text += " (≈ \(HTMLText.number(base)) \(currency))"
    }
    return text + " · \(o.sourcesUsed) source\(o.sourcesUsed == 1 ? "" : "s")"
  }

  private static func location(_ e: Evidence) -> String? {
    if let path = e.archivePath {
      if let offset = e.offset { return "\(path) @ \(offset)" }
      if let id = e.recordId { return "\(path) \(id)" }
      return path
    }
    if let csv = e.csvFile { return e.csvLine.map { "\(csv):\($0)" } ?? csv }
    return nil
  }
}

extension String {
  fileprivate func replacingUnderscores() -> String { String(map { $0 == "_" ? " " : $0 }) }
}
