import PipelineConfiguration
public import SlackscoreCore

/// One usable row of an outcome CSV
/// (`campaign,kind,value,unit_or_currency,as_of,source_url,note`).
public struct OutcomeRow: Sendable, Hashable {
  /// Campaign id.
  public var campaign: String
  /// Canonical kind: `signatures`, `funds`, `turnout`, `donors`, `volunteers` or `policy`.
  public var kind: String
  /// The number (the low end of a turnout range); nil for `policy`.
  public var value: Double?
  /// The high end of a turnout estimate, when the row gives a range or is a `high` row.
  public var high: Double?
  /// Which end of an estimate the row gives (`low`, `high`), from the `note` column.
  public var bound: String?
  /// `policy` outcomes: the text.
  public var text: String?
  /// The `value` cell as written.
  public var raw: String
  /// ISO 4217 code for `funds`, a free unit otherwise (may be empty).
  public var unit: String
  /// `YYYY-MM-DD` (or a longer ISO 8601 timestamp).
  public var asOf: String
  /// Where the figure was published.
  public var sourceURL: String?
  /// The `note` cell.
  public var note: String?
  /// Where the row is: file (as named) and 1-based line.
  public var file: String
  /// 1-based line in the file.
  public var line: Int
}

/// One usable row of an interaction export CSV (`url,posted_at,platform,likes,shares,comments,views`).
public struct InteractionRow: Sendable, Hashable {
  /// The post or page URL.
  public var url: String
  /// When it was posted (ISO 8601).
  public var postedAt: String?
  /// Platform, lower-cased.
  public var platform: String?
  /// Counts per interaction type; an empty cell is absent (unknown), not zero.
  public var counts: [String: Double]
  /// The file as named.
  public var file: String
  /// 1-based line in the file.
  public var line: Int
}

/// Reads the outcome and interaction CSVs. Bad rows become diagnostics naming file and
/// line; the rest is kept.
public enum TableReader {
  /// Outcome kinds and their accepted spellings.
  static let outcomeKinds: [String: String] = [
    "signatures": "signatures", "signature": "signatures", "funds": "funds", "funds_raised": "funds",
    "turnout": "turnout", "attendance": "turnout", "attendees": "turnout", "donors": "donors",
    "volunteers": "volunteers", "policy": "policy",
  ]

  /// Reads one outcome CSV. `displayPath` names it in diagnostics and evidence.
  public static func outcomes(
    path: String, displayPath: String, diagnostics: DiagnosticCollector
  ) throws
    -> [OutcomeRow]
  {
    let (rows, problems) = CSVReader.rows(try FileSystem.readAll(path))
    report(problems, file: displayPath, diagnostics)
    guard let header = rows.first else { return [] }
    let columns = ["campaign", "kind", "value", "unit_or_currency", "as_of", "source_url", "note"]
    guard let index = headerIndex(header, required: Array(columns.prefix(5)), file: displayPath, diagnostics) else {
      return []
    }
    var result: [OutcomeRow] = []
    for row in rows.dropFirst() {
      let cells = RowCells(row: row, index: index, file: displayPath, code: "bad-outcome-row", diagnostics: diagnostics)
      func cell(_ name: String) -> String { cells.cell(name) }
      func reject(_ message: String) { cells.reject(message) }
      let campaign = cell("campaign")
      guard !campaign.isEmpty else { reject("empty campaign"); continue }
      guard let kind = outcomeKinds[cell("kind").lowercased()] else {
        reject("unknown kind \(quoted(cell("kind"))) (expected signatures, funds, turnout, donors, volunteers, policy)")
        continue
      }
      let asOf = cell("as_of")
      guard CalendarDate.dayNumber(asOf) != nil else {
        reject("as_of: expected a date like 2024-01-31, got \(quoted(asOf))")
        continue
      }
      let note = cell("note")
      let source = cell("source_url")
      var outcome = OutcomeRow(
        campaign: campaign, kind: kind, value: nil, high: nil, bound: nil, text: nil, raw: cell("value"),
        unit: cell("unit_or_currency"), asOf: asOf, sourceURL: source.isEmpty ? nil : source,
        note: note.isEmpty ? nil : note, file: displayPath, line: row.line)
      let raw = outcome.raw
      if kind == "policy" {
        guard !raw.isEmpty else { reject("policy outcome without text"); continue }
        outcome.text = raw
        result.append(outcome)
        continue
      }
      let lowerNote = note.lowercased()
      if lowerNote.hasPrefix("low") {
        outcome.bound = "low"
      } else if lowerNote.hasPrefix("high") {
        outcome.bound = "high"
      }
      if let value = CSVNumber.parse(raw) {
        guard value >= 0 else { reject("value: a count cannot be negative, got \(quoted(raw))"); continue }
        outcome.value = value
      } else if kind == "turnout", let range = CSVNumber.parseRange(raw) {
        outcome.value = range.low
        outcome.high = range.high
      } else {
        let hint = kind == "turnout" ? " or a range like 5000-12000" : ""
        reject("value: expected a number like 12500 or 12,500.5\(hint), got \(quoted(raw))")
        continue
      }
      if outcome.bound != nil && kind != "turnout" {
        reject("note \(quoted(note)): low/high estimates are only allowed for turnout")
        continue
      }
      if kind == "funds" {
        let code = outcome.unit.uppercased()
        guard code.utf8.count == 3, code.utf8.allSatisfy({ $0 >= 65 && $0 <= 90 }) else {
          reject("unit_or_currency: funds need an ISO 4217 code like IDR, got \(quoted(outcome.unit))")
          continue
        }
        outcome.unit = code
      }
      result.append(outcome)
    }
    return result
  }

  /// Reads one interaction export CSV. Extra numeric columns named like a known interaction
  /// type (`reactions`, `retweets`, `followers`) are read too; other columns are ignored.
  public static func interactions(
    path: String, displayPath: String, diagnostics: DiagnosticCollector
  ) throws
    -> [InteractionRow]
  {
    let (rows, problems) = CSVReader.rows(try FileSystem.readAll(path))
    report(problems, file: displayPath, diagnostics)
    guard let header = rows.first else { return [] }
    guard let index = headerIndex(header, required: ["url"], file: displayPath, diagnostics) else { return [] }
    let types = InteractionType.all.filter { index[$0] != nil }
    var result: [InteractionRow] = []
    rowLoop: for row in rows.dropFirst() {
      let cells = RowCells(
        row: row, index: index, file: displayPath, code: "bad-interaction-row", diagnostics: diagnostics)
      func cell(_ name: String) -> String { cells.cell(name) }
      func reject(_ message: String) { cells.reject(message) }
      let url = cell("url")
      guard !url.isEmpty else { reject("empty url"); continue }
      let posted = cell("posted_at")
      if !posted.isEmpty && CalendarDate.dayNumber(posted) == nil {
        reject("posted_at: expected an ISO 8601 date like 2024-01-31, got \(quoted(posted))")
        continue
      }
      var counts: [String: Double] = [:]
      for type in types {
        let raw = cell(type)
        if raw.isEmpty { continue }
        guard let value = CSVNumber.parse(raw), value >= 0, value == value.rounded() else {
          reject("\(type): expected a whole non-negative number like 1200 or 1,200, got \(quoted(raw))")
          continue rowLoop
        }
        counts[type] = value
      }
      let platform = cell("platform")
      result.append(
        InteractionRow(
          url: url, postedAt: posted.isEmpty ? nil : posted, platform: platform.isEmpty ? nil : platform.lowercased(),
          counts: counts, file: displayPath, line: row.line))
    }
    return result
  }

  private static func headerIndex(
    _ header: CSVReader.Row, required: [String], file: String, _ diagnostics: DiagnosticCollector
  ) -> [String: Int]? {
    var index: [String: Int] = [:]
    for (i, name) in header.fields.enumerated() {
      let key = name.trimmingSpaces().lowercased()
      if index[key] == nil { index[key] = i }
    }
    let missing = required.filter { index[$0] == nil }
    guard missing.isEmpty else {
      diagnostics.emit(
        Diagnostic(
          severity: .error, stage: "score", file: file, offset: nil, code: "bad-csv-header",
          message:
            "line \(header.line): header lacks \(missing.joined(separator: ", ")) (expected \(required.joined(separator: ",")),…); file skipped"
        ))
      return nil
    }
    return index
  }

  private static func report(_ problems: [CSVReader.Problem], file: String, _ diagnostics: DiagnosticCollector) {
    for problem in problems {
      diagnostics.emit(
        Diagnostic(
          severity: .error, stage: "score", file: file, offset: nil, code: "bad-csv",
          message: "line \(problem.line): \(problem.message); the rest of the file is skipped"))
    }
  }
}

/// The interaction types the score stage knows, in output order. Views and followers
/// measure reach; the others are acts.
public enum InteractionType {
  /// Every known type.
  public static let all = ["likes", "shares", "comments", "views", "reactions", "retweets", "followers"]
  /// Token acts summed into `active_interactions` for the indices (reach measures excluded).
  public static let active: Set<String> = ["likes", "shares", "comments", "reactions", "retweets"]
}

/// One data row of an input CSV: cells by column name (trimmed; empty when absent) and the
/// diagnostic for a row that is skipped, naming file, line and reason.
private struct RowCells {
  let row: CSVReader.Row
  let index: [String: Int]
  let file: String
  let code: String
  let diagnostics: DiagnosticCollector

  func cell(_ name: String) -> String {
    guard let i = index[name], i < row.fields.count else { return "" }
    return row.fields[i].trimmingSpaces()
  }

  func reject(_ message: String) {
    diagnostics.emit(
      Diagnostic(
        severity: .error, stage: "score", file: file, offset: nil, code: code,
        message: "line \(row.line): \(message); row skipped"))
  }
}
