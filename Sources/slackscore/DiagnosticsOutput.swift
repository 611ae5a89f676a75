import ArgumentParser
import Pipeline
import PipelineConfiguration
import Scoring
import SlackscoreCore

/// How every command ends: the run's diagnostics as one block on stderr, and a failure as
/// one line (`slackscore: …`) with the exit code cron and make act on. The same words
/// whether the command runs alone, from `slackscore run` or from make.
enum DiagnosticsOutput {
  /// Prints the block when any diagnostic is a warning or worse, even when stderr is not a
  /// terminal (cron mails it). `fullList` names where all of them are.
  static func printBlock(_ diagnostics: [Diagnostic], title: String, fullList: String? = nil) {
    let block = DiagnosticSummary.block(diagnostics, title: title, fullList: fullList)
    if !block.isEmpty { TerminalLine.printAbove(block) }
  }

  /// Whether `--strict` applies: the flag, or `STRICT=1` in the environment (make passes it).
  static func strict(_ flag: Bool) -> Bool {
    if flag { return true }
    guard let value = ProcessEnvironment.variable("STRICT") else { return false }
    return !["", "0", "false", "no"].contains(value.lowercased())
  }

  /// One line for `error` and its exit code: 78 a bad config or missing input file, 75 the
  /// output folder is locked, 1 anything else.
  static func fail(_ error: any Error, command: String? = nil) -> ExitCode {
    let prefix = "slackscore" + (command.map { " \($0)" } ?? "") + ": "
    switch error {
    case let config as ConfigError:
      // The same line whichever command (or make) met it.
      ProcessEnvironment.printError("slackscore: " + config.description)
      return ExitCode(78)
    case let busy as RunLock.Busy:
      ProcessEnvironment.printError(prefix + busy.description)
      return ExitCode(75)
    case let exit as ExitCode:
      return exit
    default:
      ProcessEnvironment.printError(prefix + "\(error)")
      return ExitCode.failure
    }
  }
}
