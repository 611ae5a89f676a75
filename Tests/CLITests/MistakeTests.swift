import Foundation
import Testing

/// The mistakes a newsroom desk makes when it copies pipelines/default and edits it (issue
/// #15), each through the real binary: a clear message naming the file and line, a non-zero
/// exit under --strict, an entry in run.json and a line in report.html's diagnostics section.
@Suite(.serialized) struct MistakeTests {
  /// A copy of pipelines/default in a fresh folder named `desk`, edited by `edit`.
  static func copyOfDefault(
    outcomes: (String) -> String = { $0 }, interactions: (String) -> String = { $0 },
    config: (String) -> String = { $0 }
  ) throws -> String {
    let folder = try CommandRunner.temporaryFolder() + "/desk"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let source = CommandRunner.packageRoot + "/pipelines/default/"
    func copy(_ name: String, _ edit: (String) -> String) throws {
      let text = try String(contentsOfFile: source + name, encoding: .utf8)
      try edit(text).write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
    }
    try copy("outcomes.csv", outcomes)
    try copy("interactions.csv", interactions)
    try copy("pipeline.yml", config)
    return folder
  }

  /// `slackscore run --strict` on the folder; returns the result, run.json and report.html.
  static func strictRun(_ folder: String) throws -> (CommandRunner.Result, [String: Any], String) {
    let out = folder + "/out"
    let result = try CommandRunner.run(["run", "--pipeline", folder, "--out", out, "--strict", "--jobs", "2"])
    let data = try Data(contentsOf: URL(fileURLWithPath: out + "/run.json"))
    let manifest = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let report = (try? String(contentsOfFile: out + "/report.html", encoding: .utf8)) ?? ""
    return (result, manifest, report)
  }

  struct DataMistake: CustomTestStringConvertible, Sendable {
    var name: String
    var edit: @Sendable (String) -> String
    var inInteractions = false
    /// Text the stderr line must hold (file:line…), the code counted in run.json.
    var location: String
    var code: String
    var hint: String?
    var testDescription: String { name }
  }

  static let dataMistakes: [DataMistake] = [
    DataMistake(
      name: "unknown campaign id",
      edit: { $0.replacingOccurrences(of: "\nlindungi-rimbo-tuo,signatures", with: "\nlindungi-rimbo,signatures") },
      location: "outcomes.csv:5:1", code: "unknown-campaign", hint: "did you mean \"lindungi-rimbo-tuo\"?"),
    DataMistake(
      name: "as_of written 25/10/2024",
      edit: { $0.replacingOccurrences(of: "18945,signatures,2024-04-10", with: "18945,signatures,25/10/2024") },
      location: "outcomes.csv:5:5", code: "bad-outcome-row", hint: "YYYY-MM-DD"),
    DataMistake(
      name: "a whole count written 1,5",
      edit: { $0.replacingOccurrences(of: "volunteers,146,people", with: "volunteers,\"1,5\",people") },
      location: "outcomes.csv:12:3", code: "bad-outcome-row"),
    DataMistake(
      name: "currency Rp",
      edit: { $0.replacingOccurrences(of: "1931550000,IDR", with: "1931550000,Rp") },
      location: "outcomes.csv:6:4", code: "bad-outcome-row", hint: "write IDR"),
    DataMistake(
      name: "kind petition",
      edit: {
        $0.replacingOccurrences(of: "lindungi-rimbo-tuo,signatures,18945", with: "lindungi-rimbo-tuo,petition,18945")
      },
      location: "outcomes.csv:5:2", code: "bad-outcome-row"),
    DataMistake(
      name: "unmatched interaction rows",
      edit: { $0 + "https://elsewhere.example.net/post/1,2024-05-11T20:14:00+07:00,kicau,10,2,1,100\n" },
      inInteractions: true, location: "interactions.csv:", code: "unmatched-interaction-rows"),
  ]

  @Test(arguments: dataMistakes)
  func aDataMistakeIsPrintedCountedListedAndFailsUnderStrict(_ mistake: DataMistake) throws {
    let folder =
      mistake.inInteractions
      ? try Self.copyOfDefault(interactions: mistake.edit) : try Self.copyOfDefault(outcomes: mistake.edit)
    let (result, manifest, report) = try Self.strictRun(folder)
    #expect(result.status == 1, "\(result.stderr)")
    // One block on stderr although stderr is not a terminal (cron), naming file and line.
    #expect(result.stderr.contains("slackscore run: diagnostics:"), "\(result.stderr)")
    let line = result.stderr.split(separator: "\n").first { $0.contains("[\(mistake.code)]") }
    #expect(line?.contains(mistake.location) == true, "\(result.stderr)")
    if let hint = mistake.hint { #expect(line?.contains(hint) == true, "\(result.stderr)") }
    #expect(result.stderr.split(separator: "\n").last?.hasPrefix("slackscore run: ") == true)
    // Counted in run.json, the run marked failed under --strict.
    let byCode = manifest["diagnostics_by_code"] as? [String: Int]
    #expect((byCode?[mistake.code] ?? 0) >= 1, "\(manifest)")
    #expect(manifest["status"] as? String == "failed")
    // Listed in the report.
    #expect(report.contains("<section id=\"diagnostics\">"))
    #expect(report.contains(mistake.code))
  }

  @Test func withoutStrictTheSameRunExitsZeroButStillPrintsTheBlock() throws {
    let folder = try Self.copyOfDefault(outcomes: Self.dataMistakes[0].edit)
    let out = folder + "/out"
    let result = try CommandRunner.run(["run", "--pipeline", folder, "--out", out])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("[unknown-campaign]"), "\(result.stderr)")
    let strictByEnvironment = try CommandRunner.run(
      ["run", "--pipeline", folder, "--out", out], environment: ["STRICT": "1"])
    #expect(strictByEnvironment.status == 1)
  }

  @Test func aGroupedNumberIsReadByTheDeclaredStyleOrRejectedWithItsCell() throws {
    // The default pipeline's base currency is IDR, so 1.931.550.000 reads as the id style says.
    let grouped = { (text: String) in text.replacingOccurrences(of: "1931550000,IDR", with: "1.931.550.000,IDR") }
    let folder = try Self.copyOfDefault(outcomes: grouped)
    let (result, _, _) = try Self.strictRun(folder)
    #expect(result.status == 0, "\(result.stderr)")
    let campaigns = try String(contentsOfFile: folder + "/out/campaigns.csv", encoding: .utf8)
    let golden = try String(
      contentsOfFile: CommandRunner.packageRoot + "/Tests/CLITests/Golden/default/campaigns.csv", encoding: .utf8)
    #expect(campaigns == golden)
    // Declared en, the same cell is rejected with file:line:column.
    let english = try Self.copyOfDefault(
      outcomes: grouped,
      config: {
        $0.replacingOccurrences(
          of: "outcomes: outcomes.csv", with: "outcomes: { path: outcomes.csv, number_style: en }")
      })
    let (rejected, _, _) = try Self.strictRun(english)
    #expect(rejected.status == 1)
    #expect(rejected.stderr.contains("outcomes.csv:6:3: error: value:"), "\(rejected.stderr)")
  }

  struct ConfigMistake: CustomTestStringConvertible, Sendable {
    var name: String
    var edit: @Sendable (String) -> String
    var expected: [String]
    var testDescription: String { name }
  }

  static let configMistakes: [ConfigMistake] = [
    ConfigMistake(
      name: "a typo'd input archive pattern",
      edit: { $0.replacingOccurrences(of: "corpus/warc/*.warc.gz", with: "corpus/warc/*.warcgz") },
      expected: [
        "pipeline.yml:6:", "inputs[0]", "matches no file", "tried ", "did you mean \"corpus/warc/*.warc.gz\"?",
      ]),
    ConfigMistake(
      name: "a missing input folder",
      edit: { $0.replacingOccurrences(of: "corpus/warc/*.warc.gz", with: "corpsu/warc/*.warc.gz") },
      expected: ["pipeline.yml:6:", "did you mean \"corpus/warc/*.warc.gz\"?"]),
    ConfigMistake(
      name: "a missing outcomes file",
      edit: { $0.replacingOccurrences(of: "outcomes: outcomes.csv", with: "outcomes: outcome.csv") },
      expected: ["pipeline.yml:7:", "outcomes[0]", "not found", "/desk/outcome.csv", "did you mean \"outcomes.csv\"?"]),
    ConfigMistake(
      name: "hashtags written as one string",
      edit: {
        $0.replacingOccurrences(of: "hashtags: [\"#LindungiRimboTuo\"]", with: "hashtags: \"#LindungiRimboTuo\"")
      },
      expected: ["pipeline.yml:", "hashtags", "write it as a list: hashtags: [\"#LindungiRimboTuo\"]"]),
    ConfigMistake(
      name: "an unknown key",
      edit: { $0.replacingOccurrences(of: "interactions: interactions.csv", with: "interaction: interactions.csv") },
      expected: ["pipeline.yml:8:", "did you mean `interactions`?"]),
    ConfigMistake(
      name: "collections nested too deep",
      edit: { $0 + "fetch: " + String(repeating: "[", count: 100_000) + "\n" },
      expected: ["pipeline.yml:", "nested", "YAMLLimits.maxDepth"]),
  ]

  @Test(arguments: configMistakes)
  func aConfigMistakeStopsTheRunBeforeParseWithOneLineAndCode78(_ mistake: ConfigMistake) throws {
    let folder = try Self.copyOfDefault(config: mistake.edit)
    let out = folder + "/out"
    let result = try CommandRunner.run(["run", "--pipeline", folder, "--out", out])
    #expect(result.status == 78, "\(result.stderr)")
    let lines = result.stderr.split(separator: "\n")
    #expect(lines.count == 1, "\(result.stderr)")
    for text in mistake.expected { #expect(result.stderr.contains(text), "\(text) not in: \(result.stderr)") }
    #expect(!FileManager.default.fileExists(atPath: out + "/documents.jsonl"))
    // `inputs` (make's first step) prints the same line with the same code.
    let check = try CommandRunner.run(["inputs", "--pipeline", folder])
    #expect(check.status == 78)
    #expect(check.stderr == result.stderr)
  }

  @Test func anOptionalInputThatMatchesNothingIsANote() throws {
    let folder = try Self.copyOfDefault(config: {
      $0.replacingOccurrences(
        of: "  - corpus/warc/*.warc.gz",
        with: "  - corpus/warc/*.warc.gz\n  - { path: extra/*.warc.gz, optional: true }")
    })
    let (result, manifest, _) = try Self.strictRun(folder)
    #expect(result.status == 0, "\(result.stderr)")
    #expect((manifest["diagnostics_by_code"] as? [String: Int])?["optional-input-missing"] == 1)
  }

  @Test func theOutputFolderIsNamedAfterThePipelineFolderWhateverItsName() throws {
    let folder = try Self.copyOfDefault(config: { $0.replacingOccurrences(of: "name: default", with: "name: other") })
    let result = try CommandRunner.run(["inputs", "--pipeline", folder, "--output-folder"])
    #expect(result.stdout == "out/desk\n")
  }

  @Test func versionIsPrintedAndRecorded() throws {
    let result = try CommandRunner.run(["--version"])
    #expect(result.status == 0)
    #expect(result.stdout.split(separator: ".").count == 3)
  }
}
