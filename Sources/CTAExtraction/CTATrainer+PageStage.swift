import SlackscoreCore

/// One training row of the page stage: an English page sentence that the stage judges, its
/// features (`FeatureHasher.pageStageFeatures`), its label, and its page and set.
public struct PageStageRow: Sendable {
  var features: [Int]
  var label: Int
  /// The act asked for, for an ask with a labelled category.
  var category: String?
  /// `PageAsks.pageKey`: the cross-validation folds keep a page's sentences together.
  var page: String
  /// The kept page set the sentence comes from (`LabelledSentence.set`); nil for SHARED's pages.
  public var set: String?
}

extension PageStage {
  /// Whether the page stage learns from `item`: an English page sentence of SHARED's training split,
  /// or of a page set kept outside SHARED (whose figures `eval-cta` gives with a stage trained
  /// without the set, `CTAEvaluation.withoutSet`).
  public static func trainsOn(_ item: LabelledSentence) -> Bool {
    item.sourceKind == "page_sentence" && item.lang == "en" && (item.split == "train" || item.set != nil)
  }
}

extension CTATrainer {
  /// The page stage's rows of `examples` (`PageStage.trainsOn`), each sentence judged alone by
  /// `detector`'s rules (a detector with the model just trained), as the stage sees it.
  public static func pageStageRows(_ examples: [LabelledSentence], detector: CTADetector) -> [PageStageRow] {
    var rows: [PageStageRow] = []
    for (index, example) in examples.enumerated() where PageStage.trainsOn(example) {
      let verdict = detector.judge(tokens: Tokenizer.tokens(example.text), docLang: "en")
      guard PageStage.judges(verdict.analysis) else { continue }
      let features = detector.hasher.pageStageFeatures(
        verdict.features, analysis: verdict.analysis, probability: verdict.probability,
        rulesEmit: verdict.isCallToAction)
      rows.append(
        PageStageRow(
          features: features, label: example.label, category: example.label == 1 ? example.category : nil,
          page: PageAsks.pageKey(example, index: index) ?? "",
          set: example.set))
    }
    return rows
  }

  /// The page stage trained on `rows`. The threshold is the lowest (0.50–0.95, in hundredths) at
  /// which the stage's cross-validated precision (`pageStageFolds` folds, a kept set's rows in one,
  /// SHARED's by page) reaches `pageStagePrecision`. Nil without rows of both labels or when
  /// `pageStage` is off.
  public func trainPageStage(_ rows: [PageStageRow]) -> PageStageHead? {
    let asks = rows.count { $0.label == 1 }
    guard options.pageStage, asks > 0, asks < rows.count else { return nil }
    // Fewer, smaller steps and more shrinkage than the detector's: a few thousand rows, many of
    // them read by the rules already (docs/extract-figures.md, twenty-ninth session).
    var settings = options
    settings.epochs = options.pageStageEpochs
    settings.learningRate = options.pageStageLearningRate
    settings.l2 = options.pageStageL2
    settings.prune = options.pageStagePrune
    let trainer = CTATrainer(options: settings)
    let samples = rows.map { ($0.features, $0.label, 1.0) }
    // A kept set's pages share a site's menus and wording: its sentences stay in one fold, so that
    // the threshold is chosen on sites the fold's stage did not see; SHARED's pages fold by page.
    var groupNumbers: [String: Int] = [:]
    let folds = rows.map { row in
      let group = row.set ?? row.page
      if groupNumbers[group] == nil { groupNumbers[group] = groupNumbers.count }
      return groupNumbers[group, default: 0] % options.pageStageFolds
    }
    var heldOut = [Double](repeating: 0, count: rows.count)
    for fold in 0..<options.pageStageFolds {
      let weights = trainer.trainBinary(samples.indices.filter { folds[$0] != fold }.map { samples[$0] })
      let stage = PageStage(
        head: PageStageHead(threshold: 1, weights: weights, trainedOn: [:]), dimension: options.dimension)
      for i in rows.indices where folds[i] == fold { heldOut[i] = stage.probability(rows[i].features) }
    }
    let (threshold, precision, recall) = Self.threshold(
      heldOut, labels: rows.map(\.label), precision: options.pageStagePrecision)
    let typed = rows.compactMap { row in row.category.map { (row.features, $0, 1.0) } }
    return PageStageHead(
      threshold: threshold, weights: trainer.trainBinary(samples), categories: trainer.trainCategories(typed),
      trainedOn: [
        "sentences": rows.count, "asks": asks, "cross_validated_precision_milli": Int((precision * 1000).rounded()),
        "cross_validated_recall_milli": Int((recall * 1000).rounded()),
      ])
  }

  /// The lowest threshold in 0.50...0.95 (hundredths) at which `probabilities` reach `precision`
  /// against `labels`, with the precision and recall there; 0.95 when none does.
  static func threshold(
    _ probabilities: [Double], labels: [Int], precision target: Double
  ) -> (threshold: Double, precision: Double, recall: Double) {
    let asks = labels.count { $0 == 1 }
    var last = (threshold: 0.95, precision: 0.0, recall: 0.0)
    for hundredths in 50...95 {
      let t = Double(hundredths) / 100
      var emitted = 0
      var hits = 0
      for (p, label) in zip(probabilities, labels) where p >= t {
        emitted += 1
        hits += label
      }
      let precision = emitted == 0 ? 0 : Double(hits) / Double(emitted)
      last = (t, precision, asks == 0 ? 0 : Double(hits) / Double(asks))
      if precision >= target { return last }
    }
    return last
  }
}
