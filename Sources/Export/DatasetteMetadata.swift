import Foundation

/// Datasette's `metadata.json` for the export: a title and description for the database
/// and each table, and a description (with its unit) for each column. Units are written
/// into the descriptions rather than Datasette's `units` key, which accepts only Pint
/// units (no "signatures" or "per 1,000").
enum DatasetteMetadata {
  static func json(databaseName: String, pipeline: String) throws -> String {
    var tables: [String: Any] = [:]
    for table in ExportSchema.tables {
      var columns: [String: String] = [:]
      for column in table.columns {
        columns[column.name] = column.description + (column.unit.map { " Unit: \($0)." } ?? "")
      }
      tables[table.name] = ["title": table.title, "description": table.description, "columns": columns]
    }
    let metadata: [String: Any] = [
      "title": "slackscore: \(pipeline)",
      "description":
        "Campaign figures of the slackscore pipeline “\(pipeline)”: ratios with 95% intervals, indices, outcomes "
        + "with every capture behind them, interactions per document, calls to action, evidence and caveats. "
        + "Figures are descriptive, not causal.",
      "databases": [databaseName: ["title": "slackscore: \(pipeline)", "tables": tables]],
    ]
    let data = try JSONSerialization.data(withJSONObject: metadata, options: [.prettyPrinted, .sortedKeys])
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}
