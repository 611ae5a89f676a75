import ArchiveReader
public import CTAExtraction
import Foundation
import SlackscoreCore

/// Merges a shard set into the files a run has always written (documents.jsonl, rejects.jsonl,
/// ctas.jsonl), in the order of the inputs.
public enum ShardMerge {
  /// Writes `folder`/documents.jsonl, rejects.jsonl and ctas.jsonl from the parse and extract
  /// shards of `keys` (score's inputs, as one run over the same archives writes them).
  public static func all(
    _ keys: [ShardKey], folder: ShardFolder, outputFolder: String, boilerplate: BoilerplateMarker = BoilerplateMarker()
  ) throws -> ExtractSummary {
    try documents(keys, folder: folder, output: outputFolder + "/documents.jsonl")
    _ = try rejects(keys, folder: folder, output: outputFolder + "/rejects.jsonl")
    var summary = ExtractSummary()
    try callsToAction(
      keys, folder: folder, output: outputFolder + "/ctas.jsonl", boilerplate: boilerplate, into: &summary)
    return summary
  }

  /// The documents of every parse shard, in order, written atomically to `output`.
  static func documents(_ keys: [ShardKey], folder: ShardFolder, output: String) throws {
    let writer = try AtomicFileWriter(path: output)
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    for key in keys {
      let reader = try GzipFileReader(path: folder.shard(key, .parse))
      while true {
        let count = try chunk.withUnsafeMutableBytes { try reader.read(into: $0) }
        if count == 0 { break }
        try writer.write(chunk[0..<count])
      }
    }
    try writer.commit()
  }

  /// Every shard's rejected records, then every shard's reader warnings (the order of a parse
  /// of all inputs in one run), written atomically to `output`: two streamed passes over the
  /// shards' rejects files, one per kind of line, so memory holds one line at a time.
  /// Returns the number of lines.
  static func rejects(_ keys: [ShardKey], folder: ShardFolder, output: String) throws -> Int {
    var lines = 0
    let writer = try AtomicFileWriter(path: output)
    for wantWarnings in [false, true] {
      for key in keys {
        try JSONLines.forEachLine(in: folder.rejects(key)) { line, _ in
          guard let line else { return }
          // Reader warnings carry a message; rejected records do not (see RejectsFile).
          let isWarning = (try? JSONCoding.decoder().decode(RejectsFile.Line.self, from: Data(line)))?.message != nil
          guard isWarning == wantWarnings else { return }
          lines += 1
          try writer.write(line)
          try writer.write([0x0A])
        }
      }
    }
    try writer.commit()
    return lines
  }

  /// Marks boilerplate over the candidates of every extract shard and writes the calls to
  /// action atomically to `output`, counting them into `summary`. Two passes over the shards: the
  /// first counts recurring sentences, the second marks and writes; memory holds the recurrence
  /// counts and one document's candidates, not the calls to action.
  static func callsToAction(
    _ keys: [ShardKey], folder: ShardFolder, output: String, boilerplate: BoilerplateMarker,
    into summary: inout ExtractSummary
  ) throws {
    var recurrence = boilerplate.recurrenceCounter()
    try forEachDocument(keys, folder: folder) { document in
      let facts = document.candidates.map { boilerplate.facts(of: $0, site: document.page.site) }
      recurrence.observe(facts, page: document.page)
    }
    let writer = try AtomicFileWriter(path: output)
    let encoder = JSONCoding.lineEncoder()
    try forEachDocument(keys, folder: folder) { document in
      let facts = document.candidates.map { boilerplate.facts(of: $0, site: document.page.site) }
      summary.count(document.candidates, facts: facts)
      for (candidate, fact) in zip(document.candidates, facts) {
        var cta = candidate.cta
        let verdict = boilerplate.verdict(fact, recurrence: recurrence)
        verdict.apply(to: &cta)
        if fact.counted && verdict.boilerplate { summary.boilerplate += 1 }
        var bytes = try encoder.encode(cta)
        bytes.append(0x0A)
        try writer.write(bytes)
      }
    }
    try writer.commit()
  }

  /// Every document line of the extract shards of `keys`, in order.
  private static func forEachDocument(
    _ keys: [ShardKey], folder: ShardFolder, _ body: (CandidateLine) throws -> Void
  ) throws {
    let decoder = JSONCoding.decoder()
    for key in keys {
      let shard = folder.shard(key, .extract)
      try JSONLines.forEachLine(inGzip: shard, maxLineBytes: .max) { line, number in
        guard let line else { return }
        let document: CandidateLine
        do {
          document = try decoder.decode(CandidateLine.self, from: Data(line))
        } catch {
          throw FileError(
            path: shard, operation: "read line \(number) (\(error); delete the shard to make it again)", errno: 22)
        }
        try body(document)
      }
    }
  }
}
