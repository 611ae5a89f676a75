import Synchronization

/// A problem met while processing input: a damaged record, a lying header, a CSV row that
/// cannot be read, an input pattern that matches nothing. Every stage reports problems in
/// this one shape, so that a run can print them as one block, count them in `run.json` and
/// list them in the report.
///
/// Problems that stop a run before it starts (a bad pipeline config, a missing input file)
/// are thrown as errors instead; `slackscore run` also records them here.
public struct Diagnostic: Sendable, Hashable, Codable {
  /// How serious the problem is. Under `--strict`, a warning or worse fails the run.
  public enum Severity: String, Sendable, Codable, Comparable {
    case note, warning, error

    private var rank: Int {
      switch self {
      case .note: 0
      case .warning: 1
      case .error: 2
      }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
  }

  public var severity: Severity
  /// The stage that met the problem (`config`, `read`, `parse`, `extract`, `score`, …).
  public var stage: String
  /// The input file as the user named it, when the problem belongs to one.
  public var file: String?
  /// 1-based line in `file` (text inputs: CSV, JSON Lines, YAML), when known.
  public var line: Int?
  /// 1-based column (CSV: the field number), when known.
  public var column: Int?
  /// Byte offset in `file` where the problem starts (archives), when known.
  public var offset: Int?
  /// A short machine-readable code, e.g. `truncated-gzip-member`.
  public var code: String
  /// A sentence for people: what happened.
  public var message: String
  /// What to do about it, when there is something to do.
  public var hint: String?

  public init(
    severity: Severity, stage: String, file: String? = nil, line: Int? = nil, column: Int? = nil,
    offset: Int? = nil, code: String, message: String, hint: String? = nil
  ) {
    self.severity = severity
    self.stage = stage
    self.file = file
    self.line = line
    self.column = column
    self.offset = offset
    self.code = code
    self.message = message
    self.hint = hint
  }

  /// `file:line:column` or `file:offset` (or `-` when the problem belongs to no file).
  public var location: String {
    var text = file ?? "-"
    if let line {
      text += ":\(line)"
      if let column { text += ":\(column)" }
    } else if let offset {
      text += ":\(offset)"
    }
    return text
  }

  /// `file:line: severity: message [code]` (`file:offset` for archives), the shape
  /// compilers use, so editors and `grep` understand it; the hint follows after ` (fix: …)`.
  public var formatted: String {
    var text = "\(location): \(severity.rawValue): \(message) [\(code)]"
    if let hint { text += " (fix: \(hint))" }
    return text
  }

  /// The order diagnostics are listed in: file, line, offset, code, message.
  public static func listedBefore(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
    (a.file ?? "", a.line ?? 0, a.column ?? 0, a.offset ?? -1, a.code, a.message)
      < (b.file ?? "", b.line ?? 0, b.column ?? 0, b.offset ?? -1, b.code, b.message)
  }
}

/// Collects diagnostics from any thread. Stages take one and add to it; a run shares one
/// collector across its stages, then prints, counts and lists what it holds.
public final class DiagnosticCollector: Sendable {
  private let storage = Mutex<[Diagnostic]>([])

  public init() {}

  /// Adds one diagnostic.
  public func emit(_ diagnostic: Diagnostic) {
    storage.withLock { $0.append(diagnostic) }
  }

  /// Adds several diagnostics (another collector's, or ones read back from a file).
  public func emit(contentsOf diagnostics: [Diagnostic]) {
    storage.withLock { $0.append(contentsOf: diagnostics) }
  }

  /// Everything collected so far, in a deterministic order (file, line, offset, code,
  /// message), whatever order the threads emitted them in.
  public var diagnostics: [Diagnostic] {
    storage.withLock { $0 }.sorted(by: Diagnostic.listedBefore)
  }

  /// Number of diagnostics at or above `severity`.
  public func count(atLeast severity: Diagnostic.Severity) -> Int {
    storage.withLock { $0.filter { $0.severity >= severity }.count }
  }
}

/// The diagnostics of a run in the forms people and programs read: one block for stderr,
/// counts per code for `run.json`.
public enum DiagnosticSummary {
  /// Diagnostics listed one per line in the block; the rest are counted ("… and N more").
  public static let blockLimit = 20

  /// Counts per code, e.g. `["bad-outcome-row": 2, "input-not-found": 1]`.
  public static func countsByCode(_ diagnostics: [Diagnostic]) -> [String: Int] {
    diagnostics.reduce(into: [:]) { $0[$1.code, default: 0] += 1 }
  }

  /// Counts per severity (`error`, `warning`, `note`), only those present.
  public static func countsBySeverity(_ diagnostics: [Diagnostic]) -> [String: Int] {
    diagnostics.reduce(into: [:]) { $0[$1.severity.rawValue, default: 0] += 1 }
  }

  /// The block a run prints on stderr: a header line with the counts, then one line per
  /// diagnostic (errors first, at most ``blockLimit``), then where the full list is.
  /// Empty when there is nothing at or above `minimum`.
  public static func block(
    _ diagnostics: [Diagnostic], title: String, minimum: Diagnostic.Severity = .warning, fullList: String? = nil
  ) -> String {
    let shown = diagnostics.filter { $0.severity >= minimum }
    guard !shown.isEmpty else { return "" }
    let bySeverity = countsBySeverity(shown)
    let counts = [Diagnostic.Severity.error, .warning, .note].compactMap { s in
      bySeverity[s.rawValue].map { "\($0) \(s.rawValue)\($0 == 1 ? "" : "s")" }
    }
    var lines = ["\(title): \(counts.joined(separator: ", "))"]
    let ordered = shown.sorted { a, b in
      a.severity != b.severity ? a.severity > b.severity : Diagnostic.listedBefore(a, b)
    }
    for d in ordered.prefix(blockLimit) { lines.append("  " + d.formatted) }
    if ordered.count > blockLimit { lines.append("  … and \(ordered.count - blockLimit) more") }
    if let fullList { lines.append("  full list: \(fullList)") }
    return lines.joined(separator: "\n")
  }
}
