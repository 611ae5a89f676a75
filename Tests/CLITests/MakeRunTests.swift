import Foundation
import TestSupport
import Testing

/// `make run` as cron runs it, with the debug binary (a BIN given on the command line is never
/// rebuilt by make).
@Suite(.serialized) struct MakeRunTests {
  static func make(_ folder: String, out: String, _ extra: [String] = []) throws -> CommandRunner.Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    let binary = CommandRunner.binary
    process.arguments =
      [
        "make", "-s", "--no-print-directory", "-o", binary, "run", "BIN=\(binary)", "PIPELINE_DIR=\(folder)",
        "OUT=\(out)",
      ]
      + extra
    process.currentDirectoryURL = URL(fileURLWithPath: CommandRunner.packageRoot)
    let err = Pipe()
    process.standardOutput = FileHandle.nullDevice
    process.standardError = err
    try process.run()
    let data = ChildProcess.readAll(err.fileHandleForReading)
    process.waitUntilExit()
    return CommandRunner.Result(
      status: process.terminationStatus, stdout: "", stderr: String(decoding: data, as: UTF8.self))
  }

  static func modified(_ path: String) throws -> Date {
    try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as! Date
  }

  @Test func editingOutcomesReRunsOnlyScoreAndReport() throws {
    let folder = try MistakeTests.copyOfDefault()
    let out = folder + "/out"
    let first = try Self.make(folder, out: out)
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stderr.isEmpty, "\(first.stderr)")
    let before = try ["documents.jsonl", "ctas.jsonl", "campaigns.json", "report.html"].map {
      try Self.modified(out + "/" + $0)
    }
    Thread.sleep(forTimeInterval: 1.1)
    let outcomes = folder + "/outcomes.csv"
    try (String(contentsOfFile: outcomes, encoding: .utf8)).write(toFile: outcomes, atomically: true, encoding: .utf8)
    let second = try Self.make(folder, out: out)
    #expect(second.status == 0, "\(second.stderr)")
    let after = try ["documents.jsonl", "ctas.jsonl", "campaigns.json", "report.html"].map {
      try Self.modified(out + "/" + $0)
    }
    #expect(after[0] == before[0] && after[1] == before[1], "parse or extract re-ran")
    #expect(after[2] > before[2] && after[3] > before[3], "score and report did not re-run")
    let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/run.json")))
    let object = try #require(manifest as? [String: Any])
    #expect(object["status"] as? String == "ok")
    #expect(
      (object["stages"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == [
        "parse", "extract", "score", "report",
      ])
  }

  @Test func aConfigErrorUnderMakeIsTheCLIsOneLine() throws {
    let folder = try MistakeTests.copyOfDefault(config: {
      $0.replacingOccurrences(of: "outcomes: outcomes.csv", with: "outcomes: outcome.csv")
    })
    let result = try Self.make(folder, out: folder + "/out")
    #expect(result.status != 0)
    let lines = result.stderr.split(separator: "\n").filter { !($0.hasPrefix("make") && $0.contains(": *** ")) }
    #expect(lines.count == 1, "\(result.stderr)")
    let cli = try CommandRunner.run(["run", "--pipeline", folder, "--out", folder + "/out"])
    #expect(cli.stderr.split(separator: "\n").first.map(String.init) == lines.first.map(String.init))
  }

  @Test func strictUnderMakeFailsOnADataWarning() throws {
    let folder = try MistakeTests.copyOfDefault(outcomes: MistakeTests.dataMistakes[0].edit)
    let result = try Self.make(folder, out: folder + "/out", ["STRICT=1"])
    #expect(result.status != 0)
    #expect(result.stderr.contains("[unknown-campaign]"), "\(result.stderr)")
    let report = try String(contentsOfFile: folder + "/out/report.html", encoding: .utf8)
    #expect(report.contains("unknown-campaign"))
  }
}
