import ArchiveReader
import CTAExtraction
import DocumentParser
import Foundation
import PageSignals
import PipelineConfiguration
import Scoring
import SlackscoreCore

#if canImport(Glibc)
  import Glibc
#endif

/// The parsers that read hostile bytes, each as one fuzz target: given any bytes, it must
/// return (with diagnostics) and never crash, trap or run away with memory.
///
/// Built two ways: with `-sanitize=fuzzer,address -D FUZZING` (`make fuzz`), libFuzzer
/// drives `LLVMFuzzerTestOneInput` and `FUZZ_TARGET` picks the target; without, the
/// `slackscore-fuzz` executable replays files (`slackscore-fuzz TARGET FILE…`), which is
/// how found crashes stay regression tests.
enum FuzzTargets {
  /// Target names and what they feed.
  nonisolated(unsafe) static let all: [(name: String, run: ([UInt8]) -> Void)] = [
    ("archive", archive),
    ("http", http),
    ("html", html),
    ("json", json),
    ("numbers", numbers),
    ("config", config),
    ("csv", csv),
    ("documents", documents),
  ]

  static func target(named name: String) -> (([UInt8]) -> Void)? { all.first { $0.name == name }?.run }

  /// A scratch file per process: the archive reader reads files.
  nonisolated(unsafe) private static var scratch: String = {
    "/tmp/slackscore-fuzz-\(getpid()).bin"
  }()

  private static func scan(_ bytes: [UInt8], name: String) {
    let path = scratch + name
    guard (try? AtomicFileWriter.write(bytes, to: path)) != nil else { return }
    defer { unlink(path) }
    let limits = ReaderLimits(maxRecordBytes: 1 << 20, maxDecompressedBytes: 4 << 20)
    var tally = RecordTally()
    let diagnostics = DiagnosticCollector()
    var records = 0
    try? ArchiveScan.forEachRecord(in: [path], limits: limits, diagnostics: diagnostics, tally: &tally) { record in
      records += 1
      if case .document(let document) = DocumentBuilder.build(record, limits: ParseLimits(reader: limits)) {
        _ = document.text.count
      }
    }
    // Every record is counted once, as parsed, skipped or rejected.
    precondition(tally.parsed == records, "records delivered and counted as parsed differ")
    if let reader = try? ArchiveFileReader(path: path, limits: limits, diagnostics: DiagnosticCollector()) {
      reader.forEachRawRecord(blockNeed: IndexEntry.blockNeed(for:)) { _ = IndexEntry($0, file: path) }
    }
  }

  /// WARC/ARC/HTML files, plain or gzip, as the reader sniffs them.
  static func archive(_ bytes: [UInt8]) {
    scan(bytes, name: ".warc")
  }

  /// An HTTP message (head, chunking, content encodings) inside a WARC response record.
  static func http(_ bytes: [UInt8]) {
    let head =
      "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.org/\r\n"
      + "WARC-Date: 2024-01-01T00:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
      + "Content-Length: \(bytes.count)\r\n\r\n"
    scan(Array(head.utf8) + bytes + Array("\r\n\r\n".utf8), name: ".http.warc")
  }

  /// A page's bytes with any charset: libxml2, main text, metadata, counters; and the raw-text
  /// cut checked against libxml2 (the same tree with and without it).
  static func html(_ bytes: [UInt8]) {
    let record = ArchiveRecord(
      sourcePath: "fuzz.html", offset: 0, kind: .file, contentType: "text/html", payload: bytes)
    if case .document(let document) = DocumentBuilder.build(record) { _ = document.text.count }
    // Cutting unread `<style>`/`<script>` text before libxml2 must leave its tree as it was.
    precondition(UnreadRawText.treesAgree(bytes), "UnreadRawText read the markup differently from libxml2")
  }

  /// JSON-LD and embedded JSON (the tolerant JSON reader) as the counter readers see them.
  static func json(_ bytes: [UInt8]) {
    let text = String(decoding: bytes, as: UTF8.self)
    _ = CounterReader.fromJSONLD(text)
    _ = CounterReader.fromEmbeddedJSON(text)
  }

  /// Locale-aware numbers and counters in running text.
  static func numbers(_ bytes: [UInt8]) {
    let text = String(decoding: bytes, as: UTF8.self)
    for lang in ["id", "en", nil] {
      _ = LocaleNumber.parse(text, lang: lang)
      _ = LocaleNumber.parseAmount(text, lang: lang, currency: "IDR")
      _ = CounterReader.fromText(text, lang: lang)
    }
    _ = SocialTokens.scan(text)
    _ = LanguageDetector.detect(text)
  }

  /// pipeline.yml.
  static func config(_ bytes: [UInt8]) {
    _ = try? PipelineConfigLoader.parse(String(decoding: bytes, as: UTF8.self), file: "fuzz.yml")
  }

  /// The CSV reader behind outcomes.csv and interactions.csv.
  static func csv(_ bytes: [UInt8]) {
    _ = CSVReader.rows(bytes)
  }

  /// A documents.jsonl line as extract reads it, differentially: where the plain-case byte
  /// reader gives a document, `JSONDecoder` must give the same one (traps otherwise).
  static func documents(_ bytes: [UInt8]) {
    guard let plain = ExtractInput.readPlain(line: bytes) else { return }
    let decoded = try? JSONCoding.decoder().decode(ExtractInput.self, from: Data(bytes))
    if decoded != plain {
      fatalError("ExtractInputReader and JSONDecoder disagree on a documents.jsonl line")
    }
  }
}
