/// A pipeline config that cannot be used: one error naming the file, the line and the key,
/// e.g. `pipelines/x/pipeline.yml:14: campaigns[2].period.from: expected a date like 2024-01-31, got "Jan 2024"`.
public struct ConfigError: Error, CustomStringConvertible, Sendable, Equatable {
  /// The config file as the user named it.
  public var file: String
  /// 1-based line, when known.
  public var line: Int?
  /// The key path, e.g. `campaigns[2].period.from` (empty for the whole document).
  public var key: String
  public var message: String

  public init(file: String, line: Int?, key: String, message: String) {
    self.file = file
    self.line = line
    self.key = key
    self.message = message
  }

  public var description: String {
    var text = file
    if let line { text += ":\(line)" }
    text += ": "
    if !key.isEmpty { text += "\(key): " }
    return text + message
  }
}
