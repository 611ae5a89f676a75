import ArchiveReader
import Foundation
import SlackscoreCore
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Damage injected between the records of real archives from `SHARED`: a record whose
/// Content-Length runs past the end of the file, a gzip member cut short in the middle of the
/// file, a member whose size field lies. Every real record must still come out and be counted,
/// and the damage must be counted once.
@Suite(.enabled(if: SharedData.isAvailable))
struct HostileArchiveConformanceTests {
  static let gzipFiles = [
    "pywb/iana.warc.gz", "warcio/example.warc.gz", "aut/example.warc.gz", "pywb/example-wpull.warc.gz",
  ]
  static let plainFiles = ["warcio/example.warc", "resiliparse/block-sized-records.warc", "pywb/example-extra.warc"]

  /// A response record claiming `Int.max` bytes.
  static let liar = Array(
    ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://liar.example/\r\n"
      + "WARC-Date: 2024-01-01T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:11111111-2222-4333-8444-555555555555>\r\n"
      + "Content-Length: 9223372036854775807\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>liar</p>\r\n\r\n").utf8)

  struct Outcome: Equatable {
    var tally: RecordTally
    var uris: [String]
  }

  static func read(_ bytes: [UInt8], name: String) throws -> Outcome {
    let folder = NSTemporaryDirectory() + "slackscore-hostile-conformance-\(getpid())"
    try FileSystem.createDirectories(folder)
    let path = folder + "/" + name
    try AtomicFileWriter.write(bytes, to: path)
    var tally = RecordTally()
    var uris: [String] = []
    try ArchiveScan.forEachRecord(in: [path], diagnostics: DiagnosticCollector(), tally: &tally) {
      uris.append($0.targetURI ?? "")
    }
    return Outcome(tally: tally, uris: uris)
  }

  /// Byte ranges of the records (for gzip files: of their members), from the index.
  static func spans(_ path: String) throws -> [Range<Int>] {
    let reader = try ArchiveFileReader(path: path, diagnostics: DiagnosticCollector())
    var spans: [Range<Int>] = []
    reader.forEachRawRecord(blockNeed: { _ in .none }) { raw in
      if let length = raw.length { spans.append(raw.offset..<(raw.offset + length)) }
    }
    return spans
  }

  static func shared(_ name: String) throws -> (path: String, bytes: [UInt8]) {
    let path = try #require(SharedData.root) + "/data/warc/" + name
    return (path, try FileSystem.readAll(path))
  }

  @Test(arguments: gzipFiles)
  func gzipArchivesSurviveInjectedDamage(name: String) throws {
    let (path, bytes) = try Self.shared(name)
    let spans = try Self.spans(path)
    try #require(spans.count >= 2)
    let tag = name.replacingOccurrences(of: "/", with: "-")
    let original = try Self.read(bytes, name: tag + "-orig.warc.gz")
    let cut = spans[1].lowerBound
    let head = Array(bytes[..<cut])
    let tail = Array(bytes[cut...])
    let second = Array(bytes[spans[1]])

    // A member holding a record whose length runs past the end of the file.
    let liar = try Self.read(head + GzipStored.member(Self.liar) + tail, name: tag + "-liar.warc.gz")
    #expect(liar.uris == original.uris)
    #expect(liar.tally.parsed == original.tally.parsed)
    #expect(liar.tally.rejected["bad-content-length"] == 1)
    #expect(liar.tally.total == original.tally.total + 1)

    // A copy of the second member cut in half, in the middle of the file.
    let half = Array(second[..<(second.count / 2)])
    let cutShort = try Self.read(head + half + tail, name: tag + "-cut.warc.gz")
    #expect(cutShort.uris == original.uris)
    #expect(cutShort.tally.parsed == original.tally.parsed)
    #expect(cutShort.tally.rejectedTotal == original.tally.rejectedTotal + 1)
  }

  @Test func aMemberWithALyingSizeIsKept() throws {
    let (path, bytes) = try Self.shared("pywb/iana.warc.gz")
    let spans = try Self.spans(path)
    let original = try Self.read(bytes, name: "orig2.warc.gz")
    var member = GzipStored.member(Array("WARC/1.0\r\nWARC-Type: metadata\r\nContent-Length: 2\r\n\r\nok\r\n\r\n".utf8))
    member[member.count - 4] ^= 1
    let cut = spans[1].lowerBound
    let lying = try Self.read(Array(bytes[..<cut]) + member + Array(bytes[cut...]), name: "isize.warc.gz")
    #expect(lying.uris == original.uris)
    #expect(lying.tally.skipped["metadata", default: 0] == original.tally.skipped["metadata", default: 0] + 1)
    #expect(lying.tally.rejectedTotal == original.tally.rejectedTotal)
  }

  @Test(arguments: plainFiles)
  func plainArchivesSurviveALyingLength(name: String) throws {
    let (path, bytes) = try Self.shared(name)
    let spans = try Self.spans(path)
    try #require(spans.count >= 2)
    let tag = name.replacingOccurrences(of: "/", with: "-")
    let original = try Self.read(bytes, name: tag + "-orig.warc")
    let cut = spans[1].lowerBound
    let damaged = try Self.read(Array(bytes[..<cut]) + Self.liar + Array(bytes[cut...]), name: tag + "-liar.warc")
    #expect(damaged.uris == original.uris)
    #expect(damaged.tally.parsed == original.tally.parsed)
    #expect(damaged.tally.rejected["bad-content-length"] == 1)
  }
}

/// gzip members with one stored (uncompressed) deflate block: enough to build test archives
/// without zlib.
enum GzipStored {
  static func member(_ data: [UInt8]) -> [UInt8] {
    precondition(data.count < 65_536)
    var out: [UInt8] = [0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 0xFF]
    let n = UInt16(data.count)
    out += [0x01, UInt8(n & 0xFF), UInt8(n >> 8), UInt8(~n & 0xFF), UInt8(~n >> 8)]
    out += data
    out += le32(crc32(data)) + le32(UInt32(data.count))
    return out
  }

  static func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) } }

  static func crc32(_ data: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in data {
      crc ^= UInt32(byte)
      for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
    }
    return ~crc
  }
}
