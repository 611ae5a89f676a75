import ArgumentParser

/// `slackscore extract`.
struct ExtractCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "extract",
    abstract: "Find calls to action in documents (ctas.jsonl)."
  )

  @OptionGroup var logging: LoggingOptions

  func run() async throws {
    throw ValidationError("'extract' is not built yet.")
  }
}
