import ArchiveReader
import DocumentParser
import Foundation
import Logging
import SlackscoreCore
import Testing

/// The same real captures read as `.warc.gz`, as `.warc.zst` (made from it by the `zstd`
/// tool, with and without a dictionary) and inside a WACZ (made by py-wacz's `wacz create`)
/// give the same documents, apart from where the bytes are (`source.path`, `source.offset`).
@Suite(.enabled(if: SharedData.isAvailable))
struct ArchiveFormatConformanceTests {
  static let files = [
    "pywb/iana.warc.gz", "aut/example.warc.gz", "warcio/example.warc.gz", "commoncrawl/whirlwind.warc.gz",
    "resiliparse/warcfile.warc.gz", "pywb/example-url-agnostic-orig.warc.gz",
  ]

  static let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
      url.deleteLastPathComponent()
      if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
    }
    return "."
  }()

  static func shared(_ name: String) throws -> String { try #require(SharedData.root) + "/data/warc/" + name }

  static func folder() throws -> String {
    let path = NSTemporaryDirectory() + "slackscore-formats-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  /// Runs a program; fails the test with its stderr when it fails.
  static func run(_ program: String, _ arguments: [String], in folder: String? = nil) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [program] + arguments
    if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
    let err = Pipe()
    process.standardError = err
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    try #require(process.terminationStatus == 0, "\(program) \(arguments.joined(separator: " ")): \(message)")
  }

  /// The documents `slackscore parse` writes for `input`, one JSON object per line, without
  /// the fields that say where the bytes are; and the parse's diagnostics by code.
  static func documents(_ input: String, in folder: String) throws -> [NSDictionary] {
    let output = folder + "/documents-\(UUID().uuidString).jsonl"
    _ = try ParseStage.run(inputs: [input], output: output, jobs: 1, logger: Logger(label: "conformance"))
    let text = try String(contentsOfFile: output, encoding: .utf8)
    return try text.split(separator: "\n").map { line in
      let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      var document = object
      if var source = document["source"] as? [String: Any] {
        source["path"] = nil
        source["offset"] = nil
        if var original = source["revisit_of"] as? [String: Any] {
          original["path"] = nil
          original["offset"] = nil
          source["revisit_of"] = original
        }
        document["source"] = source
      }
      return document as NSDictionary
    }
  }

  @Test(arguments: files)
  func zstdGivesTheSameDocuments(file: String) throws {
    let original = try Self.shared(file)
    let folder = try Self.folder()
    let expected = try Self.documents(original, in: folder)
    try #require(!expected.isEmpty)
    for dictionary in [false, true] where !dictionary || file.hasPrefix("aut/") || file.hasPrefix("pywb/iana") {
      let converted = folder + (dictionary ? "/dictionary.warc.zst" : "/plain.warc.zst")
      try Self.run(
        "python3",
        [Self.packageRoot + "/scripts/warc-gz-to-zst.py", original, converted] + (dictionary ? ["--dictionary"] : []))
      #expect(try Self.documents(converted, in: folder) == expected, "\(file) as \(converted)")
    }
  }

  /// `wacz create` from py-wacz (the conformance venv's, named by `SLACKSCORE_WACZ`).
  static var waczTool: String? { ProcessInfo.processInfo.environment["SLACKSCORE_WACZ"] }

  @Test(
    .enabled(
      if: ArchiveFormatConformanceTests.waczTool != nil, "make conformance installs py-wacz and sets SLACKSCORE_WACZ"),
    arguments: files)
  func waczGivesTheSameDocuments(file: String) throws {
    let original = try Self.shared(file)
    let folder = try Self.folder()
    let wacz = folder + "/made.wacz"
    try Self.run(try #require(Self.waczTool), ["create", "-o", wacz, original], in: folder)
    let expected = try Self.documents(original, in: folder)
    let inside = try Self.documents(wacz, in: folder)
    #expect(inside == expected)
    // Evidence traces to bytes: each document's path names the entry inside the WACZ.
    let output = folder + "/paths.jsonl"
    _ = try ParseStage.run(inputs: [wacz], output: output, jobs: 1, logger: Logger(label: "conformance"))
    let text = try String(contentsOfFile: output, encoding: .utf8)
    #expect(text.contains("made.wacz#archive/"))
  }

  @Test func realWACZIsRead() throws {
    let path = try Self.shared("py-wacz/valid_example_1.wacz")
    let collector = DiagnosticCollector()
    var tally = RecordTally()
    var records: [ArchiveRecord] = []
    try ArchiveScan.forEachRecord(in: [path], diagnostics: collector, tally: &tally) { records.append($0) }
    #expect(records.map(\.sourcePath) == [path + "#archive/example-collection.warc"])
    #expect(records.first?.targetURI == "http://www.example.com/")
    // Its datapackage.json hashes match (WACZ 1.0 `stats` form).
    #expect(collector.diagnostics.filter { $0.code.hasPrefix("wacz-") }.isEmpty)
  }
}
