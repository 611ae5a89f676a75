import Pipeline

#if canImport(Glibc)
  import Glibc
#endif

/// The few process facts the commands need, without Foundation.
enum ProcessEnvironment {
  /// Writes one line to stderr (the caller's text plus a newline), above any progress line.
  static func printError(_ line: String) {
    TerminalLine.printAbove(line)
  }

  /// An environment variable, or nil.
  static func variable(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
  }

  /// The current directory: outputs name paths relative to it, so no machine path leaks.
  static func currentDirectory() -> String? {
    var buffer = [CChar](repeating: 0, count: 4096)
    guard getcwd(&buffer, buffer.count) != nil else { return nil }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
