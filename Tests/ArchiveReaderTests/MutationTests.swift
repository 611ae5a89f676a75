import ArchiveReader
import SlackscoreCore
import Testing

/// Deterministic damage to a small archive (cuts, flipped bytes, inserted newlines and
/// record headers): the reader must never crash or hang, and must count every record
/// it frames exactly once.
@Suite struct MutationTests {
  /// A small xorshift generator, so every run mutates the same way.
  struct Generator {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
      state ^= state << 13
      state ^= state >> 7
      state ^= state << 17
      return Int(state % UInt64(max(bound, 1)))
    }
  }

  static func sample() -> [[UInt8]] {
    let page = TestArchive.html("mutation sample")
    let chunked =
      Array("5\r\n".utf8) + page[..<5] + Array("\r\n\(String(page.count - 5, radix: 16))\r\n".utf8)
      + page[5...] + Array("\r\n0\r\n\r\n".utf8)
    return [
      TestArchive.warc("warcinfo", uri: nil, block: Array("software: t\r\n".utf8)),
      TestArchive.warc("request", block: Array("GET / HTTP/1.1\r\n\r\n".utf8)),
      TestArchive.warc(
        "response", extra: [("WARC-Payload-Digest", "sha1:MUT")],
        block: TestArchive.http(
          headers: [("Content-Type", "text/html"), ("Transfer-Encoding", "chunked")], body: chunked)),
      TestArchive.warc(
        "response",
        block: TestArchive.http(headers: [("Content-Encoding", "gzip")], body: TestArchive.gzip(page))),
      TestArchive.warc("revisit", extra: [("WARC-Payload-Digest", "sha1:MUT")], block: []),
      TestArchive.warc("resource", extra: [("Content-Type", "text/html")], block: page),
    ]
  }

  @Test(arguments: [false, true])
  func mutatedArchivesNeverCrash(gzip: Bool) throws {
    let records = Self.sample()
    let original = gzip ? records.flatMap { TestArchive.gzip($0) } : records.flatMap { $0 }
    var random = Generator(state: gzip ? 0x9E37_79B9_7F4A_7C15 : 0xD1B5_4A32_D192_ED03)
    let folder = TestArchive.folder()
    for round in 0..<150 {
      var bytes = original
      switch random.next(4) {
      case 0: bytes = Array(bytes[..<random.next(bytes.count)])
      case 1:
        for _ in 0...random.next(8) { bytes[random.next(bytes.count)] ^= UInt8(1 + random.next(255)) }
      case 2: bytes.insert(contentsOf: Array("\r\nWARC/1.0\r\n".utf8), at: random.next(bytes.count))
      default:
        let at = random.next(bytes.count)
        bytes.removeSubrange(at..<min(bytes.count, at + 1 + random.next(40)))
      }
      let path = TestArchive.write(bytes, name: "m\(round).warc\(gzip ? ".gz" : "")", in: folder)
      let (entries, _) = try TestArchive.index(path)
      let scan = try TestArchive.scan([path])
      // A file mutated past recognition counts once, as an unsupported container.
      let unreadable =
        scan.tally.rejected["unsupported-container", default: 0] + scan.tally.rejected["empty-file", default: 0]
      #expect(scan.tally.total == entries.count + unreadable, "round \(round)")
    }
  }
}
