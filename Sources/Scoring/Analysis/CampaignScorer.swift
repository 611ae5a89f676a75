import PipelineConfiguration
public import SlackscoreCore

/// Turns loaded inputs into the campaigns of `campaigns.json` (no I/O here but reading back
/// spilled documents).
///
/// Memory: what is kept for every document is its id, its cluster and its campaigns (and, while
/// clusters are made, its signature); documents themselves are read back in batches for
/// matching and discovery, and one campaign's members at a time for its score.
public struct CampaignScorer {
  /// What is scored.
  public let inputs: ScoreInputs
  /// Every document read.
  let store: ScoreDocuments
  /// The documents scored (indices into `store`), in scoring order: one per id.
  let scored: [Int]
  let ctasByDoc: ScoreCTAs
  let clusters: Clusters
  let matches: CampaignMatches
  /// The counter kinds the scored documents show.
  let counterKinds: Set<String>
  let exports: ExportIndex
  let diagnostics: DiagnosticCollector
  /// Told what the scorer is doing (see ``ScoreOptions/progress``).
  let progress: (@Sendable (String) -> Void)?

  /// Prepares documents (sorted by id; a repeated id keeps its first copy), CTAs,
  /// clusters and campaign matches.
  public init(
    inputs: ScoreInputs, diagnostics: DiagnosticCollector, progress: (@Sendable (String) -> Void)? = nil
  ) {
    self.progress = progress
    var kept = inputs
    kept.textFacts = nil  // needed only here, and dropped with the signatures once clusters are made
    self.inputs = kept
    self.diagnostics = diagnostics
    let matcher = CampaignMatcher(inputs.config.campaigns)
    let store = inputs.store
    self.store = store
    let facts = inputs.textFacts ?? TextFactsTable(store.all, matcher: matcher)
    let order = Self.documentOrder(store, facts)
    let firsts = order.indices.filter { $0 == 0 || store.ids[order[$0 - 1]] != store.ids[order[$0]] }.map { order[$0] }
    if firsts.count < store.count {
      diagnostics.emit(
        Diagnostic(
          severity: .warning, stage: "score", code: "repeated-document-id",
          message: "\(store.count - firsts.count) documents repeat an id already read; each id counts once"))
    }
    scored = firsts
    let byDoc = inputs.ctaStore
    ctasByDoc = byDoc
    // One pass over the documents: campaigns, counter kinds, and captures of one URL.
    var m = CampaignMatches(documents: store.index, campaignIDs: inputs.config.campaigns.map(\.id))
    var kinds: Set<String> = []
    var urlKeys: [(key: TextKey, position: Int)] = []
    store.forEach(firsts) { position, doc in
      if position % ScoreStage.progressEvery == 0 {
        progress?("matching documents to campaigns: \(position) of \(firsts.count)")
      }
      let r = matcher.match(doc, ctas: byDoc[doc.id], text: facts.hits[firsts[position]])
      m.record(doc.id, r)
      for counter in doc.counters { kinds.insert(counter.kind) }
      for url in [doc.url, doc.canonicalUrl].compactMap({ $0 }) {
        urlKeys.append((TextKey(URLKey.make(url)), position))
      }
    }
    let sameURL = Self.capturesOfOneURL(&urlKeys)
    matches = m
    counterKinds = kinds
    progress?("near-duplicate clusters of \(firsts.count) documents")
    clusters = NearDuplicates.clusters(
      ids: firsts.map { store.ids[$0] }, signatures: facts.signatures.selecting(firsts), sameURL: sameURL)
    exports = ExportIndex(inputs.interactions)
  }

  /// Pairs of positions whose URL keys are equal (each later one with the first), from every
  /// document's (URL key, position): sorted in place instead of a dictionary of every key.
  static func capturesOfOneURL(_ keys: inout [(key: TextKey, position: Int)]) -> [(Int, Int)] {
    keys.sort { ($0.key, $0.position) < ($1.key, $1.position) }
    var pairs: [(Int, Int)] = []
    var start = 0
    for i in keys.indices {
      if keys[i].key != keys[start].key {
        start = i
      } else if keys[i].position != keys[start].position {
        pairs.append((keys[start].position, keys[i].position))
      }
    }
    keys = []
    return pairs
  }

  /// The order documents are scored in (id, capture time, URL, text digest; ties keep their
  /// order): indices into `store`, the identity when they already are in that order. Only
  /// documents that share an id are read back to compare their capture times and URLs.
  static func documentOrder(_ store: ScoreDocuments, _ facts: TextFactsTable) -> [Int] {
    let ids = store.ids
    var order = store.byID
    var start = 0
    while start < order.count {
      var end = start + 1
      while end < order.count && ids[order[end]] == ids[order[start]] { end += 1 }
      if end - start > 1 {
        let run = Array(order[start..<end])
        let docs = store.documents(run)
        let sorted = run.indices.sorted { a, b in
          (docs[a].capturedAt ?? "", docs[a].url ?? "", facts.digests[run[a]], run[a])
            < (docs[b].capturedAt ?? "", docs[b].url ?? "", facts.digests[run[b]], run[b])
        }
        order.replaceSubrange(start..<end, with: sorted.map { run[$0] })
      }
      start = end
    }
    return order
  }

  /// The scored documents for which `include` (given the id) is true, read back in batches, in
  /// scoring order, without their links and hashtags (matching has used them; scoring a
  /// campaign reads neither, and a campaign's pages can be tens of thousands).
  func members(where include: (String) -> Bool) -> [Document] {
    var members: [Document] = []
    store.forEach(scored.filter { include(store.ids[$0]) }) { _, doc in
      var kept = doc
      kept.links = []
      kept.hashtags = []
      members.append(kept)
    }
    return members
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
        || counterKinds.contains(t)
        || exports.byKey.values.contains { $0.counts[t] != nil }
    }
    var usedExportKeys: Set<String> = []
    var campaigns: [CampaignScore] = []
    for (number, campaign) in config.campaigns.sorted(by: { $0.id < $1.id }).enumerated() {
      progress?("campaign \(number + 1) of \(config.campaigns.count): \(campaign.id)")
      let (score, exportKeys) = scoreCampaign(campaign, types: types)
      usedExportKeys.formUnion(exportKeys)
      campaigns.append(score)
    }
    Quadrants.assign(&campaigns)

    let unassigned = scored.filter { !matches.contains(store.ids[$0]) }
    progress?("discovering campaigns among \(unassigned.count) unassigned documents")
    let discovered = Discovery.find(unassigned, in: store, ctasByDoc: ctasByDoc, clusters: clusters)
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
    let counts = InputCounts(
      documentsRead: store.count, documentsAssigned: matches.count,
      documentsInSeveralCampaigns: matches.inSeveral,
      documentsUnassigned: scored.count - matches.count, nearDuplicateClusters: clusters.count,
      ctasRead: ctasByDoc.count, ctasBoilerplate: ctasByDoc.boilerplate,
      ctasWithoutDocument: ctasByDoc.withoutDocument, outcomeRows: inputs.outcomes.count,
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
    let members = members { matches.contains($0, campaign: campaign.id) }
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
      let reasons = matches.reasons(of: doc.id, campaign: campaign.id)
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
      alsoInOtherCampaigns: members.filter { matches.campaignCount(of: $0.id) > 1 }.count, languages: languages,
      list: list)

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
