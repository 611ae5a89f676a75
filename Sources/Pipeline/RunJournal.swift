import Foundation
import SlackscoreCore

/// Lets each stage command, run by make one at a time, record itself in `run.json`.
///
/// `slackscore run` writes run.json in one go; under `make run` every stage is its own
/// process, so each merges its own entry into the file (atomically). The parse stage,
/// first in the chain, starts a fresh journal with the inputs it read.
public enum RunJournal {
  /// Merges one stage's record into the run.json at `path`.
  ///
  /// - Parameters:
  ///   - startsRun: true for the first stage: the journal is started anew with `inputs`.
  ///   - failure: the one-line failure, when the stage failed.
  public static func record(
    _ stage: RunManifest.StageReport, at path: String, startsRun: Bool = false, inputs: [String] = [],
    failure: String? = nil
  ) throws {
    var manifest: RunManifest
    if !startsRun, let bytes = try? FileSystem.readAll(path),
      let existing = try? JSONCoding.decoder().decode(RunManifest.self, from: Data(bytes))
    {
      manifest = existing
    } else {
      let folder = FileSystem.parent(of: path)
      let name = folder.split(separator: "/").last.map(String.init) ?? folder
      manifest = RunManifest(
        pipeline: name, startedAt: RunClock.utcTimestamp(), versions: ["slackscore": SlackscoreVersion.current])
      manifest.inputs = inputs.map { input in
        let bytes = (try? FileSystem.readAll(input)) ?? []
        return RunManifest.InputFile(path: input, bytes: bytes.count, sha256: SHA256.hex(bytes))
      }
    }
    manifest.stages.removeAll { $0.name == stage.name }
    manifest.stages.append(stage)
    let order = ["fetch", "parse", "extract", "score", "report"]
    manifest.stages.sort { (order.firstIndex(of: $0.name) ?? 99) < (order.firstIndex(of: $1.name) ?? 99) }
    manifest.finishedAt = RunClock.utcTimestamp()
    manifest.status = failure == nil ? "ok" : "failed"
    manifest.failure = failure
    let folder = FileSystem.parent(of: path)
    manifest.outputs = PipelineRun.outputs.map { folder + "/" + $0 }.filter { FileSystem.exists($0) || $0 == path }
    try PipelineRun.writeManifest(manifest, to: path)
  }
}
