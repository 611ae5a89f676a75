import ArgumentParser

/// `slackscore report`.
struct ReportCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Write the HTML report from campaigns.json."
  )

  @OptionGroup var logging: LoggingOptions

  func run() async throws {
    throw ValidationError("'report' is not built yet.")
  }
}
