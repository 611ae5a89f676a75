import ArgumentParser
import Fetch
import Logging
import Pipeline
import PipelineConfiguration
import SlackscoreCore

#if canImport(Glibc)
  import Glibc
#endif

/// `slackscore run`.
struct RunCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Run parse, extract, score and report for one pipeline in one process.",
    discussion: """
      Runs fetch first when the pipeline has a fetch: section (as make run does). \
      Reads pipelines/FOLDER/pipeline.yml and writes out/FOLDER/ (the same folder make uses, \
      whatever the config's name): documents.jsonl, rejects.jsonl, ctas.jsonl, campaigns.json, \
      campaigns.csv, report.html and run.json. Every file is written to a temporary name and \
      renamed, so readers never see half a file; run.json says "running" until the run ends.

      Before anything is read, the config and every file it names are checked: a missing or \
      unmatched input (unless marked optional) stops the run with exit 78 and the line of \
      pipeline.yml that names it.

      Fit for cron: quiet on success (unless --verbose); problems met while reading (bad CSV \
      rows, damaged records, unknown campaign ids) are printed as one block on stderr, counted \
      in run.json and listed in report.html. With --strict (or STRICT=1) they fail the run. \
      A lock (out/FOLDER/.lock) makes an overlapping run exit at once with code 75.

      Exit codes: 0 ok, 1 a stage failed (or warnings under --strict), 75 another run holds \
      the lock, 78 bad config or missing input.

      Example crontab line (every night at 02:30, mail only when something is wrong):
        30 2 * * *  cd /srv/slackscore && make run PIPELINE=default
      """
  )

  @Option(help: "The pipeline folder (holding pipeline.yml).")
  var pipeline: String = "pipelines/default"

  @Option(name: .customLong("out"), help: "Output folder (default: out/FOLDER).")
  var outputFolder: String?

  @Option(help: "Worker threads for parse and extract (default: all cores).")
  var jobs: Int?

  @Flag(help: "Fail (exit 1) when any diagnostic is a warning or worse (also STRICT=1).")
  var strict = false

  @OptionGroup var logging: LoggingOptions

  func validate() throws {
    if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
  }

  func run() async throws {
    let logger = logging.makeLogger()
    let options = RunOptions(
      pipeline: pipeline, outputFolder: outputFolder, jobs: jobs ?? Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))),
      displayRoot: ProcessEnvironment.currentDirectory(), versions: ["slackscore": SlackscoreVersion.current],
      strict: DiagnosticsOutput.strict(strict))
    let progress = logging.quiet ? StageProgress(enabled: false) : StageProgress.automatic
    let diagnostics = DiagnosticCollector()
    var folder = outputFolder
    do {
      if folder == nil {
        let location = PipelineLocation(pipeline)
        folder = location.defaultOutput(name: (try? PipelineConfigLoader.load(path: location.configFile))?.name ?? "")
      }
      if let folder {
        let fetched = try await fetchFirst(folder: folder, logger: logger, diagnostics: diagnostics)
        if !fetched { throw FetchFailed() }
      }
      let manifest = try PipelineRun.run(
        options: options, logger: logger, progress: progress, diagnostics: diagnostics)
      DiagnosticsOutput.printBlock(
        diagnostics.diagnostics, title: "slackscore run: diagnostics", fullList: "\(folder!)/run.json")
      let seconds = (manifest.stages.map(\.seconds).reduce(0, +) * 10).rounded() / 10
      logger.info("run ok: \(manifest.pipeline) in \(seconds) s; outputs in \(folder!)")
    } catch {
      DiagnosticsOutput.printBlock(
        diagnostics.diagnostics, title: "slackscore run: diagnostics", fullList: folder.map { "\($0)/run.json" })
      throw DiagnosticsOutput.fail(error, command: "run")
    }
  }

  /// The fetch stage, when the pipeline has a `fetch:` section: into `folder`/raw (or
  /// `fetch.output`), under the run's lock. False when it had work and fetched nothing.
  private func fetchFirst(folder: String, logger: Logger, diagnostics: DiagnosticCollector) async throws -> Bool {
    let location = PipelineLocation(pipeline)
    guard (try? PipelineConfigLoader.load(path: location.configFile))?.fetch != nil else { return true }
    let config: FetchConfig
    do {
      config = try FetchConfig.load(pipeline: pipeline, outFolder: folder)
    } catch {
      ProcessEnvironment.printError("slackscore run: \(error)")
      throw ExitCode(78)
    }
    let summary: FetchSummary
    do {
      let lock = try StageLock.acquire(folder: folder)
      defer { withExtendedLifetime(lock) {} }
      summary = try await FetchStage(config: config, logger: logger, diagnostics: diagnostics).run()
    }
    logger.info("\(FetchCommand.describe(summary, folder: config.output))")
    return !summary.nothingFetched
  }
}

/// The fetch stage had work and fetched nothing (its diagnostics say why).
struct FetchFailed: Error, CustomStringConvertible {
  var description: String { "fetch: nothing could be fetched (see the diagnostics)" }
}
