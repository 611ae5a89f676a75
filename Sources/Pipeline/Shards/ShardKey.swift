import ArchiveReader
import Scoring
import SlackscoreCore

/// Which shards belong to one input archive: named by the archive's content digest (streamed,
/// SHA-256) and a tag of the path it is read from, because documents record that path
/// (`source.path`, the ids of loose pages): the same bytes under another path make other documents.
public struct ShardKey: Sendable, Hashable, Codable {
  init(input: String, sha256: String, bytes: Int, isFile: Bool) {
    self.input = input
    self.sha256 = sha256
    self.bytes = bytes
    self.isFile = isFile
  }

  /// The input as the pipeline names it.
  public var input: String
  /// SHA-256 (hex) of the archive's bytes; for a folder, of its files' names and digests.
  public var sha256: String
  /// The archive's size in bytes (for a folder, the sum of its files').
  public var bytes: Int
  /// Whether the input is one file (its digest and size are the file's, as run.json lists them).
  public var isFile: Bool

  /// `SHA256-PATHTAG`: the part of every shard file name before the stage.
  public var name: String { sha256 + "-" + String(ContentDigest.sha256(input).hex.prefix(8)) }

  /// The key a line printed by `slackscore parse --shards` names (`NAME<TAB>INPUT`), to merge
  /// shards made elsewhere (size unknown: 0); nil when the line is not one.
  public init?(listed line: String) {
    let fields = line.split(separator: "\t", maxSplits: 1).map(String.init)
    guard fields.count == 2, fields[0].count > 65, let dash = fields[0].lastIndex(of: "-") else { return nil }
    input = fields[1]
    sha256 = String(fields[0][..<dash])
    bytes = 0
    isFile = false
    guard name == fields[0] else { return nil }
  }

  /// Hashes `input` (a file, a `file.wacz#entry` address or a folder of archives), reading
  /// 1 MiB at a time.
  public static func of(_ input: String) throws -> ShardKey {
    if FileSystem.isDirectory(input) {
      var listing = ""
      var bytes = 0
      for file in try InputExpander.expand([input]) {
        let digest = try FileDigest.sha256(file)
        listing += "\(file.dropFirst(input.count))\t\(digest.hex)\n"
        bytes += digest.bytes
      }
      return ShardKey(input: input, sha256: ContentDigest.sha256(listing).hex, bytes: bytes, isFile: false)
    }
    let file = ArchiveAddress(input).file
    let digest = try FileDigest.sha256(file)
    return ShardKey(input: input, sha256: digest.hex, bytes: digest.bytes, isFile: file == input)
  }
}

/// A folder of shards: `NAME.parse-vN.jsonl.gz` (documents), `NAME.parse-vN.rejects.jsonl`,
/// `NAME.extract-vN.jsonl.gz` (calls to action before boilerplate marking) and, written last, a
/// receipt `NAME.STAGE-vN.json` per stage saying what made the shard.
public struct ShardFolder: Sendable {
  /// The stages that write shards, with the version of their shard format and content: bump
  /// it when a stage's output changes in a way a rebuild of the same version would not show.
  public enum Stage: String, Sendable, Codable {
    case parse, extract

    public var version: Int { 1 }
    var tag: String { "\(rawValue)-v\(version)" }
  }

  public let path: String

  public init(_ path: String) { self.path = path }

  /// The shard of `key` for `stage` (gzip-compressed JSON Lines).
  public func shard(_ key: ShardKey, _ stage: Stage) -> String { file(key, stage, ".jsonl.gz") }

  /// The receipt of `key`'s shard for `stage`, written once the shard is complete.
  public func receipt(_ key: ShardKey, _ stage: Stage) -> String { file(key, stage, ".json") }

  /// The parse stage's rejected records and reader warnings for `key` (JSON Lines, as `rejects.jsonl`).
  public func rejects(_ key: ShardKey) -> String { file(key, .parse, ".rejects.jsonl") }

  private func file(_ key: ShardKey, _ stage: Stage, _ suffix: String) -> String {
    (path.hasSuffix("/") ? path : path + "/") + key.name + "." + stage.tag + suffix
  }
}
