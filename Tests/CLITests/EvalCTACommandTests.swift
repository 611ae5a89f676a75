import Foundation
import Testing

/// `slackscore eval-cta`: the options of cross-validation reach the weights trained per fold.
@Suite struct EvalCTACommandTests {
  /// Recall of slice `slice` in eval-cta's report (`  team/id  n=… P=… R=0.682 …`).
  static func recall(of slice: String, in report: String) -> Double? {
    for line in report.split(separator: "\n") where line.hasPrefix("  \(slice) ") {
      guard let field = line.split(separator: " ").first(where: { $0.hasPrefix("R=") }) else { continue }
      return Double(field.dropFirst(2))
    }
    return nil
  }

  @Test func theThresholdReachesEveryFold() throws {
    func crossValidated(threshold: String) throws -> Double {
      let result = try CommandRunner.run([
        "eval-cta", "--data", "training/cta", "--folds", "2", "--epochs", "2", "--threshold", threshold,
      ])
      try #require(result.status == 0, "\(result.stderr)")
      return try #require(Self.recall(of: "team/id", in: result.stdout), "\(result.stdout)")
    }
    let lenient = try crossValidated(threshold: "0.01")
    let strict = try crossValidated(threshold: "0.99")
    #expect(strict < lenient, "recall at threshold 0.99: \(strict), at 0.01: \(lenient)")
  }

  @Test func aPageStageThresholdOutsideZeroToOneIsRefused() throws {
    let result = try CommandRunner.run(["eval-cta", "--data", "training/cta", "--page-stage-threshold", "2"])
    #expect(result.status != 0 && result.stderr.contains("--page-stage-threshold must be between 0 and 1"))
  }
}
