import ArgumentParser
import CTAExtraction
import Logging
import Pipeline
import Scoring
import SlackscoreCore

/// `slackscore extract`: calls to action from documents.
struct ExtractCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "extract",
    abstract: "Find calls to action in documents (ctas.jsonl).",
    discussion: """
      Reads JSON Lines whose objects have at least "id" and "text" ("url", "lang", "site_name", \
      "links" optional; documents.jsonl from 'slackscore parse' fits) and writes one call to action \
      per line: doc_id, sentence, start/end (Unicode scalar offsets into text), lang, category, \
      effort, target, cues, confidence, boilerplate, and reported: true for asks the text only \
      reports or quotes (the score stage does not count them; --no-reported leaves them out). \
      Output order: document order, then offset. Bad input lines, and lines longer than \
      --max-line-bytes, are reported with file and line and skipped; the rest is processed.

      With --shards DIR the arguments are the archives given to 'slackscore parse --shards DIR': \
      each one's documents shard is searched into DIR/SHA256-TAG.extract-v1.jsonl.gz (candidates \
      before boilerplate marking) unless that shard is already there; -o then marks boilerplate \
      across all of them and writes the calls to action (the same bytes as without --shards).
      """
  )

  @Argument(help: "Documents (JSON Lines); - for standard input. With --shards: the archives.")
  var inputs: [String]

  @Option(
    name: .shortAndLong,
    help: "Where to write the calls to action; - for standard output (the default without --shards).")
  var output: String?

  @Option(help: "Make (or reuse) one shard per archive in this folder, from its parse shard.")
  var shards: String?

  @Option(help: "Model file (default: the bundled weights).")
  var model: String?

  @Option(help: "Documents of one site that must repeat a call to action for it to count as boilerplate.")
  var boilerplateMin = 3

  @Option(
    help:
      "Keep calls to action at or above this confidence (default: the thresholds stored in the model, \(CTATrainingOptions().thresholdsDescription) in the bundled weights, and on English pages the page stage's own; a value given here replaces them all)."
  )
  var minConfidence: Double?

  @Option(help: "Threads (0: all cores). The output does not depend on it.")
  var jobs = 0

  @Flag(inversion: .prefixedNo, help: "Also write reported or quoted asks, with reported: true.")
  var reported = true

  @Option(help: "Longest input line read, in bytes; longer lines are reported and skipped.")
  var maxLineBytes = ExtractStage.defaultMaxLineBytes

  @OptionGroup var logging: LoggingOptions

  @OptionGroup var journal: RunJournalOptions

  func validate() throws {
    if shards == nil && inputs.count != 1 {
      throw ValidationError("Give one documents file (or --shards DIR and archives).")
    }
    guard boilerplateMin >= 2 else { throw ValidationError("--boilerplate-min must be at least 2.") }
    guard jobs >= 0 else { throw ValidationError("--jobs must not be negative.") }
    guard maxLineBytes > 0 else { throw ValidationError("--max-line-bytes must be positive.") }
    if let minConfidence, !(0...1).contains(minConfidence) {
      throw ValidationError("--min-confidence must be between 0 and 1.")
    }
  }

  func run() async throws {
    let logger = logging.makeLogger()
    let diagnostics = DiagnosticCollector()
    let started = RunClock.now()
    let detector = try CTADetector.load(modelPath: model).with(threshold: minConfidence)
    let summary: ExtractSummary
    var uses: [ShardUse]?
    let progress = StageProgress(enabled: logging.stderrIsTerminal && !logging.quiet)
    let told = { (lines: Int) in progress.update(ExtractStage.name, "\(lines) documents read") }
    if let shards {
      let modelSettings = try model.map { "model=\(try FileDigest.sha256($0).hex)" } ?? "model=bundled"
      let sharded = try ExtractShards.run(
        inputs.map(ShardKey.of), folder: ShardFolder(shards), output: output, detector: detector,
        settings: modelSettings + ";min-confidence=\(minConfidence.map { "\($0)" } ?? "default")",
        boilerplate: BoilerplateMarker(minDocuments: boilerplateMin), jobs: jobs, reported: reported,
        maxLineBytes: maxLineBytes, logger: logger, progress: told)
      diagnostics.emit(contentsOf: sharded.diagnostics)
      summary = sharded.summary
      uses = sharded.uses
    } else {
      let input = inputs[0]
      guard input == "-" || FileSystem.exists(input) else { throw ValidationError("\(input): no such file.") }
      summary = try ExtractStage.run(
        documents: input, output: output ?? "-", detector: detector,
        boilerplate: BoilerplateMarker(minDocuments: boilerplateMin), jobs: jobs, reported: reported,
        maxLineBytes: maxLineBytes, diagnostics: diagnostics,
        logger: logger, progress: told)
    }
    progress.clear()
    for diagnostic in diagnostics.diagnostics { logger.warning("\(diagnostic.formatted)") }
    logger.notice("\(summary.line)")
    if summary.records.parsed == 0 && summary.records.rejectedTotal > 0 { throw ExitCode.failure }
    try journal.record(
      stage: "extract", seconds: RunClock.now() - started,
      counts: ["documents": summary.records.parsed, "ctas": summary.ctas, "boilerplate": summary.boilerplate],
      diagnostics: diagnostics.diagnostics.count, shards: uses)
  }
}
