import SlackscoreCore

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

  /// One stage's counts and duration.
  public struct StageReport: Codable, Sendable {
    public var name: String
    public var seconds: Double
    public var counts: [String: Int]
    public var diagnostics: Int
    public var skipped: Bool

    public init(name: String, seconds: Double, counts: [String: Int], diagnostics: Int, skipped: Bool = false) {
      self.name = name
      self.seconds = seconds
      self.counts = counts
      self.diagnostics = diagnostics
      self.skipped = skipped
    }
  }
}
