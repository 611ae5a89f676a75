import ArchiveReader
import SlackscoreCore
import Testing

/// `.warc.zst` (the IIPC WARC zstd profile) made by the `zstd` tool: one frame per record,
/// with and without a dictionary, and damaged.
@Suite struct ZstdTests {
  static let records = (0..<12).map {
    TestArchive.response("http://example.org/page-\($0)", "zstd page \($0) " + String(repeating: "words ", count: $0))
  }

  /// Frame starts of `frames` laid one after the other from `start`.
  static func offsets(_ frames: [[UInt8]], from start: Int = 0) -> [Int] {
    Array(frames.reduce(into: [start]) { $0.append($0.last! + $1.count) }.dropLast())
  }

  @Test func oneFramePerRecord() throws {
    let frames = try Self.records.map { try ZstdTool.frame($0) }
    let path = TestArchive.write(frames.flatMap { $0 }, name: "frames.warc.zst")
    let reader = try ArchiveFileReader(path: path, diagnostics: DiagnosticCollector())
    #expect(reader.container == .warcZstd)
    let scan = try TestArchive.scan([path])
    #expect(scan.records.map(\.targetURI) == (0..<12).map { "http://example.org/page-\($0)" })
    #expect(scan.records[3].text.contains("zstd page 3"))
    #expect(scan.diagnostics.isEmpty)
    let index = try TestArchive.index(path)
    #expect(index.entries.map(\.offset) == Self.offsets(frames))
    #expect(index.entries.map(\.length) == frames.map { Optional($0.count) })
  }

  @Test func wholeFileInOneFrame() throws {
    let path = TestArchive.write(try ZstdTool.frame(Self.records.flatMap { $0 }), name: "whole.warc.zst")
    let scan = try TestArchive.scan([path])
    #expect(scan.records.count == 12)
    #expect(scan.diagnostics.isEmpty)
  }

  @Test(arguments: [false, true])
  func dictionaryFrameIsLoaded(compressedDictionary: Bool) throws {
    let dictionaryPath = try ZstdTool.train(Self.records + Self.records.map { $0 + $0 })
    let dictionary = try FileSystem.readAll(dictionaryPath)
    let head = ZstdTool.dictionaryFrame(compressedDictionary ? try ZstdTool.frame(dictionary) : dictionary)
    let frames = try Self.records.map { try ZstdTool.frame($0, dictionary: dictionaryPath) }
    let path = TestArchive.write(head + frames.flatMap { $0 }, name: "dictionary.warc.zst")
    let scan = try TestArchive.scan([path])
    #expect(scan.records.count == 12)
    #expect(scan.diagnostics.isEmpty)
    #expect(try TestArchive.index(path).entries.map(\.offset) == Self.offsets(frames, from: head.count))
    // Without the dictionary the frames cannot be read: each is rejected, none crashes.
    let bare = TestArchive.write(frames.flatMap { $0 }, name: "no-dictionary.warc.zst")
    let broken = try TestArchive.scan([bare])
    #expect(broken.records.isEmpty)
    #expect(!broken.diagnostics.isEmpty)
  }

  @Test func revisitIsResolvedByReadingTheOriginalFrameAgain() throws {
    let digest = "sha1:ORIGINALDIGEST"
    let original = TestArchive.warc(
      "response", uri: "http://example.org/p", id: "<urn:uuid:orig>", extra: [("WARC-Payload-Digest", digest)],
      block: TestArchive.http(body: TestArchive.html("original body")))
    let revisit = TestArchive.warc(
      "revisit", uri: "http://example.org/p", date: "2024-05-01T00:00:00Z",
      extra: [("WARC-Refers-To", "<urn:uuid:orig>")], block: TestArchive.http(body: []))
    let dictionaryPath = try ZstdTool.train(Self.records + Self.records.map { $0 + $0 })
    let head = ZstdTool.dictionaryFrame(try FileSystem.readAll(dictionaryPath))
    let frames = try [Self.records[0], original, Self.records[1], revisit].map {
      try ZstdTool.frame($0, dictionary: dictionaryPath)
    }
    let scan = try TestArchive.scan([TestArchive.write(head + frames.flatMap { $0 }, name: "revisit.warc.zst")])
    try #require(scan.records.map(\.kind) == [.response, .response, .response, .revisit])
    #expect(scan.records[3].text == scan.records[1].text)
  }

  @Test func corruptFrameIsRejectedAndReadingGoesOn() throws {
    var frames = try Self.records.prefix(3).map { try ZstdTool.frame($0) }
    for i in 12..<(frames[1].count - 4) { frames[1][i] ^= 0x5A }
    let path = TestArchive.write(frames.flatMap { $0 }, name: "corrupt.warc.zst")
    let scan = try TestArchive.scan([path])
    #expect(scan.records.map(\.targetURI) == ["http://example.org/page-0", "http://example.org/page-2"])
    let error = try #require(scan.diagnostics("corrupt-zstd-frame").first)
    #expect(error.severity == .error)
    #expect(error.file == path)
    #expect(error.offset == frames[0].count)
  }

  @Test func truncatedFileKeepsTheFramesBefore() throws {
    let frames = try Self.records.prefix(3).map { try ZstdTool.frame($0) }
    let whole = frames.flatMap { $0 }
    let path = TestArchive.write(Array(whole[..<(whole.count - 20)]), name: "cut.warc.zst")
    let scan = try TestArchive.scan([path])
    #expect(scan.records.prefix(2).map(\.targetURI) == ["http://example.org/page-0", "http://example.org/page-1"])
    let error = try #require(scan.diagnostics("truncated-zstd-frame").first)
    #expect(error.offset == frames[0].count + frames[1].count)
  }

  @Test func trailingGarbageAndNonWARCDataAreReported() throws {
    let frames = try Self.records.prefix(2).map { try ZstdTool.frame($0) }
    let garbage = TestArchive.write(frames.flatMap { $0 } + Array("not zstd".utf8), name: "tail.warc.zst")
    let scan = try TestArchive.scan([garbage])
    #expect(scan.records.count == 2)
    #expect(scan.diagnostics("trailing-garbage").first?.offset == frames[0].count + frames[1].count)
    let text = TestArchive.write(try ZstdTool.frame(Array("just some text\n".utf8)), name: "text.zst")
    #expect(try ArchiveFileReader(path: text, diagnostics: DiagnosticCollector()).container == .zstd)
    #expect(try TestArchive.scan([text]).diagnostics("unsupported-container").count == 1)
  }

  @Test func oversizedDictionaryIsReportedNotAllocated() throws {
    let head: [UInt8] = [0x5D, 0x2A, 0x4D, 0x18, 0xFF, 0xFF, 0xFF, 0x7F]
    let path = TestArchive.write(head + (try ZstdTool.frame(Self.records[0])), name: "huge-dict.warc.zst")
    let scan = try TestArchive.scan([path])
    #expect(scan.diagnostics("zstd-dictionary-unusable").first?.offset == 0)
  }
}
