import ArgumentParser
import Logging
import Pipeline
import PipelineConfiguration
import Report
import SlackscoreCore

/// `slackscore report`.
struct ReportCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Write the self-contained HTML report from campaigns.json.",
    discussion: """
      The report has inline SVG charts and CSS, no scripts and no network access, and \
      prints on A4. Every figure links to the capture it came from.

      Examples:
        slackscore report out/default/campaigns.json -o out/default/report.html
        slackscore report --pipeline pipelines/default
      """
  )

  @Argument(help: "campaigns.json written by 'slackscore score'.")
  var campaigns: String?

  @Option(name: .shortAndLong, help: "Where to write the HTML (default: report.html beside campaigns.json).")
  var output: String?

  @Option(help: "A pipeline folder: read and write under out/NAME/.")
  var pipeline: String?

  @OptionGroup var logging: LoggingOptions

  @OptionGroup var journal: RunJournalOptions

  func validate() throws {
    if campaigns == nil && pipeline == nil {
      throw ValidationError("Give campaigns.json or --pipeline DIR (see --help).")
    }
  }

  func run() async throws {
    let logger = logging.makeLogger()
    let input = campaigns ?? PipelineLocation(pipeline!).defaultOutput(name: "") + "/campaigns.json"
    let folder = input.contains("/") ? String(input[..<input.lastIndex(of: "/")!]) : "."
    let target = output ?? folder + "/report.html"
    let started = RunClock.now()
    do {
      let lock = try journal.path.map { try StageLock.acquire(folder: FileSystem.parent(of: $0)) } ?? nil
      defer { withExtendedLifetime(lock) {} }
      // Under make, run.json holds every earlier stage's diagnostics: the report lists them all.
      let known = try pipeline.map {
        try PipelineConfigLoader.load(path: PipelineLocation($0).configFile).knownProblems
      }
      let runDiagnostics = journal.path.flatMap { RunJournal.manifest(at: $0) }.map {
        KnownProblem.apply(known ?? [], to: $0.allDiagnostics)
      }
      try ReportStage.run(campaignsJSON: input, output: target, runDiagnostics: runDiagnostics, logger: logger)
      try journal.record(stage: "report", seconds: RunClock.now() - started, counts: [:], diagnostics: 0)
    } catch {
      throw DiagnosticsOutput.fail(error, command: "report")
    }
    logger.info("wrote \(target)")
  }
}
