import GRDB
import PipelineConfiguration
import Scoring
import SlackscoreCore

/// Inserts one pipeline run's rows, table by table, in the column order of `ExportSchema`.
struct ExportWriter {
  let db: Database
  private(set) var rows: [String: Int] = [:]
  private var nextEvidence = 1
  private var nextOutcome = 1
  private var documentIDs: Set<String> = []

  init(db: Database) { self.db = db }

  private static let tables = Dictionary(uniqueKeysWithValues: ExportSchema.tables.map { ($0.name, $0) })

  private mutating func insert(_ table: String, _ values: [(any DatabaseValueConvertible)?]) throws {
    let spec = Self.tables[table]!
    precondition(values.count == spec.columns.count, "\(table): \(values.count) values")
    try db.cachedStatement(sql: spec.insertSQL).execute(arguments: StatementArguments(values))
    rows[table, default: 0] += 1
  }

  mutating func write(
    report: CampaignsReport, documents: [Document], ctas: [CallToAction], run: [RunStages], skipped: [Diagnostic]
  ) throws {
    for name in ExportSchema.tables.map(\.name) { rows[name] = 0 }
    for d in documents where !documentIDs.contains(d.id) {
      documentIDs.insert(d.id)
      try insert(
        "documents",
        [
          d.id, d.url, d.title, d.lang, d.publishedAt, d.capturedAt, d.author, d.siteName, d.canonicalUrl,
          d.source.path, d.source.offset, d.source.recordId, d.source.payloadDigest, d.text.count, d.emptyReason,
          d.source.offset.map { "slackscore show \(d.source.path)@\($0)" },
        ])
      for counter in d.counters {
        try insert(
          "counters", [nil, d.id, counter.kind, counter.value, counter.currency, counter.raw, counter.origin])
      }
    }
    let byID = Dictionary(documents.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    for campaign in report.campaigns {
      try write(campaign: campaign, formula: report.indicesFormula(campaign), documents: byID)
    }
    try writeExportRows(report: report, documents: documents)
    for cta in ctas {
      try insert(
        "ctas",
        [
          nil, documentIDs.contains(cta.docId) ? cta.docId : nil, cta.docId, cta.sentence, cta.start, cta.end,
          cta.lang, cta.category, cta.effort, cta.target?.url, cta.target?.platform, cta.target?.kind,
          cta.cues.joined(separator: ","), cta.confidence, cta.boilerplate,
        ])
    }
    for d in report.diagnostics {
      try insert(
        "diagnostics", [nil, "campaigns.json", d.severity.rawValue, d.stage, d.file, d.offset, d.code, d.message])
    }
    for d in skipped {
      try insert("diagnostics", [nil, "export", d.severity.rawValue, d.stage, d.file, d.offset, d.code, d.message])
    }
    for stage in run where stage.diagnostics > 0 {
      try insert(
        "diagnostics",
        [
          nil, "run.json", "count", stage.name, nil, nil, "stage-diagnostics",
          "\(stage.diagnostics) diagnostic(s) in the \(stage.name) stage (see its stderr or rejects.jsonl)",
        ])
    }
  }

  private mutating func write(campaign c: CampaignScore, formula: String, documents: [String: Document]) throws {
    let components = c.indices.components
    try insert(
      "campaigns",
      [
        c.id, c.name, c.period?.from, c.period?.to, c.documents.total, c.documents.unique,
        c.documents.duplicatesRemoved, c.ctaMix.total, c.ctaMix.meanEffort, c.ctaMix.lowEffort.share,
        c.ctaMix.lowEffort.ci95Low, c.ctaMix.lowEffort.ci95High, components.activeInteractions,
        components.effortWeightedActs, c.indices.slacktivism.value, c.indices.engagement.value, c.quadrant.label,
        c.quadrant.nullReason,
      ])
    for ref in c.documents.list {
      if !documentIDs.contains(ref.id) {
        // campaigns.json names a document documents.jsonl lacks: keep the key valid.
        documentIDs.insert(ref.id)
        try insert(
          "documents",
          [
            ref.id, ref.url, nil, nil, nil, ref.capturedAt, nil, nil, nil, "(not in documents.jsonl)", nil, nil, nil, 0,
            "not in documents.jsonl", nil,
          ])
      }
      try insert(
        "campaign_documents",
        [c.id, ref.id, ref.clusterId, ref.duplicateOf, ref.matchedBy.joined(separator: ",")])
    }
    for r in c.ratios {
      try insert(
        "ratios",
        [
          nil, c.id, r.name, r.outcome, r.interaction, r.numerator, r.denominator, r.value, r.valueHigh, r.ci95Low,
          r.ci95High, r.bootstrapSamplesUsed, r.documentsResampled, r.nullReason, r.ciNullReason,
        ])
    }
    for (name, index) in [("slacktivism", c.indices.slacktivism), ("engagement", c.indices.engagement)] {
      try insert(
        "indices",
        [c.id, name, index.value, index.nullReason, index.componentsUsed.joined(separator: ","), formula])
    }
    for o in c.outcomes {
      let outcomeID = nextOutcome
      nextOutcome += 1
      try insert(
        "outcomes",
        [
          outcomeID, c.id, o.kind, o.unit, o.value, o.valueHigh, o.valueBase, o.baseCurrency, o.nullReason,
          o.texts?.joined(separator: "\n"), o.sourcesUsed,
        ])
      for source in o.sources {
        for point in source.series {
          let evidenceID = try insert(evidence: point.evidence)
          try insert(
            "outcome_points",
            [
              nil, outcomeID, c.id, source.sourceUrl, source.origin, source.used, source.notUsedReason,
              source.currency, point.at, point.value, point.high, point.increment, point == source.latest,
              point.text, evidenceID,
            ])
        }
      }
    }
    for kind in c.interactions.keys.sorted() {
      let t = c.interactions[kind]!
      try insert(
        "interaction_totals",
        [c.id, kind, t.total, t.nullReason, t.unitsWithCount, t.units, t.coverage, t.fromPages, t.fromExports])
    }
    try writeInteractions(c, documents: documents)
    for caveat in c.caveats { try insert("caveats", [nil, c.id, caveat.code, caveat.message]) }
    for cta in c.evidence.ctas { _ = try insert(evidence: cta.evidence) }
  }

  /// The page counters of interaction types on the campaign's documents, with the cluster's
  /// largest count per type flagged (the one the score stage sums for pages).
  private mutating func writeInteractions(_ c: CampaignScore, documents: [String: Document]) throws {
    let kinds = Set(c.interactions.keys)
    var rowsOut: [(ref: DocumentRef, counter: Counter, day: String?)] = []
    for ref in c.documents.list {
      guard let d = documents[ref.id] else { continue }
      let day = (d.publishedAt ?? d.capturedAt).map { String($0.prefix(10)) }
      for counter in d.counters where kinds.contains(counter.kind) { rowsOut.append((ref, counter, day)) }
    }
    var clusterMax: [String: Double] = [:]
    for row in rowsOut {
      let key = row.ref.clusterId + " " + row.counter.kind
      clusterMax[key] = max(clusterMax[key] ?? 0, row.counter.value)
    }
    for row in rowsOut {
      let isMax = clusterMax[row.ref.clusterId + " " + row.counter.kind] == row.counter.value
      try insert(
        "interactions",
        [
          nil, c.id, row.ref.id, row.ref.clusterId, row.counter.kind, row.counter.value, row.counter.raw,
          row.counter.origin, isMax, row.day,
        ])
    }
  }

  /// The interaction export CSVs named in campaigns.json's inputs, one row per count.
  private mutating func writeExportRows(report: CampaignsReport, documents: [Document]) throws {
    let byURL = Dictionary(documents.compactMap { d in d.url.map { ($0, d.id) } }, uniquingKeysWith: { a, _ in a })
    for input in report.inputs where input.role == "interactions" {
      guard let bytes = try? FileSystem.readAll(input.path) else { continue }
      let rows = CSVReader.rows(bytes).rows
      guard let header = rows.first?.fields.map({ $0.lowercased() }),
        let urlColumn = header.firstIndex(of: "url")
      else { continue }
      let posted = header.firstIndex(of: "posted_at")
      let platform = header.firstIndex(of: "platform")
      for row in rows.dropFirst() where row.fields.count == header.count {
        let url = row.fields[urlColumn]
        for (i, name) in header.enumerated() where ![urlColumn, posted, platform].contains(i) {
          guard let value = Double(row.fields[i].filter { $0 != "," && $0 != "_" && $0 != " " }) else { continue }
          try insert(
            "interaction_rows",
            [
              nil, input.path, row.line, url, posted.map { row.fields[$0] }, platform.map { row.fields[$0] }, name,
              value, byURL[url],
            ])
        }
      }
    }
  }

  private mutating func insert(evidence e: Evidence) throws -> Int {
    let id = nextEvidence
    nextEvidence += 1
    let command = e.archivePath.map { path in
      "slackscore show " + (e.offset.map { "\(path)@\($0)" } ?? e.recordId ?? path)
    }
    try insert(
      "evidence",
      [
        id, e.kind, e.url, e.capturedAt, e.documentId.flatMap { documentIDs.contains($0) ? $0 : nil }, e.archivePath,
        e.offset, e.recordId, e.raw, e.counterOrigin, e.csvFile, e.csvLine, e.note, command,
      ])
    return id
  }
}

extension CampaignsReport {
  fileprivate func indicesFormula(_ c: CampaignScore) -> String { c.indices.formulaVersion }
}
