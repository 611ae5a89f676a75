import ArgumentParser

/// `slackscore index`.
struct IndexCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "index",
    abstract: "List the records of WARC/ARC files as JSON lines (a CDXJ-like index)."
  )

  @OptionGroup var logging: LoggingOptions

  func run() async throws {
    throw ValidationError("'index' is not built yet.")
  }
}
