import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The terminal's last line: a progress display that log lines are printed above, so that
/// a message never glues onto the progress text. Only one exists per process.
public enum TerminalLine {
  private static let current = Mutex<String?>(nil)

  /// Prints `text` (one or more lines) on stderr above the progress line, then redraws it.
  public static func printAbove(_ text: String) {
    current.withLock { line in
      var out = line == nil ? "" : "\r\u{1B}[2K"
      out += text.hasSuffix("\n") ? text : text + "\n"
      if let line { out += line }
      write(out)
    }
  }

  /// Shows `text` as the progress line (nil erases it).
  static func show(_ text: String?) {
    current.withLock { line in
      line = text
      write("\r\u{1B}[2K" + (text ?? ""))
    }
  }

  /// Prints a finished line (kept on screen) and erases the progress line.
  static func finish(_ text: String) {
    current.withLock { line in
      line = nil
      write("\r\u{1B}[2K" + text + "\n")
    }
  }

  private static func write(_ text: String) {
    var t = text
    t.withUTF8 { buffer in
      var done = 0
      while done < buffer.count {
        let n = Glibc.write(2, buffer.baseAddress! + done, buffer.count - done)
        if n <= 0 { return }
        done += n
      }
    }
  }
}

/// Tells a person at a terminal which stage is running and how far it got; draws nothing
/// otherwise (cron, pipes), so logs stay clean. Log lines go above it (``TerminalLine``).
public final class StageProgress: Sendable {
  /// Whether to draw anything.
  public let enabled: Bool
  private let lastDraw = Mutex(0.0)

  public init(enabled: Bool) { self.enabled = enabled }

  /// A reporter that draws only when stderr is a terminal.
  public static var automatic: StageProgress { StageProgress(enabled: isatty(2) == 1) }

  /// The stage starts.
  public func begin(_ stage: String) {
    guard enabled else { return }
    TerminalLine.show("▸ \(stage)…")
  }

  /// A running count, redrawn at most five times a second.
  public func update(_ stage: String, records: Int, bytes: Int) {
    update(stage, "\(records) records, \(bytes >> 20) MB")
  }

  /// What the stage is doing now ("documents: 120000 read"), redrawn at most five times a second.
  public func update(_ stage: String, _ detail: @autoclosure () -> String) {
    guard enabled else { return }
    let now = RunClock.now()
    let due = lastDraw.withLock { last -> Bool in
      guard now - last >= 0.2 else { return false }
      last = now
      return true
    }
    guard due else { return }
    TerminalLine.show("▸ \(stage): \(detail())")
  }

  /// Erases the progress line (before a command prints its own summary).
  public func clear() {
    guard enabled else { return }
    TerminalLine.show(nil)
  }

  /// The stage ended; its counts stay on screen.
  public func end(_ stage: String, summary: [String: Int]) {
    guard enabled else { return }
    let detail = summary.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    TerminalLine.finish("✓ \(stage): \(detail)")
  }
}
