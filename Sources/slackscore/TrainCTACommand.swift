import ArgumentParser

/// `slackscore train-cta`.
struct TrainCTACommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "train-cta",
    abstract: "Train the call-to-action model from labelled sentences."
  )

  @OptionGroup var logging: LoggingOptions

  func run() async throws {
    throw ValidationError("'train-cta' is not built yet.")
  }
}
