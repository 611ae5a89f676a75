import CTAExtraction
import Foundation
import Logging
import SlackscoreCore
import Testing

/// The streamed boilerplate pass (facts, `RecurrenceCounter`, verdicts) against the in-memory one.
@Suite struct BoilerplateStreamingTests {
  static let detector = try! CTADetector.load()

  /// A document line as parse writes it (the fields extract reads).
  struct Line: Encodable {
    var id: String
    var text: String
    var url: String
    var lang = "id"
  }

  static let lines =
    (0..<3).map { n in
      Line(
        id: "cap-\(n)", text: "Sungai kami keruh sejak tambang dibuka.\nTanda tangani petisi ini sekarang juga!",
        url: "https://petisi.example.id/p/tolak-tambang?utm_source=\(n)")
    }
    + (0..<4).map { n in
      Line(
        id: "camp-\(n)",
        text:
          "Bantu korban banjir di desa nomor \(n).\nYuk donasi sekarang untuk mereka!\nFollow akun kami untuk kabar terbaru.",
        url: "https://galang.example.id/campaign/\(n)")
    }

  @Test func streamedRunWritesWhatTheInMemoryPassMarksAndCleansUp() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("boilerplate-\(UUID().uuidString)").path
    try FileSystem.createDirectories(dir)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let encoder = JSONCoding.lineEncoder()
    var jsonl: [UInt8] = []
    for line in Self.lines {
      jsonl += try encoder.encode(line)
      jsonl.append(0x0A)
    }
    try AtomicFileWriter.write(jsonl, to: dir + "/documents.jsonl")
    var told: [Int] = []
    let summary = try ExtractStage.run(
      documents: dir + "/documents.jsonl", output: dir + "/ctas.jsonl", detector: Self.detector, jobs: 2,
      logger: Logger(label: "test"), progress: { told.append($0) })
    // Progress counts lines read, ending at all of them.
    #expect(told.last == Self.lines.count && told == told.sorted())
    let decoder = JSONCoding.decoder()
    let inputs = try Self.lines.map { try decoder.decode(ExtractInput.self, from: encoder.encode($0)) }
    var expected: [UInt8] = []
    for cta in ExtractStage.callsToAction(in: inputs, detector: Self.detector) {
      expected += try encoder.encode(cta)
      expected.append(0x0A)
    }
    #expect(try FileSystem.readAll(dir + "/ctas.jsonl") == expected)
    #expect(summary.boilerplate == 4)  // the four pages' follow promo
    #expect(try FileSystem.contents(of: dir) == ["ctas.jsonl", "documents.jsonl"])
  }

  @Test func factsSurviveTheirEncoding() {
    for facts in [
      BoilerplateFacts(recurrence: 0xDEAD_BEEF_0123_4567, counted: true, template: false, promo: true),
      BoilerplateFacts(recurrence: nil, counted: false, template: true, promo: false),
      BoilerplateFacts(recurrence: 0, counted: true, template: true, promo: true),
    ] {
      #expect(facts.encoded.count == BoilerplateFacts.encodedLength)
      #expect(BoilerplateFacts(encoded: facts.encoded) == facts)
    }
    #expect(BoilerplateFacts(encoded: Array("not facts at all!".utf8)) == nil)
  }

  @Test func counterCountsDistinctPagesOnly() {
    let sentence = BoilerplateFacts.recurrence(site: "galang.example.id", key: "yuk donasi sekarang")
    let other = BoilerplateFacts.recurrence(site: "other.example", key: "yuk donasi sekarang")
    #expect(sentence != other)
    var counter = RecurrenceCounter(minDocuments: 3)
    for page in [1, 1, 2, 2] as [UInt64] { counter.observe(sentence, page: page) }
    #expect(!counter.isRecurring(sentence))
    counter.observe(sentence, page: 3)
    #expect(counter.isRecurring(sentence))
    #expect(!counter.isRecurring(other) && !counter.isRecurring(nil))
    var never = RecurrenceCounter(minDocuments: 0)
    never.observe(sentence, page: 1)
    #expect(!never.isRecurring(sentence) && never.count == 0)
  }
}
