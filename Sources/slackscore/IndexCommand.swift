import ArchiveReader
import ArgumentParser
import Logging
import SlackscoreCore

#if canImport(Glibc)
  import Glibc
#endif

/// `slackscore index`: one JSON line per record of WARC/ARC files (a CDXJ-like index),
/// or counts per record type with `--summary`. Also the reader's throughput benchmark.
struct IndexCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "index",
    abstract: "List the records of WARC/ARC files as JSON lines (a CDXJ-like index).",
    discussion: """
      Every record of every file (folders are walked recursively) gives one line on \
      stdout with its type, target_uri, date, HTTP status, content_type, byte offset \
      and length in the file (for gzip files: of the member it starts in), \
      payload_digest and record_id. Damage inside a file is reported on stderr \
      (file:offset: severity: message) and reading goes on; the exit status is \
      non-zero only when a file cannot be opened at all.
      """
  )

  @Argument(help: "WARC, ARC or HTML files, or folders of them.")
  var files: [String]

  @Flag(help: "Print only counts per record type (one JSON object) instead of one line per record.")
  var summary = false

  @OptionGroup var logging: LoggingOptions

  func run() async throws {
    let logger = logging.makeLogger()
    let diagnostics = DiagnosticCollector()
    var output = StandardOutput()
    var counts: [String: Int] = [:]
    var htmlCount = 0
    var records = 0
    var fileCount = 0
    var unopened = 0
    var paths: [String] = []
    for path in files {
      do {
        paths.append(contentsOf: try InputExpander.expand([path]))
      } catch {
        logger.error("\(error)")
        unopened += 1
      }
    }
    func index(_ path: String) {
      let reader: ArchiveFileReader
      do {
        reader = try ArchiveFileReader(path: path, diagnostics: diagnostics)
      } catch {
        logger.error("\(error)")
        unopened += 1
        return
      }
      if reader.container == .zip {
        // A WACZ: each WARC inside it, as FILE.wacz#archive/NAME.
        var tally = RecordTally()
        WACZScan.forEachArchive(in: path, diagnostics: diagnostics, tally: &tally) { address, _ in index(address) }
        return
      }
      fileCount += 1
      func emit(_ entry: IndexEntry) {
        records += 1
        counts[entry.type, default: 0] += 1
        if entry.isHTML { htmlCount += 1 }
        if !summary {
          entry.appendJSON(to: &output.buffer)
          output.buffer.append(0x0A)
          output.flushIfFull()
        }
      }
      if reader.isLoosePage {
        if let page = reader.readLoosePage() { emit(IndexEntry(loosePage: page)) }
        return
      }
      reader.forEachRawRecord(blockNeed: IndexEntry.blockNeed(for:)) { raw in
        emit(IndexEntry(raw, file: path))
      }
    }
    for path in paths { index(path) }
    if summary {
      var w = JSONByteWriter()
      w.begin()
      w.key("errors")
      w.int(diagnostics.count(atLeast: .error))
      w.key("files")
      w.int(fileCount)
      w.key("html")
      w.int(htmlCount)
      w.key("records")
      w.int(records)
      w.key("types")
      w.begin()
      for (type, count) in counts.sorted(by: { $0.key < $1.key }) {
        w.key(type)
        w.int(count)
      }
      w.end()
      w.end()
      output.buffer.append(contentsOf: w.out)
      output.buffer.append(0x0A)
    }
    output.flush()
    for diagnostic in diagnostics.diagnostics {
      let line = diagnostic.formatted
      switch diagnostic.severity {
      case .error: logger.error("\(line)")
      case .warning: logger.warning("\(line)")
      case .note: logger.info("\(line)")
      }
    }
    if unopened > 0 { throw ExitCode(1) }
  }
}

/// Buffered writes to file descriptor 1.
private struct StandardOutput {
  var buffer: [UInt8] = []

  init() { buffer.reserveCapacity(1 << 20) }

  mutating func flushIfFull() {
    if buffer.count >= 1 << 20 { flush() }
  }

  mutating func flush() {
    buffer.withUnsafeBytes { raw in
      var done = 0
      while done < raw.count {
        let n = write(1, raw.baseAddress! + done, raw.count - done)
        if n < 0 {
          if errno == EINTR { continue }
          return
        }
        done += n
      }
    }
    buffer.removeAll(keepingCapacity: true)
  }
}
