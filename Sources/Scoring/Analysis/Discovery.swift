public import SlackscoreCore

/// Campaigns nobody configured: unassigned documents that share a petition, donation or
/// event target (from their CTAs) or a hashtag. A group needs at least 2 distinct
/// near-duplicate clusters. Ids are `discovered-` + a slug of the key.
enum Discovery {
  static func find(
    _ docs: [Document], ctasByDoc: [String: [CallToAction]], clusters: [String: String]
  )
    -> [DiscoveredCampaign]
  {
    var groups: [String: (basis: String, key: String, docs: [Document])] = [:]
    for doc in docs {
      var keys: Set<String> = []
      for cta in ctasByDoc[doc.id] ?? [] {
        guard let t = cta.target, let kind = t.kind, ["petition", "donation", "event"].contains(kind) else { continue }
        keys.insert("\(kind)_url|\(URLKey.make(t.url))")
      }
      for tag in doc.hashtags { keys.insert("hashtag|#\(CampaignMatcher.hashtagKey(tag))") }
      for k in keys {
        let parts = k.split(separator: "|", maxSplits: 1).map(String.init)
        groups[k, default: (parts[0], parts[1], [])].docs.append(doc)
      }
    }
    var result: [DiscoveredCampaign] = []
    var usedIDs: Set<String> = []
    for k in groups.keys.sorted() {
      let g = groups[k]!
      let uniqueClusters = Set(g.docs.map { clusters[$0.id]! })
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
      for doc in g.docs {
        let c = clusters[doc.id]!
        for counter in doc.counters {
          if InteractionType.all.contains(counter.kind) {
            perCluster[c, default: [:]][counter.kind] = max(perCluster[c]?[counter.kind] ?? 0, counter.value)
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
          id: id, basis: g.basis, key: g.key, documentIds: g.docs.map(\.id).sorted(),
          uniqueDocuments: uniqueClusters.count,
          ctaCount: g.docs.reduce(0) { $0 + (ctasByDoc[$1.id] ?? []).filter { !$0.boilerplate }.count },
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
