import ArchiveReader
import SlackscoreCore
import Testing

/// Containers and versions: plain, gzip per record, one gzip member for the whole file,
/// members not aligned with records, ARC, and sniffing by content rather than name.
@Suite struct ContainerTests {
  static let records: [[UInt8]] = [
    TestArchive.warc(
      "warcinfo", uri: nil, extra: [("Content-Type", "application/warc-fields")],
      block: Array("software: test\r\n".utf8)),
    TestArchive.warc("request", block: Array("GET / HTTP/1.1\r\nHost: example.org\r\n\r\n".utf8)),
    TestArchive.response("http://example.org/a", "first page"),
    TestArchive.warc("metadata", block: Array("outlink: http://example.org/b\r\n".utf8)),
    TestArchive.response("http://example.org/b", "second page"),
  ]

  @Test(arguments: ["1.0", "1.1", "0.17", "0.18"])
  func plainWARCOfEveryVersion(version: String) throws {
    let bytes = TestArchive.warc(
      "response", version: version, uri: "http://example.org/v",
      block: TestArchive.http(body: TestArchive.html("version \(version)")))
    let scan = try TestArchive.scan([TestArchive.write(bytes, name: "v.warc")])
    #expect(scan.records.count == 1)
    #expect(scan.records.first?.text.contains("version \(version)") == true)
    #expect(scan.diagnostics.isEmpty)
  }

  @Test func gzipPerRecordGivesMemberOffsetsAndLengths() throws {
    let members = Self.records.map { TestArchive.gzip($0) }
    let path = TestArchive.write(members.flatMap { $0 }, name: "per-record.warc.gz")
    let (entries, diagnostics) = try TestArchive.index(path)
    #expect(diagnostics.isEmpty)
    #expect(entries.map(\.type) == ["warcinfo", "request", "response", "metadata", "response"])
    var offset = 0
    for (entry, member) in zip(entries, members) {
      #expect(entry.offset == offset)
      #expect(entry.length == member.count)
      offset += member.count
    }
    let scan = try TestArchive.scan([path])
    #expect(scan.records.map(\.offset) == [entries[2].offset, entries[4].offset])
    #expect(scan.tally.parsed == 2)
    #expect(scan.tally.skipped == ["warcinfo": 1, "request": 1, "metadata": 1])
  }

  @Test func plainOffsetsPointAtRecordStarts() throws {
    let bytes = Self.records.flatMap { $0 }
    let (entries, _) = try TestArchive.index(TestArchive.write(bytes, name: "plain.warc"))
    var offset = 0
    for (entry, record) in zip(entries, Self.records) {
      #expect(entry.offset == offset)
      #expect(entry.length == record.count)
      offset += record.count
    }
  }

  @Test func wholeFileInOneGzipMember() throws {
    let path = TestArchive.write(TestArchive.gzip(Self.records.flatMap { $0 }), name: "one-member.warc.gz")
    let scan = try TestArchive.scan([path])
    #expect(scan.records.map(\.targetURI) == ["http://example.org/a", "http://example.org/b"])
    #expect(scan.tally.total == 5)
    #expect(scan.diagnostics.isEmpty)
  }

  @Test(arguments: [1, 7, 100, 333])
  func membersNotAlignedWithRecords(step: Int) throws {
    let all = Self.records.flatMap { $0 }
    var file: [UInt8] = []
    var i = 0
    while i < all.count {
      file += TestArchive.gzip(Array(all[i..<min(all.count, i + step)]))
      i += step
    }
    let scan = try TestArchive.scan([TestArchive.write(file, name: "unaligned.warc.gz")])
    #expect(
      scan.records.map(\.text)
        == [TestArchive.html("first page"), TestArchive.html("second page")].map {
          String(decoding: $0, as: UTF8.self)
        })
    #expect(scan.tally.total == 5)
  }

  @Test func gzipHeaderWithExtraField() throws {
    // wget writes an FEXTRA "sl" subfield into each member's header.
    var member = TestArchive.gzip(Self.records[2])
    member[3] |= 0x04
    let subfield: [UInt8] = [0x73, 0x6C, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8]
    member.insert(contentsOf: [UInt8(subfield.count), 0] + subfield, at: 10)
    let path = TestArchive.write(member + TestArchive.gzip(Self.records[4]), name: "extra.warc.gz")
    let scan = try TestArchive.scan([path])
    #expect(scan.records.map(\.targetURI) == ["http://example.org/a", "http://example.org/b"])
    #expect(try TestArchive.index(path).entries.map(\.offset) == [0, member.count])
  }

  @Test func sniffsGzipDespiteThePlainName() throws {
    let path = TestArchive.write(Self.records.flatMap { TestArchive.gzip($0) }, name: "named-plain.warc")
    let reader = try ArchiveFileReader(path: path, diagnostics: DiagnosticCollector())
    #expect(reader.container == .warcGzip)
    #expect(try TestArchive.scan([path]).records.count == 2)
  }

  /// Payloads no page starts with, whatever their declared type: images, PDF, archives, fonts.
  @Test func binaryPayloadsAreRecognised() {
    let binaries: [[UInt8]] = [
      [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A], Array("GIF89a".utf8), [0xFF, 0xD8, 0xFF, 0xE0], Array("%PDF-1.7".utf8),
      Array("PK\u{3}\u{4}".utf8), [0x1F, 0x8B, 0x08], [0x00, 0x00, 0x01, 0x00, 0x01], Array("wOFF".utf8),
      Array("wOF2".utf8), [0x00, 0x01, 0x00, 0x00, 0x00, 0x13], Array("OTTO".utf8), Array("ttcf".utf8),
    ]
    for payload in binaries { #expect(ContainerSniffer.looksBinary(payload), "\(payload.prefix(4))") }
    let pages: [[UInt8]] = [
      [], Array("<!doctype html>".utf8), Array("%PD".utf8), [0x1F], [0xFF, 0xFE, 0x3C, 0x00], Array("GIF".utf8),
    ]
    for payload in pages { #expect(!ContainerSniffer.looksBinary(payload), "\(payload)") }
  }

  @Test func unsupportedContainersAreReportedNotCrashed() throws {
    let lz4 = TestArchive.write([0x04, 0x22, 0x4D, 0x18, 1, 2, 3], name: "x.warc.lz4")
    let zip = TestArchive.write(Array("PK\u{3}\u{4}rest".utf8), name: "x.wacz")
    let scan = try TestArchive.scan([lz4, zip])
    #expect(scan.records.isEmpty)
    let codes = scan.diagnostics("unsupported-container")
    #expect(codes.map(\.file) == [lz4])
    #expect(codes.allSatisfy { $0.offset == 0 })
    #expect(scan.diagnostics("unreadable-zip").map(\.file) == [zip])
  }

  @Test func recordsLargerThanTheReadWindow() throws {
    // 5 MB and 9 MB pages cross the 4 MB input and output windows.
    let big = [UInt8](repeating: UInt8(ascii: "x"), count: 5 << 20)
    let bigger = [UInt8](repeating: UInt8(ascii: "y"), count: 9 << 20)
    let records = [
      TestArchive.warc("response", block: TestArchive.http(body: big)),
      TestArchive.response("http://example.org/small", "small"),
      TestArchive.warc("resource", extra: [("Content-Type", "text/html")], block: bigger),
    ]
    for (name, file) in [
      ("big.warc", records.flatMap { $0 }), ("big.warc.gz", records.flatMap { TestArchive.gzip($0) }),
    ] {
      let scan = try TestArchive.scan([TestArchive.write(file, name: name)])
      #expect(scan.records.map(\.payload.count) == [big.count, TestArchive.html("small").count, bigger.count])
      #expect(scan.diagnostics.isEmpty)
    }
  }
}

/// ARC v1 files, plain and gzip.
@Suite struct ARCTests {
  static func arcFile() -> [[UInt8]] {
    let desc = Array("1 0 Test Archive\nURL IP-address Archive-date Content-type Archive-length\n".utf8)
    let page = TestArchive.http(body: TestArchive.html("arc page"))
    return [
      Array("filedesc://test.arc 0.0.0.0 20080430204825 text/plain \(desc.count)\n".utf8) + desc + [0x0A],
      Array("http://example.org/old page.html 10.0.0.1 20080430204826 text/html \(page.count)\n".utf8) + page + [0x0A],
    ]
  }

  @Test(arguments: [false, true])
  func readsARCv1(gzip: Bool) throws {
    let parts = Self.arcFile()
    let bytes = gzip ? parts.flatMap { TestArchive.gzip($0) } : parts.flatMap { $0 }
    let scan = try TestArchive.scan([TestArchive.write(bytes, name: gzip ? "t.arc.gz" : "t.arc")])
    #expect(scan.records.count == 1)
    let record = try #require(scan.records.first)
    #expect(record.targetURI == "http://example.org/old%20page.html")
    #expect(record.date == "2008-04-30T20:48:26Z")
    #expect(record.http?.status == 200)
    #expect(record.contentType == "text/html; charset=utf-8")
    #expect(record.text.contains("arc page"))
    #expect(scan.tally.skipped == ["filedesc": 1])
  }

  @Test func badARCLengthsAreReportedAndSkipped() throws {
    let text =
      "filedesc://bad.arc 127.0.0.1 20140301000000 text/plain -1\n1 0 Bad\n\n"
      + "http://example.org/ 10.0.0.1 20140401000000 text/html abc\n\n"
      + "http://example.org/x 10.0.0.1 20140401000000 text/plain 2\nok\n"
    let (entries, diagnostics) = try TestArchive.index(TestArchive.write(Array(text.utf8), name: "bad.arc"))
    #expect(entries.count == 3)
    #expect(diagnostics.filter { $0.code == "bad-arc-length" }.map(\.offset) == [0, 67])
  }
}
