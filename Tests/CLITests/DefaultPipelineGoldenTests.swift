import Foundation
import Testing

/// The sample pipeline's campaigns.json and campaigns.csv against committed copies: any change
/// in parse, extract or score that moves a published figure shows up here as a diff to review.
/// `SLACKSCORE_UPDATE_GOLDEN=1 swift test --filter DefaultPipelineGolden` rewrites them.
@Suite struct DefaultPipelineGoldenTests {
  static let golden = CommandRunner.packageRoot + "/Tests/CLITests/Golden/default"

  @Test(arguments: ["campaigns.json", "campaigns.csv"])
  func sampleOutputsMatchTheCommittedCopies(file: String) throws {
    let out = try CommandRunner.temporaryFolder() + "/out"
    let result = try CommandRunner.run(["run", "--pipeline", "pipelines/default", "--out", out])
    try #require(result.status == 0, "\(result.stderr)")
    // Input paths inside campaigns.json name the output folder; make them stable.
    let produced = CommandRunner.replacing(
      out, in: try String(contentsOfFile: out + "/" + file, encoding: .utf8), with: "out/default")
    let expectedPath = Self.golden + "/" + file
    if ProcessInfo.processInfo.environment["SLACKSCORE_UPDATE_GOLDEN"] == "1" {
      try FileManager.default.createDirectory(atPath: Self.golden, withIntermediateDirectories: true)
      try produced.write(toFile: expectedPath, atomically: true, encoding: .utf8)
    }
    let expected = try String(contentsOfFile: expectedPath, encoding: .utf8)
    if produced != expected {
      // Beside the build, not in the temporary folder: kept after the run for the diff.
      let actualFolder = CommandRunner.packageRoot + "/.build/golden-actual"
      try FileManager.default.createDirectory(atPath: actualFolder, withIntermediateDirectories: true)
      let actualPath = actualFolder + "/" + file
      try produced.write(toFile: actualPath, atomically: true, encoding: .utf8)
      Issue.record("\(file) differs from the golden copy; see: git diff --no-index \(expectedPath) \(actualPath)")
    }
  }
}
