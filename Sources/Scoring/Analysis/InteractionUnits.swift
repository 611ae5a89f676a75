import SlackscoreCore

/// A counted unit of interactions: one near-duplicate cluster of documents (with the export
/// rows naming one of its URLs), or one export row group whose URL names no document.
struct InteractionUnit {
  var key: String
  var counts: [String: Double] = [:]
  var fromPage: Set<String> = []
  var fromExport: Set<String> = []
  /// Per type, the source of the count kept (`page ORIGIN NAME` or `export FILE`).
  var source: [String: String] = [:]
  /// Per type, where the count kept was read: the capture and raw string, or the CSV row.
  var evidence: [String: Evidence] = [:]
  /// `YYYY-MM-DD` the interactions are dated to (published, else captured, else posted).
  var day: String?
}

/// Export rows merged per URL key: duplicate rows (same URL, same posting time or not)
/// keep the largest count per type, since exports repeat a post rather than add to it.
struct ExportIndex {
  struct Entry {
    var url: String
    var postedAt: String?
    var counts: [String: Double]
    var rows: Int
    var file: String
    /// 1-based line of the first row for this URL in the file.
    var line: Int
  }

  let byKey: [String: Entry]

  init(_ rows: [InteractionRow]) {
    var map: [String: Entry] = [:]
    for row in rows {
      let key = URLKey.make(row.url)
      var entry =
        map[key] ?? Entry(url: row.url, postedAt: row.postedAt, counts: [:], rows: 0, file: row.file, line: row.line)
      entry.rows += 1
      // Whatever the row order: the first line and the smallest spelling of the URL.
      entry.line = min(entry.line, row.line)
      entry.url = min(entry.url, row.url)
      if let p = row.postedAt, entry.postedAt.map({ p < $0 }) ?? true { entry.postedAt = p }
      for (type, value) in row.counts { entry.counts[type] = max(entry.counts[type] ?? 0, value) }
      map[key] = entry
    }
    byKey = map
  }
}

enum InteractionAssembler {
  /// Active interactions summed per day over the units that carry a date, oldest first.
  static func timeline(_ units: [InteractionUnit]) -> [TimelinePoint] {
    var byDay: [String: (Double, Int)] = [:]
    for unit in units {
      guard let day = unit.day else { continue }
      let active = InteractionType.active.sorted().reduce(0.0) { $0 + (unit.counts[$1] ?? 0) }
      guard active > 0 else { continue }
      let current = byDay[day] ?? (0, 0)
      byDay[day] = (current.0 + active, current.1 + 1)
    }
    return byDay.keys.sorted().map { TimelinePoint(day: $0, activeInteractions: byDay[$0]!.0, units: byDay[$0]!.1) }
  }

  /// Units for one campaign.
  ///
  /// In a cluster, each URL counts at its latest capture (counts on a page are cumulative),
  /// and the cluster takes the largest count per type over its URLs (syndicated copies
  /// repeat the same audience figure far more often than they add to it). Export rows
  /// whose URL is one of the cluster's URLs merge in the same way.
  static func units(
    members: [Document], clusters: Clusters, exports: ExportIndex, campaignExportKeys: [String]
  ) -> [InteractionUnit] {
    var byCluster: [String: [Document]] = [:]
    for doc in members { byCluster[clusters[doc.id]!, default: []].append(doc) }
    var units: [InteractionUnit] = []
    var usedExportKeys: Set<String> = []
    for clusterID in byCluster.keys.sorted() {
      let docs = byCluster[clusterID]!
      var unit = InteractionUnit(key: clusterID)
      var latestPerURL: [String: Document] = [:]
      for doc in docs {
        let key = doc.url.map(URLKey.make) ?? "doc:\(doc.id)"
        if let current = latestPerURL[key] {
          if (doc.capturedAt ?? "", doc.id) > (current.capturedAt ?? "", current.id) { latestPerURL[key] = doc }
        } else {
          latestPerURL[key] = doc
        }
      }
      for key in latestPerURL.keys.sorted() {
        let doc = latestPerURL[key]!
        // One act, one count: `retweets` and `shares` of one post are one type (the
        // preferred counter of the two, not their sum).
        var chosen: [String: Counter] = [:]
        for counter in doc.counters where counter.value >= 0 {
          guard let kind = InteractionType.canonical(counter.kind) else { continue }
          if let current = chosen[kind], !CounterChoice.prefer(counter, over: current) { continue }
          chosen[kind] = counter
        }
        for kind in chosen.keys.sorted() {
          let counter = chosen[kind]!
          if counter.value > unit.counts[kind] ?? -1 {
            unit.source[kind] = "page \(counter.origin) \(counter.kind)"
            unit.evidence[kind] = OutcomeAssembler.evidence(doc, counter: counter)
          }
          unit.counts[kind] = max(unit.counts[kind] ?? 0, counter.value)
          unit.fromPage.insert(kind)
        }
        let day = doc.publishedAt ?? doc.capturedAt
        if let day, unit.day.map({ day < $0 }) ?? true { unit.day = String(day.prefix(10)) }
      }
      var urlKeys = Set(latestPerURL.keys)
      for doc in docs { if let c = doc.canonicalUrl { urlKeys.insert(URLKey.make(c)) } }
      for key in urlKeys.sorted() {
        guard let entry = exports.byKey[key] else { continue }
        usedExportKeys.insert(key)
        for type in entry.counts.keys.sorted() {
          let value = entry.counts[type]!
          if value > unit.counts[type] ?? -1 {
            unit.source[type] = "export \(entry.file)"
            unit.evidence[type] = Self.exportEvidence(entry)
          }
          unit.counts[type] = max(unit.counts[type] ?? 0, value)
          unit.fromExport.insert(type)
        }
      }
      units.append(unit)
    }
    for key in campaignExportKeys.sorted() where !usedExportKeys.contains(key) {
      guard let entry = exports.byKey[key] else { continue }
      var unit = InteractionUnit(key: "export:\(key)")
      unit.counts = entry.counts
      unit.fromExport = Set(entry.counts.keys)
      for type in entry.counts.keys {
        unit.source[type] = "export \(entry.file)"
        unit.evidence[type] = Self.exportEvidence(entry)
      }
      unit.day = entry.postedAt.map { String($0.prefix(10)) }
      units.append(unit)
    }
    return units
  }

  /// Where an export count was read: the CSV file and the first row for the URL.
  static func exportEvidence(_ entry: ExportIndex.Entry) -> Evidence {
    Evidence(
      kind: "csv", url: entry.url, csvFile: entry.file, csvLine: entry.line,
      note: entry.rows > 1 ? "largest of \(entry.rows) rows for this URL" : nil)
  }

  /// Totals and coverage per type; every known type is listed, unknown ones as null.
  static func totals(_ units: [InteractionUnit]) -> [String: InteractionTotal] {
    var result: [String: InteractionTotal] = [:]
    for type in InteractionType.all {
      let having = units.filter { $0.counts[type] != nil }
      let total = having.reduce(0.0) { $0 + $1.counts[type]! }
      result[type] = InteractionTotal(
        total: having.isEmpty ? nil : fixed(total),
        nullReason: having.isEmpty ? "no \(type) count on any page or export row of this campaign" : nil,
        unitsWithCount: having.count, units: units.count,
        coverage: units.isEmpty ? 0 : fixed(Double(having.count) / Double(units.count)),
        fromPages: having.filter { $0.fromPage.contains(type) }.count,
        fromExports: having.filter { $0.fromExport.contains(type) }.count,
        sources: having.reduce(into: [:]) { $0[$1.source[type] ?? "unknown", default: 0] += 1 },
        items: having.sorted { $0.key < $1.key }.map {
          InteractionItem(
            unit: $0.key, value: fixed($0.counts[type]!), source: $0.source[type] ?? "unknown",
            evidence: $0.evidence[type])
        })
    }
    return result
  }
}
