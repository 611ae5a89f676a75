import ArgumentParser

/// `slackscore parse`.
struct ParseCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "parse",
    abstract: "Turn archived HTML into clean documents (documents.jsonl)."
  )

  @OptionGroup var logging: LoggingOptions

  func run() async throws {
    throw ValidationError("'parse' is not built yet.")
  }
}
