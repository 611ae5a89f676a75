/// Problems that stop a fetch run before it starts (recoverable problems during the run
/// are ``SlackscoreCore/Diagnostic``s instead).
public enum FetchError: Error, CustomStringConvertible, Sendable, Equatable {
  /// `pipeline.yml` is unreadable or has a bad `fetch:` section.
  case config(file: String, line: Int?, message: String)
  /// Another fetch holds the output folder's lock.
  case folderBusy(String)

  public var description: String {
    switch self {
    case .config(let file, let line, let message):
      "\(file)\(line.map { ":\($0)" } ?? ""): \(message)"
    case .folderBusy(let folder):
      "\(folder): another 'slackscore fetch' is writing into this folder; try again when it has finished"
    }
  }
}
