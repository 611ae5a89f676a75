import ArgumentParser
import CTAExtraction
import Foundation
import Logging
import SlackscoreCore

/// `slackscore eval-cta`: precision, recall and F1 per language and category accuracy of the
/// call-to-action detector on the held-out labelled sentences.
struct EvalCTACommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "eval-cta",
    abstract: "Evaluate the call-to-action detector on held-out labelled data.",
    discussion: """
      Precision, recall, F1 and category accuracy (on true positives) on split=test of every --data \
      folder, per slice: real page sentences (page/en, page/id), real tweets (tweet/id, tweet/en; post \
      level), the project's own sentences (team/en, team/id). --reddit also scores the Reddit \
      collective-action CSV's held-out fifth (comment level): reddit/real (real comments) and \
      reddit/augmented. A kept page set (page/en@SET) is judged with a page stage trained again without \
      it, so that no set is scored by a stage that learned from it; --without-page-stage scores the \
      rules alone. `make eval` materialises the real data first (training/cta-real/materialise.py). \
      Targets (issue #13): page/en P >= 0.75 at R >= 0.6; tweet/id F1 >= 0.6; reddit/real F1 >= 0.55 \
      with P >= 0.5; category accuracy >= 0.85 on the real true positives. --first-looks prints the \
      kept sets' first looks: each printed once before any rule was read off it, the figure of posts the \
      detector was not developed on.
      """
  )

  @Option(help: "Folder of labelled JSON Lines (repeatable): training/cta, out/cta-real, …")
  var data: [String] = ["training/cta"]

  @Option(help: "Model file to evaluate (default: the bundled one).")
  var model: String?

  @Option(help: "Reddit collective-action CSV; its held-out fifth is scored too.")
  var reddit: String?

  @Option(help: "Which split to score.")
  var split = "test"

  @Option(help: "Instead of scoring the shipped model, cross-validate training on split=train in this many folds.")
  var folds: Int?

  @Option(help: "Training weight of each Reddit comment (with --folds).")
  var redditWeight = CTATrainingOptions().redditWeight

  @Option(help: "Lexicon prior per category hit (with --folds).")
  var lexiconPrior = CTATrainingOptions().lexiconPrior

  @Option(help: "Passes over the data (with --folds).")
  var epochs = CTATrainingOptions().epochs

  @Option(
    help:
      "Decision threshold of each fold's weights, for every language (with --folds; default: \(CTATrainingOptions().thresholdsDescription))."
  )
  var threshold: Double?

  @Flag(help: "Score the rules alone: leave the model file's page stage out (docs/extract.md, \"The page stage\").")
  var withoutPageStage = false

  @Option(help: "The page stage's threshold, in place of the model file's (and of each set's own).")
  var pageStageThreshold: Double?

  @Option(help: "L2 regularisation (with --folds).")
  var l2 = CTATrainingOptions().l2

  @Option(help: "Learning rate (with --folds).")
  var learningRate = CTATrainingOptions().learningRate

  @Option(
    help:
      "Folder of kept sets (training/cta-real/kept): also print the first looks of those with a firstlook.csv, each, per session and pooled."
  )
  var firstLooks: String?
  @Flag(
    help:
      "Print every wrong decision, tab-separated: kind (fp, fn, category), slice, id, probability, gold and predicted category, the gate's view, text."
  )
  var showErrors = false

  @OptionGroup var logging: LoggingOptions

  func validate() throws {
    if let pageStageThreshold, !(0...1).contains(pageStageThreshold) {
      throw ValidationError("--page-stage-threshold must be between 0 and 1.")
    }
  }

  func run() async throws {
    let logger = logging.makeLogger()
    for folder in data where !FileSystem.isDirectory(folder) {
      throw ValidationError("--data \(folder) is not a folder.")
    }
    let diagnostics = DiagnosticCollector()
    let all = try data.flatMap { try LabelledData.load(directory: $0, diagnostics: diagnostics) }
    let redditItems = try reddit.map { try LabelledData.loadReddit(path: $0, weight: redditWeight) } ?? []
    for diagnostic in diagnostics.diagnostics { logger.warning("\(diagnostic.formatted)") }
    var detector = try CTADetector.load(modelPath: model)
    if withoutPageStage || pageStageThreshold != nil {
      var file = detector.files.model
      if withoutPageStage { file.pageStage = nil }
      if let pageStageThreshold { file.pageStage?.threshold = pageStageThreshold }
      detector = detector.with(model: file)
    }
    let evaluation: CTAEvaluation
    if let folds {
      guard folds >= 2 else { throw ValidationError("--folds must be at least 2.") }
      let train = all.filter { $0.split == "train" }
      evaluation = CTAEvaluation.crossValidate(
        detector, items: train, extraTraining: redditItems.filter { $0.split == "train" }, folds: folds,
        options: {
          var options = CTATrainingOptions()
          options.lexiconPrior = lexiconPrior
          options.epochs = epochs
          options.l2 = l2
          options.learningRate = learningRate
          if let threshold { options.useThreshold(threshold) }
          return options
        }())
    } else {
      let items = (all + redditItems).filter { $0.split == split }
      guard !items.isEmpty else {
        throw ValidationError("no split=\(split) sentences in \(data.joined(separator: ", ")).")
      }
      evaluation = CTAEvaluation.run(
        detector, on: items, read: all.filter { $0.split != split },
        setDetectors: CTAEvaluation.withoutSet(
          detector, items: items, pool: all, threshold: pageStageThreshold))
    }
    if showErrors {
      for error in evaluation.errors {
        let p = Int((error.probability * 100).rounded())
        print(
          "\(error.kind)\t\(error.item.slice)\t\(error.item.id ?? "-")\tp=\(p)\tgold=\(error.item.category ?? "-")\t"
            + "pred=\(error.predictedCategory ?? "-")\t\(error.gate)\t\(error.item.text.prefix(160))")
      }
    }
    print(evaluation.report)
    print(evaluation.targets)
    if let firstLooks {
      print(FirstLook.report(try FirstLook.readAll(kept: firstLooks)))
    }
  }
}
