import ArgumentParser
import Logging

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

  /// A logger writing to stderr. Level: debug with --verbose, error with --quiet,
  /// info on a terminal, error otherwise (so cron stays silent unless something fails;
  /// recoverable problems are in rejects.jsonl and run.json).
  func makeLogger(label: String = "slackscore") -> Logger {
    var logger = Logger(label: label) { StreamLogHandler.standardError(label: $0) }
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
