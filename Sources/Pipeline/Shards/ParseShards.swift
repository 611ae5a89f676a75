public import DocumentParser
public import Logging
public import SlackscoreCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What the parse stage did over a shard set: the counts of every input's shard, made now or
/// before, added up.
public struct ShardedParseSummary: Sendable {
  public var tally = RecordTally()
  public var documents = 0
  public var emptyDocuments = 0
  /// Lines written to the merged rejects file (0 without one).
  public var rejectLines = 0
  public var uses: [ShardUse] = []
}

extension ParseSummary {
  /// The counts of a run over shards, as a one-run parse gives them (payload bytes are not kept).
  public init(_ sharded: ShardedParseSummary) {
    self.init(
      tally: sharded.tally, documents: sharded.documents, emptyDocuments: sharded.emptyDocuments, payloadBytes: 0,
      rejectLines: sharded.rejectLines)
  }
}

/// The parse stage, one shard per input: each input without a reusable shard is parsed alone
/// (``ParseStage``; revisits resolve within one input, as they always have), its documents
/// gzip-compressed into `NAME.parse-vN.jsonl.gz`; the others are left as they are.
public enum ParseShards {
  /// Makes the missing shards of `keys` in `folder`. With `output`, also writes the documents of
  /// every shard in order (and `rejects`: every shard's rejected records, then every shard's
  /// reader warnings), byte for byte what ``ParseStage`` writes for the same inputs in one run.
  public static func run(
    _ keys: [ShardKey], folder: ShardFolder, output: String? = nil, rejects: String? = nil, jobs: Int,
    limits: ParseLimits = ParseLimits(), logger: Logger,
    progress: ((_ records: Int, _ payloadBytes: Int) -> Void)? = nil
  ) throws -> ShardedParseSummary {
    let settings = "max-payload-bytes=\(limits.maxPayloadBytes)"
    var summary = ShardedParseSummary()
    for key in keys {
      var receipt = ShardReceipt.reusable(key, .parse, settings: settings, in: folder)
      summary.uses.append(ShardUse(input: key.input, shard: key.name, parse: receipt == nil ? "made" : "reused"))
      if receipt == nil {
        receipt = try make(
          key, folder: folder, settings: settings, jobs: jobs, limits: limits, logger: logger, progress: progress)
      }
      summary.tally.merge(receipt!.records)
      summary.documents += receipt!.documents
      summary.emptyDocuments += receipt!.emptyDocuments
    }
    if let output {
      try ShardMerge.documents(keys, folder: folder, output: output)
      summary.rejectLines = try ShardMerge.rejects(
        keys, folder: folder, output: rejects ?? ParseStage.defaultRejectsPath(for: output))
    }
    return summary
  }

  private static func make(
    _ key: ShardKey, folder: ShardFolder, settings: String, jobs: Int, limits: ParseLimits, logger: Logger,
    progress: ((_ records: Int, _ payloadBytes: Int) -> Void)?
  ) throws -> ShardReceipt {
    let shard = folder.shard(key, .parse)
    // ParseStage writes plain JSON Lines; they are compressed into the shard, then removed.
    let plain = "\(shard).plain.tmp-\(getpid())"
    defer { unlink(plain) }
    let parsed = try ParseStage.run(
      inputs: [key.input], output: plain, rejects: folder.rejects(key), jobs: jobs, limits: limits, logger: logger,
      progress: progress)
    let writer = try GzipLinesWriter(path: shard)
    try JSONLines.forEachLine(in: plain, maxLineBytes: .max) { line, _ in
      try writer.write(line!)
      try writer.write(CollectionOfOne(0x0A))
    }
    try writer.commit()
    var receipt = ShardReceipt(
      stage: .parse, key: key, settings: settings, records: parsed.tally, documents: parsed.documents)
    receipt.emptyDocuments = parsed.emptyDocuments
    try receipt.write(for: key, in: folder)
    logger.debug("parse: made \(shard)")
    return receipt
  }
}
