import ArchiveReader
import CTAExtraction
import DocumentParser
import Foundation
public import Logging
import PipelineConfiguration
import Report
import Scoring
import SlackscoreCore

/// What `slackscore run` is asked to do.
public struct RunOptions: Sendable {
  /// `pipelines/NAME` (the folder) or its `pipeline.yml`.
  public var pipeline: String
  /// Default: `out/NAME`.
  public var outputFolder: String?
  /// Worker threads for parse and extract.
  public var jobs: Int
  /// Paths under this folder are written relative to it (no machine path in outputs).
  public var displayRoot: String?
  /// Versions to record in run.json (the CLI knows its own).
  public var versions: [String: String]

  public init(
    pipeline: String, outputFolder: String? = nil, jobs: Int, displayRoot: String? = nil,
    versions: [String: String] = [:]
  ) {
    self.pipeline = pipeline
    self.outputFolder = outputFolder
    self.jobs = jobs
    self.displayRoot = displayRoot
    self.versions = versions
  }
}

/// A stage failed; the message is the one line cron mails.
public struct RunFailure: Error, CustomStringConvertible, Sendable {
  public var stage: String
  public var message: String
  public var description: String { "\(stage) failed: \(message)" }
}

/// Runs parse → extract → score → report for one pipeline in one process, under a lock,
/// writing every output atomically and `run.json` last.
///
/// Fetching is a separate step (`slackscore fetch`, run by `make run` when the pipeline
/// has a `fetch:` section), so an offline pipeline never touches the network.
public enum PipelineRun {
  /// The files a run writes, relative to the output folder.
  public static let outputs = [
    "documents.jsonl", "rejects.jsonl", "ctas.jsonl", "campaigns.json", "campaigns.csv", "report.html", "run.json",
  ]

  /// Runs every stage. Throws `RunLock.Busy` when another run holds the lock, a
  /// `ConfigError` for a bad config, and `RunFailure` when a stage fails; `run.json`
  /// records the failure in that last case.
  @discardableResult
  public static func run(options: RunOptions, logger: Logger, progress: StageProgress) throws -> RunManifest {
    let configPath =
      options.pipeline.hasSuffix(".yml") || options.pipeline.hasSuffix(".yaml")
      ? options.pipeline : options.pipeline + "/pipeline.yml"
    let config = try PipelineConfigLoader.load(path: configPath)
    let pipelineFolder = FileSystem.parent(of: configPath)
    let out = options.outputFolder ?? "out/\(config.name)"
    try FileSystem.createDirectories(out)
    let lock = try RunLock(path: out + "/.lock")
    defer { withExtendedLifetime(lock) {} }

    var manifest = RunManifest(pipeline: config.name, startedAt: RunClock.utcTimestamp(), versions: options.versions)
    let paths = PipelinePaths(pipelineFolder: pipelineFolder)
    let inputs = config.inputs.flatMap { paths.expand($0) }
    manifest.inputs = inputs.map { path in
      RunManifest.InputFile(path: path, bytes: FileSystem.size(of: path) ?? 0, sha256: fingerprint(path))
    }
    let documents = out + "/documents.jsonl"
    let ctas = out + "/ctas.jsonl"

    func stage(_ name: String, _ body: () throws -> ([String: Int], Int)) throws {
      progress.begin(name)
      let started = RunClock.now()
      do {
        let (counts, diagnostics) = try body()
        manifest.stages.append(
          RunManifest.StageReport(
            name: name, seconds: rounded(RunClock.now() - started), counts: counts, diagnostics: diagnostics))
        progress.end(name, summary: counts)
      } catch {
        let failure = RunFailure(stage: name, message: "\(error)")
        manifest.status = "failed"
        manifest.failure = failure.description
        manifest.finishedAt = RunClock.utcTimestamp()
        try? writeManifest(manifest, to: out + "/run.json")
        throw failure
      }
    }

    guard !inputs.isEmpty else {
      let failure = RunFailure(stage: "inputs", message: "no input files match \(config.inputs) (from \(configPath))")
      manifest.status = "failed"
      manifest.failure = failure.description
      try? writeManifest(manifest, to: out + "/run.json")
      throw failure
    }

    try stage("parse") {
      let summary = try ParseStage.run(
        inputs: inputs, output: documents, rejects: out + "/rejects.jsonl", jobs: options.jobs, logger: logger,
        progress: { progress.update("parse", records: $0, bytes: $1) })
      var counts = ["documents": summary.documents, "empty_documents": summary.emptyDocuments]
      counts["records_parsed"] = summary.tally.parsed
      counts["records_skipped"] = summary.tally.skippedTotal
      counts["records_rejected"] = summary.tally.rejectedTotal
      return (counts, summary.rejectLines)
    }
    try stage(ExtractStage.name) {
      let diagnostics = DiagnosticCollector()
      let summary = try ExtractStage.run(
        documents: documents, output: ctas, jobs: options.jobs, diagnostics: diagnostics, logger: logger)
      for d in diagnostics.diagnostics { logger.warning("\(d.formatted)") }
      return (
        ["documents": summary.records.parsed, "ctas": summary.ctas, "boilerplate": summary.boilerplate],
        diagnostics.diagnostics.count
      )
    }
    var scored: ScoreResult?
    try stage(ScoreStage.name) {
      let diagnostics = DiagnosticCollector()
      let result = try ScoreStage.run(
        options: ScoreOptions(
          pipeline: configPath, documents: documents, ctas: ctas, outputFolder: out, displayRoot: options.displayRoot),
        logger: logger, diagnostics: diagnostics)
      scored = result
      return (
        [
          "campaigns": result.report.campaigns.count, "discovered": result.report.discoveredCampaigns.count,
          "documents_assigned": result.report.counts.documentsAssigned,
        ], result.report.diagnostics.count
      )
    }
    try stage(ReportStage.name) {
      try ReportStage.write(report: scored!.report, to: out + "/report.html")
      return (["campaigns": scored!.report.campaigns.count], 0)
    }
    manifest.status = "ok"
    manifest.finishedAt = RunClock.utcTimestamp()
    manifest.outputs = outputs.map { out + "/" + $0 }
    try writeManifest(manifest, to: out + "/run.json")
    return manifest
  }

  /// Writes run.json atomically.
  public static func writeManifest(_ manifest: RunManifest, to path: String) throws {
    var bytes = Array(try JSONCoding.prettyEncoder().encode(manifest))
    bytes.append(0x0A)
    try AtomicFileWriter.write(bytes, to: path)
  }

  private static func fingerprint(_ path: String) -> String {
    (try? FileSystem.readAll(path)).map { SHA256.hex($0) } ?? ""
  }

  private static func rounded(_ seconds: Double) -> Double { (seconds * 1000).rounded() / 1000 }
}
