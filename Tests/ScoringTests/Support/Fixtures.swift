import Foundation
import Logging
import Scoring
import SlackscoreCore

/// Paths of the committed fixtures, found from this file's location so that tests run
/// from any directory and `SLACKSCORE_UPDATE_GOLDEN=1` can rewrite the expected files.
enum Fixtures {
  static let testsFolder: String = {
    var path = #filePath
    for _ in 0..<2 { path = String(path[..<path.lastIndex(of: "/")!]) }
    return path
  }()
  static let sample = testsFolder + "/Fixtures/sample"
  static let expected = testsFolder + "/Fixtures/expected"
  static let repositoryRoot: String = {
    var path = testsFolder
    for _ in 0..<2 { path = String(path[..<path.lastIndex(of: "/")!]) }
    return path
  }()

  static let logger: Logger = {
    var l = Logger(label: "scoring-tests") { _ in SwiftLogNoOpLogHandler() }
    l.logLevel = .critical
    return l
  }()

  /// A new empty temporary folder.
  static func temporaryFolder() throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("slackscore-score-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
  }

  /// Removes temporary folders made by ``temporaryFolder()``.
  static func remove(_ folders: String...) {
    for folder in folders { try? FileManager.default.removeItem(atPath: folder) }
  }

  /// Options for the sample pipeline, paths shown relative to its folder.
  static func sampleOptions(out: String) -> ScoreOptions {
    ScoreOptions(
      pipeline: sample, documents: sample + "/documents.jsonl", ctas: sample + "/ctas.jsonl", outputFolder: out,
      displayRoot: sample)
  }

  /// The sample pipeline's loaded inputs.
  static func sampleInputs() throws -> ScoreStage.LoadedInputs {
    try ScoreStage.loadInputs(
      options: sampleOptions(out: "unused"), logger: logger, diagnostics: DiagnosticCollector())
  }

  /// The sample inputs with their documents' texts, titles, links and mentions put back, for tests
  /// that edit documents: the stage keeps only facts worked out from those (dropped on any edit).
  static func sampleInputsWithTexts() throws -> ScoreStage.LoadedInputs {
    var loaded = try sampleInputs()
    var full: [String: Document] = [:]
    let read = try JSONCoding.readLines(
      Document.self, from: sample + "/documents.jsonl", stage: "test", diagnostics: DiagnosticCollector())
    for doc in read where full[doc.id] == nil { full[doc.id] = doc }
    loaded.inputs.documents = loaded.inputs.documents.map { doc in
      guard let original = full[doc.id] else { return doc }
      var d = doc
      d.text = original.text
      d.title = original.title
      d.author = original.author
      d.siteName = original.siteName
      d.mentions = original.mentions
      d.links = original.links
      return d
    }
    return loaded
  }

  static func read(_ path: String) throws -> [UInt8] { try FileSystem.readAll(path) }

  /// A short line diff: the first differing lines with their numbers.
  static func diff(expected: String, actual: String, limit: Int = 30) -> String {
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var out: [String] = []
    for i in 0..<max(e.count, a.count) where out.count < limit {
      let l = i < e.count ? String(e[i]) : "<none>"
      let r = i < a.count ? String(a[i]) : "<none>"
      if l != r { out.append("line \(i + 1):\n  - \(l)\n  + \(r)") }
    }
    return out.joined(separator: "\n")
  }
}
