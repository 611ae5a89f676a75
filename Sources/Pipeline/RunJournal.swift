import Foundation
public import PipelineConfiguration
import Scoring
import SlackscoreCore

/// Lets each stage command, run by make one at a time, record itself in `run.json`.
///
/// `slackscore run` writes run.json itself; under `make run` every stage is its own process,
/// so each merges its own entry into the file (atomically), and `slackscore finish-run`
/// closes it. The parse stage, first in the chain, starts a fresh journal with the inputs it
/// read. Until the run is closed, its status is `running`.
public enum RunJournal {
  /// Merges one stage's record into the run.json at `path`.
  ///
  /// - Parameters:
  ///   - startsRun: true for the first stage: the journal is started anew with `inputs`.
  ///   - failure: the one-line failure, when the stage failed.
  ///   - shards: which inputs' shards the stage made or reused.
  public static func record(
    _ stage: RunManifest.StageReport, at path: String, startsRun: Bool = false, inputs: [String] = [],
    failure: String? = nil, rejects: RunManifest.RejectsCount? = nil, shards: [ShardUse]? = nil
  ) throws {
    var manifest: RunManifest
    if !startsRun, let existing = read(path) {
      manifest = existing
    } else {
      let folder = FileSystem.parent(of: path)
      let name = folder.split(separator: "/").last.map(String.init) ?? folder
      manifest = RunManifest(
        pipeline: name, startedAt: RunClock.utcTimestamp(), versions: ["slackscore": SlackscoreVersion.current])
      manifest.inputs = inputs.map { input in
        let digest = try? FileDigest.sha256(input)
        return RunManifest.InputFile(path: input, bytes: digest?.bytes ?? 0, sha256: digest?.hex ?? "")
      }
    }
    if let rejects { manifest.rejects = rejects }
    if let shards { manifest.shards = ShardUse.merging(shards, into: manifest.shards ?? []) }
    manifest.stages.removeAll { $0.name == stage.name }
    manifest.stages.append(stage)
    let order = ["config", "fetch", "parse", "extract", "score", "report"]
    manifest.stages.sort { (order.firstIndex(of: $0.name) ?? 99) < (order.firstIndex(of: $1.name) ?? 99) }
    manifest.finishedAt = nil
    manifest.status = failure == nil ? "running" : "failed"
    manifest.failure = failure
    manifest.tallyDiagnostics()
    try PipelineRun.writeManifest(manifest, to: path)
  }

  /// Closes the run: status `ok` (or `failed` under `strict` when warnings were recorded),
  /// the outputs present. Returns the manifest.
  public static func finish(at path: String, strict: Bool, known: [KnownProblem] = []) throws -> RunManifest {
    guard var manifest = read(path) else {
      throw RunFailure(stage: "finish", message: "\(path): no run.json to close (run the stages first)")
    }
    for i in manifest.stages.indices {
      manifest.stages[i].diagnosticList = KnownProblem.apply(known, to: manifest.stages[i].diagnosticList)
    }
    let folder = FileSystem.parent(of: path)
    manifest.outputs = PipelineRun.outputs.map { folder + "/" + $0 }.filter { FileSystem.exists($0) || $0 == path }
    manifest.finishedAt = RunClock.utcTimestamp()
    manifest.strict = strict ? true : nil
    manifest.tallyDiagnostics()
    // Every stage recorded here finished (a failed stage leaves its target out of date, so
    // make re-runs it before this step): the status follows from the diagnostics alone.
    let serious = manifest.warningsOrWorse
    if strict && serious > 0 {
      manifest.status = "failed"
      manifest.failure = StrictFailure(count: serious).description
    } else {
      manifest.status = "ok"
      manifest.failure = nil
    }
    try PipelineRun.writeManifest(manifest, to: path)
    return manifest
  }

  /// Marks the run at `path` failed (a stage under make exited non-zero), so it does not
  /// stay `running`.
  public static func fail(at path: String, reason: String) throws {
    guard var manifest = read(path), manifest.status == "running" else { return }
    manifest.status = "failed"
    manifest.failure = reason
    manifest.finishedAt = RunClock.utcTimestamp()
    try PipelineRun.writeManifest(manifest, to: path)
  }

  /// The run.json at `path`, when it can be read.
  public static func manifest(at path: String) -> RunManifest? { read(path) }

  static func read(_ path: String) -> RunManifest? {
    guard let bytes = try? FileSystem.readAll(path) else { return nil }
    return try? JSONCoding.decoder().decode(RunManifest.self, from: Data(bytes))
  }
}
