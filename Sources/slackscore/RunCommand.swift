import ArgumentParser
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
      Reads pipelines/NAME/pipeline.yml and writes out/NAME/: documents.jsonl,
      rejects.jsonl, ctas.jsonl, campaigns.json, campaigns.csv, report.html and run.json.
      Every file is written to a temporary name and renamed, so readers never see half a file.

      Fit for cron: quiet on success (unless --verbose), one line on stderr and a non-zero
      exit when something fails, and a lock (out/NAME/.lock) so an overlapping run exits at
      once with code 75. A progress line is drawn only when stderr is a terminal.

      Exit codes: 0 ok, 1 a stage failed, 75 another run holds the lock, 78 bad config.

      Example crontab line (every night at 02:30, mail only on failure):
        30 2 * * *  cd /srv/slackscore && make run PIPELINE=default
      """
  )

  @Option(help: "The pipeline folder (holding pipeline.yml).")
  var pipeline: String = "pipelines/default"

  @Option(name: .customLong("out"), help: "Output folder (default: out/NAME).")
  var outputFolder: String?

  @Option(help: "Worker threads for parse and extract (default: all cores).")
  var jobs: Int?

  @OptionGroup var logging: LoggingOptions

  func validate() throws {
    if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
  }

  func run() async throws {
    let logger = logging.makeLogger()
    let options = RunOptions(
      pipeline: pipeline, outputFolder: outputFolder, jobs: jobs ?? Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))),
      displayRoot: ProcessEnvironment.currentDirectory(), versions: ["slackscore": SlackscoreVersion.current])
    let progress = logging.quiet ? StageProgress(enabled: false) : StageProgress.automatic
    do {
      let manifest = try PipelineRun.run(options: options, logger: logger, progress: progress)
      let seconds = manifest.stages.map(\.seconds).reduce(0, +)
      logger.info(
        "run ok: \(manifest.pipeline) in \(seconds) s; outputs in \(outputFolder ?? "out/\(manifest.pipeline)")")
    } catch let busy as RunLock.Busy {
      ProcessEnvironment.printError("slackscore run: \(busy)")
      throw ExitCode(75)
    } catch let config as ConfigError {
      ProcessEnvironment.printError("slackscore run: \(config)")
      throw ExitCode(78)
    } catch {
      ProcessEnvironment.printError("slackscore run: \(error)")
      throw ExitCode.failure
    }
  }
}
