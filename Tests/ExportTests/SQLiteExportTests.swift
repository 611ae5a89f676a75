import Foundation
import GRDB
import Logging
import SlackscoreCore
import Testing

@testable import Export
@testable import Scoring

/// The SQLite export of the score stage's fixture (campaigns.json with its documents.jsonl and
/// ctas.jsonl), read back through GRDB.
@Suite struct SQLiteExportTests {
  static var fixtures: String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("ScoringTests/Fixtures").path
  }

  static func export() throws -> (DatabaseQueue, CampaignsReport, SQLiteExport.Summary) {
    let folder = NSTemporaryDirectory() + "slackscore-export-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let inputs = SQLiteExport.Inputs(
      campaignsJSON: fixtures + "/expected/campaigns.json", documentsJSONL: fixtures + "/sample/documents.jsonl",
      ctasJSONL: fixtures + "/sample/ctas.jsonl", runJSON: nil)
    let summary = try SQLiteExport.run(inputs: inputs, database: folder + "/x.sqlite", logger: Logger(label: "test"))
    let report = try JSONCoding.decoder().decode(
      CampaignsReport.self, from: Data(try FileSystem.readAll(inputs.campaignsJSON)))
    return (try DatabaseQueue(path: summary.database), report, summary)
  }

  @Test func everyTableHasItsRowsAndEveryKeyHolds() throws {
    let (db, report, summary) = try Self.export()
    try db.read { db in
      #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM pragma_foreign_key_check") == 0)
      #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
      #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM campaigns") == report.campaigns.count)
      #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM ratios") == report.campaigns.flatMap(\.ratios).count)
      #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM caveats") == report.campaigns.flatMap(\.caveats).count)
      let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      #expect(Set(tables) == Set(ExportSchema.tables.map(\.name)))
      let indexes = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'index'") ?? 0
      #expect(indexes >= ExportSchema.tables.flatMap(\.indexes).count)
    }
    #expect(summary.rows["documents"] ?? 0 > 0 && summary.rows["ctas"] ?? 0 > 0)
  }

  @Test func everyOutcomeTotalHasTheCapturesBehindIt() throws {
    let (db, report, _) = try Self.export()
    try db.read { db in
      for c in report.campaigns {
        for o in c.outcomes where !["funds", "policy", "turnout"].contains(o.kind) {  // turnout: a range across sources
          guard let value = o.value else { continue }
          let latest = try Double.fetchOne(
            db,
            sql: """
              SELECT sum(p.value) FROM outcome_points p JOIN outcomes o ON o.id = p.outcome_id
              WHERE o.campaign_id = ? AND o.kind = ? AND p.is_latest AND p.used
              """, arguments: [c.id, o.kind])
          #expect(latest == value, "\(c.id) \(o.kind)")
        }
      }
      // Every point names its evidence, and archive evidence the command that shows it.
      #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM outcome_points WHERE evidence_id IS NULL") == 0)
      #expect(
        try Int.fetchOne(
          db, sql: "SELECT count(*) FROM evidence WHERE archive_path IS NOT NULL AND show_command IS NULL") == 0)
    }
  }

  @Test func metadataDescribesEveryTableAndColumn() throws {
    let (_, _, summary) = try Self.export()
    #expect(summary.metadata.hasSuffix("/x.metadata.json"))
    let json = try JSONSerialization.jsonObject(with: Data(try FileSystem.readAll(summary.metadata))) as? [String: Any]
    let tables = ((json?["databases"] as? [String: Any])?["x"] as? [String: Any])?["tables"] as? [String: Any]
    for table in ExportSchema.tables {
      let entry = tables?[table.name] as? [String: Any]
      #expect(entry?["description"] as? String == table.description)
      #expect((entry?["columns"] as? [String: String])?.count == table.columns.count)
    }
    let ratioValue = ((tables?["ratios"] as? [String: Any])?["columns"] as? [String: String])?["value"]
    #expect(ratioValue?.contains("Unit: per 1,000") == true)
  }
}

/// campaigns.csv: ratio columns and the spreadsheet options.
@Suite struct CampaignsCSVTests {
  static func report() throws -> CampaignsReport {
    try JSONCoding.decoder().decode(
      CampaignsReport.self,
      from: Data(try FileSystem.readAll(SQLiteExportTests.fixtures + "/expected/campaigns.json")))
  }

  @Test func ratioColumnsCarryValueAndInterval() throws {
    let report = try Self.report()
    let csv = CampaignsCSV.render(report)
    let rows = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    let header = rows[0].map(String.init)
    #expect(header == CampaignsCSV.columns)
    #expect(header.contains("signatures_per_1k_likes_ci95_low"))
    let ratio = try #require(report.campaigns.flatMap(\.ratios).first { $0.ci95Low != nil })
    let column = "\(ratio.outcome == "funds" ? "funds_base" : ratio.outcome)_per_1k_\(ratio.interaction)"
    let row = try #require(report.campaigns.firstIndex { $0.ratios.contains(ratio) })
    let cells = rows[row + 1]
    #expect(String(cells[header.firstIndex(of: column)!]) == CampaignsCSV.number(ratio.value))
    #expect(String(cells[header.firstIndex(of: column + "_ci95_high")!]) == CampaignsCSV.number(ratio.ci95High))
  }

  @Test func indonesianSpreadsheetsGetABOMSemicolonsAndDecimalCommas() throws {
    let csv = CampaignsCSV.render(try Self.report(), options: .init(byteOrderMark: true, delimiter: ";"))
    #expect(Array(csv.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
    let lines = csv.dropFirst().split(separator: "\n")
    #expect(lines[0].hasPrefix("id;name;documents;"))
    // Every row has as many cells as the header (caveat lists, joined by ';', are quoted).
    for line in lines.dropFirst() {
      var cells = 1
      var quoted = false
      for ch in line {
        if ch == "\"" { quoted.toggle() } else if ch == ";" && !quoted { cells += 1 }
      }
      #expect(cells == CampaignsCSV.columns.count)
      #expect(!line.contains(where: { $0 == "." }) || line.contains("\""), "decimal point in \(line)")
    }
  }
}
