import Dispatch
import Foundation
public import Logging
public import SlackscoreCore

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

  /// Counts one document's candidates (before boilerplate marking): its calls to action per
  /// category and its reported asks. `facts[i]` belongs to `candidates[i]`.
  public mutating func count(_ candidates: [CTACandidate], facts: [BoilerplateFacts]) {
    if facts.contains(where: \.counted) { documentsWithCTAs += 1 }
    for (candidate, fact) in zip(candidates, facts) {
      if fact.counted {
        ctas += 1
        byCategory[candidate.cta.category, default: 0] += 1
      } else {
        reported += 1
      }
    }
  }

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
/// Two passes: the first finds the calls to action of every document (in parallel, in chunks) and
/// writes them to a temporary file beside the output, counting recurring sentences as it goes
/// (`RecurrenceCounter`); the second reads them back, marks publisher boilerplate across documents
/// of one site (`BoilerplateMarker`) and writes the output. Memory is bounded by a batch of lines
/// and the recurrence counts, not by the calls to action. Output order is document order, then
/// offset, whatever the thread count.
public enum ExtractStage {
  /// Human-readable name of the stage.
  public static let name = "extract"

  /// Lines longer than this (bytes) are rejected (`line-too-long`) and skipped unread by default.
  public static let defaultMaxLineBytes = JSONLines.defaultMaxLineBytes

  /// A batch of lines is searched once it holds this many bytes (or 1,024 lines): memory stays
  /// bounded when documents are long, and the reader's buffers are freed and reused batch by batch.
  public static let batchByteLimit = 8 << 20

  /// Reads `documents` (JSON Lines; `-` for stdin), writes one `CallToAction` per line to `output`
  /// (`-` for stdout) atomically. Bad lines, and lines longer than `maxLineBytes`, go to
  /// `diagnostics` with file and line and are skipped; the rest is processed. With `reported`, asks
  /// the text reports or quotes are written too, with `reported: true`. `progress` is told how
  /// many lines have been read, after every batch (for a progress line on a terminal).
  public static func run(
    documents path: String, output: String, detector: CTADetector? = nil,
    boilerplate: BoilerplateMarker = BoilerplateMarker(), jobs: Int = 0, reported: Bool = true,
    maxLineBytes: Int = defaultMaxLineBytes,
    diagnostics: DiagnosticCollector = DiagnosticCollector(), logger: Logger, progress: ((Int) -> Void)? = nil
  ) throws -> ExtractSummary {
    let detector = try detector ?? CTADetector.load()
    var summary = ExtractSummary()
    let started = DispatchTime.now().uptimeNanoseconds
    // Pass 1: candidates go to a temporary file with the facts the boilerplate rule needs; memory
    // keeps only the recurrence counts (fingerprints of site and sentence, at most `minDocuments`
    // pages each).
    let spool = try CandidateSpool(beside: output)
    var recurrence = boilerplate.recurrenceCounter()
    summary.records = try findCandidates(
      lines: { try JSONLines.forEachLine(in: path, maxLineBytes: maxLineBytes, $0) }, file: path,
      detector: detector, jobs: jobs, reported: reported, maxLineBytes: maxLineBytes, diagnostics: diagnostics,
      progress: progress
    ) { candidates, page in
      let facts = candidates.map { boilerplate.facts(of: $0, site: page.site) }
      recurrence.observe(facts, page: page)
      summary.count(candidates, facts: facts)
      for (candidate, fact) in zip(candidates, facts) { try spool.append(candidate.cta, facts: fact) }
    }
    logger.debug(
      "extract: read \(summary.records.parsed) documents from \(path); \(recurrence.count) sentences tracked")
    // Pass 2: publisher boilerplate across documents of one site, marked while copying the
    // candidates to the output; a candidate the rule leaves alone is copied as it was encoded.
    let writer = try AtomicFileWriter(path: output)
    let decoder = JSONCoding.decoder()
    try spool.forEach { facts, json in
      let verdict = boilerplate.verdict(facts, recurrence: recurrence)
      if verdict.changesNothing {
        try writer.write(json)
      } else {
        if let patched = verdict.applied(toJSON: json) {
          try writer.write(patched)
        } else {
          var cta = try decoder.decode(CallToAction.self, from: Data(json))
          verdict.apply(to: &cta)
          try writer.write(try cta.jsonBytes())
        }
        if facts.counted && verdict.boilerplate { summary.boilerplate += 1 }
      }
      try writer.write([0x0A] as [UInt8])
    }
    try writer.commit()
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
    logger.debug("extract: \(summary.records.parsed) documents in \(seconds) s")
    return summary
  }

  /// Pass 1 of the stage: the candidates of every document that has some, before boilerplate
  /// marking, handed to `found` in document order with the document's page.
  ///
  /// - Parameters:
  ///   - lines: Calls its argument with every line (nil: longer than `maxLineBytes`) and its number.
  ///   - file: The file the lines come from, for diagnostics.
  ///   - batchBytes: A batch of lines is searched once its lines hold this many bytes, or at 1,024
  ///     lines (`batchByteLimit` by default).
  ///   - progress: Told how many lines have been read, after every batch.
  /// - Returns: The documents read, skipped (`empty-text`) and rejected (bad or too long lines,
  ///   each also a diagnostic naming `file` and the line).
  public static func findCandidates(
    lines: ((ArraySlice<UInt8>?, Int) throws -> Void) throws -> Void, file path: String, detector: CTADetector,
    jobs: Int = 0, reported: Bool = true, maxLineBytes: Int = defaultMaxLineBytes,
    batchBytes: Int = batchByteLimit, diagnostics: DiagnosticCollector, progress: ((Int) -> Void)? = nil,
    _ found: ([CTACandidate], PageKey) throws -> Void
  ) throws -> RecordTally {
    // `lines` and `found` never call each other; `lines` only calls back into this function.
    try withoutActuallyEscaping(found) { found in
      try findCandidates(
        lines: lines, file: path, detector: detector, jobs: jobs, reported: reported, maxLineBytes: maxLineBytes,
        batchBytes: batchBytes, diagnostics: diagnostics, progress: progress, escaping: found)
    }
  }

  private static func findCandidates(
    lines: ((ArraySlice<UInt8>?, Int) throws -> Void) throws -> Void, file path: String, detector: CTADetector,
    jobs: Int, reported: Bool, maxLineBytes: Int, batchBytes byteLimit: Int, diagnostics: DiagnosticCollector,
    progress: ((Int) -> Void)?, escaping found: @escaping ([CTACandidate], PageKey) throws -> Void
  ) throws -> RecordTally {
    var tally = RecordTally()
    var linesRead = 0
    // Sentences that recur across documents (promos, footers, pasted paragraphs) are judged once.
    let memo = SentenceMemo()
    // Streamed in batches of lines, each decoded and searched on every core. A line is kept as the
    // reader's slice (no copy): the reader moves on to a new buffer while slices hold the old one.
    var batch: [(line: ArraySlice<UInt8>?, number: Int)] = []
    var batchBytes = 0
    let batchSize = 1024
    func flush() throws {
      let outcomes = read(batch.map(\.line), detector: detector, jobs: jobs, reported: reported, memo: memo)
      for (item, outcome) in zip(batch, outcomes) {
        switch outcome {
        case .tooLong:
          tally.reject("line-too-long")
          diagnostics.emit(
            Diagnostic(
              severity: .error, stage: name, file: path, offset: nil, code: "line-too-long",
              message: "line \(item.number): longer than \(maxLineBytes) bytes; skipped"))
        case .rejected(let why):
          tally.reject("bad-json-line")
          diagnostics.emit(
            Diagnostic(
              severity: .error, stage: name, file: path, offset: nil, code: "bad-json-line",
              message: "line \(item.number): not a document (need at least string \"id\" and \"text\"): \(why)"))
        case .emptyText:
          tally.skip("empty-text")
        case .document(let candidates, let page):
          tally.parsed += 1
          if !candidates.isEmpty { try found(candidates, page) }
        }
      }
      linesRead += batch.count
      batch.removeAll(keepingCapacity: true)
      batchBytes = 0
      progress?(linesRead)
    }
    try lines { line, number in
      batch.append((line, number))
      batchBytes += line?.count ?? 0
      if batch.count >= batchSize || batchBytes >= byteLimit { try flush() }
    }
    try flush()
    return tally
  }

  /// What one input line gave.
  enum LineOutcome: Sendable {
    /// Longer than the line limit (not read).
    case tooLong
    /// Not a document; why.
    case rejected(String)
    /// A document without text.
    case emptyText
    /// A document's candidates and page.
    case document([CTACandidate], PageKey)
  }

  /// Decodes and searches lines (nil: a line too long to read), using up to `jobs` threads and `memo`.
  static func read(
    _ lines: [ArraySlice<UInt8>?], detector: CTADetector, jobs: Int, reported: Bool, memo: SentenceMemo
  ) -> [LineOutcome] {
    inParallel(lines.count, jobs: jobs, detector: detector) { i, detector, decoder in
      guard let line = lines[i] else { return .tooLong }
      do {
        let input = try ExtractInput.decode(line: line, decoder: decoder)
        if input.text.isEmpty { return .emptyText }
        return .document(detector.candidates(in: input, reported: reported, memo: memo), input.pageKey)
      } catch {
        return .rejected(reason(error))
      }
    }
  }

  /// Candidates of every document, in input order, using up to `jobs` threads (0: all cores).
  public static func extract(
    _ inputs: [ExtractInput], detector: CTADetector, jobs: Int = 0, reported: Bool = true
  ) -> [[CTACandidate]] {
    let memo = SentenceMemo()
    return inParallel(inputs.count, jobs: jobs, detector: detector) { i, detector, _ in
      detector.candidates(in: inputs[i], reported: reported, memo: memo)
    }
  }

  /// `body(i, detector, decoder)` for every `i` in `0..<count`, in index order, on up to `jobs`
  /// threads (0: all cores), each thread with its own detector replica and decoder.
  static func inParallel<T: Sendable>(
    _ count: Int, jobs: Int, detector: CTADetector,
    _ body: @escaping @Sendable (Int, CTADetector, JSONDecoder) -> T
  ) -> [T] {
    ParallelMap.map(
      count, jobs: jobs, state: Workspace(detector: detector, decoder: JSONCoding.decoder()),
      replica: { Workspace(detector: $0.detector.replica(), decoder: JSONCoding.decoder()) }
    ) { i, workspace in body(i, workspace.detector, workspace.decoder) }
  }

  /// What one worker thread uses.
  private struct Workspace: @unchecked Sendable {
    // A decoder is only used by the thread that made it (or by the caller's thread).
    var detector: CTADetector
    var decoder: JSONDecoder
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
