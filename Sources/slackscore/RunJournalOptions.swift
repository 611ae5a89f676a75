import ArgumentParser
import Pipeline

/// `--run-json PATH`, shared by the stage commands: record the stage in a run.json
/// (what `make run` does, one stage per process).
struct RunJournalOptions: ParsableArguments {
  @Option(name: .customLong("run-json"), help: "Record this stage's counts and duration in this run.json.")
  var path: String?

  /// Records the stage when --run-json was given; a failure to record is only logged.
  func record(
    stage: String, seconds: Double, counts: [String: Int], diagnostics: Int, startsRun: Bool = false,
    inputs: [String] = []
  ) throws {
    guard let path else { return }
    try RunJournal.record(
      RunManifest.StageReport(
        name: stage, seconds: (seconds * 1000).rounded() / 1000, counts: counts, diagnostics: diagnostics),
      at: path, startsRun: startsRun, inputs: inputs)
  }
}
