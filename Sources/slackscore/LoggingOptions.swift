import ArgumentParser
import Logging
import Pipeline

#if canImport(Glibc)
  import Glibc
#endif

/// `--verbose` / `--quiet`, shared by every subcommand. Only the CLI makes a `Logger`;
/// libraries receive one.
struct LoggingOptions: ParsableArguments {
  @Flag(name: .shortAndLong, help: "Say more on stderr (debug level).")
  var verbose = false

  @Flag(name: .shortAndLong, help: "Print only errors on stderr.")
  var quiet = false

  /// Whether stderr is a terminal (progress bars and info messages only then).
  var stderrIsTerminal: Bool { isatty(2) == 1 }

  /// A logger writing to stderr, one line per message (`slackscore: warning: …`), above any
  /// progress line. Level: debug with --verbose, error with --quiet, info on a terminal,
  /// error otherwise (so cron stays silent unless something fails; the run's diagnostics
  /// are printed as one block whatever the level, see ``DiagnosticsOutput``).
  func makeLogger(label: String = "slackscore") -> Logger {
    var logger = Logger(label: label) { _ in LineLogHandler() }
    if verbose {
      logger.logLevel = .debug
    } else if quiet {
      logger.logLevel = .error
    } else {
      logger.logLevel = stderrIsTerminal ? .info : .error
    }
    return logger
  }
}

/// `slackscore: LEVEL: message` on stderr (`info` without a level word), metadata as
/// `key=value` after the message.
struct LineLogHandler: LogHandler {
  var logLevel: Logger.Level = .info
  var metadata: Logger.Metadata = [:]

  subscript(metadataKey key: String) -> Logger.Metadata.Value? {
    get { metadata[key] }
    set { metadata[key] = newValue }
  }

  func log(event: LogEvent) {
    var text = "slackscore: "
    let message = "\(event.message)"
    // A formatted diagnostic (`file:line: warning: … [code]`) carries its own severity word.
    let carriesSeverity = [": error: ", ": warning: ", ": note: "].contains { message.contains($0) }
    switch carriesSeverity ? .info : event.level {
    case .info, .notice: break
    case .trace, .debug: text += "debug: "
    case .warning: text += "warning: "
    case .error, .critical: text += "error: "
    }
    text += message
    let all = metadata.merging(event.metadata ?? [:]) { $1 }
    if !all.isEmpty {
      text += " " + all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
    }
    TerminalLine.printAbove(text)
  }
}
