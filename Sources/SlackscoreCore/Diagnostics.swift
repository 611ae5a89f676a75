import Synchronization

/// A recoverable problem met while processing input: a damaged record, a lying header,
/// a page without content. The run goes on; the problem is counted and reported.
///
/// Non-recoverable problems (a missing input file, a bad pipeline config) are thrown as
/// errors instead.
public struct Diagnostic: Sendable, Hashable, Codable {
  /// How serious the problem is.
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
  /// The stage that met the problem (`read`, `parse`, `extract`, `score`, …).
  public var stage: String
  /// The input file as the user named it, when the problem belongs to one.
  public var file: String?
  /// Byte offset in `file` where the problem starts, when known.
  public var offset: Int?
  /// A short machine-readable code, e.g. `truncated-gzip-member`.
  public var code: String
  /// A sentence for people: what happened and, where possible, what to do.
  public var message: String

  public init(
    severity: Severity, stage: String, file: String? = nil, offset: Int? = nil, code: String,
    message: String
  ) {
    self.severity = severity
    self.stage = stage
    self.file = file
    self.offset = offset
    self.code = code
    self.message = message
  }

  /// `file:offset: severity: message [code]`, the shape compilers use, so editors and
  /// `grep` understand it.
  public var formatted: String {
    var location = file ?? "-"
    if let offset { location += ":\(offset)" }
    return "\(location): \(severity.rawValue): \(message) [\(code)]"
  }
}

/// Collects diagnostics from any thread. Stages take one and add to it; the CLI prints
/// them and writes them to `rejects.jsonl`.
public final class DiagnosticCollector: Sendable {
  private let storage = Mutex<[Diagnostic]>([])

  public init() {}

  /// Adds one diagnostic.
  public func emit(_ diagnostic: Diagnostic) {
    storage.withLock { $0.append(diagnostic) }
  }

  /// Everything collected so far, in a deterministic order (file, offset, code, message),
  /// whatever order the threads emitted them in.
  public var diagnostics: [Diagnostic] {
    storage.withLock { $0 }.sorted { a, b in
      (a.file ?? "", a.offset ?? -1, a.code, a.message)
        < (b.file ?? "", b.offset ?? -1, b.code, b.message)
    }
  }

  /// Number of diagnostics at or above `severity`.
  public func count(atLeast severity: Diagnostic.Severity) -> Int {
    storage.withLock { $0.filter { $0.severity >= severity }.count }
  }
}
