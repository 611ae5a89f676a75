#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Tells a person at a terminal which stage is running and how far it got; draws nothing
/// otherwise (cron, pipes), so logs stay clean.
public final class StageProgress: @unchecked Sendable {
  /// Whether to draw anything.
  public let enabled: Bool
  private var lastDraw = 0.0

  public init(enabled: Bool) { self.enabled = enabled }

  /// A reporter that draws only when stderr is a terminal.
  public static var automatic: StageProgress { StageProgress(enabled: isatty(2) == 1) }

  /// The stage starts.
  public func begin(_ stage: String) {
    guard enabled else { return }
    write("\u{1B}[2K\r▸ \(stage)…")
  }

  /// A running count, redrawn at most five times a second.
  public func update(_ stage: String, records: Int, bytes: Int) {
    guard enabled else { return }
    let now = RunClock.now()
    guard now - lastDraw >= 0.2 else { return }
    lastDraw = now
    write("\u{1B}[2K\r▸ \(stage): \(records) records, \(bytes >> 20) MB")
  }

  /// Erases the progress line (before a command prints its own summary).
  public func clear() {
    guard enabled else { return }
    write("\u{1B}[2K\r")
  }

  /// The stage ended; its counts stay on screen.
  public func end(_ stage: String, summary: [String: Int]) {
    guard enabled else { return }
    let detail = summary.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    write("\u{1B}[2K\r✓ \(stage): \(detail)\n")
  }

  private func write(_ text: String) {
    var t = text
    t.withUTF8 { _ = Glibc.write(2, $0.baseAddress, $0.count) }
  }
}
