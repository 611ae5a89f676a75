import ArchiveReader
import Foundation
import Logging
import SlackscoreCore
import Testing

@testable import DocumentParser

/// The stage end to end on loose files: ordering, determinism, rejects, JSON shape.
@Suite struct ParseStageTests {
  let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

  private func temporaryFolder() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("slackscore-parse-\(UUID().uuidString)")
      .path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  private func writePages(in folder: String, count: Int) throws -> [String] {
    var paths: [String] = []
    for i in 0..<count {
      let html = """
        <html lang="en"><head><title>Page \(i)</title></head><body><nav><a href="/">Home</a></nav>
        <article><p>Paragraph one of page \(i), written for the ordering test, long enough to count.</p>
        <p>Paragraph two of page \(i): "quotes", back\\slashes, tabs\tand a control \u{1} char.</p></article></body></html>
        """
      let path = folder + "/page-\(String(format: "%03d", i)).html"
      try html.write(toFile: path, atomically: true, encoding: .utf8)
      paths.append(path)
    }
    return paths
  }

  @Test func outputIsInInputOrderAndIdenticalWhateverTheJobs() throws {
    let folder = try temporaryFolder()
    let paths = try writePages(in: folder, count: 40)
    let one = try ParseStage.run(inputs: paths, output: folder + "/one.jsonl", jobs: 1, logger: logger)
    let two = try ParseStage.run(inputs: paths, output: folder + "/two.jsonl", jobs: 2, logger: logger)
    let four = try ParseStage.run(inputs: [folder], output: folder + "/four.jsonl", jobs: 4, logger: logger)
    #expect(one.documents == 40 && two.documents == 40 && four.documents == 40)
    let a = try Data(contentsOf: URL(fileURLWithPath: folder + "/one.jsonl"))
    let b = try Data(contentsOf: URL(fileURLWithPath: folder + "/two.jsonl"))
    #expect(a == b)
    let lines = String(decoding: a, as: UTF8.self).split(separator: "\n")
    #expect(lines.count == 40)
    #expect(lines[7].contains("Paragraph one of page 7,"))
    #expect(FileSystem.exists(folder + "/rejects.jsonl"))
  }

  @Test func linesDecodeBackIntoDocuments() throws {
    let folder = try temporaryFolder()
    let paths = try writePages(in: folder, count: 3)
    _ = try ParseStage.run(inputs: paths, output: folder + "/docs.jsonl", jobs: 2, logger: logger)
    let decoded = try JSONCoding.readLines(
      Document.self, from: folder + "/docs.jsonl", stage: "test", diagnostics: DiagnosticCollector())
    #expect(decoded.count == 3)
    #expect(decoded[2].text.contains("\"quotes\", back\\slashes, tabs and a control"))
    #expect(decoded[0].title == "Page 0")
  }

  @Test func writerMatchesFoundationsEncodingOfTheSameDocument() throws {
    let d = Document(
      id: "0123456789abcdef0123456789abcdef", url: "https://a.example/p", title: "Judul “kutip” / garis",
      text: "Baris satu\nBaris \"dua\" \\ ✓ 😀 \u{1}\t\r", lang: "id", publishedAt: "2024-01-01",
      capturedAt: "2024-01-02T00:00:00Z",
      author: nil, siteName: "Situs", canonicalUrl: nil,
      source: DocumentSource(path: "x.warc.gz", offset: 10, recordId: "<urn:uuid:1>", payloadDigest: "sha1:ABC"),
      links: [DocumentLink(url: "https://a.example/q", text: "tautan", inMain: true)], hashtags: ["#Aksi"],
      mentions: ["@warga"],
      counters: [
        Counter(kind: "likes", value: 1200, raw: "1,2 rb suka", origin: "text", subject: "page", primary: true),
        Counter(
          kind: "funds_raised", value: 1.5e9, currency: "IDR", raw: "Rp 1,5 M", origin: "text", subject: "sidebar"),
        Counter(kind: "ratio", value: 0.25, raw: "25%", origin: "text"),
      ])
    var writer = JSONLineWriter()
    writer.append(d)
    let ours = try JSONCoding.decoder().decode(Document.self, from: Data(writer.bytes))
    #expect(ours == d)
    // Same keys and values as Foundation's encoder (which omits nils instead of writing null).
    let foundation = try JSONSerialization.jsonObject(with: JSONCoding.lineEncoder().encode(d)) as! [String: Any]
    let mine = try JSONSerialization.jsonObject(with: Data(writer.bytes)) as! [String: Any]
    #expect(Set(foundation.keys).isSubset(of: Set(mine.keys)))
    #expect(writer.bytes.last == 0x0A)
    #expect(!writer.bytes.dropLast().contains(0x0A))
  }

  /// The benchmark's record-by-record floor timing changes nothing in the output.
  @Test func pairedFloorTimesBothAndWritesTheSameDocuments() throws {
    let folder = try temporaryFolder()
    let paths = try writePages(in: folder, count: 12)
    let plain = try ParseStage.run(inputs: paths, output: folder + "/plain.jsonl", jobs: 1, logger: logger)
    let paired = try ParseStage.run(
      inputs: paths, output: folder + "/paired.jsonl", jobs: 2, mode: .pairedFloor, logger: logger)
    #expect(plain.floorComparison == nil)
    let floor = try #require(paired.floorComparison)
    #expect(floor.libxml2Seconds > 0 && floor.fullSeconds > 0 && floor.sharedSeconds >= 0)
    let a = try Data(contentsOf: URL(fileURLWithPath: folder + "/plain.jsonl"))
    let b = try Data(contentsOf: URL(fileURLWithPath: folder + "/paired.jsonl"))
    #expect(a == b)
  }

  /// Escapes land at every position relative to the writer's eight-byte steps.
  @Test(arguments: ["\"", "\\", "\n", "\t", "\u{01}", "\u{1F}", "é", "\u{7F}"])
  func textEscapesRoundTripAtEveryAlignment(special: String) throws {
    for prefix in 0..<17 {
      var d = Document(
        id: "x", url: nil, source: DocumentSource(path: "p", offset: nil, recordId: nil, payloadDigest: nil))
      d.text = String(repeating: "a", count: prefix) + special + String(repeating: "b", count: 17 - prefix) + special
      var writer = JSONLineWriter()
      writer.append(d)
      let decoded = try JSONCoding.decoder().decode(Document.self, from: Data(writer.bytes))
      #expect(decoded.text == d.text)
    }
  }

  @Test func outputHasTheSchemasRequiredKeys() throws {
    let schemaPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("schemas/document.schema.json")
    let schema = try JSONSerialization.jsonObject(with: Data(contentsOf: schemaPath)) as! [String: Any]
    let required = schema["required"] as! [String]
    let properties = schema["properties"] as! [String: Any]
    let sourceRequired = (properties["source"] as! [String: Any])["required"] as! [String]
    var writer = JSONLineWriter()
    writer.append(document(makeResponse(Fixtures.indonesianNews))!)
    let object = try JSONSerialization.jsonObject(with: Data(writer.bytes)) as! [String: Any]
    for key in required { #expect(object[key] != nil, "missing \(key)") }
    for key in object.keys { #expect(properties[key] != nil, "\(key) not in the schema") }
    let source = object["source"] as! [String: Any]
    for key in sourceRequired { #expect(source[key] != nil, "missing source.\(key)") }
  }

  @Test func everyRecordIsCountedAndRejectsAreListed() throws {
    let folder = try temporaryFolder()
    var paths = try writePages(in: folder, count: 2)
    let empty = folder + "/empty.html"
    try Data().write(to: URL(fileURLWithPath: empty))
    let image = folder + "/image.html"
    try Data([0x89, 0x50, 0x4E, 0x47, 0, 0]).write(to: URL(fileURLWithPath: image))
    let huge = folder + "/huge.html"
    try Data(repeating: 0x61, count: 4096).write(to: URL(fileURLWithPath: huge))
    paths += [empty, image, huge, folder + "/missing.html"]
    let summary = try ParseStage.run(
      inputs: paths, output: folder + "/out/docs.jsonl", jobs: 2, limits: ParseLimits(maxPayloadBytes: 2048),
      logger: logger)
    #expect(summary.tally.parsed == 3)
    #expect(summary.emptyDocuments == 1)
    #expect(summary.tally.skipped["not-html"] == 1)
    #expect(summary.tally.rejected["payload-too-large (4096 bytes)"] == 1)
    #expect(summary.tally.rejected["unreadable-input"] == 1)
    #expect(summary.tally.total == 6)
    let rejects = try String(contentsOfFile: folder + "/out/rejects.jsonl", encoding: .utf8)
    #expect(rejects.contains("\"file\":\"\(huge)\""))
    #expect(rejects.contains("\"offset\":0"))
    #expect(rejects.contains("missing.html"))
    let docs = try String(contentsOfFile: folder + "/out/docs.jsonl", encoding: .utf8)
    #expect(docs.contains("\"empty_reason\":\"empty-payload\""))
  }
}
