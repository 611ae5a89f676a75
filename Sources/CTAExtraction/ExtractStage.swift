import Dispatch
import Foundation
public import Logging
public import SlackscoreCore
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// What one extract run did: every input line is counted as parsed (a document), skipped or rejected.
public struct ExtractSummary: Sendable, Hashable, Codable {
  /// Input lines: documents read (`parsed`), skipped (`empty-text`), rejected (`bad-json-line`).
  public var records = RecordTally()
  /// Documents with at least one call to action.
  public var documentsWithCTAs = 0
  /// Calls to action written (the page's own asks; `reported` rows not included).
  public var ctas = 0
  /// Reported or quoted asks written with `reported: true`.
  public var reported = 0
  /// Of which marked as publisher boilerplate.
  public var boilerplate = 0
  /// Calls to action per category.
  public var byCategory: [String: Int] = [:]

  /// An empty summary.
  public init() {}

  /// One line for stderr.
  public var line: String {
    let categories = byCategory.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    return "extract: \(records.summary); \(ctas) calls to action in \(documentsWithCTAs) documents "
      + "(\(boilerplate) boilerplate)\(categories.isEmpty ? "" : ": " + categories)"
      + (reported > 0 ? "; \(reported) reported asks" : "")
  }
}

/// The extract stage: documents (JSON Lines) in, calls to action (`ctas.jsonl`) out.
///
/// Two passes: the first finds the calls to action of every document (in parallel, in chunks), the
/// second marks publisher boilerplate across documents of one site (`BoilerplateMarker`). Output
/// order is document order, then offset, whatever the thread count.
public enum ExtractStage {
  /// Human-readable name of the stage.
  public static let name = "extract"

  /// Lines longer than this (bytes) are rejected (`line-too-long`) and skipped unread by default.
  public static let defaultMaxLineBytes = JSONLines.defaultMaxLineBytes

  /// Reads `documents` (JSON Lines; `-` for stdin), writes one `CallToAction` per line to `output`
  /// (`-` for stdout) atomically. Bad lines, and lines longer than `maxLineBytes`, go to
  /// `diagnostics` with file and line and are skipped; the rest is processed. With `reported`, asks
  /// the text reports or quotes are written too, with `reported: true`.
  public static func run(
    documents path: String, output: String, detector: CTADetector? = nil,
    boilerplate: BoilerplateMarker = BoilerplateMarker(), jobs: Int = 0, reported: Bool = true,
    maxLineBytes: Int = defaultMaxLineBytes,
    diagnostics: DiagnosticCollector = DiagnosticCollector(), logger: Logger
  ) throws -> ExtractSummary {
    let detector = try detector ?? CTADetector.load()
    var summary = ExtractSummary()
    let decoder = JSONCoding.decoder()
    let started = DispatchTime.now().uptimeNanoseconds
    // Pass 1, streamed in batches: only the candidates and each document's site and page are kept, so memory
    // grows with the calls to action found, not with the input.
    var results: [[CTACandidate]] = []
    var pages: [PageKey] = []
    var batch: [ExtractInput] = []
    let batchSize = 1024
    func flush() {
      results += extract(batch, detector: detector, jobs: jobs, reported: reported)
      pages += batch.map(\.pageKey)
      batch.removeAll(keepingCapacity: true)
    }
    try JSONLines.forEachLine(in: path, maxLineBytes: maxLineBytes) { line, number in
      guard let line else {
        summary.records.reject("line-too-long")
        diagnostics.emit(
          Diagnostic(
            severity: .error, stage: name, file: path, offset: nil, code: "line-too-long",
            message: "line \(number): longer than \(maxLineBytes) bytes; skipped"))
        return
      }
      do {
        let input = try decoder.decode(ExtractInput.self, from: Data(line))
        if input.text.isEmpty {
          summary.records.skip("empty-text")
        } else {
          summary.records.parsed += 1
          batch.append(input)
          if batch.count >= batchSize { flush() }
        }
      } catch {
        summary.records.reject("bad-json-line")
        diagnostics.emit(
          Diagnostic(
            severity: .error, stage: name, file: path, offset: nil, code: "bad-json-line",
            message: "line \(number): not a document (need at least string \"id\" and \"text\"): \(reason(error))"))
      }
    }
    flush()
    logger.debug("extract: read \(results.count) documents from \(path)")
    // Pass 2: publisher boilerplate across documents of one site.
    boilerplate.mark(&results, pages: pages)
    let writer = try AtomicFileWriter(path: output)
    let encoder = JSONCoding.lineEncoder()
    for candidates in results {
      if candidates.contains(where: { $0.cta.reported != true }) { summary.documentsWithCTAs += 1 }
      for candidate in candidates {
        var bytes = try encoder.encode(candidate.cta)
        bytes.append(0x0A)
        try writer.write(bytes)
        if candidate.cta.reported == true {
          summary.reported += 1
          continue
        }
        summary.ctas += 1
        if candidate.cta.boilerplate { summary.boilerplate += 1 }
        summary.byCategory[candidate.cta.category, default: 0] += 1
      }
    }
    try writer.commit()
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
    logger.debug("extract: \(results.count) documents in \(seconds) s")
    return summary
  }

  /// Candidates of every document, in input order, using up to `jobs` threads (0: all cores).
  public static func extract(
    _ inputs: [ExtractInput], detector: CTADetector, jobs: Int = 0, reported: Bool = true
  ) -> [[CTACandidate]] {
    let chunk = 32
    let chunks = (inputs.count + chunk - 1) / chunk
    let threads = jobs > 0 ? jobs : ProcessInfo.processInfo.activeProcessorCount
    if threads <= 1 || chunks <= 1 {
      return inputs.map { detector.candidates(in: $0, reported: reported) }
    }
    let results = Mutex<[Int: [[CTACandidate]]]>([:])
    let next = Atomic<Int>(0)
    // Plain threads, not concurrentPerform: the latter may run inline when called from a Swift
    // concurrency task (the CLI's async run), which leaves the other cores idle.
    let done = DispatchSemaphore(value: 0)
    let workers = min(threads, chunks)
    for _ in 0..<workers {
      let thread = Thread {
        let detector = detector.replica()
        while true {
          let c = next.add(1, ordering: .relaxed).oldValue
          guard c < chunks else { break }
          let part = inputs[(c * chunk)..<min(inputs.count, (c + 1) * chunk)].map {
            detector.candidates(in: $0, reported: reported)
          }
          results.withLock { $0[c] = part }
        }
        done.signal()
      }
      thread.stackSize = 8 << 20
      thread.start()
    }
    for _ in 0..<workers { done.wait() }
    let parts = results.withLock { $0 }
    return (0..<chunks).flatMap { parts[$0] ?? [] }
  }

  /// The calls to action of already-loaded documents, boilerplate marked (library use, tests).
  public static func callsToAction(
    in inputs: [ExtractInput], detector: CTADetector, boilerplate: BoilerplateMarker = BoilerplateMarker(),
    reported: Bool = true
  ) -> [CallToAction] {
    var results = extract(inputs, detector: detector, jobs: 1, reported: reported)
    boilerplate.mark(&results, pages: inputs.map(\.pageKey))
    return results.flatMap { $0.map(\.cta) }
  }

  private static func reason(_ error: any Error) -> String {
    switch error {
    case DecodingError.keyNotFound(let key, _): "missing \"\(key.stringValue)\""
    case DecodingError.typeMismatch(_, let context): "wrong type at \(context.codingPath.map(\.stringValue))"
    case DecodingError.dataCorrupted(let context): context.debugDescription
    default: "\(error)"
    }
  }
}
