import Foundation
import TestSupport

/// Runs the built `slackscore` binary as a user would, from the package root.
struct CommandRunner {
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// The package root (where Package.swift is).
  static let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
      url.deleteLastPathComponent()
      if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
    }
    fatalError("Package.swift not found above \(#filePath)")
  }()

  /// The `slackscore` executable SwiftPM built beside the test bundle.
  static let binary: String = {
    let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for candidate in [beside, beside.deletingLastPathComponent()] {
      let path = candidate.appendingPathComponent("slackscore").path
      if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return packageRoot + "/.build/debug/slackscore"
  }()

  /// Runs `slackscore ARGUMENTS` in the package root with stderr not a terminal (as under cron).
  static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: packageRoot)
    var env = ProcessInfo.processInfo.environment
    for (k, v) in environment { env[k] = v }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let (outData, errData) = ChildProcess.readBoth(out.fileHandleForReading, err.fileHandleForReading)
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }

  /// `text` with `folder` replaced by `placeholder`, in both the forms the binary may print it: as
  /// given, and relative to the package root when it lies inside (as under `make test`, whose
  /// temporary folder is in `.build`).
  static func replacing(_ folder: String, in text: String, with placeholder: String) -> String {
    var out = text.replacingOccurrences(of: folder, with: placeholder)
    if folder.hasPrefix(packageRoot + "/") {
      out = out.replacingOccurrences(of: String(folder.dropFirst(packageRoot.count + 1)), with: placeholder)
    }
    return out
  }

  /// A fresh folder under the system's temporary folder.
  static func temporaryFolder() throws -> String {
    let path = NSTemporaryDirectory() + "slackscore-cli-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }
}
