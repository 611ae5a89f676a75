import ArgumentParser
import Pipeline
import PipelineConfiguration
import SlackscoreCore

/// `slackscore finish-run`: closes the run.json the stage commands wrote under make, and
/// prints every stage's diagnostics as one block (what `slackscore run` prints at its end).
struct FinishRunCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "finish-run",
    abstract: "Close a run.json written stage by stage (make run's last step).",
    shouldDisplay: false
  )

  @Option(name: .customLong("run-json"), help: "The run.json the stages recorded themselves in.")
  var path: String

  @Option(help: "The pipeline folder: its known_problems are lowered to notes.")
  var pipeline: String?

  @Flag(help: "Fail (exit 1) when any diagnostic is a warning or worse (also STRICT=1).")
  var strict = false

  @Option(help: "Mark the run failed with this one-line reason (a stage failed under make).")
  var failed: String?

  func run() async throws {
    if let failed {
      try? RunJournal.fail(at: path, reason: failed)
      return
    }
    do {
      let known = try pipeline.map {
        try PipelineConfigLoader.load(path: PipelineLocation($0).configFile).knownProblems
      }
      let manifest = try RunJournal.finish(at: path, strict: DiagnosticsOutput.strict(strict), known: known ?? [])
      DiagnosticsOutput.printBlock(manifest.allDiagnostics, title: "slackscore run: diagnostics", fullList: path)
      if manifest.status == "failed" { throw RunFailure(stage: "run", message: manifest.failure ?? "failed") }
    } catch let failure as RunFailure {
      ProcessEnvironment.printError("slackscore run: \(failure.message)")
      throw ExitCode.failure
    } catch {
      throw DiagnosticsOutput.fail(error, command: "run")
    }
  }
}
