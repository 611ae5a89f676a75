import PipelineConfiguration
import SlackscoreCore

/// The caveats a journalist must read before quoting a campaign's figures.
enum Caveats {
  static func make(for c: CampaignScore, units: [InteractionUnit], minCoverage: Double) -> [Caveat] {
    var out: [Caveat] = []
    func add(_ code: String, _ message: String) { out.append(Caveat(code: code, message: message)) }

    let missing = Set(c.ratios.filter { $0.value == nil }.map(\.interaction)).sorted()
    if !missing.isEmpty {
      add(
        "missing-denominator",
        "No usable \(missing.joined(separator: ", ")) counts: the ratios over them are null, not zero.")
    }
    let numericOutcomes = c.outcomes.filter { $0.kind != "policy" }
    if c.outcomes.isEmpty { add("no-outcomes", "No outcome (signatures, money, turnout…) was found or given.") }
    if c.interactions.values.allSatisfy({ $0.total == nil }) {
      add("no-interactions", "No interaction count was found on the pages or in the exports.")
    } else {
      add(
        "coordination-not-estimated",
        "Bot, buzzer or coordinated activity was not estimated; interaction counts may include it.")
    }
    for o in numericOutcomes {
      let used = o.sources.filter(\.used)
      // Judged on the points the figure is made of, not on the sources' labels: a source
      // labelled `page+csv` whose latest point is a CSV row gives a CSV-only figure.
      if !used.isEmpty && used.allSatisfy({ $0.latest.evidence.kind == "csv" }) {
        add("outcome-csv-only", "\(o.kind): only from the outcome CSV, with no archived capture to check it against.")
      }
      for s in used {
        let captures = s.series.filter { $0.evidence.kind == "archive" }
        guard captures.count == 1 else { continue }
        let others = s.series.count - 1
        add(
          "single-capture",
          "\(o.kind) from \(s.sourceUrl ?? "a page"): one capture only (\(captures[0].at))"
            + (others == 0
              ? "; no increments can be shown."
              : "; the series' other \(others) point\(others == 1 ? " comes" : "s come") from the outcome CSV."))
      }
      for s in used where ["signatures", "donors", "volunteers", "funds", "rsvps"].contains(o.kind) {
        for point in s.series where (point.increment ?? 0) < 0 {
          add(
            "series-decreases",
            "\(o.kind) from \(s.sourceUrl ?? "the outcome CSV"): the running total goes down by \(number(-(point.increment ?? 0))) on \(point.at); a cumulative count should not fall, so check that point before quoting the series."
          )
        }
      }
      if used.contains(where: { !$0.platformPage && $0.origin == "page" }) {
        add("quoted-outcome", "\(o.kind): read from a page that is not the campaign's own (a quoted figure).")
      }
      if used.contains(where: { $0.latest.evidence.kind == "archive" }) {
        add(
          "snapshot-not-final",
          "\(o.kind): the latest figure is a page counter at capture time, not necessarily the campaign's final count; displayed and total counts can also differ."
        )
      }
      if used.count > 1 && o.kind != "turnout" {
        add(
          "several-sources",
          "\(o.kind): summed over \(used.count) sources (e.g. several platforms or channels); check that they do not overlap, and do not credit all of it to online activity."
        )
      }
      if o.kind == "funds" {
        if o.valueBase == nil {
          add("money-not-normalised", "funds: \(o.nullReason ?? "no base-currency value").")
        } else if o.unit == "mixed" {
          add(
            "mixed-currencies",
            "funds come in several currencies; only the \(o.baseCurrency ?? "base")-normalised sum (value_base) is given, with each source's rate and date."
          )
        }
      }
      if o.kind == "rsvps" {
        add(
          "rsvps-not-turnout",
          "rsvps: a page counts sign-ups (\(Int(o.value ?? 0))); they are intentions, never turnout, reported apart and left out of the indices."
        )
      }
      if o.kind == "turnout", let high = o.valueHigh, let low = o.value, high > low {
        add("estimate-range", "turnout is an estimate range; ratios use the low end (\(Int(low))–\(Int(high))).")
      }
    }
    if c.documents.duplicatesRemoved > 0 {
      add(
        "duplicates-removed",
        "\(c.documents.duplicatesRemoved) of \(c.documents.total) documents are near-duplicates (syndicated, reposted or re-captured) and count once per cluster."
      )
    }
    if c.documents.alsoInOtherCampaigns > 0 {
      add(
        "shared-documents",
        "\(c.documents.alsoInOtherCampaigns) document(s) also belong to another campaign and count in full in each.")
    }
    let low = c.interactions.keys.sorted().filter { t in
      let i = c.interactions[t]!
      return i.unitsWithCount > 0 && i.coverage < minCoverage
    }
    if !low.isEmpty {
      let parts = low.map { t in
        "\(t) \(c.interactions[t]!.unitsWithCount)/\(c.interactions[t]!.units)"
      }
      add("low-coverage", "Few documents carry a count (\(parts.joined(separator: ", "))); totals are lower bounds.")
    }
    if c.ctaMix.total == 0 { add("no-ctas", "No call to action was found (boilerplate excluded).") }
    if let indonesian = c.documents.languages["id"], indonesian > 0 {
      add(
        "cta-detector-indonesian",
        "\(indonesian) of \(c.documents.total) documents are in Indonesian, where the call-to-action detector is least reliable: \(MethodText.indonesianDetectorError); read cta_mix and the effort figures as indicative."
      )
    }
    if let spike = spike(units: units) {
      let moved = numericOutcomes.contains { o in
        o.sources.filter(\.used).contains { s in
          zip(s.series, s.series.dropFirst()).contains { prev, next in
            (next.increment ?? 0) > 0 && overlaps(from: prev.at, to: next.at, day: spike)
          }
        }
      }
      if !moved {
        add(
          "spike-without-outcome-movement",
          "Interactions peak on \(spike) (at least 3× the median day) but no outcome series shows a rise between captures around it (within 7 days)."
        )
      }
    }
    return out.sorted { ($0.code, $0.message) < ($1.code, $1.message) }
  }

  static func number(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
  }

  /// The day with the most active interactions when it is at least 3× the median of days
  /// with interactions (at least 3 such days needed).
  static func spike(units: [InteractionUnit]) -> String? {
    var byDay: [String: Double] = [:]
    for u in units {
      guard let day = u.day else { continue }
      let active = InteractionType.active.sorted().reduce(0.0) { $0 + (u.counts[$1] ?? 0) }
      if active > 0 { byDay[day, default: 0] += active }
    }
    guard byDay.count >= 3, let median = Statistics.median(Array(byDay.values)) else { return nil }
    let top = byDay.max { ($0.value, $1.key) < ($1.value, $0.key) }!
    return top.value >= 3 * median ? top.key : nil
  }

  /// Whether (from, to] intersects [day, day + 7].
  static func overlaps(from: String, to: String, day: String) -> Bool {
    guard let a = CalendarDate.dayNumber(from), let b = CalendarDate.dayNumber(to), let d = CalendarDate.dayNumber(day)
    else { return false }
    return b >= d && a <= d + 7
  }
}

/// Quadrant labels relative to the pipeline's own campaigns.
enum Quadrants {
  static let reference =
    "medians across this pipeline's campaigns that have both loudness (online token acts) and acts (offline outcomes); at or above the median counts as high"

  /// x = loudness (online token acts), y = acts (effort-weighted offline outcomes), both
  /// from the index components. Loud + many acts: `engaged`; loud + few: `loud-but-idle`;
  /// quiet + many: `quiet-effective`; quiet + few: `dormant`. The asks (CTA mix) are left
  /// out on purpose: the quadrant describes what happened, not what was asked. Needs at
  /// least 2 comparable campaigns.
  static func assign(_ campaigns: inout [CampaignScore]) {
    let comparable = campaigns.filter { $0.quadrant.loudness != nil && $0.quadrant.acts != nil }
    let loud = Statistics.median(comparable.map { $0.quadrant.loudness! })
    let engaged = Statistics.median(comparable.map { $0.quadrant.acts! })
    for i in campaigns.indices {
      guard let l = campaigns[i].quadrant.loudness, let e = campaigns[i].quadrant.acts else {
        campaigns[i].quadrant.nullReason =
          campaigns[i].quadrant.loudness == nil
          ? "loudness unknown: no likes, shares, comments or reactions"
          : "acts unknown: no signatures, donors, volunteers or turnout"
        continue
      }
      guard comparable.count >= 2, let loud, let engaged else {
        campaigns[i].quadrant.nullReason = "fewer than 2 campaigns with both figures to compare against"
        continue
      }
      switch (l >= loud, e >= engaged) {
      case (true, true): campaigns[i].quadrant.label = "engaged"
      case (true, false): campaigns[i].quadrant.label = "loud-but-idle"
      case (false, true): campaigns[i].quadrant.label = "quiet-effective"
      case (false, false): campaigns[i].quadrant.label = "dormant"
      }
      let near = [("loudness", abs(l - loud)), ("acts", abs(e - engaged))].filter { $0.1 < borderline }.map(\.0)
      if !near.isEmpty {
        campaigns[i].caveats.append(
          Caveat(
            code: "quadrant-borderline",
            message:
              "Within \(borderline) of the median \(near.joined(separator: " and ")) line (about 40% in raw counts): "
              + "a small change in the counts would change the quadrant label; quote the figures, not the label."))
        campaigns[i].caveats.sort { $0.code < $1.code }
      }
    }
  }

  /// Distance from a median line, in component units (log10 / 6), under which a label is
  /// called borderline: 0.025 is 0.15 decades, about 40% in raw counts.
  static let borderline = 0.025

  static func medians(_ campaigns: [CampaignScore]) -> QuadrantReference {
    let comparable = campaigns.filter { $0.quadrant.loudness != nil && $0.quadrant.acts != nil }
    return QuadrantReference(
      relativeTo: reference, campaignsCompared: comparable.count,
      loudnessMedian: fixedIfAny(Statistics.median(comparable.map { $0.quadrant.loudness! }), 4),
      actsMedian: fixedIfAny(Statistics.median(comparable.map { $0.quadrant.acts! }), 4))
  }
}
