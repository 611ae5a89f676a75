public import SlackscoreCore

/// `out/NAME/run.json`: what a run read, what each stage counted, how long it took, and
/// which versions ran. Unlike `campaigns.json` it holds wall-clock times, so it differs
/// between runs by design.
public struct RunManifest: Codable, Sendable {
  public var schemaVersion = "1"
  public var pipeline: String
  public var startedAt: String
  public var finishedAt: String?
  public var status: String
  /// The one line that says what failed, when something did.
  public var failure: String?
  public var versions: [String: String]
  public var inputs: [InputFile]
  public var stages: [StageReport]
  public var outputs: [String]
  /// Whether warnings fail the run (`--strict`, `STRICT=1 make run`).
  public var strict: Bool?
  /// Every stage's diagnostics counted by code (`bad-outcome-row: 2`), and by severity.
  public var diagnosticsByCode: [String: Int] = [:]
  public var diagnosticsBySeverity: [String: Int] = [:]
  /// The parse stage's rejects file, line by line: records rejected plus the reader's
  /// warnings, so `records_rejected + reader_diagnostics == lines`.
  public var rejects: RejectsCount?
  /// Each input's shards (under `shards/`): made by this run or reused from an earlier one.
  public var shards: [ShardUse]?

  public init(pipeline: String, startedAt: String, versions: [String: String]) {
    self.pipeline = pipeline
    self.startedAt = startedAt
    self.status = "running"
    self.versions = versions
    self.inputs = []
    self.stages = []
    self.outputs = []
  }

  /// An input file with its size and fingerprint.
  public struct InputFile: Codable, Sendable {
    public var path: String
    public var bytes: Int
    public var sha256: String

    public init(path: String, bytes: Int, sha256: String) {
      self.path = path
      self.bytes = bytes
      self.sha256 = sha256
    }
  }

  /// What `rejects.jsonl` holds.
  public struct RejectsCount: Codable, Sendable, Equatable {
    public var file: String
    public var lines: Int
    public var recordsRejected: Int
    public var readerDiagnostics: Int

    public init(file: String, lines: Int, recordsRejected: Int, readerDiagnostics: Int) {
      self.file = file
      self.lines = lines
      self.recordsRejected = recordsRejected
      self.readerDiagnostics = readerDiagnostics
    }
  }

  /// One stage's counts and duration.
  public struct StageReport: Codable, Sendable {
    public var name: String
    public var seconds: Double
    public var counts: [String: Int]
    public var diagnostics: Int
    public var skipped: Bool
    /// This stage's diagnostics by code.
    public var diagnosticsByCode: [String: Int]
    /// This stage's diagnostics, the first ``RunManifest/listedDiagnostics`` of them (the
    /// report lists them; the full list is in rejects.jsonl and campaigns.json).
    public var diagnosticList: [Diagnostic]

    public init(
      name: String, seconds: Double, counts: [String: Int], diagnostics: Int, skipped: Bool = false,
      list: [Diagnostic] = []
    ) {
      self.name = name
      self.seconds = seconds
      self.counts = counts
      self.diagnostics = max(diagnostics, list.count)
      self.skipped = skipped
      self.diagnosticsByCode = DiagnosticSummary.countsByCode(list)
      self.diagnosticList = Array(list.prefix(RunManifest.listedDiagnostics))
    }

    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      name = try c.decode(String.self, forKey: .name)
      seconds = try c.decode(Double.self, forKey: .seconds)
      counts = try c.decode([String: Int].self, forKey: .counts)
      diagnostics = try c.decode(Int.self, forKey: .diagnostics)
      skipped = try c.decodeIfPresent(Bool.self, forKey: .skipped) ?? false
      diagnosticsByCode = try c.decodeIfPresent([String: Int].self, forKey: .diagnosticsByCode) ?? [:]
      diagnosticList = try c.decodeIfPresent([Diagnostic].self, forKey: .diagnosticList) ?? []
    }
  }

  /// Diagnostics kept per stage in run.json.
  public static let listedDiagnostics = 200

  /// Every stage's listed diagnostics, in stage order.
  public var allDiagnostics: [Diagnostic] { stages.flatMap(\.diagnosticList) }

  /// Recomputes the run-wide counts from the stages.
  public mutating func tallyDiagnostics() {
    diagnosticsByCode = [:]
    for stage in stages {
      for (code, n) in stage.diagnosticsByCode { diagnosticsByCode[code, default: 0] += n }
    }
    diagnosticsBySeverity = DiagnosticSummary.countsBySeverity(allDiagnostics)
  }

  /// Diagnostics at or above warning across the stages (counted from the kept lists).
  public var warningsOrWorse: Int { allDiagnostics.filter { $0.severity >= .warning }.count }
}
