import ArgumentParser

/// `slackscore fetch`.
struct FetchCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fetch",
    abstract: "Fetch live pages and archived captures into WARC files."
  )

  @OptionGroup var logging: LoggingOptions

  func run() async throws {
    throw ValidationError("'fetch' is not built yet.")
  }
}
