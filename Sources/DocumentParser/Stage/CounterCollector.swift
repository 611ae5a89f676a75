import PageSignals
import SlackscoreCore

/// Feeds the page's parts to ``CounterReader`` and merges what comes back.
enum CounterCollector {
  /// Counters from JSON-LD, microdata, meta tags, embedded JSON and visible text near share
  /// bars and widgets, deduplicated on (kind, value, currency): the first, most structured
  /// source wins.
  static func collect(_ metadata: PageMetadata, lang: String?) -> [Counter] {
    var found: [Counter] = []
    for block in metadata.jsonLD { found += CounterReader.fromJSONLD(block) }
    for pair in metadata.interactionCounters {
      if let counter = CounterReader.fromMicrodata(interactionType: pair.type, count: pair.count) {
        found.append(counter)
      }
    }
    for meta in metadata.metas {
      if let counter = CounterReader.fromMeta(name: meta.key, content: meta.content) { found.append(counter) }
    }
    for script in metadata.embeddedJSON { found += CounterReader.fromEmbeddedJSON(script) }
    for text in metadata.signalTexts { found += CounterReader.fromText(text, lang: lang) }
    return deduplicate(found)
  }

  static func deduplicate(_ counters: [Counter]) -> [Counter] {
    struct Key: Hashable {
      var kind: String
      var value: Double
      var currency: String?
    }
    var seen = Set<Key>()
    return counters.filter { seen.insert(Key(kind: $0.kind, value: $0.value, currency: $0.currency)).inserted }
  }
}
