import ArchiveReader
import CTAExtraction
import DocumentParser
import Foundation
public import Logging
public import PipelineConfiguration
import Report
import Scoring
public import SlackscoreCore

/// What `slackscore run` is asked to do.
public struct RunOptions: Sendable {
  /// `pipelines/NAME` (the folder) or its `pipeline.yml`.
  public var pipeline: String
  /// Default: `out/FOLDER` (the pipeline folder's name, as under make).
  public var outputFolder: String?
  /// Worker threads for parse and extract.
  public var jobs: Int
  /// Paths under this folder are written relative to it (no machine path in outputs).
  public var displayRoot: String?
  /// Versions to record in run.json (the CLI knows its own).
  public var versions: [String: String]
  /// Warnings fail the run (recorded in run.json; the CLI exits 1).
  public var strict: Bool

  public init(
    pipeline: String, outputFolder: String? = nil, jobs: Int, displayRoot: String? = nil,
    versions: [String: String] = [:], strict: Bool = false
  ) {
    self.pipeline = pipeline
    self.outputFolder = outputFolder
    self.jobs = jobs
    self.displayRoot = displayRoot
    self.versions = versions
    self.strict = strict
  }
}

/// A stage failed; the message is the one line cron mails.
public struct RunFailure: Error, CustomStringConvertible, Sendable {
  public var stage: String
  public var message: String
  public var description: String { "\(stage) failed: \(message)" }

  public init(stage: String, message: String) {
    self.stage = stage
    self.message = message
  }
}

/// The run finished, but `--strict` was given and warnings (or worse) were found.
public struct StrictFailure: Error, CustomStringConvertible, Sendable {
  public var count: Int

  public init(count: Int) { self.count = count }

  public var description: String {
    "\(count) diagnostic\(count == 1 ? "" : "s") at warning or worse under --strict (listed above, in run.json and in report.html)"
  }
}

/// Runs parse → extract → score → report for one pipeline in one process, under a lock,
/// writing every output atomically and `run.json` first (status `running`) and last.
///
/// Fetching is a separate step (`slackscore fetch`, run by `make run` when the pipeline
/// has a `fetch:` section), so an offline pipeline never touches the network.
public enum PipelineRun {
  /// The files a run writes, relative to the output folder.
  public static let outputs = [
    "documents.jsonl", "rejects.jsonl", "ctas.jsonl", "campaigns.json", "campaigns.csv", "report.html", "run.json",
  ]

  /// Loads and checks the config and every file it names, before anything is read: throws
  /// a ``ConfigError`` (exit 78) naming the line of `pipeline.yml`, the paths tried and a
  /// close match.
  public static func check(
    pipeline: String
  ) throws(ConfigError) -> (
    config: PipelineConfig, location: PipelineLocation, check: PipelineCheck
  ) {
    let location = PipelineLocation(pipeline)
    let config = try PipelineConfigLoader.load(path: location.configFile)
    let check = try PipelineCheck.run(config, configFile: location.configFile)
    return (config, location, check)
  }

  /// Runs every stage. Throws `RunLock.Busy` when another run holds the lock, a
  /// `ConfigError` for a bad config or a missing input, `RunFailure` when a stage fails and
  /// `StrictFailure` when `strict` is set and warnings were found; `run.json` records the
  /// last two. Every stage's diagnostics end up in `diagnostics`.
  @discardableResult
  public static func run(
    options: RunOptions, logger: Logger, progress: StageProgress,
    diagnostics: DiagnosticCollector = DiagnosticCollector()
  ) throws -> RunManifest {
    let (config, location, checked) = try check(pipeline: options.pipeline)
    let configPath = location.configFile
    let out = options.outputFolder ?? location.defaultOutput(name: config.name)
    try FileSystem.createDirectories(out)
    let lock = try RunLock(path: out + "/.lock")
    defer { withExtendedLifetime(lock) {} }
    for name in StaleTemporaries.remove(in: out) { logger.info("removed \(out)/\(name), left by a killed run") }
    diagnostics.emit(contentsOf: checked.notes)

    var manifest = RunManifest(pipeline: config.name, startedAt: RunClock.utcTimestamp(), versions: options.versions)
    manifest.strict = options.strict ? true : nil
    // Marked `running` until the end, so a killed run never leaves an `ok` beside new files.
    try writeManifest(manifest, to: out + "/run.json")
    let inputs = checked.inputs
    // Every input hashed once (streamed): its shards' name and its line in run.json.
    let keys = inputs.map { try? ShardKey.of($0) }
    manifest.inputs = zip(inputs, keys).map { path, key in
      let file = key?.isFile == true ? key : nil
      return RunManifest.InputFile(path: path, bytes: file?.bytes ?? 0, sha256: file?.sha256 ?? "")
    }
    let shards = ShardFolder(out + "/shards")
    for name in StaleTemporaries.remove(in: shards.path) {
      logger.info("removed \(shards.path)/\(name), left by a killed run")
    }
    let documents = out + "/documents.jsonl"
    let ctas = out + "/ctas.jsonl"
    if !checked.notes.isEmpty {
      manifest.stages.append(
        RunManifest.StageReport(name: "config", seconds: 0, counts: [:], diagnostics: 0, list: checked.notes))
    }

    func stage(_ name: String, _ body: () throws -> ([String: Int], [Diagnostic])) throws {
      progress.begin(name)
      let started = RunClock.now()
      do {
        let (counts, raw) = try body()
        let found = KnownProblem.apply(config.knownProblems, to: raw)
        diagnostics.emit(contentsOf: found)
        manifest.stages.append(
          RunManifest.StageReport(
            name: name, seconds: rounded(RunClock.now() - started), counts: counts, diagnostics: found.count,
            list: found.sorted(by: Diagnostic.listedBefore)))
        manifest.tallyDiagnostics()
        try? writeManifest(manifest, to: out + "/run.json")
        progress.end(name, summary: counts)
      } catch {
        progress.clear()
        let failure = RunFailure(stage: name, message: "\(error)")
        manifest.status = "failed"
        manifest.failure = failure.description
        manifest.finishedAt = RunClock.utcTimestamp()
        manifest.tallyDiagnostics()
        try? writeManifest(manifest, to: out + "/run.json")
        throw failure
      }
    }

    let rejectsPath = out + "/rejects.jsonl"
    try stage("parse") {
      let summary = try ParseShards.run(
        zip(inputs, keys).map { path, key in try key ?? ShardKey.of(path) }, folder: shards, output: documents,
        rejects: rejectsPath, jobs: options.jobs, logger: logger,
        progress: { progress.update("parse", records: $0, bytes: $1) })
      manifest.shards = summary.uses
      var counts = ["documents": summary.documents, "empty_documents": summary.emptyDocuments]
      counts["records_parsed"] = summary.tally.parsed
      counts["records_skipped"] = summary.tally.skippedTotal
      counts["records_rejected"] = summary.tally.rejectedTotal
      let (found, rejectedRecords) = RejectsFile.diagnostics(at: rejectsPath)
      counts["rejects_lines"] = found.count
      manifest.rejects = RunManifest.RejectsCount(
        file: rejectsPath, lines: found.count, recordsRejected: rejectedRecords,
        readerDiagnostics: found.count - rejectedRecords)
      return (counts, found)
    }
    try stage(ExtractStage.name) {
      let extracted = try ExtractShards.run(
        keys.compactMap { $0 }, folder: shards, output: ctas, detector: CTADetector.load(),
        settings: ExtractShards.defaultSettings, jobs: options.jobs, logger: logger,
        progress: { progress.update(ExtractStage.name, "\($0) documents read") })
      manifest.shards = ShardUse.merging(extracted.uses, into: manifest.shards ?? [])
      let summary = extracted.summary
      return (
        ["documents": summary.records.parsed, "ctas": summary.ctas, "boilerplate": summary.boilerplate],
        extracted.diagnostics
      )
    }
    var scored: ScoreResult?
    try stage(ScoreStage.name) {
      let found = DiagnosticCollector()
      var scoreOptions = ScoreOptions(
        pipeline: configPath, documents: documents, ctas: ctas, outputFolder: out, displayRoot: options.displayRoot)
      scoreOptions.progress = { progress.update(ScoreStage.name, $0) }
      let result = try ScoreStage.run(options: scoreOptions, logger: logger, diagnostics: found)
      scored = result
      return (
        [
          "campaigns": result.report.campaigns.count, "discovered": result.report.discoveredCampaigns.count,
          "documents_assigned": result.report.counts.documentsAssigned,
        ], result.report.diagnostics
      )
    }
    let runDiagnostics = diagnostics.diagnostics
    try stage(ReportStage.name) {
      try ReportStage.write(report: scored!.report, runDiagnostics: runDiagnostics, to: out + "/report.html")
      return (["campaigns": scored!.report.campaigns.count], [])
    }
    manifest.finishedAt = RunClock.utcTimestamp()
    manifest.outputs = outputs.map { out + "/" + $0 }
    manifest.tallyDiagnostics()
    let serious = diagnostics.count(atLeast: .warning)
    if options.strict && serious > 0 {
      let failure = StrictFailure(count: serious)
      manifest.status = "failed"
      manifest.failure = failure.description
      try writeManifest(manifest, to: out + "/run.json")
      throw failure
    }
    manifest.status = "ok"
    try writeManifest(manifest, to: out + "/run.json")
    return manifest
  }

  /// Writes run.json atomically.
  public static func writeManifest(_ manifest: RunManifest, to path: String) throws {
    var bytes = Array(try JSONCoding.prettyEncoder().encode(manifest))
    bytes.append(0x0A)
    try AtomicFileWriter.write(bytes, to: path)
  }

  private static func rounded(_ seconds: Double) -> Double { (seconds * 1000).rounded() / 1000 }
}

/// Reads the parse stage's `rejects.jsonl` back as diagnostics: each rejected record
/// (stage `parse`, code = reason) and each reader warning (its own stage and code).
public enum RejectsFile {
  struct Line: Decodable {
    var file: String?
    var offset: Int?
    var reason: String
    var message: String?
    var stage: String?
    var recordId: String?
  }

  /// The diagnostics in `path` (none when it is missing), and how many of them are rejected
  /// records (the other lines are the reader's warnings). Lines that cannot be read are skipped.
  public static func diagnostics(at path: String) -> (diagnostics: [Diagnostic], rejectedRecords: Int) {
    let decoder = JSONCoding.decoder()
    var result: [Diagnostic] = []
    var rejected = 0
    try? JSONCoding.forEachLine(in: path) { bytes, _ in
      guard let line = try? decoder.decode(Line.self, from: Data(bytes)) else { return }
      if line.message == nil { rejected += 1 }
      let stage = line.stage ?? "parse"
      let message =
        line.message
        ?? "record \(line.recordId.map { "\($0) " } ?? "")rejected: \(line.reason); not in documents.jsonl"
      result.append(
        Diagnostic(
          severity: .warning, stage: stage, file: line.file, offset: line.offset, code: line.reason,
          message: message))
    }
    return (result, rejected)
  }
}
