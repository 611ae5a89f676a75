import Foundation
import Testing

/// `slackscore run` keeps one parse and one extract shard per archive: a rerun with one archive
/// more makes that archive's shards only, and the merged outputs are those of a run without shards.
@Suite(.serialized) struct ShardRunTests {
  /// pipelines/default with its inputs in `folder`/warc (the archives named).
  static func pipeline(in folder: String, archives: [String]) throws -> String {
    let manager = FileManager.default
    try manager.createDirectory(atPath: folder + "/warc", withIntermediateDirectories: true)
    try manager.createDirectory(atPath: folder + "/pipeline", withIntermediateDirectories: true)
    for name in archives where !manager.fileExists(atPath: folder + "/warc/" + name) {
      try manager.copyItem(atPath: CommandRunner.packageRoot + "/corpus/warc/" + name, toPath: folder + "/warc/" + name)
    }
    for name in ["outcomes.csv", "interactions.csv"] where !manager.fileExists(atPath: folder + "/pipeline/" + name) {
      try manager.copyItem(
        atPath: CommandRunner.packageRoot + "/pipelines/default/" + name, toPath: folder + "/pipeline/" + name)
    }
    let config = try String(
      contentsOfFile: CommandRunner.packageRoot + "/pipelines/default/pipeline.yml", encoding: .utf8
    )
    .replacingOccurrences(of: "  - corpus/warc/*.warc.gz", with: "  - \(folder)/warc/*.warc.gz")
    try config.write(toFile: folder + "/pipeline/pipeline.yml", atomically: true, encoding: .utf8)
    return folder + "/pipeline"
  }

  static func shardUses(_ runJSON: String) throws -> [String: [String: String]] {
    let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: runJSON)))
    let shards = try #require((object as? [String: Any])?["shards"] as? [[String: Any]])
    var result: [String: [String: String]] = [:]
    for shard in shards {
      let input = try #require(shard["input"] as? String)
      result[(input as NSString).lastPathComponent] = [
        "parse": shard["parse"] as? String ?? "", "extract": shard["extract"] as? String ?? "",
      ]
    }
    return result
  }

  /// Inode and modification time of every file in `folder`.
  static func stamps(_ folder: String) throws -> [String: String] {
    var result: [String: String] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
      let attributes = try FileManager.default.attributesOfItem(atPath: folder + "/" + name)
      result[name] = "\(attributes[.systemFileNumber] ?? 0) \(attributes[.modificationDate] ?? 0)"
    }
    return result
  }

  @Test func addingAnArchiveParsesAndSearchesOnlyThatArchive() throws {
    let folder = try CommandRunner.temporaryFolder()
    let out = folder + "/out"
    var pipeline = try Self.pipeline(in: folder, archives: ["social.warc.gz", "web.warc.gz"])
    let first = try CommandRunner.run(["run", "--pipeline", pipeline, "--out", out, "--jobs", "2"])
    #expect(first.status == 0, "\(first.stderr)")
    #expect(
      try Self.shardUses(out + "/run.json") == [
        "social.warc.gz": ["parse": "made", "extract": "made"], "web.warc.gz": ["parse": "made", "extract": "made"],
      ])
    let before = try Self.stamps(out + "/shards")
    #expect(before.keys.filter { $0.hasSuffix(".jsonl.gz") }.count == 4)

    pipeline = try Self.pipeline(in: folder, archives: ["social.warc.gz", "web.warc.gz", "platforms.warc.gz"])
    let second = try CommandRunner.run(["run", "--pipeline", pipeline, "--out", out, "--jobs", "2"])
    #expect(second.status == 0, "\(second.stderr)")
    #expect(
      try Self.shardUses(out + "/run.json") == [
        "platforms.warc.gz": ["parse": "made", "extract": "made"],
        "social.warc.gz": ["parse": "reused", "extract": "reused"],
        "web.warc.gz": ["parse": "reused", "extract": "reused"],
      ])
    // The first two archives' shard files were not written again.
    let after = try Self.stamps(out + "/shards")
    for (name, stamp) in before { #expect(after[name] == stamp, "\(name) was rewritten") }
    #expect(after.keys.filter { $0.hasSuffix(".jsonl.gz") }.count == 6)

    // The merged files are those of parse and extract over the same archives in one run.
    let whole = folder + "/whole"
    let archives = ["platforms.warc.gz", "social.warc.gz", "web.warc.gz"].map { folder + "/warc/" + $0 }
    let parsed = try CommandRunner.run(
      ["parse"] + archives + ["-o", whole + "/documents.jsonl", "--rejects", whole + "/rejects.jsonl"])
    #expect(parsed.status == 0, "\(parsed.stderr)")
    let extracted = try CommandRunner.run(["extract", whole + "/documents.jsonl", "-o", whole + "/ctas.jsonl"])
    #expect(extracted.status == 0, "\(extracted.stderr)")
    for name in ["documents.jsonl", "rejects.jsonl", "ctas.jsonl"] {
      let merged = try Data(contentsOf: URL(fileURLWithPath: out + "/" + name))
      let direct = try Data(contentsOf: URL(fileURLWithPath: whole + "/" + name))
      #expect(!direct.isEmpty || name == "rejects.jsonl")
      #expect(merged == direct, "\(name) differs from a run without shards")
    }
  }

  @Test func scoreOverAShardListGivesTheCampaignsOfTheRun() throws {
    let folder = try CommandRunner.temporaryFolder()
    let pipeline = try Self.pipeline(in: folder, archives: ["news.warc.gz", "social.warc.gz"])
    let run = try CommandRunner.run(["run", "--pipeline", pipeline, "--out", folder + "/run"])
    #expect(run.status == 0, "\(run.stderr)")
    // What the Spark job does: shards per archive, then score over the list as the merge.
    let shards = folder + "/spark/shards"
    var list = ""
    for archive in ["news.warc.gz", "social.warc.gz"].map({ folder + "/warc/" + $0 }) {
      let parse = try CommandRunner.run(["parse", "--shards", shards, archive, "--jobs", "1"])
      #expect(parse.status == 0, "\(parse.stderr)")
      list += parse.stdout
      let extract = try CommandRunner.run(["extract", "--shards", shards, archive, "--jobs", "1"])
      #expect(extract.status == 0, "\(extract.stderr)")
    }
    try list.write(toFile: folder + "/spark/shards.list", atomically: true, encoding: .utf8)
    let score = try CommandRunner.run([
      "score", "--pipeline", pipeline, "--shards", shards, "--shard-list", folder + "/spark/shards.list", "--out",
      folder + "/spark", "--output-named-as", folder + "/run",
    ])
    #expect(score.status == 0, "\(score.stderr)")
    for name in ["documents.jsonl", "ctas.jsonl", "campaigns.json", "campaigns.csv"] {
      let spark = try Data(contentsOf: URL(fileURLWithPath: folder + "/spark/" + name))
      let direct = try Data(contentsOf: URL(fileURLWithPath: folder + "/run/" + name))
      #expect(spark == direct, "\(name) differs")
    }
  }
}
