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
      Reads pipelines/FOLDER/pipeline.yml, out/FOLDER/documents.jsonl and out/FOLDER/ctas.jsonl, \
      plus the outcome and interaction CSVs the config names, and writes out/FOLDER/campaigns.json \
      and out/FOLDER/campaigns.csv, holding out/FOLDER/.lock meanwhile. Problems in the inputs are \
      printed as one block on stderr and listed in campaigns.json. Exit status 0 on success, 1 \
      when the run could not finish (or warnings under --strict), 75 when another run holds the \
      folder, 78 for a bad config or a CSV the config names that is missing.
      """
  )

  @Option(help: "The pipeline folder (pipelines/FOLDER) or its pipeline.yml.")
  var pipeline: String

  @Option(help: "Documents from `slackscore parse` (default: out/FOLDER/documents.jsonl).")
  var documents: String?

  @Option(help: "Calls to action from `slackscore extract` (default: out/FOLDER/ctas.jsonl).")
  var ctas: String?

  @Option(help: "Output folder (default: out/FOLDER).")
  var out: String?

  @Option(
    help:
      "Merge this shard folder first (from parse/extract --shards) into the output folder's documents.jsonl, rejects.jsonl and ctas.jsonl, and score those."
  )
  var shards: String?

  @Option(
    help:
      "Name the files in the output folder in campaigns.json as if they were in this folder (a copy of a run elsewhere gives the same bytes)."
  )
  var outputNamedAs: String?

  @Option(
    help:
      "With --shards: the shards to merge, in order, as 'slackscore parse --shards' prints them (default: the pipeline's inputs)."
  )
  var shardList: String?

  @Flag(help: "Fail (exit 1) when any diagnostic is a warning or worse (also STRICT=1).")
  var strict = false

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
      let location = PipelineLocation(pipeline)
      let folder = try out ?? location.defaultOutput(name: PipelineConfigLoader.load(path: location.configFile).name)
      let lock = try StageLock.acquire(folder: folder)
      defer { withExtendedLifetime(lock) {} }
      for name in StaleTemporaries.remove(in: folder) { logger.info("removed \(folder)/\(name), left by a killed run") }
      var options = options
      options.outputNamedAs = outputNamedAs
      let progress = StageProgress(enabled: logging.stderrIsTerminal && !logging.quiet)
      options.progress = { progress.update("score", $0) }
      defer { progress.clear() }
      if let shards {
        try FileSystem.createDirectories(folder)
        _ = try ShardMerge.all(try shardKeys(), folder: ShardFolder(shards), outputFolder: folder)
        options.documents = folder + "/documents.jsonl"
        options.ctas = folder + "/ctas.jsonl"
      }
      let result = try ScoreStage.run(options: options, logger: logger, diagnostics: diagnostics)
      progress.clear()
      if journal.path == nil {
        DiagnosticsOutput.printBlock(
          result.report.diagnostics, title: "slackscore score: diagnostics", fullList: result.campaignsJSON)
      }
      logger.info("wrote \(result.campaignsJSON) and \(result.campaignsCSV)")
      try journal.record(
        stage: "score", seconds: RunClock.now() - started,
        counts: [
          "campaigns": result.report.campaigns.count, "discovered": result.report.discoveredCampaigns.count,
          "documents_assigned": result.report.counts.documentsAssigned,
        ], diagnostics: result.report.diagnostics.count, list: result.report.diagnostics)
      let serious = result.report.diagnostics.filter { $0.severity >= .warning }.count
      if journal.path == nil && DiagnosticsOutput.strict(strict) && serious > 0 {
        throw StrictFailure(count: serious)
      }
    } catch {
      throw DiagnosticsOutput.fail(error, command: "score")
    }
  }

  /// The shards `--shard-list` names, else those of the pipeline's inputs.
  private func shardKeys() throws -> [ShardKey] {
    guard let shardList else { return try PipelineRun.check(pipeline: pipeline).check.inputs.map(ShardKey.of) }
    var keys: [ShardKey] = []
    for (number, line) in try String(decoding: FileSystem.readAll(shardList), as: UTF8.self)
      .split(separator: "\n").enumerated() where !line.isEmpty
    {
      guard let key = ShardKey(listed: String(line)) else {
        throw ValidationError(
          "\(shardList):\(number + 1): not a shard line (NAME<TAB>INPUT, as 'slackscore parse --shards' prints)")
      }
      keys.append(key)
    }
    return keys
  }
}
