import ArchiveReader
import Dispatch
public import Logging
public import SlackscoreCore
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// What one `parse` run did.
public struct ParseSummary: Sendable, Hashable {
  /// Every record, counted as parsed, skipped or rejected (reader and parser together).
  public var tally: RecordTally
  /// Documents written (equals `tally.parsed`).
  public var documents: Int
  /// Documents written with empty text (each has an `empty_reason`).
  public var emptyDocuments: Int
  /// Payload bytes of the records handed to the parser.
  public var payloadBytes: Int
  /// Lines written to the rejects file.
  public var rejectLines: Int
  /// With ``ParseMode/pairedFloor``: the CPU time of the full parse against libxml2 alone.
  public var floorComparison: FloorComparison?

  /// A summary from its counts (a run over shards adds up those of its inputs).
  public init(tally: RecordTally, documents: Int, emptyDocuments: Int, payloadBytes: Int, rejectLines: Int) {
    self.tally = tally
    self.documents = documents
    self.emptyDocuments = emptyDocuments
    self.payloadBytes = payloadBytes
    self.rejectLines = rejectLines
  }

  /// One line for stderr.
  public var line: String {
    "parse: \(tally.summary); \(documents) documents (\(emptyDocuments) with empty text)"
  }
}

/// How much work `ParseStage` does per record.
public enum ParseMode: Sendable {
  /// Everything: documents.jsonl.
  case full
  /// Only libxml2's parse of each payload (for the benchmark floor); writes no documents.
  case libxml2Only
  /// Everything, and for each record also libxml2's parse alone, both timed on the thread's
  /// CPU clock, alternating which goes first (for the benchmark: a noisy neighbour slows
  /// both alike, record by record). One job only.
  case pairedFloor
}

/// The full parse's CPU time against libxml2 alone, measured record by record in one run.
public struct FloorComparison: Sendable, Hashable {
  /// Thread CPU seconds in libxml2's parse alone (parse and free, nothing else).
  public var libxml2Seconds: Double
  /// Thread CPU seconds in the full parse of each record (document built and serialised)
  /// and in writing the documents.
  public var fullSeconds: Double
  /// Thread CPU seconds of everything else in the run, which both share: reading and
  /// decompressing the inputs.
  public var sharedSeconds: Double

  /// (shared + full) / (shared + libxml2): what a full run costs against a libxml2-only run.
  public var ratio: Double { (sharedSeconds + fullSeconds) / max(sharedSeconds + libxml2Seconds, 1e-9) }
}

/// CPU time of the calling thread.
enum ThreadCPUClock {
  static func nanoseconds() -> Int {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return ts.tv_sec * 1_000_000_000 + ts.tv_nsec
  }
}

/// The parse stage as a library call: inputs → `documents.jsonl` (+ `rejects.jsonl`).
///
/// Records are read in input order by the calling thread in batches; each batch is parsed
/// by `jobs` workers while the next one is read (with `jobs` 1, on the calling thread, one
/// core only); results are written in record order, so the output is byte-identical
/// whatever `jobs` is.
public enum ParseStage {
  /// Runs the stage.
  ///
  /// - Parameters:
  ///   - inputs: WARC/ARC files, HTML files, or folders of them, in the order given.
  ///   - output: The documents file (`-` for standard output). Written atomically.
  ///   - rejects: The rejects file, or nil for `rejects.jsonl` beside `output` (beside the
  ///     current folder when `output` is `-`).
  ///   - jobs: Worker threads (at least 1).
  ///   - limits: Limits against hostile input.
  ///   - mode: ``ParseMode/full`` unless measuring the libxml2 floor.
  ///   - logger: Where progress and problems go.
  ///   - progress: Called on the reading thread every few hundred records with the records
  ///     read so far and their payload bytes (for a progress line on a terminal).
  /// - Returns: The counts.
  /// - Throws: `FileError` when an output cannot be written.
  public static func run(
    inputs: [String], output: String, rejects: String? = nil, jobs: Int, limits: ParseLimits = ParseLimits(),
    mode: ParseMode = .full, logger: Logger, progress: ((_ records: Int, _ payloadBytes: Int) -> Void)? = nil
  ) throws -> ParseSummary {
    var recordsRead = 0
    let documentsFile = try AtomicFileWriter(path: output)
    let rejectsPath = rejects ?? defaultRejectsPath(for: output)
    let diagnostics = DiagnosticCollector()
    var tally = RecordTally()
    var summary = ParseSummary(tally: tally, documents: 0, emptyDocuments: 0, payloadBytes: 0, rejectLines: 0)
    var rejectLines = JSONLineWriter()
    let paired = mode == .pairedFloor
    let runStarted = paired ? ThreadCPUClock.nanoseconds() : 0
    var writeNanoseconds = 0
    let pool = WorkerPool(jobs: paired ? 1 : max(1, jobs), limits: limits, mode: mode)
    var batch: [ArchiveRecord] = []
    var batchBytes = 0
    var pending: WorkerPool.Running?

    func finish(_ running: WorkerPool.Running?) throws {
      guard let running else { return }
      let results = running.wait()
      for (record, result) in zip(running.records, results) {
        switch result {
        case .document(let bytes, let empty):
          tally.parsed += 1
          summary.documents += 1
          if empty { summary.emptyDocuments += 1 }
          let before = paired ? ThreadCPUClock.nanoseconds() : 0
          try documentsFile.write(bytes)
          if paired { writeNanoseconds += ThreadCPUClock.nanoseconds() - before }
        case .skipped(let reason):
          tally.skip(reason)
        case .rejected(let reason):
          tally.reject(reason)
          rejectLines.appendObject([
            ("file", .string(record.sourcePath)), ("offset", .int(record.offset)),
            ("record_id", record.recordID.map(JSONScalar.string) ?? .null), ("reason", .string(reason)),
            ("stage", .string("parse")),
          ])
          summary.rejectLines += 1
          logger.debug("\(record.sourcePath):\(record.offset): rejected: \(reason)")
        }
      }
    }

    var outputFailure: (any Error)?
    for input in inputs {
      var readerTally = RecordTally()
      do {
        try ArchiveScan.forEachRecord(
          in: [input], limits: limits.reader, diagnostics: diagnostics, tally: &readerTally
        ) { record in
          summary.payloadBytes += record.payload.count
          recordsRead += 1
          if recordsRead % 256 == 0 { progress?(recordsRead, summary.payloadBytes) }
          batchBytes += record.payload.count
          batch.append(record)
          if batch.count >= 256 || batchBytes >= 48 << 20 {
            let running = pool.start(batch)
            do {
              try finish(pending)
            } catch {
              outputFailure = error
              throw error
            }
            pending = running
            batch = []
            batchBytes = 0
          }
        }
      } catch {
        if let outputFailure { throw outputFailure }
        diagnostics.emit(
          Diagnostic(
            severity: .error, stage: DocumentParserStage.name, file: input, code: "unreadable-input",
            message: "cannot read input: \(error)"))
        readerTally.reject("unreadable-input")
      }
      // The reader counts what it kept as parsed; the parser decides the final fate of those.
      readerTally.parsed = 0
      tally.merge(readerTally)
    }
    if !batch.isEmpty {
      let running = pool.start(batch)
      try finish(pending)
      pending = running
    }
    try finish(pending)

    for diagnostic in diagnostics.diagnostics where diagnostic.severity >= .warning {
      rejectLines.appendObject([
        ("file", diagnostic.file.map(JSONScalar.string) ?? .null),
        ("offset", diagnostic.offset.map(JSONScalar.int) ?? .null), ("reason", .string(diagnostic.code)),
        ("message", .string(diagnostic.message)), ("stage", .string(diagnostic.stage)),
      ])
      summary.rejectLines += 1
      logger.warning("\(diagnostic.formatted)")
    }
    try documentsFile.commit()
    if mode != .libxml2Only {
      try AtomicFileWriter.write(rejectLines.bytes, to: rejectsPath)
    }
    if paired {
      let total = ThreadCPUClock.nanoseconds() - runStarted
      let libxml2 = pool.libxml2Nanoseconds.load(ordering: .relaxed)
      let full = pool.fullNanoseconds.load(ordering: .relaxed) + writeNanoseconds
      summary.floorComparison = FloorComparison(
        libxml2Seconds: Double(libxml2) / 1e9, fullSeconds: Double(full) / 1e9,
        sharedSeconds: Double(max(0, total - libxml2 - full)) / 1e9)
    }
    summary.tally = tally
    return summary
  }

  /// `rejects.jsonl` in the folder of `output` (the current folder for `-`).
  public static func defaultRejectsPath(for output: String) -> String {
    if output == "-" { return "rejects.jsonl" }
    let folder = FileSystem.parent(of: output)
    return folder == "." && !output.hasPrefix("./") ? "rejects.jsonl" : folder + "/rejects.jsonl"
  }

  /// Online processors, the default for `--jobs`.
  public static var availableCores: Int {
    max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
  }
}

/// The result of one record, as bytes ready to write.
enum RecordResult: Sendable {
  case document(bytes: [UInt8], empty: Bool)
  case skipped(String)
  case rejected(String)
}

/// Parses batches of records on `jobs` threads.
final class WorkerPool: Sendable {
  let jobs: Int
  let limits: ParseLimits
  let mode: ParseMode
  private let queue = DispatchQueue(label: "slackscore.parse.batch")
  /// ``ParseMode/pairedFloor`` accounts: thread CPU nanoseconds in libxml2 alone and in the
  /// full parse, and the records seen (which decides the order of the two).
  let libxml2Nanoseconds = Atomic<Int>(0)
  let fullNanoseconds = Atomic<Int>(0)
  private let pairedRecords = Atomic<Int>(0)

  init(jobs: Int, limits: ParseLimits, mode: ParseMode) {
    self.jobs = jobs
    self.limits = limits
    self.mode = mode
  }

  /// A batch in flight.
  final class Running: @unchecked Sendable {
    let records: [ArchiveRecord]
    let results: UnsafeMutableBufferPointer<RecordResult?>
    let group = DispatchGroup()

    init(records: [ArchiveRecord]) {
      self.records = records
      results = .allocate(capacity: records.count)
      results.initialize(repeating: nil)
    }

    deinit {
      results.deinitialize()
      results.deallocate()
    }

    /// Waits for the batch and returns its results in record order.
    func wait() -> [RecordResult] {
      group.wait()
      return results.map { $0 ?? .rejected("internal-error") }
    }
  }

  /// Starts parsing `records` in the background.
  func start(_ records: [ArchiveRecord]) -> Running {
    let running = Running(records: records)
    let next = Atomic<Int>(0)
    let jobs = min(self.jobs, records.count)
    let limits = self.limits
    let mode = self.mode
    if self.jobs == 1 {
      // One job means one core: parse on the calling thread, no reading ahead.
      var writer = JSONLineWriter()
      for index in records.indices {
        running.results[index] =
          mode == .pairedFloor
          ? processPaired(records[index], writer: &writer)
          : Self.process(records[index], limits: limits, mode: mode, writer: &writer)
      }
      return running
    }
    running.group.enter()
    queue.async {
      withExtendedLifetime(next) {
        DispatchQueue.concurrentPerform(iterations: jobs) { _ in
          var writer = JSONLineWriter()
          while true {
            let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
            guard index < running.records.count else { break }
            running.results[index] = Self.process(running.records[index], limits: limits, mode: mode, writer: &writer)
          }
        }
      }
      running.group.leave()
    }
    return running
  }

  /// One record both ways, each timed; even records run libxml2 alone first, odd ones last.
  private func processPaired(_ record: ArchiveRecord, writer: inout JSONLineWriter) -> RecordResult {
    let floorFirst = pairedRecords.wrappingAdd(1, ordering: .relaxed).oldValue % 2 == 0
    var result = RecordResult.rejected("internal-error")
    for step in 0..<2 {
      let start = ThreadCPUClock.nanoseconds()
      if (step == 0) == floorFirst {
        _ = Self.process(record, limits: limits, mode: .libxml2Only, writer: &writer)
        libxml2Nanoseconds.wrappingAdd(ThreadCPUClock.nanoseconds() - start, ordering: .relaxed)
      } else {
        result = Self.process(record, limits: limits, mode: .full, writer: &writer)
        fullNanoseconds.wrappingAdd(ThreadCPUClock.nanoseconds() - start, ordering: .relaxed)
      }
    }
    return result
  }

  static func process(
    _ record: ArchiveRecord, limits: ParseLimits, mode: ParseMode, writer: inout JSONLineWriter
  )
    -> RecordResult
  {
    switch mode {
    case .libxml2Only:
      let parsed = record.payload.withUnsafeBytes { raw in (try? HTMLDocument(bytes: raw)) != nil }
      return parsed ? .document(bytes: [], empty: false) : .rejected("libxml2-failed")
    case .full, .pairedFloor:
      switch DocumentBuilder.build(record, limits: limits) {
      case .document(let document):
        writer.removeAll()
        writer.append(document)
        return .document(bytes: writer.bytes, empty: document.text.isEmpty)
      case .skipped(let reason): return .skipped(reason)
      case .rejected(let reason): return .rejected(reason)
      }
    }
  }
}
