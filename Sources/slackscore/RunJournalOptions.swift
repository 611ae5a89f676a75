import ArgumentParser
import Pipeline
import SlackscoreCore

/// `--run-json PATH`, shared by the stage commands: record the stage in a run.json
/// (what `make run` does, one stage per process). With it, a stage leaves printing the
/// diagnostics block to `slackscore finish-run`, which prints every stage's at once.
struct RunJournalOptions: ParsableArguments {
  @Option(name: .customLong("run-json"), help: "Record this stage's counts and duration in this run.json.")
  var path: String?

  /// Records the stage when --run-json was given.
  func record(
    stage: String, seconds: Double, counts: [String: Int], diagnostics: Int, list: [Diagnostic] = [],
    startsRun: Bool = false, inputs: [String] = [], rejects: RunManifest.RejectsCount? = nil,
    shards: [ShardUse]? = nil
  ) throws {
    guard let path else { return }
    try RunJournal.record(
      RunManifest.StageReport(
        name: stage, seconds: (seconds * 1000).rounded() / 1000, counts: counts, diagnostics: diagnostics,
        list: list.sorted(by: Diagnostic.listedBefore)),
      at: path, startsRun: startsRun, inputs: inputs, rejects: rejects, shards: shards)
  }
}
