import PipelineConfiguration
import SlackscoreCore

/// Which of several counters of one kind on one page to believe: a structured one
/// (`jsonld`, `microdata`, `meta`, `embedded_json`) over one read from visible text (which
/// may be rounded, like "Rp 1,2 M", or belong to a comment; `text`, and `markup`, a bare number
/// whose element's class names the count), then the larger.
enum CounterChoice {
  static func prefer(_ a: Counter, over b: Counter) -> Bool {
    let ra = a.originKind?.isShown == true ? 0 : 1
    let rb = b.originKind?.isShown == true ? 0 : 1
    return ra != rb ? ra > rb : a.value > b.value
  }
}

/// Builds a campaign's outcomes from page counters (one series per page, one point per
/// capture) and outcome CSV rows (one series per source URL, one point per `as_of`).
enum OutcomeAssembler {
  /// Page counter kinds that are outcomes, and the outcome kind each feeds. A page's
  /// attendee counter is always `rsvps` (people who said they would come, on an event page or
  /// a page quoting one): turnout comes only from crowd estimates in the outcome CSV, never
  /// from a page counter.
  static let counterKinds: [String: String] = [
    "signatures": "signatures", "funds_raised": "funds", "donors": "donors", "attendees": "rsvps",
    "volunteers": "volunteers",
  ]
  static let kindOrder = ["signatures", "funds", "donors", "turnout", "rsvps", "volunteers", "policy"]

  struct Point {
    var at: String
    var value: Double?
    var high: Double?
    var text: String?
    var currency: String?
    var fromCSV: Bool
    var evidence: Evidence
  }

  /// What makes two points one capture (same time, value and text).
  struct PointKey: Hashable {
    var at: String
    var value: Double?
    var text: String?
  }

  struct Source {
    var kind: String
    var key: String
    var url: String?
    var platform = false
    var hasPage = false
    var hasCSV = false
    var points: [Point] = []
  }

  /// The evidence for a page counter.
  static func evidence(_ doc: Document, counter: Counter?) -> Evidence {
    Evidence(
      kind: "archive", url: doc.url, capturedAt: doc.capturedAt, documentId: doc.id, archivePath: doc.source.path,
      offset: doc.source.offset, recordId: doc.source.recordId, revisitOf: doc.source.revisitOf, raw: counter?.raw,
      counterOrigin: counter?.origin,
      csvFile: nil, csvLine: nil, note: nil)
  }

  static func assemble(
    members: [Document], rows: [OutcomeRow], isPlatform: (String) -> Bool,
    isEventPage: (String) -> Bool = { _ in false },
    currency: CurrencyConfig
  ) -> [OutcomeSummary] {
    var sources: [String: Source] = [:]
    for doc in members {
      var best: [String: Counter] = [:]
      for counter in doc.counters {
        guard let kind = counterKinds[counter.kind], counter.value >= 0 else { continue }
        if let current = best[kind], !CounterChoice.prefer(counter, over: current) { continue }
        best[kind] = counter
      }
      let url = doc.canonicalUrl ?? doc.url
      let key = url.map(URLKey.make) ?? "doc:\(doc.id)"
      for (kind, counter) in best {
        let id = "\(kind) \(key)"
        var source = sources[id] ?? Source(kind: kind, key: key, url: url)
        source.hasPage = true
        source.platform = source.platform || [doc.url, doc.canonicalUrl].compactMap { $0 }.contains(where: isPlatform)
        source.points.append(
          Point(
            at: doc.capturedAt ?? doc.publishedAt ?? "unknown", value: counter.value, high: nil, text: nil,
            currency: counter.currency, fromCSV: false, evidence: evidence(doc, counter: counter)))
        sources[id] = source
      }
    }
    // CSV rows: one point per (source, as_of); `low`/`high` rows of one date merge.
    var csvPoints: [String: Point] = [:]
    var csvSource: [String: String] = [:]
    for row in rows {
      let key = row.sourceURL.map(URLKey.make) ?? "csv:\(row.file)"
      let id = "\(row.kind) \(key)"
      var source = sources[id] ?? Source(kind: row.kind, key: key, url: row.sourceURL)
      source.hasCSV = true
      if let url = row.sourceURL { source.platform = source.platform || isPlatform(url) }
      sources[id] = source
      let pointID = "\(id)\u{0}\(row.asOf)"
      csvSource[pointID] = id
      let evidence = Evidence(
        kind: "csv", url: row.sourceURL, capturedAt: nil, documentId: nil, archivePath: nil, offset: nil,
        recordId: nil, raw: row.raw, counterOrigin: nil, csvFile: row.file, csvLine: row.line, note: row.note)
      var point =
        csvPoints[pointID]
        ?? Point(
          at: row.asOf, value: nil, high: nil, text: row.text, currency: row.kind == "funds" ? row.unit : nil,
          fromCSV: true, evidence: evidence)
      switch row.bound {
      case "high": point.high = row.value
      case "low": point.value = row.value
      default:
        point.value = row.value
        point.high = row.high
      }
      if point.evidence.csvLine! > row.line { point.evidence = evidence }
      csvPoints[pointID] = point
    }
    for pointID in csvPoints.keys.sorted() {
      var point = csvPoints[pointID]!
      if point.value == nil { point.value = point.high }
      sources[csvSource[pointID]!]!.points.append(point)
    }

    var byKind: [String: [Source]] = [:]
    for id in sources.keys.sorted() { byKind[sources[id]!.kind, default: []].append(sources[id]!) }
    return kindOrder.compactMap { kind in
      byKind[kind].map { summarise(kind: kind, $0, currency: currency) }
    }
  }

  private static func summarise(kind: String, _ raw: [Source], currency: CurrencyConfig) -> OutcomeSummary {
    var outputs: [OutcomeSource] = raw.map { source in
      // Points without a date ("unknown") sort first, so they never count as the latest.
      func time(_ p: Point) -> String { p.at == "unknown" ? "" : p.at }
      var points = source.points.sorted {
        (time($0), $0.fromCSV ? 1 : 0, $0.value ?? -1, $0.evidence.documentId ?? "")
          < (time($1), $1.fromCSV ? 1 : 0, $1.value ?? -1, $1.evidence.documentId ?? "")
      }
      // Duplicate captures (same time, same value) count once.
      var unique: [Point] = []
      var seen: Set<PointKey> = []
      for p in points where seen.insert(PointKey(at: p.at, value: p.value, text: p.text)).inserted { unique.append(p) }
      points = unique
      var series: [SeriesPoint] = []
      for (i, p) in points.enumerated() {
        var increment: Double? = nil
        if i > 0, let v = p.value, let prev = points[i - 1].value, points[i - 1].currency == p.currency {
          increment = fixed(v - prev)
        }
        series.append(
          SeriesPoint(
            at: p.at, value: fixedIfAny(p.value), high: fixedIfAny(p.high), increment: increment, text: p.text,
            evidence: p.evidence))
      }
      let latest = points.last!
      var normalised: MoneyNormalisation? = nil
      if kind == "funds" { normalised = normalise(latest.value, currency: latest.currency, at: latest.at, currency) }
      let origin = source.hasPage && source.hasCSV ? "page+csv" : source.hasPage ? "page" : "csv"
      return OutcomeSource(
        sourceUrl: source.url, origin: origin, platformPage: source.platform, used: false, notUsedReason: nil,
        currency: kind == "funds" ? latest.currency : nil, latest: series.last!, series: series,
        captures: points.filter { !$0.fromCSV }.count, normalised: normalised)
    }
    // Which sources make the headline figure.
    let primary = Set(outputs.indices.filter { outputs[$0].platformPage || outputs[$0].origin != "page" })
    if primary.isEmpty {
      let best = outputs.indices.max { a, b in
        (outputs[a].latest.value ?? -1, outputs[b].sourceUrl ?? "") < (
          outputs[b].latest.value ?? -1, outputs[a].sourceUrl ?? ""
        )
      }
      for i in outputs.indices {
        if i == best {
          outputs[i].used = true
        } else {
          outputs[i].notUsedReason =
            "another page quotes a larger figure; figures quoted on pages that are not the campaign's own are not summed (they may repeat one count)"
        }
      }
    } else {
      for i in outputs.indices {
        if primary.contains(i) {
          outputs[i].used = true
        } else {
          outputs[i].notUsedReason =
            "not one of the campaign's own pages; the campaign's page or the outcome CSV gives this figure"
        }
      }
    }
    let used = outputs.filter(\.used)
    var summary = OutcomeSummary(
      kind: kind, unit: "", value: nil, valueHigh: nil, valueBase: nil, baseCurrency: nil, nullReason: nil,
      texts: nil, sourcesUsed: used.count, sources: outputs)
    switch kind {
    case "policy":
      summary.unit = "text"
      summary.texts = used.flatMap { $0.series.compactMap(\.text) }
      summary.nullReason = "a policy outcome is text, not a number"
    case "funds":
      let currencies = Set(used.map { $0.currency ?? "?" })
      summary.unit = currencies.count == 1 ? currencies.first! : "mixed"
      summary.baseCurrency = currency.base
      if currencies.count == 1 && currencies.first != "?" {
        summary.value = fixed(used.reduce(0.0) { $0 + ($1.latest.value ?? 0) })
      } else {
        summary.nullReason =
          currencies.contains("?")
          ? "a source gives no currency"
          : "sources use several currencies (\(currencies.sorted().joined(separator: ", "))); see value_base"
      }
      let bases = used.map { $0.normalised?.value }
      if bases.allSatisfy({ $0 != nil }) {
        summary.valueBase = fixed(bases.reduce(0.0) { $0 + $1! })
      } else if summary.nullReason == nil {
        summary.nullReason = "no value_base: " + (used.compactMap { $0.normalised?.nullReason }.first ?? "")
      }
    default:
      summary.unit = kind == "signatures" ? "signatures" : "people"
      // (`rsvps`: sign-ups on an event page, summed like counts.)
      if kind == "turnout" {
        // Crowd estimates from several sources are alternatives for one event, not parts:
        // the range runs from the smallest low to the largest high.
        summary.value = fixedIfAny(used.compactMap(\.latest.value).min())
        summary.valueHigh = fixedIfAny(used.compactMap { $0.latest.high ?? $0.latest.value }.max())
      } else {
        summary.value = fixed(used.reduce(0.0) { $0 + ($1.latest.value ?? 0) })
      }
    }
    return summary
  }

  /// Converts an amount to the base currency with the rate of the latest date at or before
  /// `at` (or, when every rate is later, the earliest one; the date used is stated).
  static func normalise(
    _ value: Double?, currency code: String?, at: String, _ config: CurrencyConfig
  )
    -> MoneyNormalisation
  {
    var result = MoneyNormalisation(
      value: nil, baseCurrency: config.base, rate: nil, rateAsOf: nil, rateSource: nil, nullReason: nil)
    guard let value else {
      result.nullReason = "no amount"
      return result
    }
    guard let code else {
      result.nullReason = "the amount has no currency"
      return result
    }
    if code == config.base {
      result.value = fixed(value)
      result.rate = 1
      result.rateSource = "base currency"
      return result
    }
    let candidates = config.rates.filter { $0.currency == code }.sorted { $0.asOf < $1.asOf }
    let day = String(at.prefix(10))
    guard let rate = candidates.last(where: { $0.asOf <= day }) ?? candidates.first else {
      result.nullReason = "no rate for \(code) in currency.rates"
      return result
    }
    result.value = fixed(value * rate.rate)
    result.rate = rate.rate
    result.rateAsOf = rate.asOf
    result.rateSource = rate.source
    return result
  }
}
