import ArgumentParser

/// `slackscore run`.
struct RunCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Run every stage of a pipeline in one process."
  )

  @OptionGroup var logging: LoggingOptions

  func run() async throws {
    throw ValidationError("'run' is not built yet.")
  }
}
