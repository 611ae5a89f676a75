import Foundation
import Pipeline
import Testing

/// The default pipeline end to end, through the real binary.
@Suite(.serialized) struct RunCommandTests {
  static let outputs = [
    "documents.jsonl", "rejects.jsonl", "ctas.jsonl", "campaigns.json", "campaigns.csv", "report.html",
  ]

  @Test func defaultPipelineGivesByteIdenticalOutputsWhateverTheThreadCount() throws {
    let one = try CommandRunner.temporaryFolder()
    let two = try CommandRunner.temporaryFolder()
    let first = try CommandRunner.run(["run", "--pipeline", "pipelines/default", "--out", one, "--jobs", "1"])
    let second = try CommandRunner.run(["run", "--pipeline", "pipelines/default", "--out", two, "--jobs", "2"])
    #expect(first.status == 0, "\(first.stderr)")
    #expect(second.status == 0, "\(second.stderr)")
    // Quiet on success when stderr is not a terminal (cron).
    #expect(first.stderr.isEmpty, "\(first.stderr)")
    #expect(first.stdout.isEmpty)
    for name in Self.outputs {
      // campaigns.json lists its input files, here the two different output folders.
      let a = CommandRunner.replacing(
        one, in: try String(contentsOfFile: one + "/" + name, encoding: .utf8), with: "OUT")
      let b = CommandRunner.replacing(
        two, in: try String(contentsOfFile: two + "/" + name, encoding: .utf8), with: "OUT")
      #expect(!a.isEmpty || name == "rejects.jsonl", "\(name) is empty")
      #expect(a == b, "\(name) differs between --jobs 1 and --jobs 2")
    }
    // No temporary file is left behind.
    let left = try FileManager.default.contentsOfDirectory(atPath: one).filter { $0.contains(".tmp-") }
    #expect(left.isEmpty)
    // run.json says what ran.
    let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: one + "/run.json")))
    let object = try #require(manifest as? [String: Any])
    #expect(object["status"] as? String == "ok")
    let stages = (object["stages"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
    #expect(stages == ["parse", "extract", "score", "report"])
    // No machine path leaks into the data files.
    let campaigns = try String(contentsOfFile: one + "/campaigns.json", encoding: .utf8)
    #expect(!campaigns.contains(CommandRunner.packageRoot))
  }

  @Test func anOverlappingRunExitsAtOnceWithCode75() throws {
    let out = try CommandRunner.temporaryFolder()
    let lock = try RunLock(path: out + "/.lock")
    let result = try CommandRunner.run(["run", "--pipeline", "pipelines/default", "--out", out])
    withExtendedLifetime(lock) {}
    #expect(result.status == 75)
    #expect(result.stderr.contains("another slackscore run holds"))
    #expect(!FileManager.default.fileExists(atPath: out + "/documents.jsonl"))
  }

  @Test func aBadConfigNamesFileLineAndKey() throws {
    let folder = try CommandRunner.temporaryFolder()
    let config = folder + "/pipeline.yml"
    try """
    name: broken
    inputs:
      - corpus/warc/*.warc.gz
    campaigns:
      - id: x
        name: "X"
        period: { from: "Jan 2024", to: "2024-12-31" }
    """.write(toFile: config, atomically: true, encoding: .utf8)
    let result = try CommandRunner.run(["run", "--pipeline", folder, "--out", folder + "/out"])
    #expect(result.status == 78)
    #expect(result.stderr.contains("pipeline.yml:7"), "\(result.stderr)")
    #expect(result.stderr.contains("period.from"), "\(result.stderr)")
  }

  @Test func helpTeachesTheStages() throws {
    let result = try CommandRunner.run(["--help"])
    #expect(result.status == 0)
    for stage in ["fetch", "index", "parse", "extract", "score", "report", "run"] {
      #expect(result.stdout.contains(stage))
    }
  }

  /// A paragraph of a command's discussion must be one string (lines joined with `\\`): a line
  /// break inside it shows as a short line in the middle of the wrapped help.
  @Test(arguments: [
    "index", "parse", "extract", "train-cta", "eval-cta", "score", "report", "fetch", "run", "inputs", "show",
    "export",
  ])
  func helpParagraphsWrapWhole(_ command: String) throws {
    let result = try CommandRunner.run([command, "--help"])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for i in lines.indices.dropFirst().dropLast() {
      let (before, line, after) = (lines[i - 1], lines[i], lines[i + 1])
      let brokenEarly =
        before.count > 60 && !line.isEmpty && line.count < 50 && !after.isEmpty && !after.hasPrefix(" ")
        && !line.hasPrefix(" ") && !before.hasPrefix(" ")
      #expect(!brokenEarly, "'\(command) --help' breaks a paragraph after '\(line)'")
    }
  }
}
