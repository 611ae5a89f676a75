import Foundation
import GRDB
public import Logging
import Scoring
import SlackscoreCore

/// `slackscore export --sqlite FILE`: a pipeline's outputs (campaigns.json, documents.jsonl,
/// ctas.jsonl, run.json) in one SQLite file with keys and indexes, plus a Datasette
/// metadata file (titles, descriptions, units) beside it.
public enum SQLiteExport {
  /// What was written.
  public struct Summary: Sendable, Hashable {
    /// The SQLite file.
    public var database: String
    /// The Datasette metadata file.
    public var metadata: String
    /// Rows per table.
    public var rows: [String: Int]
  }

  /// The inputs of one pipeline run.
  public struct Inputs: Sendable {
    public var campaignsJSON: String
    public var documentsJSONL: String?
    public var ctasJSONL: String?
    public var runJSON: String?

    /// The files `slackscore run` writes into `folder`; missing optional ones are skipped.
    public init(folder: String) {
      func existing(_ name: String) -> String? {
        let path = folder + "/" + name
        return FileSystem.exists(path) ? path : nil
      }
      self.campaignsJSON = folder + "/campaigns.json"
      self.documentsJSONL = existing("documents.jsonl")
      self.ctasJSONL = existing("ctas.jsonl")
      self.runJSON = existing("run.json")
    }

    public init(campaignsJSON: String, documentsJSONL: String?, ctasJSONL: String?, runJSON: String?) {
      self.campaignsJSON = campaignsJSON
      self.documentsJSONL = documentsJSONL
      self.ctasJSONL = ctasJSONL
      self.runJSON = runJSON
    }
  }

  /// Where the Datasette metadata goes for `database`: `x.sqlite` → `x.metadata.json`.
  public static func metadataPath(for database: String) -> String {
    var stem = database
    for suffix in [".sqlite3", ".sqlite", ".db"] where stem.hasSuffix(suffix) {
      stem.removeLast(suffix.count)
      break
    }
    return stem + ".metadata.json"
  }

  /// Reads `inputs` and writes the database (replacing any file at `database`, atomically)
  /// and its metadata file.
  public static func run(inputs: Inputs, database: String, logger: Logger) throws -> Summary {
    let report = try JSONCoding.decoder().decode(
      CampaignsReport.self, from: Data(try FileSystem.readAll(inputs.campaignsJSON)))
    // Lines that do not decode are skipped, as the score stage skips them, and listed in
    // the diagnostics table.
    var skipped: [Diagnostic] = []
    func lines<T: Decodable>(_ path: String?, as type: T.Type) throws -> [T] {
      guard let path else { return [] }
      let decoder = JSONCoding.decoder()
      var values: [T] = []
      try JSONCoding.forEachLine(in: path) { line, number in
        do {
          values.append(try decoder.decode(T.self, from: Data(line)))
        } catch {
          skipped.append(
            Diagnostic(
              severity: .warning, stage: "export", file: path, offset: number, code: "bad-line",
              message: "line \(number) does not decode as \(T.self); skipped"))
        }
      }
      return values
    }
    let documents = try lines(inputs.documentsJSONL, as: Document.self)
    let ctas = try lines(inputs.ctasJSONL, as: CallToAction.self)
    let run = try inputs.runJSON.map { try RunStages.read($0) } ?? []

    let temporary = database + ".part"
    try? FileManager.default.removeItem(atPath: temporary)
    var rows: [String: Int] = [:]
    do {
      var configuration = Configuration()
      configuration.foreignKeysEnabled = true
      let queue = try DatabaseQueue(path: temporary, configuration: configuration)
      try queue.write { db in
        for table in ExportSchema.tables {
          try db.execute(sql: table.createSQL)
          for sql in table.indexSQL { try db.execute(sql: sql) }
        }
        var writer = ExportWriter(db: db)
        try writer.write(report: report, documents: documents, ctas: ctas, run: run, skipped: skipped)
        rows = writer.rows
        // Every foreign key must hold: a violation is a bug in the export, not in the data.
        let violations = try Int.fetchOne(db, sql: "SELECT count(*) FROM pragma_foreign_key_check") ?? 0
        if violations > 0 { throw ExportError(message: "\(violations) foreign-key violation(s)") }
      }
      try queue.close()
      try? FileManager.default.removeItem(atPath: database)
      try FileManager.default.moveItem(atPath: temporary, toPath: database)
    } catch {
      try? FileManager.default.removeItem(atPath: temporary)
      throw error
    }
    let metadataFile = metadataPath(for: database)
    let stem = String(database.split(separator: "/").last ?? Substring(database))
    let name = String(stem.prefix { $0 != "." })
    try AtomicFileWriter.write(
      DatasetteMetadata.json(databaseName: name, pipeline: report.pipeline.name), to: metadataFile)
    logger.debug("sqlite export written", metadata: ["path": "\(database)", "tables": "\(rows.count)"])
    return Summary(database: database, metadata: metadataFile, rows: rows)
  }
}

/// An export that cannot be completed.
public struct ExportError: Error, CustomStringConvertible {
  public var message: String
  public var description: String { message }
}

/// The per-stage counts of run.json, read without depending on the Pipeline module.
struct RunStages {
  var name: String
  var counts: [String: Int]
  var diagnostics: Int

  static func read(_ path: String) throws -> [RunStages] {
    let object = try JSONSerialization.jsonObject(with: Data(try FileSystem.readAll(path)))
    guard let stages = (object as? [String: Any])?["stages"] as? [[String: Any]] else { return [] }
    return stages.map {
      RunStages(
        name: $0["name"] as? String ?? "?", counts: ($0["counts"] as? [String: Int]) ?? [:],
        diagnostics: $0["diagnostics"] as? Int ?? 0)
    }
  }
}
