import SlackscoreCore

/// Campaigns nobody configured: unassigned documents that share a petition, donation or
/// event target, or a hashtag. A group needs at least 2 distinct near-duplicate clusters.
/// Ids are `discovered-` + a slug of the key.
///
/// Targets come from three places: CTA targets (their kind, else the CTA's category: `sign`
/// gives a petition, `donate` a donation, `attend` an event), the document's own URL when
/// the page shows an outcome counter (signatures: petition; funds or donors: donation;
/// attendees: event), and main-content links to such a page among the unassigned ones.
enum Discovery {
  static let categoryBasis = ["sign": "petition_url", "donate": "donation_url", "attend": "event_url"]
  static let targetKindBasis = ["petition": "petition_url", "donation": "donation_url", "event": "event_url"]
  static let counterBasis = [
    "signatures": "petition_url", "funds_raised": "donation_url", "donors": "donation_url",
    "attendees": "event_url",
  ]

  /// The discovered campaigns among documents `indices` of `store` (the unassigned ones, in
  /// scoring order). The documents are read twice, in batches; then those of each group that
  /// counts once more.
  static func find(
    _ indices: [Int], in store: ScoreDocuments, ctasByDoc: ScoreCTAs, clusters: Clusters
  )
    -> [DiscoveredCampaign]
  {
    // Pages that show an outcome counter, by URL key.
    var targetPages: [String: String] = [:]
    store.forEach(indices) { _, doc in
      guard let basis = doc.counters.compactMap({ counterBasis[$0.kind] }).sorted().first else { return }
      for url in [doc.url, doc.canonicalUrl].compactMap({ $0 }) { targetPages[URLKey.make(url)] = basis }
    }
    var groups: [String: (basis: String, key: String, docs: [Int])] = [:]  // docs: indices into `store`
    store.forEach(indices) { position, doc in
      var keys: [String: String] = [:]  // group key -> basis
      for cta in ctasByDoc[doc.id] where !cta.boilerplate {
        guard let t = cta.target else { continue }
        let key = URLKey.make(t.url)
        if let basis = targetPages[key] ?? t.kind.flatMap({ targetKindBasis[$0] }) ?? categoryBasis[cta.category] {
          keys["url|\(key)"] = basis
        }
      }
      for url in [doc.url, doc.canonicalUrl].compactMap({ $0 }) {
        let key = URLKey.make(url)
        if let basis = targetPages[key] { keys["url|\(key)"] = basis }
      }
      for link in doc.links where link.inMain {
        let key = URLKey.make(link.url)
        if let basis = targetPages[key] { keys["url|\(key)"] = basis }
      }
      for tag in doc.hashtags { keys["hashtag|#\(CampaignMatcher.hashtagKey(tag))"] = "hashtag" }
      for (k, basis) in keys {
        let key = String(k.split(separator: "|", maxSplits: 1)[1])
        // Changed in place: no copy of the group's list per document.
        let groupBasis = targetPages[key] ?? min(groups[k]?.basis ?? basis, basis)
        groups[k, default: (basis, key, [])].basis = groupBasis
        groups[k]!.docs.append(indices[position])
      }
    }
    var result: [DiscoveredCampaign] = []
    var usedIDs: Set<String> = []
    for k in groups.keys.sorted() {
      let g = groups[k]!
      let ids = g.docs.map { store.ids[$0] }
      let uniqueClusters = Set(ids.map { clusters[$0]! })
      guard uniqueClusters.count >= 2 else { continue }
      var id = "discovered-" + slug(g.key)
      var n = 2
      while usedIDs.contains(id) {
        id = "discovered-\(slug(g.key))-\(n)"
        n += 1
      }
      usedIDs.insert(id)
      var interactions: [String: Double] = [:]
      var outcomes: [String: Double] = [:]
      var perCluster: [String: [String: Double]] = [:]
      var outcomePerCluster: [String: [String: Double]] = [:]
      store.forEach(g.docs) { _, doc in
        let c = clusters[doc.id]!
        for counter in doc.counters {
          if let kind = InteractionType.canonical(counter.kind) {
            perCluster[c, default: [:]][kind] = max(perCluster[c]?[kind] ?? 0, counter.value)
          } else if let kind = OutcomeAssembler.counterKinds[counter.kind], kind != "funds" {
            outcomePerCluster[c, default: [:]][kind] = max(outcomePerCluster[c]?[kind] ?? 0, counter.value)
          }
        }
      }
      for cluster in perCluster.keys.sorted() {
        for (t, v) in perCluster[cluster]! { interactions[t, default: 0] += v }
      }
      for counts in outcomePerCluster.values { for (t, v) in counts { outcomes[t] = max(outcomes[t] ?? 0, v) } }
      result.append(
        DiscoveredCampaign(
          id: id, basis: g.basis, key: g.key, documentIds: ids.sorted(),
          uniqueDocuments: uniqueClusters.count,
          ctaCount: ids.reduce(0) { $0 + ctasByDoc[$1].filter { !$0.boilerplate }.count },
          interactions: interactions.mapValues { fixed($0) }, outcomes: outcomes.mapValues { fixed($0) }))
    }
    return result.sorted { $0.id < $1.id }
  }

  static func slug(_ text: String) -> String {
    var out = ""
    var dash = false
    for s in text.lowercased().unicodeScalars {
      if (s >= "a" && s <= "z") || (s >= "0" && s <= "9") {
        out.unicodeScalars.append(s)
        dash = false
      } else if !dash && !out.isEmpty {
        out += "-"
        dash = true
      }
    }
    while out.hasSuffix("-") { out.removeLast() }
    return String(out.prefix(60))
  }
}
