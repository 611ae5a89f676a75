import ArgumentParser

/// `slackscore score`.
struct ScoreCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "score",
    abstract: "Group documents into campaigns and score them (campaigns.json)."
  )

  @OptionGroup var logging: LoggingOptions

  func run() async throws {
    throw ValidationError("'score' is not built yet.")
  }
}
