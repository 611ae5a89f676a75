import ArchiveReader
import Fetch
import Foundation
import SlackscoreCore
import TestSupport
import Testing

/// The built `slackscore` binary beside the test bundle, when there is one.
let slackscoreBinary: String? = {
  guard let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else { return nil }
  let candidate = FileSystem.parent(of: exe) + "/slackscore"
  return FileManager.default.isExecutableFile(atPath: candidate) ? candidate : nil
}()

@Suite struct KilledRunTests {
  private func writePipeline(_ folder: TemporaryFolder, server: TestHTTPServer, urls: [String]) throws -> String {
    let pipeline = folder.path + "/pipelines/kill"
    try FileManager.default.createDirectory(atPath: pipeline, withIntermediateDirectories: true)
    try urls.joined(separator: "\n").write(toFile: pipeline + "/urls.txt", atomically: true, encoding: .utf8)
    let yaml = """
      name: kill
      description: "killed-run test"
      inputs: [out/kill/raw/*.warc.gz]
      fetch:
        user_agent: "slackscore-test/0.1 (+mailto:data-desk@example.org)"
        output: \(folder.path)/raw
        per_host_delay_ms: 10
        per_host_concurrency: 1
        retries: 0
        allow_private_addresses: true
        timeouts: { connect_ms: 2000, read_ms: 2000 }
        live_file: urls.txt
      """
    try yaml.write(toFile: pipeline + "/pipeline.yml", atomically: true, encoding: .utf8)
    return pipeline
  }

  @Test(.enabled(if: slackscoreBinary != nil, "needs the slackscore binary (swift build --build-tests)"))
  func killedRunLeavesOnlyCompleteFilesAndTheNextRunCarriesOn() async throws {
    let server = try await TestHTTPServer.start()
    let folder = TemporaryFolder()
    defer { folder.cleanup() }
    // Enough slow URLs that the run cannot finish before the kill, however fast the machine.
    let urls = (0..<40).map { server.base + "/delay/100/\($0)" }
    let pipeline = try writePipeline(folder, server: server, urls: urls)

    let process = Process()
    process.executableURL = URL(fileURLWithPath: slackscoreBinary!)
    process.arguments = ["fetch", "--pipeline", pipeline, "--out", folder.path + "/out"]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    let clock = ContinuousClock()
    let deadline = clock.now + .seconds(20)
    // Kill once at least two fetches are in the `.part` file and more are under way.
    func partBytes() -> Int {
      folder.names("raw").filter { $0.hasSuffix(".part") }.compactMap {
        FileSystem.size(of: folder.path + "/raw/" + $0)
      }
      .reduce(0, +)
    }
    while (partBytes() < 2000 || server.hits(prefix: "/delay/") < 4) && clock.now < deadline && process.isRunning {
      // Poll without `await`: under a parallel test run the cooperative pool can be busy for
      // seconds, long enough for the child to finish before this task is scheduled again.
      usleep(10_000)
    }
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    #expect(process.terminationReason == .uncaughtSignal)

    // Only the `.part` file is there: nothing under a final name, and the index ignores it.
    let raw = folder.path + "/raw"
    let names = folder.names("raw")
    #expect(names.count == 1)
    #expect(names.allSatisfy { $0.hasSuffix(".warc.gz.part") })
    #expect(ArchivedIndex.load(folder: raw, diagnostics: DiagnosticCollector()).entries.isEmpty)

    // The next run recovers the complete records and fetches the rest.
    let config = try FetchConfig.load(pipeline: pipeline, outFolder: folder.path + "/out")
    let diagnostics = DiagnosticCollector()
    let summary = try await FetchStage(config: config, logger: quietLogger, diagnostics: diagnostics).run()
    await server.stop()
    #expect(summary.recoveredFiles.count == 1)
    #expect(diagnostics.diagnostics.map(\.code) == ["recovered-interrupted-warc"])
    #expect(summary.fetched + summary.skippedArchived == urls.count)
    #expect(summary.skippedArchived >= 2)
    #expect(summary.fetched >= 1)
    #expect(folder.names("raw").allSatisfy { $0.hasSuffix(".warc.gz") })
    #expect(folder.names("raw").count == 2)

    // Every URL is archived exactly once, every record intact.
    let records = try readFolder(raw)
    let responses = records.filter { $0.type == "response" }
    #expect(responses.compactMap { $0.header["WARC-Target-URI"] }.sorted() == urls.sorted())
    for record in records {
      #expect(record.header["WARC-Block-Digest"] == ContentDigest.sha1(record.block).description)
    }
  }

  @Test(.enabled(if: slackscoreBinary != nil, "needs the slackscore binary (swift build --build-tests)"))
  func commandExitsNonZeroWhenNothingCouldBeFetchedAndIsQuietOtherwise() async throws {
    let server = try await TestHTTPServer.start()
    let folder = TemporaryFolder()
    defer { folder.cleanup() }
    let pipeline = try writePipeline(folder, server: server, urls: [server.base + "/page/1"])
    let ok = try runCommand(["fetch", "--pipeline", pipeline, "--json"])
    #expect(ok.status == 0)
    #expect(ok.stderr.isEmpty)  // cron: silent on success
    #expect(ok.stdout.contains("\"fetched\" : 1"))

    let failing = try writePipeline(folder, server: server, urls: [server.base + "/always-500"])
    let bad = try runCommand(["fetch", "--pipeline", failing])
    #expect(bad.status != 0)
    #expect(bad.stderr.contains("always-500"))
    await server.stop()

    let yaml = folder.path + "/bad.yml"
    try "fetch:\n  user_agent: x\n  per_host_delai_ms: 5\n".write(toFile: yaml, atomically: true, encoding: .utf8)
    let config = try runCommand(["fetch", "--pipeline", yaml])
    #expect(config.status != 0)
    #expect(config.stderr.contains("bad.yml:3: unknown key 'per_host_delai_ms' in fetch"))
  }

  private func runCommand(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: slackscoreBinary!)
    process.arguments = arguments
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let (stdout, stderr) = ChildProcess.readBoth(out.fileHandleForReading, err.fileHandleForReading)
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
  }
}
