import Foundation
import Pipeline
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Killed runs, stale temporaries and the lock every writing stage takes (issue #12).
@Suite(.serialized) struct InterruptedRunTests {
  /// Starts `slackscore ARGUMENTS` and kills it with SIGKILL after `milliseconds`.
  static func runKilled(_ arguments: [String], after milliseconds: Int) throws -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CommandRunner.binary)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: CommandRunner.packageRoot)
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    usleep(UInt32(milliseconds * 1000))
    let wasRunning = process.isRunning
    if wasRunning { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
    return wasRunning
  }

  @Test func aKilledRunNeverLeavesAnOkRunJsonAndTheRerunIsCleanAndIdentical() throws {
    let out = try CommandRunner.temporaryFolder()
    let arguments = ["run", "--pipeline", "pipelines/default", "--out", out, "--jobs", "2"]
    var generator = SystemRandomNumberGenerator()
    var killedMidway = 0
    for _ in 0..<5 {
      let wait = Int.random(in: 20...1500, using: &generator)
      let killed = try Self.runKilled(arguments, after: wait)
      guard killed else { continue }
      killedMidway += 1
      // A killed run's run.json says it was running (or is the previous finished one, with
      // every output it names present).
      if let data = FileManager.default.contents(atPath: out + "/run.json"),
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
      {
        let status = object["status"] as? String
        #expect(status == "running" || status == "ok", "\(object)")
      }
    }
    // A temporary of a dead process, as kill -9 leaves it.
    try "partial".write(toFile: out + "/documents.jsonl.tmp-999999", atomically: true, encoding: .utf8)
    let rerun = try CommandRunner.run(arguments)
    #expect(rerun.status == 0, "\(rerun.stderr)")
    let left = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.contains(".tmp-") }
    #expect(left.isEmpty, "\(left)")
    let csv = try String(contentsOfFile: out + "/campaigns.csv", encoding: .utf8)
    let golden = try String(
      contentsOfFile: CommandRunner.packageRoot + "/Tests/CLITests/Golden/default/campaigns.csv", encoding: .utf8)
    #expect(csv == golden)
    let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/run.json")))
    #expect((manifest as? [String: Any])?["status"] as? String == "ok")
    _ = killedMidway
  }

  @Test func aStandaloneScoreTakesTheFolderLock() throws {
    let out = try CommandRunner.temporaryFolder()
    let first = try CommandRunner.run(["run", "--pipeline", "pipelines/default", "--out", out])
    #expect(first.status == 0, "\(first.stderr)")
    let lock = try RunLock(path: out + "/.lock")
    let score = try CommandRunner.run(["score", "--pipeline", "pipelines/default", "--out", out])
    withExtendedLifetime(lock) {}
    #expect(score.status == 75, "\(score.stderr)")
    #expect(score.stderr.contains("another slackscore run holds"))
  }

  @Test func staleTemporariesOfLiveProcessesAreKept() throws {
    let folder = try CommandRunner.temporaryFolder()
    let mine = "campaigns.json.tmp-\(getpid())"
    let dead = "campaigns.json.tmp-999999"
    for name in [mine, dead, "notes.txt"] {
      try "x".write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
    }
    let removed = StaleTemporaries.remove(in: folder)
    #expect(removed == [dead])
    let left = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    #expect(left == [mine, "notes.txt"].sorted())
  }
}
