/// Whether a run made an input's shards or found them made (run.json's `shards`).
public struct ShardUse: Codable, Sendable, Equatable {
  public var input: String
  /// The shard files' name before the stage (`SHA256-PATHTAG`).
  public var shard: String
  /// `made` or `reused`; nil when the stage has not run.
  public var parse: String?
  public var extract: String?

  public init(input: String, shard: String, parse: String? = nil, extract: String? = nil) {
    self.input = input
    self.shard = shard
    self.parse = parse
    self.extract = extract
  }

  /// `uses` with `update`'s stages set, matched by input (appended when new).
  public static func merging(_ update: [ShardUse], into uses: [ShardUse]) -> [ShardUse] {
    var result = uses
    for use in update {
      if let i = result.firstIndex(where: { $0.input == use.input && $0.shard == use.shard }) {
        result[i].parse = use.parse ?? result[i].parse
        result[i].extract = use.extract ?? result[i].extract
      } else {
        result.append(use)
      }
    }
    return result
  }
}
