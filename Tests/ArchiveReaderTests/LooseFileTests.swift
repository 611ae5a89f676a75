import ArchiveReader
import SlackscoreCore
import Testing

/// Saved pages and folders of them.
@Suite struct LooseFileTests {
  @Test func foldersAreWalkedRecursivelyInNameOrder() throws {
    let folder = TestArchive.folder()
    _ = TestArchive.write(TestArchive.html("b"), name: "b.html", in: folder)
    _ = TestArchive.write(TestArchive.html("a"), name: "sub/a.htm", in: folder)
    _ = TestArchive.write(TestArchive.gzip(TestArchive.html("c")), name: "sub/deeper/c.html.gz", in: folder)
    _ = TestArchive.write(Array("notes".utf8), name: "readme.txt", in: folder)
    _ = TestArchive.write(
      TestArchive.gzip(TestArchive.response("http://example.org/w", "w")), name: "w.warc.gz", in: folder)
    let scan = try TestArchive.scan([folder])
    #expect(
      scan.records.map(\.text) == ["b", "a", "c", "w"].map { String(decoding: TestArchive.html($0), as: UTF8.self) })
    #expect(scan.records.prefix(3).allSatisfy { $0.kind == .file && $0.contentType == "text/html" })
    #expect(scan.records[1].sourcePath == folder + "/sub/a.htm")
  }

  @Test func missingInputThrows() {
    #expect(throws: FileError.self) { try TestArchive.scan(["/nonexistent/slackscore/page.html"]) }
  }
}

/// Small units: chunk parsing, JSON bytes, index entries.
@Suite struct UnitTests {
  @Test func jsonWriterEscapes() {
    var w = JSONByteWriter()
    w.begin()
    w.key("a")
    w.string("quote \" slash \\ newline \n tab \t bell \u{7} é")
    w.key("n")
    w.int(-1234)
    w.end()
    #expect(
      String(decoding: w.out, as: UTF8.self) == #"{"a":"quote \" slash \\ newline \n tab \t bell \u0007 é","n":-1234}"#)
  }

  @Test func indexLineHasSortedKeys() throws {
    let path = TestArchive.write(TestArchive.response("http://example.org/i", "i"), name: "i.warc")
    let (entries, _) = try TestArchive.index(path)
    var out: [UInt8] = []
    entries[0].appendJSON(to: &out)
    let line = String(decoding: out, as: UTF8.self)
    #expect(line.hasPrefix(#"{"content_type":"text/html; charset=utf-8","date":"2024-03-01T10:00:00Z","file":""#))
    #expect(line.contains(#""offset":0,"#))
    #expect(line.hasSuffix(#""status":200,"target_uri":"http://example.org/i","type":"response"}"#))
    #expect(entries[0].isHTML)
  }
}
