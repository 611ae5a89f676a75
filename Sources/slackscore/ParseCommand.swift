import ArgumentParser
import DocumentParser
import Logging
import Pipeline
import SlackscoreCore

#if canImport(Glibc)
  import Glibc
#endif

/// `slackscore parse`: archived pages to `documents.jsonl`.
struct ParseCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "parse",
    abstract: "Turn archived HTML into clean documents (documents.jsonl).",
    discussion: """
      Reads WARC/ARC files (plain or gzip), saved .html/.htm(.gz) pages, or folders of them, \
      and writes one JSON object per page: main text without boilerplate, metadata, links, \
      hashtags, mentions and the counters the page shows. Records that are not pages are \
      counted as skipped; pages that cannot be parsed are listed in the rejects file. \
      Output is in input order and identical whatever --jobs is.

      With --shards DIR, each input is parsed into its own shard, DIR/SHA256-TAG.parse-v1.jsonl.gz \
      (gzip JSON Lines, named by the input's content digest and a tag of its path), unless a shard \
      made by this binary with the same settings is already there; -o then writes the documents \
      of all shards in input order (the same bytes as without --shards). Without -o, one line per \
      input is printed: the shard name, a tab and the input (slackscore score --shard-list reads it).
      """
  )

  @Argument(help: "WARC/ARC/HTML files or folders.")
  var inputs: [String] = []

  @Option(name: .shortAndLong, help: "Output file; '-' for standard output.")
  var output: String?

  @Option(help: "Make (or reuse) one shard per input in this folder.")
  var shards: String?

  @Option(help: "Rejected records (JSON lines). Default: rejects.jsonl beside the output.")
  var rejects: String?

  @Flag(help: "Read input paths from standard input, one per line (after any given as arguments).")
  var pathsFromStdin = false

  @Option(help: "Worker threads (default: all cores).")
  var jobs: Int?

  @Option(help: "Largest page to parse, in bytes.")
  var maxPageBytes: Int = 32 << 20

  @Flag(help: .hidden)
  var libxml2Only = false

  /// Benchmark aid: times libxml2 alone against the full parse record by record, one job.
  @Flag(help: .hidden)
  var pairedFloor = false

  @OptionGroup var logging: LoggingOptions

  @OptionGroup var journal: RunJournalOptions

  func validate() throws {
    if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
    if inputs.isEmpty && !pathsFromStdin { throw ValidationError("Give at least one input, or --paths-from-stdin.") }
    if maxPageBytes < 1 { throw ValidationError("--max-page-bytes must be positive.") }
    if output == nil && shards == nil { throw ValidationError("Give -o FILE (or --shards DIR).") }
    if shards != nil && (libxml2Only || pairedFloor) { throw ValidationError("--shards makes full documents only.") }
  }

  func run() async throws {
    let logger = logging.makeLogger()
    var paths = inputs
    if pathsFromStdin {
      while let line = readLine(strippingNewline: true) {
        let path = line.trimmingCharacters()
        if !path.isEmpty { paths.append(path) }
      }
    }
    let summary: ParseSummary
    let started = RunClock.now()
    let progress = StageProgress(enabled: logging.stderrIsTerminal && !logging.quiet)
    let lock: RunLock?
    do {
      lock = try journal.path.map { try StageLock.acquire(folder: FileSystem.parent(of: $0)) } ?? nil
    } catch {
      throw DiagnosticsOutput.fail(error, command: "parse")
    }
    defer { withExtendedLifetime(lock) {} }
    if let path = journal.path {
      for folder in [FileSystem.parent(of: path)] + (shards.map { [$0] } ?? []) {
        for name in StaleTemporaries.remove(in: folder) {
          logger.info("removed \(folder)/\(name), left by a killed run")
        }
      }
    }
    var uses: [ShardUse]?
    do {
      if let shards {
        let keys = try paths.map(ShardKey.of)
        let sharded = try ParseShards.run(
          keys, folder: ShardFolder(shards), output: output, rejects: rejects,
          jobs: jobs ?? ParseStage.availableCores, limits: ParseLimits(maxPayloadBytes: maxPageBytes), logger: logger,
          progress: { progress.update("parse", records: $0, bytes: $1) })
        summary = ParseSummary(sharded)
        uses = sharded.uses
        if output == nil { for key in keys { print("\(key.name)\t\(key.input)") } }
      } else {
        summary = try ParseStage.run(
          inputs: paths, output: output!, rejects: rejects, jobs: jobs ?? ParseStage.availableCores,
          limits: ParseLimits(maxPayloadBytes: maxPageBytes),
          mode: libxml2Only ? .libxml2Only : (pairedFloor ? .pairedFloor : .full),
          logger: logger, progress: { progress.update("parse", records: $0, bytes: $1) })
      }
      progress.clear()
    } catch {
      progress.clear()
      throw DiagnosticsOutput.fail(error, command: "parse")
    }
    if logging.verbose || (logging.stderrIsTerminal && !logging.quiet) {
      ProcessEnvironment.printError(summary.line)
    }
    if let floor = summary.floorComparison {
      // Asked for explicitly, so printed even with --quiet (the benchmark reads it).
      ProcessEnvironment.printError(
        "parse: paired floor: full \(floor.fullSeconds) s, libxml2 alone \(floor.libxml2Seconds) s, "
          + "shared reading \(floor.sharedSeconds) s, ratio \(floor.ratio)")
    }
    guard let output else { return }
    let rejectsPath = rejects ?? ParseStage.defaultRejectsPath(for: output)
    let (found, rejectedRecords) = RejectsFile.diagnostics(at: rejectsPath)
    if journal.path == nil {
      DiagnosticsOutput.printBlock(found, title: "slackscore parse: diagnostics", fullList: rejectsPath)
    }
    try journal.record(
      stage: "parse", seconds: RunClock.now() - started,
      counts: [
        "documents": summary.documents, "empty_documents": summary.emptyDocuments,
        "records_parsed": summary.tally.parsed, "records_skipped": summary.tally.skippedTotal,
        "records_rejected": summary.tally.rejectedTotal, "rejects_lines": found.count,
      ], diagnostics: summary.rejectLines, list: found, startsRun: true, inputs: paths,
      rejects: RunManifest.RejectsCount(
        file: rejectsPath, lines: found.count, recordsRejected: rejectedRecords,
        readerDiagnostics: found.count - rejectedRecords), shards: uses)
    // Rejected records do not fail a run that produced documents; a run where everything
    // was rejected (missing inputs, nothing readable) does.
    if summary.documents == 0 && summary.tally.rejectedTotal > 0 { throw ExitCode.failure }
  }
}

extension String {
  fileprivate func trimmingCharacters() -> String {
    var s = Substring(self)
    while let first = s.first, first == " " || first == "\t" || first == "\r" { s = s.dropFirst() }
    while let last = s.last, last == " " || last == "\t" || last == "\r" { s = s.dropLast() }
    return String(s)
  }
}
