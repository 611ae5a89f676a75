#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Tells a person at a terminal which stage is running; says nothing otherwise (cron).
public struct StageProgress: Sendable {
  /// Whether to draw anything.
  public var enabled: Bool

  public init(enabled: Bool) { self.enabled = enabled }

  /// A reporter that draws only when stderr is a terminal.
  public static var automatic: StageProgress { StageProgress(enabled: isatty(2) == 1) }

  func begin(_ stage: String) {
    guard enabled else { return }
    write("\u{1B}[2K\r▸ \(stage)…")
  }

  func end(_ stage: String, summary: [String: Int]) {
    guard enabled else { return }
    let detail = summary.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    write("\u{1B}[2K\r✓ \(stage): \(detail)\n")
  }

  private func write(_ text: String) {
    var t = text
    t.withUTF8 { _ = Glibc.write(2, $0.baseAddress, $0.count) }
  }
}
