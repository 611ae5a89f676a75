import Foundation
public import Logging
import PipelineConfiguration
public import SlackscoreCore

/// Where the score stage reads and writes.
public struct ScoreOptions: Sendable {
  /// `pipelines/NAME` (the folder) or the path of its `pipeline.yml`.
  public var pipeline: String
  /// Default: `out/NAME/documents.jsonl`.
  public var documents: String?
  /// Default: `out/NAME/ctas.jsonl`.
  public var ctas: String?
  /// Default: `out/NAME`.
  public var outputFolder: String?
  /// Paths under this folder are written relative to it in `campaigns.json` (the CLI
  /// passes the current directory, so no machine path ends up in the output).
  public var displayRoot: String?
  /// Files in the output folder are named in `campaigns.json` as if they were in this folder
  /// (a Spark run writing `out/NAME-spark` names `out/NAME`, as `slackscore run` does).
  public var outputNamedAs: String?
  /// Told what the stage is doing as it goes ("documents: 120000 read", "campaign 2 of 5: ID"),
  /// for a progress line on a terminal; called often, from the calling thread.
  public var progress: (@Sendable (String) -> Void)?

  public init(
    pipeline: String, documents: String? = nil, ctas: String? = nil, outputFolder: String? = nil,
    displayRoot: String? = nil
  ) {
    self.pipeline = pipeline
    self.documents = documents
    self.ctas = ctas
    self.outputFolder = outputFolder
    self.displayRoot = displayRoot
  }
}

/// What a score run produced.
public struct ScoreResult: Sendable {
  public var report: CampaignsReport
  public var campaignsJSON: String
  public var campaignsCSV: String
}

/// A fatal problem: the run cannot produce `campaigns.json`.
public struct ScoreError: Error, CustomStringConvertible, Sendable {
  public var description: String
  public init(_ description: String) { self.description = description }
}

/// The score stage: campaigns, outcomes, interactions, CTA mix, ratios, indices, caveats.
public enum ScoreStage {
  /// Human-readable name of the stage.
  public static let name = "score"

  /// Reads the pipeline's config and inputs, scores, and writes `campaigns.json` and
  /// `campaigns.csv` (atomically) into the output folder.
  public static func run(
    options: ScoreOptions, logger: Logger, diagnostics: DiagnosticCollector = DiagnosticCollector()
  ) throws -> ScoreResult {
    var loaded = try loadInputs(options: options, logger: logger, diagnostics: diagnostics)
    let scorer = CampaignScorer(inputs: loaded.inputs, diagnostics: diagnostics, progress: options.progress)
    // The text facts (signatures) are needed only while the scorer is made: dropped here.
    loaded.inputs.textFacts = nil
    let report = makeReport(scorer: scorer, inputFiles: loaded.files, diagnostics: diagnostics)
    let jsonPath = joinPath(loaded.outputFolder, "campaigns.json")
    let csvPath = joinPath(loaded.outputFolder, "campaigns.csv")
    let json = try AtomicFileWriter(path: jsonPath)
    options.progress?("writing campaigns.json")
    try CampaignsJSON.write(report) { try json.write($0) }
    try json.commit()
    try AtomicFileWriter.write(CampaignsCSV.render(report), to: csvPath)
    logger.info(
      "score: \(report.campaigns.count) campaigns, \(report.discoveredCampaigns.count) discovered, \(report.diagnostics.count) diagnostics -> \(jsonPath)"
    )
    return ScoreResult(report: report, campaignsJSON: jsonPath, campaignsCSV: csvPath)
  }

  /// What ``loadInputs(options:logger:diagnostics:)`` found.
  public struct LoadedInputs: Sendable {
    public var inputs: ScoreInputs
    /// Every input file with its SHA-256 (paths as displayed).
    public var files: [InputFile]
    public var outputFolder: String
  }

  /// Loads the config, documents, CTAs and CSVs, and fingerprints every input file.
  /// Throws ``ConfigError`` for a bad config and ``ScoreError`` for missing documents or CSVs.
  public static func loadInputs(
    options: ScoreOptions, logger: Logger, diagnostics: DiagnosticCollector
  ) throws -> LoadedInputs {
    var show = { (path: String) in display(path, root: options.displayRoot) }
    let location = PipelineLocation(options.pipeline)
    let configPath = location.configFile
    let config = try PipelineConfigLoader.load(path: configPath, displayPath: show(configPath))
    let tables = try PipelineCheck.run(config, configFile: configPath, shownConfig: show(configPath), inputs: false)
    let paths = PipelinePaths(pipelineFolder: location.folder)
    let out = options.outputFolder ?? location.defaultOutput(name: config.name)
    if let named = options.outputNamedAs {
      let prefix = out.hasSuffix("/") ? out : out + "/"
      show = { path in
        display(path.hasPrefix(prefix) ? named + "/" + path.dropFirst(prefix.count) : path, root: options.displayRoot)
      }
    }
    let documentsPath = options.documents ?? joinPath(out, "documents.jsonl")
    let ctasPath = options.ctas ?? joinPath(out, "ctas.jsonl")
    logger.info("score: pipeline \(config.name), documents \(documentsPath)")

    guard FileSystem.exists(documentsPath) else {
      throw ScoreError("\(show(documentsPath)): no documents to score (run `slackscore parse` first)")
    }
    var inputFiles: [(role: String, path: String)] = [("config", configPath), ("documents", documentsPath)]
    // Each document is reduced as it is read (its text facts kept, its text dropped) and
    // spilled to a scratch file: memory keeps its id and facts.
    let matcher = CampaignMatcher(config.campaigns)
    let scratchFolder = FileSystem.isDirectory(out) ? out : (ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp")
    let spill = try makeSpill(folder: scratchFolder, kind: "documents")
    var ids: [String] = []
    var textFacts = TextFactsTable()
    var spillError: (any Error)? = nil
    readJSONLines(Document.self, path: documentsPath, shown: show(documentsPath), diagnostics) {
      doc -> (id: String, facts: TextFacts, bytes: [UInt8])? in
      let kept = primaryCounters(doc)
      // Encoding a value just decoded cannot fail.
      guard let bytes = try? RecordSpill.encoder().encode(kept.compactedForScore()) else { return nil }
      return (doc.id, TextFacts(kept, matcher: matcher), [UInt8](bytes))
    } into: { (read: (id: String, facts: TextFacts, bytes: [UInt8])) in
      guard spillError == nil else { return }
      do {
        try spill.append(read.bytes)
        ids.append(read.id)
        textFacts.append(read.facts)
        if ids.count % progressEvery == 0 { options.progress?("documents: \(ids.count) read") }
      } catch {
        spillError = error
      }
    }
    try finish(spill, spillError, kind: "documents")
    let store = ScoreDocuments(spill: spill, ids: ids)
    // Calls to action too: each is reduced as read (``ownCTA(_:)``) and spilled; memory keeps
    // its document's place.
    let ctaSpill = try makeSpill(folder: scratchFolder, kind: "ctas")
    var ctaDocuments: [Int?] = []
    var boilerplate = 0
    if FileSystem.exists(ctasPath) {
      inputFiles.append(("ctas", ctasPath))
      readJSONLines(CallToAction.self, path: ctasPath, shown: show(ctasPath), diagnostics) {
        cta -> (id: String, boilerplate: Bool, bytes: [UInt8])? in
        guard let kept = ownCTA(cta), let bytes = try? RecordSpill.encoder().encode(kept) else { return nil }
        return (kept.docId, kept.boilerplate, [UInt8](bytes))
      } into: { (read: (id: String, boilerplate: Bool, bytes: [UInt8])) in
        guard spillError == nil else { return }
        do {
          try ctaSpill.append(read.bytes)
          ctaDocuments.append(store.firstIndex(of: read.id))
          if read.boilerplate { boilerplate += 1 }
          if ctaDocuments.count % progressEvery == 0 {
            options.progress?("calls to action: \(ctaDocuments.count) read")
          }
        } catch {
          spillError = error
        }
      }
    } else {
      diagnostics.emit(
        Diagnostic(
          severity: .warning, stage: name, file: show(ctasPath), code: "missing-ctas",
          message: "no calls to action file; the CTA mix is empty (run `slackscore extract` first)"))
    }
    try finish(ctaSpill, spillError, kind: "calls to action")
    var outcomeRows: [OutcomeRow] = []
    for (entry, path) in tables.outcomes {
      inputFiles.append(("outcomes", path))
      outcomeRows += try TableReader.outcomes(
        path: path, displayPath: show(path), style: config.effectiveNumberStyle(for: entry), diagnostics: diagnostics)
    }
    var interactionRows: [InteractionRow] = []
    for (entry, path) in tables.interactions {
      inputFiles.append(("interactions", path))
      interactionRows += try TableReader.interactions(
        path: path, displayPath: show(path), style: config.effectiveNumberStyle(for: entry), diagnostics: diagnostics)
    }
    for (index, entry) in config.inputs.enumerated() {
      let matches = paths.expand(entry)
      if matches.isEmpty {
        let optional = config.optionalInputs.contains(entry)
        diagnostics.emit(
          Diagnostic(
            severity: optional ? .note : .error, stage: name, file: show(configPath),
            line: config.lines["inputs[\(index)]"], code: "input-not-found",
            message: "inputs entry \(quoted(entry)) matches no file; it is listed without a hash",
            hint: optional ? nil : "fix the path, or mark it `{ path: \(quoted(entry)), optional: true }`"))
        inputFiles.append(("archive", entry))
      }
      for path in matches { inputFiles.append(("archive", path)) }
    }
    var inputs = ScoreInputs(
      config: config, documents: [], ctas: [], outcomes: outcomeRows, interactions: interactionRows)
    inputs.store = store
    inputs.ctaStore = ScoreCTAs(
      spill: ctaSpill, documentOf: ctaDocuments, boilerplate: boilerplate, documents: store)
    inputs.textFacts = textFacts
    let fingerprints = inputFiles.map { file -> InputFile in
      do {
        let digest = try FileDigest.sha256(file.path)
        return InputFile(
          role: file.role, path: show(file.path), sha256: digest.hex, bytes: digest.bytes, nullReason: nil)
      } catch {
        return InputFile(role: file.role, path: show(file.path), sha256: nil, bytes: nil, nullReason: "file not found")
      }
    }
    return LoadedInputs(inputs: inputs, files: fingerprints, outputFolder: out)
  }

  /// A new scratch file for records of `kind` in `folder` (``RecordSpill``).
  private static func makeSpill(folder: String, kind: String) throws -> RecordSpill {
    do {
      return try RecordSpill(folder: folder, kind: kind)
    } catch {
      throw ScoreError("cannot make a scratch file for the \(kind): \(error)")
    }
  }

  /// Ends writing `spill`, or throws the first error met while writing it.
  private static func finish(_ spill: RecordSpill, _ writeError: (any Error)?, kind: String) throws {
    do {
      if let writeError { throw writeError }
      try spill.finish()
    } catch {
      throw ScoreError("cannot write the scratch file of the \(kind): \(error)")
    }
  }

  /// Scores loaded inputs (no I/O): the whole report.
  public static func makeReport(
    inputs: ScoreInputs, inputFiles: [InputFile], diagnostics: DiagnosticCollector
  )
    -> CampaignsReport
  {
    makeReport(
      scorer: CampaignScorer(inputs: inputs, diagnostics: diagnostics), inputFiles: inputFiles,
      diagnostics: diagnostics)
  }

  /// The whole report of a prepared scorer.
  static func makeReport(
    scorer: CampaignScorer, inputFiles: [InputFile], diagnostics: DiagnosticCollector
  )
    -> CampaignsReport
  {
    let inputs = scorer.inputs
    let (campaigns, discovered, countsWithoutDiagnostics) = scorer.score()
    let found = diagnostics.diagnostics
    var counts = countsWithoutDiagnostics
    counts.diagnostics = found.count
    let p = inputs.config.scoring
    let parameters = MethodParameters(
      lowEffortMax: p.lowEffortMax, bootstrapSamples: p.bootstrapSamples, seed: p.seed, minCoverage: p.minCoverage,
      confidenceLevel: 0.95, baseCurrency: inputs.config.currency.base,
      rates: inputs.config.currency.rates.sorted { ($0.currency, $0.asOf) < ($1.currency, $1.asOf) },
      minhashSignatureSize: NearDuplicates.signatureSize, minhashBands: NearDuplicates.bands,
      shingleWords: NearDuplicates.shingleWords, nearDuplicateMinJaccard: NearDuplicates.minJaccard,
      nearDuplicateMinWords: NearDuplicates.minWords, activeInteractionTypes: InteractionType.active.sorted(),
      outcomeEffortWeights: IndexBuilder.outcomeWeights)
    let method = Method(
      formulaVersion: IndexBuilder.formulaVersion, descriptiveOnly: true, statement: MethodText.statement,
      parameters: parameters, formulas: MethodText.formulas, quadrantReference: Quadrants.medians(campaigns),
      referenceRatios: MethodText.referenceRatios)
    return CampaignsReport(
      schemaVersion: CampaignsReport.currentSchemaVersion, generator: "slackscore score",
      pipeline: PipelineInfo(name: inputs.config.name, description: inputs.config.description), method: method,
      inputs: inputFiles.sorted { ($0.role, $0.path) < ($1.role, $1.path) }, counts: counts, campaigns: campaigns,
      discoveredCampaigns: discovered, diagnostics: found)
  }

  /// The bytes of `campaigns.json`: pretty, sorted keys, trailing newline.
  public static func encode(_ report: CampaignsReport) throws -> [UInt8] {
    var bytes: [UInt8] = []
    try CampaignsJSON.write(report) { bytes += $0 }
    return bytes
  }

  /// Reads `campaigns.json` back (for the report stage).
  public static func decode(_ bytes: [UInt8]) throws -> CampaignsReport {
    try JSONCoding.decoder().decode(CampaignsReport.self, from: Data(bytes))
  }

  static func display(_ path: String, root: String?) -> String {
    guard let root, !root.isEmpty else { return path }
    let prefix = root.hasSuffix("/") ? root : root + "/"
    return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
  }

  /// Largest line score reads from documents.jsonl or ctas.jsonl, in bytes. A parsed page is
  /// far smaller (parse caps a page at 32 MiB of HTML, its text is a fraction of that).
  public static let maxLineBytes = 16 << 20

  /// Lines decoded together, on every core.
  static let batchLines = 1024

  /// Records read between two progress messages.
  static let progressEvery = 4096

  /// Reads a JSON Lines file line by line (see ``JSONLines``), decoding batches of lines on
  /// every core; `keep` gets the values in the file's order (on the calling thread). `adjust` sees
  /// each decoded value and may change or drop it (nil).
  private static func readJSONLines<T: Decodable & SendableMetatype, U: Sendable>(
    _ type: T.Type, path: String, shown: String, _ diagnostics: DiagnosticCollector,
    adjust: @escaping @Sendable (T) -> U?, into keep: (U) -> Void
  ) {
    var batch: [(line: [UInt8]?, number: Int)] = []
    func flush() {
      let lines = batch.map(\.line)
      let decoded = ParallelMap.map(
        lines.count, jobs: 0, state: LineDecoder(), replica: { _ in LineDecoder() }
      ) { i, decoder -> LineResult<U> in
        guard let line = lines[i] else { return .tooLong }
        do {
          return .value(adjust(try decoder.decoder.decode(T.self, from: Data(line))))
        } catch {
          return .bad(describe(error))
        }
      }
      for (item, outcome) in zip(batch, decoded) {
        switch outcome {
        case .value(let value): if let value { keep(value) }
        case .tooLong:
          diagnostics.emit(
            Diagnostic(
              severity: .error, stage: name, file: shown, line: item.number, code: "json-line-too-long",
              message:
                "a line longer than \(maxLineBytes) bytes (ScoreStage.maxLineBytes); line skipped, the rest of the file read"
            ))
        case .bad(let why):
          diagnostics.emit(
            Diagnostic(
              severity: .error, stage: name, file: shown, line: item.number, code: "bad-json-line",
              message: "not a valid \(T.self): \(why); line skipped"))
        }
      }
      batch.removeAll(keepingCapacity: true)
    }
    do {
      try JSONLines.forEachLine(in: path, maxLineBytes: maxLineBytes) { line, number in
        batch.append((line.map(Array.init), number))
        if batch.count >= batchLines { flush() }
      }
    } catch {
      flush()
      diagnostics.emit(
        Diagnostic(severity: .error, stage: name, file: shown, code: "unreadable", message: "cannot read: \(error)"))
    }
    flush()
  }

  /// One line of a JSON Lines file, decoded.
  private enum LineResult<U: Sendable>: Sendable {
    case value(U?)
    case tooLong
    case bad(String)
  }

  /// A JSON decoder for one thread.
  private struct LineDecoder: @unchecked Sendable {
    // Used only by the thread that made it (or by the caller's thread).
    let decoder = JSONCoding.decoder()
  }

  /// Keeps only the counters parse marked `primary: true` (the page's own value, one per
  /// kind), when the document carries the field; older documents keep every counter.
  static func primaryCounters(_ doc: Document) -> Document {
    guard doc.counters.contains(where: { $0.primary != nil }) else { return doc }
    var kept = doc
    kept.counters = doc.counters.filter { $0.primary == true }
    return kept
  }

  /// Drops calls to action the extract stage marked `reported: true` (quoted in a report of
  /// someone else's call, not a call the page makes), and what scoring never reads of the rest:
  /// cues, language, and the sentence of boilerplate (never counted, never evidence).
  static func ownCTA(_ cta: CallToAction) -> CallToAction? {
    guard cta.reported != true else { return nil }
    var kept = cta
    kept.cues = []
    kept.lang = nil
    if kept.boilerplate { kept.sentence = "" }
    return kept
  }

  /// A decoding error in words that do not depend on the Foundation version.
  private static func describe(_ error: any Error) -> String {
    guard let e = error as? DecodingError else { return "unreadable" }
    func path(_ ctx: DecodingError.Context, _ key: (any CodingKey)? = nil) -> String {
      (ctx.codingPath + (key.map { [$0] } ?? [])).map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
        .joined(separator: ".")
    }
    switch e {
    case .keyNotFound(let key, let ctx): return "missing key \(path(ctx, key))"
    case .typeMismatch(let type, let ctx): return "\(path(ctx)): expected \(type)"
    case .valueNotFound(let type, let ctx): return "\(path(ctx)): expected \(type), got null"
    case .dataCorrupted(let ctx):
      return ctx.codingPath.isEmpty ? "not valid JSON (\(ctx.debugDescription))" : "\(path(ctx)): invalid value"
    @unknown default: return "unreadable"
    }
  }

}
