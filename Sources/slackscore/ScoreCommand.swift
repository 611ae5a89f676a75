import ArgumentParser
import Logging
import Pipeline
import PipelineConfiguration
import Scoring
import SlackscoreCore

#if canImport(Glibc)
  import Glibc
#endif

/// `slackscore score`.
struct ScoreCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "score",
    abstract: "Group documents into campaigns and score them (campaigns.json).",
    discussion: """
      Reads pipelines/NAME/pipeline.yml, out/NAME/documents.jsonl and out/NAME/ctas.jsonl (NAME is the
      config's `name`), plus the outcome and interaction CSVs the config names, and writes
      out/NAME/campaigns.json and out/NAME/campaigns.csv. Exit status 0 on success, 1 when the run
      could not finish, 2 for a bad config or options.
      """
  )

  @Option(help: "The pipeline folder (pipelines/NAME) or its pipeline.yml.")
  var pipeline: String

  @Option(help: "Documents from `slackscore parse` (default: out/NAME/documents.jsonl).")
  var documents: String?

  @Option(help: "Calls to action from `slackscore extract` (default: out/NAME/ctas.jsonl).")
  var ctas: String?

  @Option(help: "Output folder (default: out/NAME).")
  var out: String?

  @OptionGroup var logging: LoggingOptions

  @OptionGroup var journal: RunJournalOptions

  func run() async throws {
    let logger = logging.makeLogger()
    let diagnostics = DiagnosticCollector()
    let options = ScoreOptions(
      pipeline: pipeline, documents: documents, ctas: ctas, outputFolder: out,
      displayRoot: ProcessEnvironment.currentDirectory())
    let started = RunClock.now()
    do {
      let result = try ScoreStage.run(options: options, logger: logger, diagnostics: diagnostics)
      for d in result.report.diagnostics where d.severity >= .warning { logger.warning("\(d.formatted)") }
      logger.info("wrote \(result.campaignsJSON) and \(result.campaignsCSV)")
      try journal.record(
        stage: "score", seconds: RunClock.now() - started,
        counts: [
          "campaigns": result.report.campaigns.count, "discovered": result.report.discoveredCampaigns.count,
          "documents_assigned": result.report.counts.documentsAssigned,
        ], diagnostics: result.report.diagnostics.count)
    } catch let error as ConfigError {
      ProcessEnvironment.printError("error: " + error.description)
      throw ExitCode(2)
    } catch let error as ScoreError {
      ProcessEnvironment.printError("error: " + error.description)
      throw ExitCode.failure
    }
  }
}
