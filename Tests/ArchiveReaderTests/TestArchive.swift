import ArchiveReader
import SlackscoreCore
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Builds small archives for the tests: WARC and ARC records, gzip members (real zlib),
/// and temporary files to read them from.
enum TestArchive {
  /// One WARC record. `lineEnd` is used in the header; the block is written as given.
  static func warc(
    _ type: String?, version: String = "1.0", uri: String? = "http://example.org/",
    date: String? = "2024-03-01T10:00:00Z",
    id: String? = nil, extra: [(String, String)] = [], block: [UInt8], contentLength: Int? = nil,
    lineEnd: String = "\r\n"
  ) -> [UInt8] {
    var lines = ["WARC/\(version)"]
    if let type { lines.append("WARC-Type: \(type)") }
    if let uri { lines.append("WARC-Target-URI: \(uri)") }
    if let date { lines.append("WARC-Date: \(date)") }
    lines.append("WARC-Record-ID: \(id ?? "<urn:uuid:\(nextID())>")")
    for (k, v) in extra { lines.append("\(k): \(v)") }
    lines.append("Content-Length: \(contentLength ?? block.count)")
    let head = lines.joined(separator: lineEnd) + lineEnd + lineEnd
    return Array(head.utf8) + block + Array("\r\n\r\n".utf8)
  }

  nonisolated(unsafe) private static var counter = 0
  private static func nextID() -> String {
    counter += 1
    return "00000000-0000-4000-8000-\(String(counter, radix: 16).leftPadded(12))"
  }

  /// An HTTP response block.
  static func http(
    status: String = "200 OK", headers: [(String, String)] = [("Content-Type", "text/html; charset=utf-8")],
    body: [UInt8], lineEnd: String = "\r\n"
  ) -> [UInt8] {
    var text = "HTTP/1.1 \(status)\(lineEnd)"
    for (k, v) in headers { text += "\(k): \(v)\(lineEnd)" }
    text += lineEnd
    return Array(text.utf8) + body
  }

  static func html(_ text: String) -> [UInt8] { Array("<html><body><p>\(text)</p></body></html>".utf8) }

  /// An HTML response record.
  static func response(_ uri: String, _ text: String, extra: [(String, String)] = []) -> [UInt8] {
    warc(
      "response", uri: uri, extra: [("Content-Type", "application/http; msgtype=response")] + extra,
      block: http(body: html(text)))
  }

  /// Compresses `bytes` as one gzip member (or zlib / raw deflate) with real zlib.
  static func gzip(_ bytes: [UInt8], windowBits: Int32 = 15 + 16, level: Int32 = 6) -> [UInt8] {
    GzipMember.deflate(bytes, windowBits: windowBits, level: level)
  }

  /// One scratch folder per test process, removed when the process exits.
  private static let scratch: String = {
    let temporary = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
    var template = Array("\(temporary)/slackscore-reader-test-XXXXXX".utf8CString)
    let path = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
    atexit { TestArchive.removeTree(TestArchive.scratch) }
    return path
  }()

  private static let folderCount = Mutex(0)

  /// A fresh folder inside the scratch folder.
  static func folder() -> String {
    let n = folderCount.withLock {
      $0 += 1
      return $0
    }
    let path = scratch + "/\(n)"
    try! FileSystem.createDirectories(path)
    return path
  }

  /// `rm -r`.
  static func removeTree(_ path: String) {
    if FileSystem.isDirectory(path) {
      for name in (try? FileSystem.contents(of: path)) ?? [] { removeTree(path + "/" + name) }
      rmdir(path)
    } else {
      unlink(path)
    }
  }

  /// Writes `bytes` to a new temporary file named `name` and returns its path.
  static func write(_ bytes: [UInt8], name: String, in folder: String? = nil) -> String {
    let path = (folder ?? Self.folder()) + "/" + name
    try! FileSystem.createDirectories(FileSystem.parent(of: path))
    try! AtomicFileWriter.write(bytes, to: path)
    return path
  }

  /// What `ArchiveScan` gives for `paths`.
  struct Scan {
    var records: [ArchiveRecord]
    var tally: RecordTally
    var diagnostics: [Diagnostic]

    func diagnostics(_ code: String) -> [Diagnostic] { diagnostics.filter { $0.code == code } }
  }

  static func scan(_ paths: [String], limits: ReaderLimits = ReaderLimits()) throws -> Scan {
    let collector = DiagnosticCollector()
    var tally = RecordTally()
    var records: [ArchiveRecord] = []
    try ArchiveScan.forEachRecord(in: paths, limits: limits, diagnostics: collector, tally: &tally) {
      records.append($0)
    }
    return Scan(records: records, tally: tally, diagnostics: collector.diagnostics)
  }

  /// Every record's index entry (the lower-level iterator).
  static func index(_ path: String) throws -> (entries: [IndexEntry], diagnostics: [Diagnostic]) {
    let collector = DiagnosticCollector()
    let reader = try ArchiveFileReader(path: path, diagnostics: collector)
    var entries: [IndexEntry] = []
    reader.forEachRawRecord(blockNeed: IndexEntry.blockNeed(for:)) { entries.append(IndexEntry($0, file: path)) }
    return (entries, collector.diagnostics)
  }
}

extension String {
  fileprivate func leftPadded(_ width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}

extension ArchiveRecord {
  var text: String { String(decoding: payload, as: UTF8.self) }
}
