import ArchiveReader
import Fetch
import Foundation
import SlackscoreCore
import TestSupport

/// A fresh temporary folder, removed by `cleanup()`.
struct TemporaryFolder {
  let path: String

  init() {
    var template = Array((NSTemporaryDirectory() + "/slackscore-fetch-XXXXXX").utf8CString)
    let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
    precondition(made != nil, "mkdtemp failed")
    path = String(cString: template.withUnsafeBufferPointer { $0.baseAddress! })
  }

  func cleanup() { try? FileManager.default.removeItem(atPath: path) }

  /// Names in the folder (hidden ones left out), sorted.
  func names(_ subfolder: String = "") -> [String] {
    let folder = subfolder.isEmpty ? path : path + "/" + subfolder
    return ((try? FileSystem.contents(of: folder)) ?? []).filter { !$0.hasPrefix(".") }
  }
}

/// One record read back from a `.warc.gz` file by ArchiveReader (the pipeline's own reader).
struct ReadBackRecord {
  var header: WARCHeader
  var block: [UInt8]
  /// Offset of the record's gzip member in the file.
  var offset: Int
  /// Compressed length of the member.
  var length: Int?

  var type: String { header.type ?? "" }

  /// The HTTP status of a response record's block.
  var httpStatus: Int? {
    let line = String(decoding: block.prefix(40), as: UTF8.self)
    let words = line.split(separator: " ")
    return words.count >= 2 ? Int(words[1]) : nil
  }

  /// The HTTP body of a request/response block (after the blank line).
  var httpBody: [UInt8] {
    guard let end = Self.endOfHead(block) else { return [] }
    return Array(block[end...])
  }

  /// The HTTP head of the block as text.
  var httpHead: String {
    guard let end = Self.endOfHead(block) else { return "" }
    return String(decoding: block[..<end], as: UTF8.self)
  }

  static func endOfHead(_ bytes: [UInt8]) -> Int? {
    guard bytes.count >= 4 else { return nil }
    for i in 0..<(bytes.count - 3)
    where bytes[i] == 13 && bytes[i + 1] == 10 && bytes[i + 2] == 13 && bytes[i + 3] == 10 {
      return i + 4
    }
    return nil
  }
}

/// Reads every record of a `.warc.gz` file with ArchiveReader, failing on anything the
/// reader had to report or repair (a wrong length, a missing `\r\n\r\n` trailer, a bad
/// gzip member, a record that does not fill its own member).
func readWARC(_ path: String) throws -> [ReadBackRecord] {
  let diagnostics = DiagnosticCollector()
  let reader = try ArchiveFileReader(path: path, diagnostics: diagnostics)
  guard reader.container == .warcGzip else { throw TestFailure("\(path) is \(reader.container), not a .warc.gz") }
  var records: [ReadBackRecord] = []
  var problems: [String] = []
  reader.forEachRawRecord(blockNeed: { _ in .whole }) { record in
    if !record.notes.isEmpty || record.damage != nil || !record.blockIsComplete {
      problems.append("record at \(record.offset): \(record.notes) \(record.damage ?? "")")
    }
    if let previous = records.last, previous.offset + (previous.length ?? 0) != record.offset {
      problems.append("record at \(record.offset) does not start its own gzip member")
    }
    records.append(
      ReadBackRecord(header: record.header, block: Array(record.block), offset: record.offset, length: record.length))
  }
  problems += diagnostics.diagnostics.map(\.formatted)
  guard problems.isEmpty else { throw TestFailure("\(path): " + problems.joined(separator: "; ")) }
  return records
}

/// Every record of every `.warc.gz` in a folder, in file order.
func readFolder(_ folder: String) throws -> [ReadBackRecord] {
  try FileSystem.contents(of: folder).filter { $0.hasSuffix(".warc.gz") }.flatMap { try readWARC(folder + "/" + $0) }
}

struct TestFailure: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

/// Runs a program and returns its exit status and standard output.
@discardableResult
func runProgram(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: executable)
  process.arguments = arguments
  let pipe = Pipe()
  process.standardOutput = pipe
  process.standardError = FileHandle.nullDevice
  try process.run()
  let data = ChildProcess.readAll(pipe.fileHandleForReading)
  process.waitUntilExit()
  return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}
