import ArgumentParser
import DocumentParser
import Foundation
import Logging
import SlackscoreCore

/// `slackscore eval-counters`: the counters parse reads from real pages, against hand labels of
/// what each page shows about itself.
struct EvalCountersCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "eval-counters",
    abstract: "Score the counters read from labelled real pages against their hand labels.",
    discussion: """
      Parses every page in PATHS (files or folders, as `parse` takes them) and scores the counters \
      it reads as each page's own against LABELS (JSON: {"pages": {KEY: {"own": [...], "traps": \
      [...]}}}, KEY a path relative to --root): interaction and outcome precision and recall \
      (page x kind x value), the page's own value (the primary counter per kind), traps (another \
      item's count, a figure in prose) read as the page's, and outcome counters no label names; \
      then every error. `make eval-counters` runs it on the labelled unseen pages \
      (training/counters-real); `make conformance` scores SHARED's pages the same way.
      """
  )

  @Option(help: "Hand labels (training/counters-real/labels.json).")
  var labels: String

  @Option(help: "Folder the labels' keys are relative to.")
  var root = "."

  @Option(
    help: "First looks of the labelled sets (training/counters-real/firstlook.csv): also print each and pooled.")
  var firstLooks: String?

  @Argument(help: "Pages: HTML files, archives or folders of them.")
  var paths: [String]

  @OptionGroup var logging: LoggingOptions

  func run() throws {
    let logger = logging.makeLogger()
    let looks = try firstLooks.map { try CounterFirstLooks.read(path: $0) }
    let labelled = try CounterLabels.load(path: labels)
    let diagnostics = DiagnosticCollector()
    let documents = try CounterScore.documents(in: paths, root: root, diagnostics: diagnostics)
    for diagnostic in diagnostics.diagnostics { logger.warning("\(diagnostic.formatted)") }
    let score = CounterScore(labels: labelled, documents: documents)
    print(score.report)
    if let looks { print(looks.report) }
    if !score.unparsed.isEmpty {
      logger.warning(
        "\(score.unparsed.count) labelled pages not parsed (first: \(score.unparsed[0])); check --root and PATHS")
    }
  }
}
