import ArgumentParser
import CTAExtraction
import Foundation
import Logging
import SlackscoreCore

/// `slackscore train-cta`: trains the call-to-action model from labelled sentences and writes the
/// weights file the extract stage ships (`Sources/CTAExtraction/Resources/cta-model.json`).
struct TrainCTACommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "train-cta",
    abstract: "Train the call-to-action model from labelled sentences.",
    discussion: """
      Reads every *.jsonl file in each --data folder (objects with text, lang, label, category, split, \
      source_kind), trains on split=train, and writes the model JSON. The page stage, which decides the \
      addressed sentences of English pages, also learns from the kept page sets (page sentences with a \
      set, every split); --page-stage-on trains it alone over a model file's weights. Deterministic: \
      the same data and seed give the same bytes. --reddit adds the Reddit collective-action CSV (English, label only). \
      `make train-cta` materialises the real labelled data first (training/cta-real/materialise.py).
      """
  )

  @Option(help: "Folder of labelled JSON Lines (repeatable): training/cta, out/cta-real, …")
  var data: [String] = ["training/cta"]

  @Option(help: "Training weight of the project's own sentences (training/cta); real data weighs 1.")
  var teamWeight = CTATrainingOptions().teamWeight

  @Option(name: .shortAndLong, help: "Where to write the model.")
  var output = "Sources/CTAExtraction/Resources/cta-model.json"

  @Option(help: "Reddit collective-action CSV (Pera & Aiello 2025) to add to the English training data.")
  var reddit: String?

  @Option(help: "Training weight of each Reddit comment.")
  var redditWeight = CTATrainingOptions().redditWeight

  @Option(help: "Passes over the data.")
  var epochs = CTATrainingOptions().epochs

  @Option(help: "Seed of the shuffling order.")
  var seed = CTATrainingOptions().seed

  @Option(help: "Hash buckets, a power of two.")
  var dimension = CTATrainingOptions().dimension

  @Option(help: "L2 regularisation.")
  var l2 = CTATrainingOptions().l2

  @Option(help: "Learning rate.")
  var learningRate = CTATrainingOptions().learningRate

  @Option(
    help:
      "Decision threshold stored in the model, for every language (default: \(CTATrainingOptions().thresholdsDescription))."
  )
  var threshold: Double?

  @Option(
    help: ArgumentHelp(
      "Keep the rules' weights of this model file and train only its page stage on them.",
      discussion: "The stage learns from the English page sentences (docs/extract.md, \"The page stage\")."))
  var pageStageOn: String?

  @OptionGroup var logging: LoggingOptions

  func validate() throws {
    guard dimension > 0 && dimension & (dimension - 1) == 0 else {
      throw ValidationError("--dimension must be a power of two.")
    }
    guard epochs > 0 else { throw ValidationError("--epochs must be positive.") }
  }

  func run() async throws {
    let logger = logging.makeLogger()
    for folder in data where !FileSystem.isDirectory(folder) {
      throw ValidationError("--data \(folder) is not a folder.")
    }
    let diagnostics = DiagnosticCollector()
    var examples = try data.flatMap { try LabelledData.load(directory: $0, diagnostics: diagnostics) }
    if let reddit {
      examples += try LabelledData.loadReddit(path: reddit, weight: redditWeight)
    }
    for diagnostic in diagnostics.diagnostics { logger.warning("\(diagnostic.formatted)") }
    let train = examples.filter { $0.split == "train" }
    guard !train.isEmpty else {
      throw ValidationError("no split=train sentences in \(data.joined(separator: ", ")).")
    }
    var options = CTATrainingOptions()
    options.epochs = epochs
    options.seed = seed
    options.dimension = dimension
    if let threshold { options.useThreshold(threshold) }
    options.l2 = l2
    options.learningRate = learningRate
    options.teamWeight = teamWeight
    let base = try CTADetector.load(modelPath: pageStageOn)
    var model: CTAModelFile
    if pageStageOn != nil {
      // The stage's features are hashed into the given file's buckets, whatever --dimension says.
      options.dimension = base.model.dimension
      model = base.files.model
      model.pageStage = CTATrainer(options: options).trainPageStage(
        CTATrainer.pageStageRows(examples, detector: base))
    } else {
      let trainer = CTATrainer(options: options)
      model = trainer.train(train, base: base, pageSentences: examples)
    }
    var bytes = Array(try JSONCoding.lineEncoder().encode(model))
    bytes.append(0x0A)
    try AtomicFileWriter.write(bytes, to: output)
    let summary = model.trainedOn.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    logger.notice("trained on \(train.count) sentences (\(summary)); wrote \(output)")
  }
}
