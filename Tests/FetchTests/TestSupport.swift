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

/// One record read back from a `.warc.gz` file, decompressed member by member.
struct ReadBackRecord {
  var header: WARCHeader
  var block: [UInt8]
  var offset: Int
  /// Bytes after the block in the member (must be `\r\n\r\n`).
  var trailer: [UInt8]

  var type: String { header["WARC-Type"] ?? "" }

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

/// Reads every record of a `.warc.gz` file (our own member reader plus a plain header split).
func readWARC(_ path: String) throws -> [ReadBackRecord] {
  let reader = try GzipMemberReader(path: path)
  var records: [ReadBackRecord] = []
  while let member = try reader.next() {
    guard let header = WARCHeader.parse(member.bytes) else {
      throw TestFailure("member at \(member.offset) of \(path) is not a WARC record")
    }
    let length = Int(header["Content-Length"] ?? "") ?? -1
    let start = header.headerLength
    guard length >= 0, start + length <= member.bytes.count else {
      throw TestFailure("record at \(member.offset): Content-Length \(length) does not fit")
    }
    records.append(
      ReadBackRecord(
        header: header, block: Array(member.bytes[start..<start + length]), offset: member.offset,
        trailer: Array(member.bytes[(start + length)...])))
  }
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
