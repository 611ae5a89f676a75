import Foundation
import SlackscoreCore
import Testing

@testable import CTAExtraction

/// The page stage (`PageStageHead`): read and checked with the model file, deciding the addressed
/// sentences of English pages only, typing what no phrase types, trained and held out per set.
@Suite struct PageStageTests {
  static let detector = try! CTADetector.load()
  /// Addressed, nothing excludes it, and no phrase or link names an act.
  static let actless = "Grab a bag and pick up litter on your street."

  /// The bundled detector with a page stage of one bias (every sentence's log-odds) and one category.
  static func detector(stageBias: Double, category: String = "volunteer") -> CTADetector {
    var file = detector.files.model
    file.pageStage = PageStageHead(
      threshold: 0.5, weights: SparseWeights(bias: stageBias), categories: [category: SparseWeights(bias: 1)],
      trainedOn: [:])
    return detector.with(model: file)
  }

  static func page(_ sentence: String, lang: String? = "en", filler: Int = 8) -> ExtractInput {
    let fill = Array(
      repeating: "The group was founded in 1998 and works in three districts of the county.", count: filler)
    return ExtractInput(id: "p", text: (fill + [sentence] + fill).joined(separator: "\n\n"), lang: lang)
  }

  @Test func theFastReaderReadsThePageStageAsTheDecoderDoes() throws {
    let file = Self.detector(stageBias: -1.25).files.model
    let bytes = Array(try JSONCoding.lineEncoder().encode(file))
    let fast = try #require(CTAModelReader.parse(bytes))
    let decoded = try JSONCoding.decoder().decode(CTAModelFile.self, from: Data(bytes))
    #expect(fast.pageStage == file.pageStage && decoded.pageStage == file.pageStage)
    // The shipped weights have one, and it passes the checks.
    let bundled = try #require(Self.detector.files.model.pageStage)
    #expect(bundled.threshold > 0.5 && bundled.threshold < 1 && !bundled.categories.isEmpty)
  }

  @Test func aBrokenPageStageIsRefusedWithItsField() {
    var file = Self.detector(stageBias: 0).files.model
    file.pageStage?.threshold = 1.5
    #expect(throws: CTAResourceError.self) { try file.validate(file: "m.json") }
    file.pageStage?.threshold = 0.5
    file.pageStage?.categories = ["petitioning": SparseWeights()]
    #expect(throws: CTAResourceError.self) { try file.validate(file: "m.json") }
  }

  @Test func theStageDecidesAddressedSentencesOfPagesOnly() {
    let tokens = Tokenizer.tokens(Self.actless)
    let rules = Self.detector.judge(tokens: tokens, docLang: "en", onPage: true)
    #expect(PageStage.judges(rules.analysis) && !CTADetector.hasActEvidence(rules.analysis))
    let accepting = Self.detector(stageBias: 8)
    let taken = accepting.judge(tokens: tokens, docLang: "en", gateFirst: true, onPage: true)
    #expect(taken.isCallToAction && taken.category == "volunteer" && taken.analysis.cues.contains("learned-act"))
    // Off a page, the rules decide: no act, no ask.
    #expect(!accepting.judge(tokens: tokens, docLang: "en", gateFirst: true).isCallToAction)
    // A stage that refuses everything drops even an ask the rules find.
    let ask = Tokenizer.tokens("Sign the petition to save the library today.")
    #expect(Self.detector.judge(tokens: ask, docLang: "en", gateFirst: true, onPage: true).isCallToAction)
    let refusing = Self.detector(stageBias: -8)
    #expect(!refusing.judge(tokens: ask, docLang: "en", gateFirst: true, onPage: true).isCallToAction)
    // A typed ask keeps the act its phrase names, not the stage's guess.
    let typed = accepting.judge(tokens: ask, docLang: "en", gateFirst: true, onPage: true)
    #expect(typed.category == "sign" && !typed.analysis.cues.contains("learned-act"))
  }

  @Test func minConfidenceHoldsForTheStageToo() {
    // A stage of bias 0 gives every sentence 0.5, its threshold.
    let even = Self.detector(stageBias: 0)
    let tokens = Tokenizer.tokens(Self.actless)
    #expect(even.judge(tokens: tokens, docLang: "en", onPage: true).isCallToAction)
    #expect(!even.with(threshold: 0.6).judge(tokens: tokens, docLang: "en", onPage: true).isCallToAction)
  }

  @Test func onlyEnglishPagesLongerThanAPostAreStaged() {
    let accepting = Self.detector(stageBias: 8)
    func learned(_ input: ExtractInput, memo: SentenceMemo? = nil) -> [String] {
      accepting.candidates(in: input, memo: memo).filter { $0.cta.cues.contains("learned-act") }.map(\.cta.sentence)
    }
    #expect(learned(Self.page(Self.actless)) == [Self.actless])
    #expect(learned(Self.page(Self.actless, filler: 1)).isEmpty)  // a post's length
    #expect(learned(Self.page(Self.actless, lang: "id")).isEmpty)
    // The memo keeps a page's outcome apart from a post's.
    let memo = SentenceMemo()
    #expect(learned(Self.page(Self.actless, filler: 1), memo: memo).isEmpty)
    #expect(learned(Self.page(Self.actless), memo: memo) == [Self.actless])
  }

  @Test func categoryHeadsAreCentredPerFeatureAndStillRankTheirRows() {
    var options = CTATrainingOptions()
    options.dimension = 1 << 6
    options.epochs = 20
    let rows: [([Int], String, Double)] = [
      ([1, 2], "sign", 1), ([1, 3], "donate", 1), ([1, 4], "share", 1), ([2, 5], "sign", 1), ([3, 6], "donate", 1),
    ]
    let heads = CTATrainer(options: options).trainCategories(rows)
    let centred = CategoryHeads(heads, dimension: options.dimension)
    for (features, category, _) in rows { #expect(centred.best(features) == category) }
    // Each feature's weights across the heads have median 0 (an absent weight is 0).
    for f in 0..<options.dimension {
      let weights = heads.values.map { head in head.indices.firstIndex(of: f).map { head.weights[$0] } ?? 0 }.sorted()
      #expect(abs(weights[weights.count / 2]) < 1e-3, "feature \(f): \(weights)")
    }
  }

  @Test func theThresholdIsTheLowestThatReachesThePrecision() {
    let p = [0.9, 0.8, 0.7, 0.6, 0.55]
    let labels = [1, 1, 0, 1, 0]
    let chosen = CTATrainer.threshold(p, labels: labels, precision: 0.75)
    #expect(chosen.threshold == 0.56 && chosen.precision == 0.75 && chosen.recall == 1)
    #expect(CTATrainer.threshold(p, labels: labels, precision: 0.99).threshold == 0.71)
    #expect(CTATrainer.threshold([0.97, 0.6], labels: [0, 1], precision: 0.9).threshold == 0.95)
  }

  @Test func aKeptSetIsScoredByAStageThatNeverSawIt() {
    func sentence(_ text: String, _ label: Int, set: String?, split: String = "test") -> LabelledSentence {
      var item = LabelledSentence(
        text: text, lang: "en", label: label, category: label == 1 ? "volunteer" : nil, split: split,
        sourceKind: "page_sentence", id: "\(set ?? "shared")/page.html#\(text.count)")
      item.set = set
      return item
    }
    let items = [
      sentence(Self.actless, 1, set: "a"), sentence("Please read the report before the meeting.", 0, set: "a"),
      sentence("Please take a seat in the hall.", 0, set: "b"),
      sentence("Please enjoy the photographs of the garden.", 0, set: nil, split: "train"),
    ]
    #expect(items.filter(PageStage.trainsOn).count == 4)
    let bySet = CTAEvaluation.withoutSet(Self.detector, items: items, pool: items)
    #expect(Set(bySet.keys) == ["a", "b"])
    // Without set a no ask is left to learn from: a's stage is none; b's learns from a's ask.
    #expect(bySet["a"]?.model.pageStage == nil)
    #expect(bySet["b"]?.model.pageStage != nil)
  }
}
