import Foundation
import SlackscoreCore

/// Extract's first pass on disk: every candidate's `BoilerplateFacts` and its call to action as
/// JSON, one per line (`FACTS CTA-JSON`), in a temporary file beside the output
/// (`OUTPUT.candidates.tmp-PID`, or in `TMPDIR` when the output is standard output). The file is
/// removed when the spool is dropped; a killed run's is removed by the next run (`StaleTemporaries`).
final class CandidateSpool {
  private let file: AtomicFileWriter
  /// The line being written (one buffer for every line).
  private var line: [UInt8] = []

  /// A new, empty spool for the output `output`.
  init(beside output: String) throws {
    let base =
      output == "-"
      ? (ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp") + "/slackscore-extract" : output
    file = try AtomicFileWriter(path: base + ".candidates")
  }

  /// Appends one candidate with its facts.
  func append(_ cta: CallToAction, facts: BoilerplateFacts) throws {
    line.removeAll(keepingCapacity: true)
    facts.append(to: &line)
    line.append(0x20)
    try cta.appendJSON(to: &line)
    line.append(0x0A)
    try file.write(line)
  }

  /// Calls `body` with every candidate's facts and JSON, in the order appended.
  func forEach(_ body: (BoilerplateFacts, ArraySlice<UInt8>) throws -> Void) throws {
    try file.flush()
    try JSONLines.forEachLine(in: file.temporaryPath, maxLineBytes: .max) { line, number in
      guard let line, line.count > BoilerplateFacts.encodedLength,
        let facts = BoilerplateFacts(encoded: line)
      else {
        throw FileError(path: file.temporaryPath, operation: "read line \(number) back", errno: EINVAL)
      }
      try body(facts, line.dropFirst(BoilerplateFacts.encodedLength + 1))
    }
  }
}
