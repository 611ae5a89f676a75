import PipelineConfiguration
public import SlackscoreCore

/// Turns loaded inputs into the campaigns of `campaigns.json` (no I/O here).
public struct CampaignScorer {
  /// What is scored.
  public let inputs: ScoreInputs
  let documents: [Document]
  let ctasByDoc: CTAsByDocument
  let clusters: [String: String]
  let matches: [String: [String: Set<MatchReason>]]
  let exports: ExportIndex
  let diagnostics: DiagnosticCollector

  /// Prepares documents (sorted by id; a repeated id keeps its first copy), CTAs,
  /// clusters and campaign matches.
  public init(inputs: ScoreInputs, diagnostics: DiagnosticCollector) {
    self.inputs = inputs
    self.diagnostics = diagnostics
    let matcher = CampaignMatcher(inputs.config.campaigns)
    let all = inputs.documents
    let facts = inputs.textFacts ?? all.map { TextFacts($0, matcher: matcher) }
    let order = Self.documentOrder(all, facts)
    var ids: Set<String> = []
    let firsts = order.filter { ids.insert(all[$0].id).inserted }
    // Already in order without repeats (as ScoreStage reads them): shared, not copied.
    let inPlace = firsts.elementsEqual(all.indices)
    let docs = inPlace ? all : firsts.map { all[$0] }
    let kept = inPlace ? facts : firsts.map { facts[$0] }
    if docs.count < all.count {
      diagnostics.emit(
        Diagnostic(
          severity: .warning, stage: "score", code: "repeated-document-id",
          message: "\(all.count - docs.count) documents repeat an id already read; each id counts once"))
    }
    documents = docs
    let byDoc = CTAsByDocument(inputs.ctas, ids: ids)
    ctasByDoc = byDoc
    clusters = NearDuplicates.clusters(docs, signatures: kept.map(\.signature))
    var m: [String: [String: Set<MatchReason>]] = [:]
    for (doc, facts) in zip(docs, kept) {
      let r = matcher.match(doc, ctas: byDoc[doc.id], text: facts.hits)
      if !r.isEmpty { m[doc.id] = r }
    }
    matches = m
    exports = ExportIndex(inputs.interactions)
  }

  /// The order documents are scored in (id, capture time, URL, text digest; ties keep their
  /// order): indices into `all`, the identity when they already are in that order.
  static func documentOrder(_ all: [Document], _ facts: [TextFacts]) -> [Int] {
    func precedes(_ a: Int, _ b: Int) -> Bool {
      (all[a].id, all[a].capturedAt ?? "", all[a].url ?? "", facts[a].digest)
        < (all[b].id, all[b].capturedAt ?? "", all[b].url ?? "", facts[b].digest)
    }
    if all.indices.dropFirst().allSatisfy({ !precedes($0, $0 - 1) }) { return Array(all.indices) }
    return all.indices.sorted(by: precedes)
  }

  /// Scores every configured campaign (sorted by id) and lists discovered ones.
  public func score() -> (campaigns: [CampaignScore], discovered: [DiscoveredCampaign], counts: InputCounts) {
    let config = inputs.config
    let knownIDs = Set(config.campaigns.map(\.id))
    var unknownOutcomeRows = 0
    for row in inputs.outcomes where !knownIDs.contains(row.campaign) {
      unknownOutcomeRows += 1
      let guess = Suggestion.closest(to: row.campaign, in: knownIDs)
      diagnostics.emit(
        Diagnostic(
          severity: .warning, stage: "score", file: row.file, line: row.line, column: row.columns["campaign"],
          code: "unknown-campaign",
          message: "campaign \(quoted(row.campaign)) is not in the config; row ignored",
          hint: guess.map { "did you mean \(quoted($0))?" } ?? "add the campaign to pipeline.yml or fix the id"))
    }
    let types = InteractionType.all.filter { t in
      ["likes", "shares", "comments", "views"].contains(t)
        || documents.contains { $0.counters.contains { $0.kind == t } }
        || exports.byKey.values.contains { $0.counts[t] != nil }
    }
    var usedExportKeys: Set<String> = []
    var campaigns: [CampaignScore] = []
    for campaign in config.campaigns.sorted(by: { $0.id < $1.id }) {
      let (score, exportKeys) = scoreCampaign(campaign, types: types)
      usedExportKeys.formUnion(exportKeys)
      campaigns.append(score)
    }
    Quadrants.assign(&campaigns)

    let unassigned = documents.filter { matches[$0.id] == nil }
    let discovered = Discovery.find(unassigned, ctasByDoc: ctasByDoc, clusters: clusters)
    let unmatchedExports = exports.byKey.filter { !usedExportKeys.contains($0.key) }
    if !unmatchedExports.isEmpty {
      let rows = inputs.interactions.filter { unmatchedExports[URLKey.make($0.url)] != nil }
      let first = rows.min { ($0.file, $0.line) < ($1.file, $1.line) }
      diagnostics.emit(
        Diagnostic(
          severity: .warning, stage: "score", file: first?.file, line: first?.line, code: "unmatched-interaction-rows",
          message:
            "\(unmatchedExports.count) interaction export URLs (\(rows.count) rows, the first here) match no campaign document, target or URL pattern; they are not counted",
          hint: "add the URLs to a campaign's url_patterns, or remove the rows"))
    }
    let allCTAs = inputs.ctas
    let docIDs = Set(documents.map(\.id))
    let counts = InputCounts(
      documentsRead: inputs.documents.count, documentsAssigned: matches.count,
      documentsInSeveralCampaigns: matches.values.filter { $0.count > 1 }.count,
      documentsUnassigned: documents.count - matches.count, nearDuplicateClusters: Set(clusters.values).count,
      ctasRead: allCTAs.count, ctasBoilerplate: allCTAs.filter(\.boilerplate).count,
      ctasWithoutDocument: allCTAs.filter { !docIDs.contains($0.docId) }.count, outcomeRows: inputs.outcomes.count,
      outcomeRowsUnknownCampaign: unknownOutcomeRows, interactionRows: inputs.interactions.count,
      interactionRowsUnmatched: inputs.interactions.filter { !usedExportKeys.contains(URLKey.make($0.url)) }.count,
      diagnostics: 0)
    return (campaigns, discovered, counts)
  }

  /// A cumulative figure (signatures, donors, volunteers, money, sign-ups) that goes down
  /// between two points: a diagnostic at the point (its CSV line or archived record).
  private func reportDecreases(_ outcomes: [OutcomeSummary], campaign: String) {
    for o in outcomes where ["signatures", "donors", "volunteers", "funds", "rsvps"].contains(o.kind) {
      for source in o.sources {
        for point in source.series where (point.increment ?? 0) < 0 {
          let e = point.evidence
          diagnostics.emit(
            Diagnostic(
              severity: .warning, stage: "score", file: e.csvFile ?? e.archivePath, line: e.csvLine,
              offset: e.csvLine == nil ? e.offset : nil, code: "outcome-decreases",
              message:
                "\(campaign): \(o.kind) falls by \(Caveats.number(-(point.increment ?? 0))) to \(Caveats.number(point.value ?? 0)) on \(point.at) (\(e.raw.map { "written \(quoted($0))" } ?? "no raw text"))",
              hint:
                "a running total should not fall: check the value (a grouped number such as 2.910 read with the wrong number_style is a common cause)"
            ))
        }
      }
    }
  }

  private func scoreCampaign(_ campaign: CampaignConfig, types: [String]) -> (CampaignScore, Set<String>) {
    let members = documents.filter { matches[$0.id]?[campaign.id] != nil }
    let targetKeys = Set((campaign.petitionUrls + campaign.donationUrls + campaign.eventUrls).map(URLKey.make))
    let eventKeys = Set(campaign.eventUrls.map(URLKey.make))
    let patterns = campaign.urlPatterns.map(URLKey.Pattern.init)
    let isPlatform: (String) -> Bool = { url in
      let key = URLKey.make(url)
      if targetKeys.contains(key) { return true }
      let bytes = Array(key.utf8)
      return patterns.contains { $0.matches(key: bytes) }
    }
    let memberURLKeys = Set(members.flatMap { d in [d.url, d.canonicalUrl].compactMap { $0 }.map(URLKey.make) })
    let exportKeys = exports.byKey.keys.filter { key in memberURLKeys.contains(key) || isPlatform(key) }
    let units = InteractionAssembler.units(
      members: members, clusters: clusters, exports: exports, campaignExportKeys: exportKeys)
    let interactions = InteractionAssembler.totals(units)
    let outcomes = OutcomeAssembler.assemble(
      members: members, rows: inputs.outcomes.filter { $0.campaign == campaign.id }, isPlatform: isPlatform,
      isEventPage: { eventKeys.contains(URLKey.make($0)) }, currency: inputs.config.currency)
    reportDecreases(outcomes, campaign: campaign.id)
    let cta = CTAMixBuilder.build(
      ctasByDoc: ctasByDoc, members: members, clusters: clusters, lowEffortMax: inputs.config.scoring.lowEffortMax)
    let ratios = RatioBuilder.build(
      outcomes: outcomes, units: units, types: types, parameters: inputs.config.scoring, campaignID: campaign.id)
    let indices = IndexBuilder.build(interactions: interactions, outcomes: outcomes, mix: cta.mix)

    // Documents.
    var representative: [String: String] = [:]
    for doc in members where representative[clusters[doc.id]!] == nil { representative[clusters[doc.id]!] = doc.id }
    var byMatch: [String: Int] = [:]
    var languages: [String: Int] = [:]
    var list: [DocumentRef] = []
    for doc in members {
      let reasons = matches[doc.id]![campaign.id]!.sorted()
      for r in reasons { byMatch[r.rawValue, default: 0] += 1 }
      languages[doc.lang ?? "und", default: 0] += 1
      let rep = representative[clusters[doc.id]!]!
      list.append(
        DocumentRef(
          id: doc.id, url: doc.url, capturedAt: doc.capturedAt, clusterId: clusters[doc.id]!,
          duplicateOf: rep == doc.id ? nil : rep, matchedBy: reasons.map(\.rawValue)))
    }
    let unique = representative.count
    let summary = DocumentSummary(
      total: members.count, unique: unique, duplicatesRemoved: members.count - unique, byMatch: byMatch,
      alsoInOtherCampaigns: members.filter { matches[$0.id]!.count > 1 }.count, languages: languages, list: list)

    // Evidence.
    let docByID = Dictionary(uniqueKeysWithValues: members.map { ($0.id, $0) })
    let strongest = cta.counted.sorted {
      ($1.effort, $1.confidence, $0.docId, $0.start) < ($0.effort, $0.confidence, $1.docId, $1.start)
    }.prefix(5).map { c in
      CTAEvidence(
        sentence: c.sentence, category: c.category, effort: c.effort, confidence: fixed(c.confidence, 4),
        target: c.target?.url, evidence: OutcomeAssembler.evidence(docByID[c.docId]!, counter: nil))
    }
    let outcomeEvidence = outcomes.flatMap { $0.sources.flatMap { $0.series.map(\.evidence) } }

    var score = CampaignScore(
      id: campaign.id, name: campaign.name, period: campaign.period, documents: summary, interactions: interactions,
      outcomes: outcomes, ctaMix: cta.mix, ratios: ratios, indices: indices,
      quadrant: Quadrant(
        label: nil, nullReason: nil, loudness: indices.components.loudness, acts: indices.components.acts),
      caveats: [], evidence: EvidenceSummary(ctas: Array(strongest), outcomeSources: outcomeEvidence))
    score.caveats = Caveats.make(for: score, units: units, minCoverage: inputs.config.scoring.minCoverage)
    score.interactionTimeline = InteractionAssembler.timeline(units)
    return (score, Set(exportKeys))
  }
}
