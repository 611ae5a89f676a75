import Foundation

/// The `zstd` command-line tool (Debian package `zstd`), so the tests read files made by
/// the reference implementation rather than by our own code.
enum ZstdTool {
  /// `zstd ARGUMENTS` on `input` (written to a temporary file); returns its stdout.
  static func run(_ arguments: [String], input: [UInt8]) throws -> [UInt8] {
    let folder = TestArchive.folder()
    let source = TestArchive.write(input, name: "input", in: folder)
    return try run(arguments + ["-c", source])
  }

  /// `zstd -q ARGUMENTS`; returns its stdout, throws when it fails.
  static func run(_ arguments: [String]) throws -> [UInt8] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["zstd", "-q"] + arguments
    let out = Pipe()
    process.standardOutput = out
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw Failure(arguments: arguments) }
    return Array(data)
  }

  struct Failure: Error {
    var arguments: [String]
  }

  /// One zstd frame holding `bytes` (`dictionary` is a path given to `-D`).
  static func frame(_ bytes: [UInt8], dictionary: String? = nil) throws -> [UInt8] {
    try run(dictionary.map { ["-D", $0] } ?? [], input: bytes)
  }

  /// A dictionary trained by `zstd --train` on `samples`; returns its path.
  static func train(_ samples: [[UInt8]], maxSize: Int = 4096) throws -> String {
    let folder = TestArchive.folder()
    let files = samples.enumerated().map { TestArchive.write($0.element, name: "sample-\($0.offset)", in: folder) }
    let dictionary = folder + "/dictionary"
    _ = try run(["--train"] + files + ["--maxdict=\(maxSize)", "-o", dictionary])
    return dictionary
  }

  /// The IIPC WARC zstd profile's dictionary frame: skippable frame `0x184D2A5D`,
  /// little-endian size, then `content` (the dictionary, zstd-compressed or not).
  static func dictionaryFrame(_ content: [UInt8]) -> [UInt8] {
    let size = UInt32(content.count)
    return [0x5D, 0x2A, 0x4D, 0x18] + (0..<4).map { UInt8(truncatingIfNeeded: size >> (8 * $0)) } + content
  }
}
