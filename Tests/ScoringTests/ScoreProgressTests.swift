import Foundation
import Scoring
import Synchronization
import Testing

/// `ScoreOptions.progress` is told each step of a score run, in order, and the outputs do not
/// depend on whether anyone listens.
@Suite struct ScoreProgressTests {
  @Test func stepsAreToldInOrderAndOutputsAreUnchanged() throws {
    let heard = try Fixtures.temporaryFolder()
    let silent = try Fixtures.temporaryFolder()
    defer { Fixtures.remove(heard, silent) }
    let messages = Mutex<[String]>([])
    var options = Fixtures.sampleOptions(out: heard)
    options.progress = { message in messages.withLock { $0.append(message) } }
    _ = try ScoreStage.run(options: options, logger: Fixtures.logger)
    _ = try ScoreStage.run(options: Fixtures.sampleOptions(out: silent), logger: Fixtures.logger)

    let told = messages.withLock { $0 }
    let steps = [
      "matching documents to campaigns", "near-duplicate clusters", "campaign 1 of", "discovering campaigns",
      "writing campaigns.json",
    ]
    let places = steps.map { step in told.firstIndex { $0.hasPrefix(step) } }
    #expect(places.allSatisfy { $0 != nil }, "\(told)")
    #expect(places.compactMap { $0 } == places.compactMap { $0 }.sorted())
    #expect(try Fixtures.read(heard + "/campaigns.json") == Fixtures.read(silent + "/campaigns.json"))
  }
}
