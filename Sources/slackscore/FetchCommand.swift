import ArgumentParser
import Fetch
import Foundation
import Logging
import Pipeline
import PipelineConfiguration
import SlackscoreCore
import Synchronization

/// `slackscore fetch`: live pages and archived captures into WARC files.
struct FetchCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fetch",
    abstract: "Fetch live pages and archived captures into WARC files.",
    discussion: """
      Reads the fetch: section of PIPELINE/pipeline.yml (live URLs, CDX queries, politeness \
      settings) and writes WARC/1.1 files (one gzip member per record) into fetch.output, \
      by default out/NAME/raw/. A rerun fetches only what is not archived yet, and carries \
      on after a killed run. Quiet when stderr is not a terminal unless something failed; \
      exits non-zero when nothing could be fetched.
      """
  )

  @Option(name: .long, help: "Pipeline folder (or its pipeline.yml).")
  var pipeline = "pipelines/default"

  @Option(name: .long, help: "Output folder for the run (default: out/NAME); fetch.output is relative to it.")
  var out: String?

  @Flag(name: .long, help: "Print the run's counts as JSON on stdout.")
  var json = false

  @OptionGroup var logging: LoggingOptions

  func run() async throws {
    let logger = logging.makeLogger()
    let config: FetchConfig
    // Outputs go to out/FOLDER like every other stage's, whatever the config's name.
    let folder = out ?? PipelineLocation(pipeline).folderName.map { "out/" + $0 }
    do {
      config = try FetchConfig.load(pipeline: pipeline, outFolder: folder)
    } catch {
      ProcessEnvironment.printError("slackscore: \(error)")
      throw ExitCode(78)
    }
    let lock: RunLock?
    do {
      lock = try folder.map { try StageLock.acquire(folder: $0) } ?? nil
    } catch {
      throw DiagnosticsOutput.fail(error, command: "fetch")
    }
    defer { withExtendedLifetime(lock) {} }
    let diagnostics = DiagnosticCollector()
    let line = logging.stderrIsTerminal && !logging.quiet ? ProgressLine() : nil
    let stage = FetchStage(config: config, logger: logger, diagnostics: diagnostics) { summary in
      line?.show(summary)
    }
    let summary: FetchSummary
    do {
      summary = try await stage.run()
    } catch {
      line?.clear()
      logger.error("fetch: \(error)")
      throw ExitCode.failure
    }
    line?.clear()
    for diagnostic in diagnostics.diagnostics {
      // Warnings are logged at error level so that cron (whose logger shows errors only)
      // mails them too; the line carries its own severity word.
      switch diagnostic.severity {
      case .error, .warning: logger.error("\(diagnostic.formatted)")
      case .note: logger.info("\(diagnostic.formatted)")
      }
    }
    let text = Self.describe(summary, folder: config.output)
    if summary.problems > 0 { logger.error("\(text)") } else { logger.info("\(text)") }
    if json {
      let data = try JSONCoding.prettyEncoder().encode(summary)
      print(String(decoding: data, as: UTF8.self))
    }
    if summary.nothingFetched { throw ExitCode.failure }
  }

  static func describe(_ s: FetchSummary, folder: String) -> String {
    var parts = ["fetched \(s.fetched) (\(s.fetchedLive) live, \(s.fetchedCaptures) captures)"]
    if s.skippedArchived > 0 { parts.append("\(s.skippedArchived) already archived") }
    if s.skippedRobots > 0 { parts.append("\(s.skippedRobots) disallowed by robots.txt") }
    if s.refused > 0 { parts.append("\(s.refused) refused") }
    if s.failed > 0 { parts.append("\(s.failed) failed") }
    if s.cdxFailures > 0 { parts.append("\(s.cdxFailures) CDX queries failed") }
    if s.truncated > 0 { parts.append("\(s.truncated) truncated") }
    if s.digestsMatched + s.digestMismatches + s.digestsDechunked > 0 {
      parts.append(
        "capture digests: \(s.digestsMatched) equal to the CDX, \(s.digestsDechunked) de-chunked, "
          + "\(s.digestMismatches) different")
    }
    if s.skippedHostDown > 0 { parts.append("\(s.skippedHostDown) skipped (host down)") }
    var text = "fetch: " + parts.joined(separator: ", ")
    text +=
      "; \(s.recordsWritten) records, \(ProgressLine.bytes(s.bytesWritten)) in \(s.files.count) new file(s) in \(folder)"
    if !s.recoveredFiles.isEmpty { text += "; recovered \(s.recoveredFiles.count) interrupted file(s)" }
    return text
  }
}

/// A one-line progress display on stderr (terminals only), redrawn at most 10 times a second.
final class ProgressLine: Sendable {
  private let lastDraw = Mutex<ContinuousClock.Instant?>(nil)

  func show(_ s: FetchSummary) {
    let now = ContinuousClock.now
    let due = lastDraw.withLock { last -> Bool in
      if let last, now - last < .milliseconds(100), s.done < s.planned { return false }
      last = now
      return true
    }
    guard due else { return }
    let errors = s.failed + s.refused
    let text =
      "fetch: \(s.done)/\(s.planned) · \(s.fetched) fetched · \(s.skippedRobots) robots · \(errors) errors · "
      + ProgressLine.bytes(s.payloadBytes)
    FileHandle.standardError.write(Data("\r\u{1B}[2K\(text)".utf8))
  }

  func clear() { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }

  static func bytes(_ n: Int) -> String {
    if n < 1024 { return "\(n) B" }
    if n < 1 << 20 { return String(format: "%.1f KiB", Double(n) / 1024) }
    return String(format: "%.1f MiB", Double(n) / Double(1 << 20))
  }
}
