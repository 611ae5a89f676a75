import SlackscoreCore

/// The calls to action of each document, in document order (start, end, category, sentence),
/// held once: one array sorted by document id, and each document's range in it. When the calls
/// to action arrive sorted (``ScoreStage`` sorts them as it reads them) the array is shared, not
/// copied.
struct CTAsByDocument {
  /// Every call to action, sorted by ``isOrdered(_:_:)``.
  let all: [CallToAction]
  private let ranges: [String: Range<Int>]

  /// Indexes `ctas`, keeping those of documents in `ids` (sorting a copy only when `ctas` is not
  /// already sorted).
  init(_ ctas: [CallToAction], ids: Set<String>) {
    let sorted =
      zip(ctas, ctas.dropFirst()).allSatisfy { !Self.isOrdered($1, $0) } ? ctas : ctas.sorted(by: Self.isOrdered)
    var ranges: [String: Range<Int>] = [:]
    var start = 0
    while start < sorted.count {
      let id = sorted[start].docId
      var end = start + 1
      while end < sorted.count && sorted[end].docId == id { end += 1 }
      if ids.contains(id) { ranges[id] = start..<end }
      start = end
    }
    all = sorted
    self.ranges = ranges
  }

  /// The calls to action of document `id`, in document order (empty when it has none).
  subscript(id: String) -> ArraySlice<CallToAction> {
    guard let range = ranges[id] else { return [] }
    return all[range]
  }

  /// The order calls to action are kept in: document id, then place in the document.
  static func isOrdered(_ a: CallToAction, _ b: CallToAction) -> Bool {
    (a.docId, a.start, a.end, a.category, a.sentence) < (b.docId, b.start, b.end, b.category, b.sentence)
  }
}
