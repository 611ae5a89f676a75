public import PipelineConfiguration
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
  /// 1-based column of each field by name (for diagnostics that point at a cell).
  public var columns: [String: Int] = [:]
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

  /// Largest CSV read, in bytes (a CSV is read whole; the limit bounds memory).
  public static let maxFileBytes = 256 << 20
  /// Largest cell, in bytes: a longer one is not data (the row is skipped).
  public static let maxFieldBytes = 64 << 10
  /// Most columns in a row.
  public static let maxFields = 256

  /// Reads one outcome CSV. `displayPath` names it in diagnostics and evidence; `style` says
  /// how grouped numbers are written.
  public static func outcomes(
    path: String, displayPath: String, style: NumberStyle = .en, diagnostics: DiagnosticCollector
  ) throws
    -> [OutcomeRow]
  {
    guard let rows = try readRows(path, file: displayPath, diagnostics) else { return [] }
    guard let header = rows.first else { return [] }
    let columns = ["campaign", "kind", "value", "unit_or_currency", "as_of", "source_url", "note"]
    guard let index = headerIndex(header, required: Array(columns.prefix(5)), file: displayPath, diagnostics) else {
      return []
    }
    var result: [OutcomeRow] = []
    for row in rows.dropFirst() {
      let cells = RowCells(row: row, index: index, file: displayPath, code: "bad-outcome-row", diagnostics: diagnostics)
      func cell(_ name: String) -> String { cells.cell(name) }
      func reject(_ message: String, column: String? = nil, hint: String? = nil) {
        cells.reject(message, column: column, hint: hint)
      }
      guard cells.fitsLimits() else { continue }
      let campaign = cell("campaign")
      guard !campaign.isEmpty else { reject("empty campaign", column: "campaign"); continue }
      guard let kind = outcomeKinds[cell("kind").lowercased()] else {
        let guess = Suggestion.closest(to: cell("kind").lowercased(), in: outcomeKinds.keys)
        reject(
          "unknown kind \(quoted(cell("kind"))) (expected signatures, funds, turnout, donors, volunteers, policy)",
          column: "kind", hint: guess.map { "did you mean \(quoted($0))?" })
        continue
      }
      let asOf = cell("as_of")
      guard CalendarDate.dayNumber(asOf) != nil else {
        reject(
          "as_of: expected a date like 2024-01-31, got \(quoted(asOf))", column: "as_of",
          hint: "write dates as YYYY-MM-DD")
        continue
      }
      let note = cell("note")
      let source = cell("source_url")
      var outcome = OutcomeRow(
        campaign: campaign, kind: kind, value: nil, high: nil, bound: nil, text: nil, raw: cell("value"),
        unit: cell("unit_or_currency"), asOf: asOf, sourceURL: source.isEmpty ? nil : source,
        note: note.isEmpty ? nil : note, file: displayPath, line: row.line, columns: cells.columns)
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
      let parsed = kind == "funds" ? CSVNumber.amount(raw, style: style) : CSVNumber.count(raw, style: style)
      switch parsed {
      case .success(let value):
        guard value >= 0 else {
          reject("value: an amount cannot be negative, got \(quoted(raw))", column: "value"); continue
        }
        outcome.value = value
      case .failure(let rejection):
        if kind == "turnout", let range = CSVNumber.countRange(raw, style: style) {
          outcome.value = range.low
          outcome.high = range.high
        } else {
          let range = kind == "turnout" ? " (or a range like 5000-12000)" : ""
          reject("value: \(rejection.message)\(range)", column: "value")
          continue
        }
      }
      if outcome.bound != nil && kind != "turnout" {
        reject("note \(quoted(note)): low/high estimates are only allowed for turnout", column: "note")
        continue
      }
      if kind == "funds" {
        let code = outcome.unit.uppercased()
        guard code.utf8.count == 3, code.utf8.allSatisfy({ $0 >= 65 && $0 <= 90 }) else {
          reject(
            "unit_or_currency: funds need an ISO 4217 code like IDR, got \(quoted(outcome.unit))",
            column: "unit_or_currency", hint: outcome.unit.lowercased() == "rp" ? "write IDR for rupiah" : nil)
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
  ///
  /// Columns named after one act on different platforms (`shares`, `retweets`, `reposts`)
  /// are one type, `shares` (see ``InteractionType/synonyms``); a row giving both keeps the
  /// larger, since they repeat one count.
  public static func interactions(
    path: String, displayPath: String, style: NumberStyle = .en, diagnostics: DiagnosticCollector
  ) throws
    -> [InteractionRow]
  {
    guard let rows = try readRows(path, file: displayPath, diagnostics) else { return [] }
    guard let header = rows.first else { return [] }
    guard let index = headerIndex(header, required: ["url"], file: displayPath, diagnostics) else { return [] }
    let columns = index.keys.filter { InteractionType.canonical($0) != nil }.sorted()
    var result: [InteractionRow] = []
    rowLoop: for row in rows.dropFirst() {
      let cells = RowCells(
        row: row, index: index, file: displayPath, code: "bad-interaction-row", diagnostics: diagnostics)
      func cell(_ name: String) -> String { cells.cell(name) }
      guard cells.fitsLimits() else { continue }
      let url = cell("url")
      guard !url.isEmpty else { cells.reject("empty url", column: "url"); continue }
      let posted = cell("posted_at")
      if !posted.isEmpty && CalendarDate.dayNumber(posted) == nil {
        cells.reject("posted_at: expected an ISO 8601 date like 2024-01-31, got \(quoted(posted))", column: "posted_at")
        continue
      }
      var counts: [String: Double] = [:]
      for column in columns {
        let raw = cell(column)
        if raw.isEmpty { continue }
        switch CSVNumber.count(raw, style: style) {
        case .success(let value):
          let type = InteractionType.canonical(column)!
          counts[type] = max(counts[type] ?? 0, value)
        case .failure(let rejection):
          cells.reject("\(column): \(rejection.message)", column: column)
          continue rowLoop
        }
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
          severity: .error, stage: "score", file: file, line: header.line, code: "bad-csv-header",
          message:
            "header lacks \(missing.joined(separator: ", ")) (expected \(required.joined(separator: ",")),…); file skipped",
          hint: "the first line must name the columns"))
      return nil
    }
    return index
  }

  /// The file's rows, or nil (with a diagnostic) when it is larger than ``maxFileBytes``.
  private static func readRows(
    _ path: String, file: String, _ diagnostics: DiagnosticCollector
  ) throws -> [CSVReader.Row]? {
    if let size = FileSystem.size(of: path), size > maxFileBytes {
      diagnostics.emit(
        Diagnostic(
          severity: .error, stage: "score", file: file, code: "csv-too-large",
          message: "the file is \(size) bytes; the limit is \(maxFileBytes) (TableReader.maxFileBytes); file skipped"))
      return nil
    }
    let (rows, problems) = CSVReader.rows(try FileSystem.readAll(path))
    for problem in problems {
      diagnostics.emit(
        Diagnostic(
          severity: .error, stage: "score", file: file, line: problem.line, code: "bad-csv",
          message: "\(problem.message); the rest of the file is skipped", hint: "close the quote"))
    }
    return rows
  }
}

/// The interaction types the score stage knows, in output order. Views and followers
/// measure reach; the others are acts.
public enum InteractionType {
  /// Every known type: the interaction kinds of `CounterKinds` that are no other's synonym.
  public static let all = CounterKinds.interactions.filter { synonyms[$0] == nil }
  /// Token acts summed into `active_interactions` for the indices (reach measures excluded).
  public static let active: Set<String> = ["likes", "shares", "comments", "reactions"]
  /// One act, one count: the names platforms give to passing a post on (X/Twitter
  /// `retweets`, Bluesky/Mastodon `reposts`/`boosts`, Facebook `shares`) are one type,
  /// `shares`. A page that shows the same act under two names (JSON-LD `shares` and embedded
  /// JSON `retweets`) then counts it once. Every other name is its own type.
  public static let synonyms: [String: String] = [
    "retweets": "shares", "reposts": "shares", "boosts": "shares", "quotes": "shares",
  ]

  /// The type a counter or CSV column named `kind` counts as; nil when it is no interaction.
  public static func canonical(_ kind: String) -> String? {
    let name = synonyms[kind] ?? kind
    return all.contains(name) ? name : nil
  }
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

  /// 1-based column of each named field.
  var columns: [String: Int] { index.mapValues { $0 + 1 } }

  /// The row is skipped, with a diagnostic at `file:line:column`.
  func reject(_ message: String, column: String? = nil, hint: String? = nil) {
    diagnostics.emit(
      Diagnostic(
        severity: .error, stage: "score", file: file, line: row.line,
        column: column.flatMap { index[$0] }.map { $0 + 1 },
        code: code, message: "\(message); row skipped", hint: hint))
  }

  /// False (with a diagnostic) when the row has too many fields or too long a field.
  func fitsLimits() -> Bool {
    if row.fields.count > TableReader.maxFields {
      reject("\(row.fields.count) fields; the limit is \(TableReader.maxFields) (TableReader.maxFields)")
      return false
    }
    if let long = row.fields.firstIndex(where: { $0.utf8.count > TableReader.maxFieldBytes }) {
      diagnostics.emit(
        Diagnostic(
          severity: .error, stage: "score", file: file, line: row.line, column: long + 1, code: code,
          message:
            "a field of \(row.fields[long].utf8.count) bytes; the limit is \(TableReader.maxFieldBytes) (TableReader.maxFieldBytes); row skipped"
        ))
      return false
    }
    return true
  }
}
