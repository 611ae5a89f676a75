import Foundation
import Scoring
import SlackscoreCore
import TestSupport
import Testing

/// Whole-stage golden test on the committed sample pipeline. On mismatch the first
/// differing lines are printed; `SLACKSCORE_UPDATE_GOLDEN=1 swift test --filter Golden`
/// rewrites `Fixtures/expected/`.
@Suite struct GoldenTests {
  @Test(arguments: ["campaigns.json", "campaigns.csv"])
  func sampleMatchesGolden(file: String) throws {
    let out = try Fixtures.temporaryFolder()
    defer { Fixtures.remove(out) }
    _ = try ScoreStage.run(options: Fixtures.sampleOptions(out: out), logger: Fixtures.logger)
    let actual = String(decoding: try Fixtures.read(out + "/" + file), as: UTF8.self)
    let expectedPath = Fixtures.expected + "/" + file
    if ProcessInfo.processInfo.environment["SLACKSCORE_UPDATE_GOLDEN"] == "1" {
      try AtomicFileWriter.write(actual, to: expectedPath)
      return
    }
    let expected = String(decoding: try Fixtures.read(expectedPath), as: UTF8.self)
    #expect(
      actual == expected,
      "\(file) differs from Fixtures/expected (SLACKSCORE_UPDATE_GOLDEN=1 to accept):\n\(Fixtures.diff(expected: expected, actual: actual))"
    )
  }

  @Test func twoRunsAreByteIdentical() throws {
    let a = try Fixtures.temporaryFolder()
    let b = try Fixtures.temporaryFolder()
    defer { Fixtures.remove(a, b) }
    _ = try ScoreStage.run(options: Fixtures.sampleOptions(out: a), logger: Fixtures.logger)
    _ = try ScoreStage.run(options: Fixtures.sampleOptions(out: b), logger: Fixtures.logger)
    #expect(try Fixtures.read(a + "/campaigns.json") == Fixtures.read(b + "/campaigns.json"))
    #expect(try Fixtures.read(a + "/campaigns.csv") == Fixtures.read(b + "/campaigns.csv"))
  }

  @Test func outputConformsToSchema() throws {
    let out = try Fixtures.temporaryFolder()
    defer { Fixtures.remove(out) }
    _ = try ScoreStage.run(options: Fixtures.sampleOptions(out: out), logger: Fixtures.logger)
    let schema = try JSONValue.parse(Fixtures.read(Fixtures.repositoryRoot + "/schemas/campaigns.schema.json"))
    let document = try JSONValue.parse(Fixtures.read(out + "/campaigns.json"))
    let errors = JSONSchemaCheck(root: schema).errors(document)
    #expect(errors.isEmpty, "\(errors.prefix(20).joined(separator: "\n"))")
    #expect(document["schema_version"]?.string == CampaignsReport.currentSchemaVersion)
  }

  @Test func schemaCheckRejectsBrokenOutput() throws {
    let schema = try JSONValue.parse(Fixtures.read(Fixtures.repositoryRoot + "/schemas/campaigns.schema.json"))
    let broken = try JSONValue.parse(Array(#"{"schema_version": "1.0.0", "campaigns": [{"id": "Bad Id"}]}"#.utf8))
    let errors = JSONSchemaCheck(root: schema).errors(broken)
    #expect(errors.contains { $0.contains("missing required method") })
    #expect(errors.contains { $0.contains("does not match") })
  }

  @Test func reportDecodesBack() throws {
    let out = try Fixtures.temporaryFolder()
    defer { Fixtures.remove(out) }
    let result = try ScoreStage.run(options: Fixtures.sampleOptions(out: out), logger: Fixtures.logger)
    let decoded = try ScoreStage.decode(Fixtures.read(out + "/campaigns.json"))
    #expect(decoded == result.report)
  }

  @Test func sampleFigures() throws {
    let diagnostics = DiagnosticCollector()
    let loaded = try ScoreStage.loadInputs(
      options: Fixtures.sampleOptions(out: "unused"), logger: Fixtures.logger, diagnostics: diagnostics)
    let report = ScoreStage.makeReport(inputs: loaded.inputs, inputFiles: loaded.files, diagnostics: diagnostics)
    let byID = Dictionary(uniqueKeysWithValues: report.campaigns.map { ($0.id, $0) })
    let hutan = try #require(byID["hutan-adat"])
    #expect(hutan.documents.total == 5 && hutan.documents.unique == 3)
    #expect(hutan.interactions["likes"]?.total == 2600)  // max(2000, 2100) for the syndicated pair + 500
    #expect(hutan.interactions["shares"]?.total == 1300)  // latest capture 900 + 400
    #expect(hutan.interactions["views"]?.total == 55000)  // export rows, duplicate row once
    let signatures = try #require(hutan.outcomes.first { $0.kind == "signatures" })
    #expect(signatures.value == 5600)
    #expect(signatures.sources.first?.series.map(\.increment) == [nil, 3600, 800])
    let banjir = try #require(byID["dana-banjir"])
    let funds = try #require(banjir.outcomes.first { $0.kind == "funds" })
    #expect(funds.value == nil && funds.valueBase == 61_500_000 + 1500 * 15700)
    let usd = try #require(funds.sources.first { $0.currency == "USD" })
    #expect(usd.normalised?.rate == 15700 && usd.normalised?.rateAsOf == "2024-01-15")
    let tambang = try #require(byID["tolak-tambang"])
    let turnout = try #require(tambang.outcomes.first { $0.kind == "turnout" })
    #expect(turnout.value == 250 && turnout.valueHigh == 900)
    #expect(tambang.caveats.contains { $0.code == "spike-without-outcome-movement" })
    #expect(tambang.quadrant.label == "loud-but-idle")
    let plastik = try #require(byID["sampah-plastik"])
    #expect(plastik.ratios.allSatisfy { $0.value == nil && $0.nullReason != nil })
    #expect(plastik.caveats.contains { $0.code == "outcome-csv-only" })
    #expect(report.discoveredCampaigns.map(\.id).contains("discovered-petisi-example-id-pantai-bersih"))
    #expect(report.diagnostics.contains { $0.file == "outcomes.csv" && $0.line == 9 && $0.column == 3 })
  }
}

/// A second opinion from a full JSON Schema implementation, when the machine has one
/// (python3 with `jsonschema`); skipped silently otherwise, since CI machines may lack it.
@Suite struct ExternalSchemaTests {
  @Test func fullValidatorAgreesWhenAvailable() throws {
    let script = """
      import json, sys
      try:
          import jsonschema
      except ImportError:
          print("skip"); sys.exit(0)
      schema = json.load(open(sys.argv[1])); doc = json.load(open(sys.argv[2]))
      try:
          jsonschema.Draft202012Validator.check_schema(schema)
      except Exception as e:
          print("invalid schema: %s" % e); sys.exit(0)
      errors = [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(doc)]
      print("ok" if not errors else "\\n".join(errors[:10]))
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", "-c", script, Fixtures.repositoryRoot + "/schemas/campaigns.schema.json",
      Fixtures.expected + "/campaigns.json",
    ]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return }
    let output = String(decoding: ChildProcess.readAll(pipe.fileHandleForReading), as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return }
    let verdict = output.trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(verdict == "ok" || verdict == "skip", "\(verdict)")
  }
}
