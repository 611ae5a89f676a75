import Foundation
import Scoring
import SlackscoreCore

/// What made a shard, written beside it once it is complete: a shard is reused only when its
/// receipt names the same input, content, stage version, build and settings.
struct ShardReceipt: Codable, Sendable {
  var stage: ShardFolder.Stage
  var version: Int
  var input: String
  var sha256: String
  /// ``ShardBuild/current`` of the binary that wrote the shard.
  var build: String
  /// The stage options that change its output (page size limit, model, threshold).
  var settings: String
  /// Parse: the records read, skipped and rejected; extract: the documents read.
  var records: RecordTally
  /// Parse: documents written; extract: documents with candidates.
  var documents: Int
  /// Parse: documents written with empty text.
  var emptyDocuments: Int
  /// Extract: bad input lines (parse's problems are in its rejects file).
  var diagnostics: [Diagnostic]

  init(stage: ShardFolder.Stage, key: ShardKey, settings: String, records: RecordTally, documents: Int) {
    self.stage = stage
    version = stage.version
    input = key.input
    sha256 = key.sha256
    build = ShardBuild.current
    self.settings = settings
    self.records = records
    self.documents = documents
    emptyDocuments = 0
    diagnostics = []
  }

  /// The receipt of `key`'s shard for `stage` when that shard can be reused as it is.
  static func reusable(
    _ key: ShardKey, _ stage: ShardFolder.Stage, settings: String, in folder: ShardFolder
  ) -> ShardReceipt? {
    guard let bytes = try? FileSystem.readAll(folder.receipt(key, stage)),
      let receipt = try? JSONCoding.decoder().decode(ShardReceipt.self, from: Data(bytes)),
      receipt.stage == stage, receipt.version == stage.version, receipt.input == key.input,
      receipt.sha256 == key.sha256, receipt.build == ShardBuild.current, receipt.settings == settings,
      FileSystem.exists(folder.shard(key, stage)), stage != .parse || FileSystem.exists(folder.rejects(key))
    else { return nil }
    return receipt
  }

  /// Writes the receipt (atomically), the last step of making a shard.
  func write(for key: ShardKey, in folder: ShardFolder) throws {
    var bytes = Array(try JSONCoding.prettyEncoder().encode(self))
    bytes.append(0x0A)
    try AtomicFileWriter.write(bytes, to: folder.receipt(key, stage))
  }
}

/// The binary that makes shards: a shard made by another build is made again, as `make run`
/// re-runs every stage when the binary changes.
public enum ShardBuild {
  /// SHA-256 of the running executable (its version where it cannot be read).
  public static let current: String = {
    #if os(Linux)
      if let digest = try? FileDigest.sha256("/proc/self/exe") { return digest.hex }
    #endif
    return SlackscoreVersion.current
  }()
}
