#if canImport(Glibc)
  import Glibc
#endif

/// The few process facts the commands need, without Foundation.
enum ProcessEnvironment {
  /// Writes one line to stderr (the caller's text plus a newline).
  static func printError(_ line: String) {
    var text = line + "\n"
    text.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
  }

  /// The current directory: outputs name paths relative to it, so no machine path leaks.
  static func currentDirectory() -> String? {
    var buffer = [CChar](repeating: 0, count: 4096)
    guard getcwd(&buffer, buffer.count) != nil else { return nil }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
