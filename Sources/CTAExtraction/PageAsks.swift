import SlackscoreCore

/// Labelled page sentences judged as the extract stage judges the page they come from.
///
/// A page's sentences are labelled one by one, but `slackscore extract` reads a page whole: asks of
/// two sentences, instruction genres and the other rules of `CTADetector.candidates(in:)` depend on
/// the sentences around. The evaluation therefore puts each page's sentences back together, in
/// their order, one paragraph each, runs the extract stage's detector over the page, and gives each
/// sentence the ask that starts in it.
enum PageAsks {
  /// The page a page sentence belongs to: its set and its id up to `#` (`raw-a/html/01-x.html`); a
  /// sentence without an id is a page of its own (`index`, its place in the items); nil for other
  /// items.
  static func pageKey(_ item: LabelledSentence, index: Int) -> String? {
    guard item.sourceKind == "page_sentence" else { return nil }
    let set = item.set ?? ""
    guard let id = item.id else { return set + "|#\(index)" }
    return set + "|" + (id.firstIndex(of: "#").map { String(id[..<$0]) } ?? id)
  }

  /// The ask that `detector` finds in each page sentence of `items` when their pages are read whole
  /// (by index in `items`; sentences without one are absent). Where the extract stage's own
  /// sentences split a labelled one, the highest-effort ask that starts in it is its ask, the more
  /// confident one between two of the same effort (as a post's). A page of a set in `setDetectors`
  /// is judged by that set's detector.
  static func find(
    _ detector: CTADetector, in items: [LabelledSentence], setDetectors: [String: CTADetector] = [:]
  ) -> [Int: CallToAction] {
    var pages: [String: [Int]] = [:]
    var order: [String] = []
    for (index, item) in items.enumerated() {
      guard let key = pageKey(item, index: index) else { continue }
      if pages[key] == nil { order.append(key) }
      pages[key, default: []].append(index)
    }
    var asks: [Int: CallToAction] = [:]
    for key in order {
      guard let members = pages[key] else { continue }
      var text = ""
      var starts: [Int] = []
      var offset = 0
      for index in members {
        if !starts.isEmpty {
          text += "\n\n"
          offset += 2
        }
        starts.append(offset)
        text += items[index].text
        offset += items[index].text.unicodeScalars.count
      }
      let page = ExtractInput(id: key, text: text, lang: items[members[0]].lang)
      let judge = items[members[0]].set.flatMap { setDetectors[$0] } ?? detector
      for candidate in judge.candidates(in: page, reported: false) {
        let cta = candidate.cta
        // The last sentence that starts at or before the ask.
        var low = 0
        var high = starts.count - 1
        while low < high {
          let middle = (low + high + 1) / 2
          if starts[middle] <= cta.start { low = middle } else { high = middle - 1 }
        }
        let index = members[low]
        if let known = asks[index], !CTAEvaluation.outranks(cta, known) { continue }
        asks[index] = cta
      }
    }
    return asks
  }
}
