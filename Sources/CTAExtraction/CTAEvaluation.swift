import Foundation
import SlackscoreCore

/// Sentence-level detection figures for one slice of the test data.
public struct DetectionScores: Sendable, Hashable, Codable {
  /// Calls to action found.
  public var truePositives = 0
  /// Other sentences taken for calls to action.
  public var falsePositives = 0
  /// Calls to action missed.
  public var falseNegatives = 0
  /// Other sentences left alone.
  public var trueNegatives = 0
  /// Positives with a gold category that the detector found: how many got the right category.
  public var categoryCorrect = 0
  /// True positives that have a gold category.
  public var categoryTotal = 0

  /// All counts zero.
  public init() {}

  /// TP / (TP + FP), 0 when nothing was predicted.
  /// The items labelled as asks: found or missed.
  public var asks: Int { truePositives + falseNegatives }

  public var precision: Double {
    truePositives + falsePositives == 0 ? 0 : Double(truePositives) / Double(truePositives + falsePositives)
  }
  /// TP / (TP + FN), 0 when there are no positives.
  public var recall: Double {
    asks == 0 ? 0 : Double(truePositives) / Double(asks)
  }
  /// Harmonic mean of precision and recall.
  public var f1: Double {
    precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
  }
  /// Share of true positives with the right category.
  public var categoryAccuracy: Double {
    categoryTotal == 0 ? 0 : Double(categoryCorrect) / Double(categoryTotal)
  }
  /// Sentences scored.
  public var count: Int { truePositives + falsePositives + falseNegatives + trueNegatives }

  /// Adds another slice's counts.
  public mutating func add(_ other: DetectionScores) {
    truePositives += other.truePositives
    falsePositives += other.falsePositives
    falseNegatives += other.falseNegatives
    trueNegatives += other.trueNegatives
    categoryCorrect += other.categoryCorrect
    categoryTotal += other.categoryTotal
  }
}

/// One wrong decision, for `eval-cta --show-errors`.
public struct EvaluationError: Sendable, Hashable {
  /// The labelled sentence.
  public var item: LabelledSentence
  /// The detector's probability for it.
  public var probability: Double
  /// The category the detector chose.
  public var predictedCategory: String?
  /// `fp`, `fn` or `category`.
  public var kind: String
  /// The precision gate's view of the sentence that decided (a post's strongest sentence, not its
  /// whole text): `addr=1 act=vote excl=- cues=…`.
  public var gate: String
}

/// The result of evaluating the detector on labelled sentences.
public struct CTAEvaluation: Sendable {
  /// Scores per slice (`LabelledSentence.slice`: `page/en`, `tweet/id`, `reddit/real`, `team/en`, …).
  public var byGroup: [String: DetectionScores] = [:]
  /// Scores per source kind (`campaign_page`, `news_report`, …).
  public var bySourceKind: [String: DetectionScores] = [:]
  /// Every wrong decision, in input order.
  public var errors: [EvaluationError] = []
  /// Per page set outside SHARED (`page/en@freshpg4`): the scores of its sentences that neither
  /// SHARED's labelled pages nor an earlier set (in natural order of the set names) holds, and how
  /// many sentences that is. A site seen before brings its menus and boxes again; these are new.
  public var newSentences: [String: DetectionScores] = [:]

  /// Runs `detector` on every item and tallies the figures. Page sentences are judged in their page
  /// as extract judges it (`PageAsks`), the project's own sentences one by one; posts (tweets, Reddit
  /// comments: `isPost`) as extract judges a document, positive when it finds an ask, with the
  /// category of the highest-effort one (`outranks`). `read`: labelled sentences not scored here that
  /// were read all the same (the training split): a page set's sentence that one of them holds is no
  /// new sentence (`newSentences`).
  /// `setDetectors`: per kept page set, the detector its pages are judged by (`withoutSet`).
  public static func run(
    _ detector: CTADetector, on items: [LabelledSentence], read: [LabelledSentence] = [],
    setDetectors: [String: CTADetector] = [:]
  ) -> CTAEvaluation {
    var result = CTAEvaluation()
    let repeated = repeatedPageSentences(items, read: read)
    let pageAsks = PageAsks.find(detector, in: items, setDetectors: setDetectors)
    for (index, item) in items.enumerated() {
      var probability = 0.0
      var category: String?
      var predicted = false
      // The gate's view of the sentence that decided, for the error list (a post's ask is looked up
      // again only when it is wrong): of each of its sentences when the ask is made of two.
      var decisive: () -> String
      if item.isPost {
        // A post is judged as extract judges a document (`CTADetector.candidates`: its rules for
        // spam, replies and instruction genres); positive with the category of its highest-effort ask
        // (the labelling guidelines' category of a post that asks several acts), the more confident
        // one between two of the same effort.
        let input = ExtractInput(id: item.id ?? "", text: item.text, lang: item.lang)
        if let best = detector.candidates(in: input, reported: false).max(by: { Self.outranks($1.cta, $0.cta) }) {
          predicted = true
          probability = best.cta.confidence
          category = best.cta.category
          decisive = {
            let inReply = CTADetector.isReply(Array(item.text.unicodeScalars))
            return detector.postSentences(best.cta.sentence).sentences.map {
              Self.gateView(
                detector.judge(tokens: $0, docLang: item.lang, alwaysCategorize: true, inReply: inReply).analysis)
            }.joined(separator: " + ")
          }
        } else {
          // No ask: the strongest sentence, to show with the error.
          let post = detector.postSentences(item.text)
          var strongest: SentenceAnalysis?
          for sentence in post.sentences {
            let verdict = detector.judge(
              tokens: sentence, docLang: item.lang, alwaysCategorize: true, inReply: post.inReply)
            if verdict.probability > probability || strongest == nil {
              probability = verdict.probability
              category = verdict.category
              strongest = verdict.analysis
            }
          }
          decisive = { Self.gateView(strongest ?? detector.judge(sentence: item.text, lang: item.lang).analysis) }
        }
      } else {
        let verdict = detector.judge(sentence: item.text, lang: item.lang)
        probability = verdict.probability
        category = verdict.category
        predicted = verdict.isCallToAction && verdict.category != nil
        decisive = { Self.gateView(verdict.analysis) }
        if item.sourceKind == "page_sentence" {
          // Judged in its page, as extract judges it; the error list says where the page decided
          // otherwise than the sentence alone.
          let alone = predicted
          let ask = pageAsks[index]
          predicted = ask != nil
          if let ask {
            probability = ask.confidence
            category = ask.category
          }
          if alone != predicted {
            decisive = { Self.gateView(verdict.analysis) + (alone ? " page=dropped" : " page=found") }
          }
        }
      }
      let group = item.slice
      var kind: String?
      func tally(_ scores: inout DetectionScores) {
        switch (item.label == 1, predicted) {
        case (true, true):
          scores.truePositives += 1
          if let gold = item.category {
            scores.categoryTotal += 1
            if gold == category { scores.categoryCorrect += 1 } else { kind = "category" }
          }
        case (false, true):
          scores.falsePositives += 1
          kind = "fp"
        case (true, false):
          scores.falseNegatives += 1
          kind = "fn"
        case (false, false): scores.trueNegatives += 1
        }
      }
      tally(&result.byGroup[group, default: DetectionScores()])
      tally(&result.bySourceKind[item.sourceKind ?? "unknown", default: DetectionScores()])
      if item.set != nil, item.sourceKind == "page_sentence", !repeated.contains(index) {
        tally(&result.newSentences[group, default: DetectionScores()])
      }
      if let kind {
        result.errors.append(
          EvaluationError(
            item: item, probability: probability, predictedCategory: category, kind: kind,
            gate: decisive()))
      }
    }
    return result
  }

  /// Whether `a` types a post (or a labelled page sentence that extract's sentences split) before
  /// `b`: the labelling guidelines' category is the highest-effort act asked, and between two of the
  /// same effort the detector's more confident one stands.
  static func outranks(_ a: CallToAction, _ b: CallToAction) -> Bool {
    (a.effort, a.confidence) > (b.effort, b.confidence)
  }

  /// The indices in `items` of the page sentences of sets outside SHARED whose text (case and spacing
  /// aside) a labelled page of SHARED or a set named earlier (natural order) already holds, among
  /// `items` and `read`.
  static func repeatedPageSentences(_ items: [LabelledSentence], read: [LabelledSentence] = []) -> Set<Int> {
    // Each page sentence's text, case and spacing aside (nil for other items), and the earliest
    // place it occurs: "" for SHARED's pages, else the set's name.
    func key(_ item: LabelledSentence) -> String? {
      guard item.sourceKind == "page_sentence" else { return nil }
      return item.text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
    let itemKeys = items.map(key)
    var first: [String: String] = [:]
    for (item, k) in Array(zip(read, read.map(key))) + Array(zip(items, itemKeys)) {
      guard let k else { continue }
      let owner = item.set ?? ""
      if let known = first[k], known == owner || naturalOrder(known, owner) { continue }
      first[k] = owner
    }
    var repeated = Set<Int>()
    for (index, item) in items.enumerated() {
      if let set = item.set, let k = itemKeys[index], let owner = first[k], owner != set { repeated.insert(index) }
    }
    return repeated
  }

  /// Per kept page set among `items`, `detector` with a page stage trained on the rows of `pool`
  /// (`PageStage.trainsOn`) outside that set: a set is scored by a stage that never saw it, as a new
  /// set will be by the shipped one. Empty when the detector has no page stage. `threshold`: the
  /// stage's threshold in place of the one each set's stage chooses.
  public static func withoutSet(
    _ detector: CTADetector, items: [LabelledSentence], pool: [LabelledSentence], threshold: Double? = nil
  ) -> [String: CTADetector] {
    guard detector.model.pageStage != nil else { return [:] }
    var options = CTATrainingOptions()
    options.dimension = detector.model.dimension
    let trainer = CTATrainer(options: options)
    let rows = CTATrainer.pageStageRows(pool, detector: detector)
    var out: [String: CTADetector] = [:]
    for set in Set(items.compactMap { $0.sourceKind == "page_sentence" ? $0.set : nil }).sorted() {
      var file = detector.files.model
      file.pageStage = trainer.trainPageStage(rows.filter { $0.set != set })
      if let threshold { file.pageStage?.threshold = threshold }
      out[set] = detector.with(model: file)
    }
    return out
  }

  /// The precision gate's view of a sentence, as `eval-cta --show-errors` prints it.
  static func gateView(_ analysis: SentenceAnalysis) -> String {
    "addr=\(analysis.addressed ? 1 : 0) act=\(analysis.actCategories.sorted().joined(separator: "+"))"
      + " excl=\(analysis.exclusion?.rawValue ?? "-") cues=\(analysis.cues.joined(separator: ","))"
  }

  /// K-fold cross-validation on `items`: trains on the other folds plus `extraTraining`, scores the
  /// held-out fold, and pools the figures. An item's fold is its position modulo `folds`; a page
  /// sentence's is its page's (pages numbered in order of first appearance), so that a held-out page
  /// is judged whole, as `run` judges it (`PageAsks`).
  public static func crossValidate(
    _ base: CTADetector, items: [LabelledSentence], extraTraining: [LabelledSentence], folds: Int,
    options: CTATrainingOptions
  ) -> CTAEvaluation {
    var pooled = CTAEvaluation()
    let trainer = CTATrainer(options: options)
    let foldOf = foldNumbers(items, folds: folds)
    for fold in 0..<folds {
      let heldOut = items.indices.filter { foldOf[$0] == fold }.map { items[$0] }
      let rest = items.indices.filter { foldOf[$0] != fold }.map { items[$0] }
      let model = trainer.train(rest + extraTraining, base: base)
      let result = run(base.with(model: model), on: heldOut)
      for (key, scores) in result.byGroup { pooled.byGroup[key, default: DetectionScores()].add(scores) }
      for (key, scores) in result.newSentences { pooled.newSentences[key, default: DetectionScores()].add(scores) }
      for (key, scores) in result.bySourceKind { pooled.bySourceKind[key, default: DetectionScores()].add(scores) }
      pooled.errors += result.errors
    }
    return pooled
  }

  /// The fold of each of `items` in a `folds`-fold cross-validation: its position modulo `folds`, or
  /// for a page sentence its page's number (in order of first appearance) modulo `folds`.
  package static func foldNumbers(_ items: [LabelledSentence], folds: Int) -> [Int] {
    var pageNumbers: [String: Int] = [:]
    return items.enumerated().map { index, item in
      guard let page = PageAsks.pageKey(item, index: index) else { return index % folds }
      if pageNumbers[page] == nil { pageNumbers[page] = pageNumbers.count }
      return pageNumbers[page, default: 0] % folds
    }
  }

  /// The issue #13 targets on real held-out data, one line each with `met` or `MISSED`, and the
  /// category accuracy pooled over the real slices (page sentences and tweets; Reddit has no
  /// categories). Each figure comes with its 95% interval (`DetectionIntervals`); a target met by the
  /// figure but not by the interval's lower bound says so.
  public var targets: String {
    func f(_ x: Double) -> String { Self.fixed(x, places: 3) }
    func verdict(_ ok: Bool, surely: Bool) -> String {
      ok ? (surely ? "met" : "met, not surely: the 95% interval reaches below the bar") : "MISSED"
    }
    func figure(_ x: Double, _ interval: FigureInterval?) -> String {
      f(x) + (interval.map { " " + $0.text } ?? "")
    }
    // The page target (P at R) and the tweet target (F1), for the shared slice and each set outside
    // SHARED (CTA_EXTRA), which holds the same target. A set with no ask has no recall and no F1:
    // only its false asks say anything.
    let noAsks = "no ask to find, so no F1: see the false asks"
    func pageTarget(_ s: DetectionScores) -> String {
      guard s.asks > 0 else { return noAsks }
      let p = s.precisionInterval
      let r = s.recallInterval
      return "P=\(figure(s.precision, p)) (>= 0.75) at R=\(figure(s.recall, r)) (>= 0.6): "
        + verdict(
          s.precision >= 0.75 && s.recall >= 0.6, surely: (p?.low ?? 0) >= 0.75 && (r?.low ?? 0) >= 0.6)
    }
    // F1's interval is a bootstrap seeded by the slice's name: the same figures print the same interval.
    func f1(_ s: DetectionScores, _ name: String) -> (text: String, low: Double) {
      let interval = s.f1Interval(seed: SplitMix64.derive(0, name))
      return (figure(s.f1, interval), interval?.low ?? 0)
    }
    func tweetTarget(_ s: DetectionScores, _ name: String) -> String {
      guard s.asks > 0 else { return noAsks }
      let (text, low) = f1(s, name)
      return "F1=\(text) (>= 0.6): " + verdict(s.f1 >= 0.6, surely: low >= 0.6)
    }
    let outsideSets = byGroup.sorted { Self.naturalOrder($0.key, $1.key) }
    var lines = ["targets on real held-out data (95% intervals in brackets):"]
    lines.append(
      byGroup["page/en"].map { "  page/en: " + pageTarget($0) } ?? "  page/en: no data (page-sentence labels missing)")
    let pageSets = outsideSets.filter { $0.key.hasPrefix("page/en@") }
    // Each set's new sentences: those that no labelled page of SHARED or earlier set holds.
    func newLine(_ s: DetectionScores, of all: DetectionScores) -> String {
      "    new sentences only (\(s.count) of \(all.count)): " + pageTarget(s) + " "
        + Self.alarms(s, unit: "sentences")
    }
    for (group, s) in pageSets {
      lines.append("  \(group): " + pageTarget(s) + " " + Self.alarms(s, unit: "sentences"))
      if let new = newSentences[group], new.count < s.count { lines.append(newLine(new, of: s)) }
    }
    if pageSets.count > 1 {
      let pooled = pageSets.reduce(into: DetectionScores()) { $0.add($1.value) }
      lines.append(
        "  page/en@ (\(pageSets.count) sets pooled, \(pooled.asks) asks): "
          + pageTarget(pooled) + " " + Self.alarms(pooled, withAsks: false, unit: "sentences"))
      let new = pageSets.reduce(into: DetectionScores()) { $0.add(newSentences[$1.key] ?? DetectionScores()) }
      if new.count < pooled.count { lines.append(newLine(new, of: pooled)) }
    }
    lines.append(
      byGroup["tweet/id"].map { "  tweet/id: " + tweetTarget($0, "tweet/id") + " " + Self.alarms($0) }
        ?? "  tweet/id: no data (CTA_LABELS/id-tweets.csv missing)")
    // Each tweet set outside SHARED on its own, and pooled (the steadiest figure when each has few asks).
    let tweetSets = outsideSets.filter { $0.key.hasPrefix("tweet/id@") }
    for (group, s) in tweetSets {
      lines.append("  \(group): " + tweetTarget(s, group) + " " + Self.alarms(s))
    }
    if tweetSets.count > 1 {
      let outside = tweetSets.reduce(into: DetectionScores()) { $0.add($1.value) }
      let (text, low) = f1(outside, "tweet/id@")
      lines.append(
        "  tweet/id@ (\(tweetSets.count) sets pooled, \(outside.asks) asks): "
          + "F1=\(text) P=\(f(outside.precision)) R=\(f(outside.recall)) (>= 0.6): "
          + verdict(outside.f1 >= 0.6, surely: low >= 0.6) + " " + Self.alarms(outside, withAsks: false))
    }
    if let s = byGroup["reddit/real"] {
      let (text, low) = f1(s, "reddit/real")
      let p = s.precisionInterval
      lines.append(
        "  reddit/real: F1=\(text) (>= 0.55), P=\(figure(s.precision, p)) (>= 0.5): "
          + verdict(s.f1 >= 0.55 && s.precision >= 0.5, surely: low >= 0.55 && (p?.low ?? 0) >= 0.5) + " "
          + Self.alarms(s, unit: "comments"))
    } else {
      lines.append("  reddit/real: no data (pass --reddit, SHARED/data/cta/reddit-collective-action-train.csv)")
    }
    var pooled = DetectionScores()
    for (group, scores) in byGroup where group.hasPrefix("page/") || group.hasPrefix("tweet/") { pooled.add(scores) }
    if pooled.categoryTotal > 0 {
      let interval = pooled.categoryAccuracyInterval
      lines.append(
        "  category accuracy (real true positives): \(figure(pooled.categoryAccuracy, interval)) "
          + "(\(pooled.categoryCorrect)/\(pooled.categoryTotal)) (>= 0.85): "
          + verdict(pooled.categoryAccuracy >= 0.85, surely: (interval?.low ?? 0) >= 0.85))
    }
    var team = DetectionScores()
    for (group, scores) in byGroup where group.hasPrefix("team/") { team.add(scores) }
    if team.categoryTotal > 0 {
      lines.append(
        "  (project-written sentences, not a target: F1=\(f(team.f1)), category accuracy "
          + "\(f(team.categoryAccuracy)))")
    }
    return lines.joined(separator: "\n")
  }

  /// What an F1 hides when a set has few asks: how many there are (`withAsks`), and how often the
  /// detector raises an ask where there is none ("(5 asks; 3.1 false asks per 1,000 posts)").
  static func alarms(_ s: DetectionScores, withAsks: Bool = true, unit: String = "posts") -> String {
    let asks = s.asks
    let perMille = s.count > 0 ? Double(s.falsePositives) * 1000 / Double(s.count) : 0
    let rate = "\(fixed(perMille, places: 1)) false asks per 1,000 \(unit)"
    return withAsks ? "(\(asks) \(asks == 1 ? "ask" : "asks"); \(rate))" : "(\(rate))"
  }

  /// `x` (not negative) with `places` (1 or more) digits after the point, the same on every platform ("0.515").
  static func fixed(_ x: Double, places: Int) -> String {
    var scale = 1
    for _ in 0..<places { scale *= 10 }
    let scaled = Int((x * Double(scale)).rounded())
    return "\(scaled / scale).\(String(scaled % scale + scale).dropFirst())"
  }

  /// Slice names in reading order: numbers inside a name compare as numbers (`tweet/id@fresh9` before
  /// `tweet/id@fresh10`).
  static func naturalOrder(_ a: String, _ b: String) -> Bool {
    a.compare(b, options: .numeric) == .orderedAscending
  }

  /// A plain-text table: one line per group and per source kind.
  public var report: String {
    func line(_ name: String, _ s: DetectionScores) -> String {
      func f(_ x: Double) -> String { Self.fixed(x, places: 3) }
      let pad = name.padding(toLength: 16)
      return "\(pad) n=\(s.count) P=\(f(s.precision)) R=\(f(s.recall)) F1=\(f(s.f1)) "
        + "category_accuracy=\(f(s.categoryAccuracy)) (\(s.categoryCorrect)/\(s.categoryTotal))"
    }
    var lines = ["by slice (kind/language; tweets and Reddit comments at post level):"]
    for (name, scores) in byGroup.sorted(by: { Self.naturalOrder($0.key, $1.key) }) {
      lines.append("  " + line(name, scores))
    }
    lines.append("by source kind:")
    for (name, scores) in bySourceKind.sorted(by: { Self.naturalOrder($0.key, $1.key) }) {
      lines.append("  " + line(name, scores))
    }
    return lines.joined(separator: "\n")
  }
}

extension String {
  func padding(toLength length: Int) -> String {
    count >= length ? self : self + String(repeating: " ", count: length - count)
  }
}
