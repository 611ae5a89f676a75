import ArchiveReader
public import CTAExtraction
import Foundation
public import Logging
public import SlackscoreCore

/// What the extract stage did over a shard set.
public struct ShardedExtractSummary: Sendable {
  /// Counts as ``ExtractStage`` gives them (`documentsWithCTAs`, `ctas`, `boilerplate` only when
  /// the calls to action were merged).
  public var summary = ExtractSummary()
  /// Bad lines in the parse shards, with the shard and line.
  public var diagnostics: [Diagnostic] = []
  public var uses: [ShardUse] = []
}

/// The extract stage, one shard per input: pass 1 (the candidates of every document) runs per
/// parse shard and writes `NAME.extract-vN.jsonl.gz` (one ``CandidateLine`` per document with
/// candidates); pass 2 (boilerplate by recurrence across the pages of a site) needs every document
/// of the run, so it runs when the shards are merged into `ctas.jsonl`.
public enum ExtractShards {
  /// The settings of the bundled model at its own threshold.
  public static let defaultSettings = "model=bundled;min-confidence=default"

  /// Makes the missing extract shards of `keys` (their parse shards must exist). With `output`,
  /// also marks boilerplate over all of them and writes the calls to action, byte for byte what
  /// ``ExtractStage`` writes for the documents of the same inputs.
  public static func run(
    _ keys: [ShardKey], folder: ShardFolder, output: String? = nil, detector: CTADetector,
    settings: String, boilerplate: BoilerplateMarker = BoilerplateMarker(), jobs: Int = 0, reported: Bool = true,
    maxLineBytes: Int = ExtractStage.defaultMaxLineBytes, logger: Logger, progress: ((Int) -> Void)? = nil
  ) throws -> ShardedExtractSummary {
    let settings = settings + ";reported=\(reported);max-line-bytes=\(maxLineBytes)"
    var result = ShardedExtractSummary()
    var linesBefore = 0
    for key in keys {
      var receipt = ShardReceipt.reusable(key, .extract, settings: settings, in: folder)
      result.uses.append(ShardUse(input: key.input, shard: key.name, extract: receipt == nil ? "made" : "reused"))
      if receipt == nil {
        receipt = try make(
          key, folder: folder, detector: detector, settings: settings, jobs: jobs, reported: reported,
          maxLineBytes: maxLineBytes, logger: logger, progress: { [linesBefore] in progress?(linesBefore + $0) })
      }
      linesBefore += receipt!.records.total
      result.summary.records.merge(receipt!.records)
      result.diagnostics += receipt!.diagnostics
    }
    if let output {
      try ShardMerge.callsToAction(
        keys, folder: folder, output: output, boilerplate: boilerplate, into: &result.summary)
    }
    return result
  }

  private static func make(
    _ key: ShardKey, folder: ShardFolder, detector: CTADetector, settings: String, jobs: Int, reported: Bool,
    maxLineBytes: Int, logger: Logger, progress: @escaping (Int) -> Void
  ) throws -> ShardReceipt {
    let documents = folder.shard(key, .parse)
    guard FileSystem.exists(documents) else {
      throw FileError(path: documents, operation: "read (no parse shard for \(key.input): run parse first)", errno: 2)
    }
    let shard = folder.shard(key, .extract)
    let writer = try GzipLinesWriter(path: shard)
    let encoder = JSONCoding.lineEncoder()
    let diagnostics = DiagnosticCollector()
    var withCandidates = 0
    let records = try ExtractStage.findCandidates(
      lines: { try JSONLines.forEachLine(inGzip: documents, maxLineBytes: maxLineBytes, $0) }, file: documents,
      detector: detector, jobs: jobs, reported: reported, maxLineBytes: maxLineBytes, diagnostics: diagnostics,
      progress: progress
    ) { candidates, page in
      var bytes = try encoder.encode(CandidateLine(page: page, candidates: candidates))
      bytes.append(0x0A)
      try writer.write(bytes)
      withCandidates += 1
    }
    try writer.commit()
    var receipt = ShardReceipt(
      stage: .extract, key: key, settings: settings, records: records, documents: withCandidates)
    receipt.diagnostics = diagnostics.diagnostics
    try receipt.write(for: key, in: folder)
    logger.debug("extract: made \(shard)")
    return receipt
  }
}
