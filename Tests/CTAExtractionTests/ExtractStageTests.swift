import CTAExtraction
import Foundation
import Logging
import SlackscoreCore
import Testing

@Suite struct ExtractStageTests {
  static let detector = try! CTADetector.load()

  func writeFixture() throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cta-tests-\(UUID().uuidString)").path
    try FileSystem.createDirectories(dir)
    let path = dir + "/documents.jsonl"
    try AtomicFileWriter.write(ExtractFixtures.documentsJSONL, to: path)
    return path
  }

  func run(_ input: String, jobs: Int) throws -> (ExtractSummary, [UInt8], DiagnosticCollector) {
    let output = input + ".ctas-\(jobs).jsonl"
    let diagnostics = DiagnosticCollector()
    let summary = try ExtractStage.run(
      documents: input, output: output, detector: Self.detector, jobs: jobs, diagnostics: diagnostics,
      logger: Logger(label: "test"))
    return (summary, try FileSystem.readAll(output), diagnostics)
  }

  func decode(_ bytes: [UInt8]) throws -> [CallToAction] {
    let decoder = JSONCoding.decoder()
    return try bytes.split(separator: 0x0A).map { try decoder.decode(CallToAction.self, from: Data($0)) }
  }

  @Test func findsTypesAndMarksCallsToAction() throws {
    let input = try writeFixture()
    let (summary, bytes, diagnostics) = try run(input, jobs: 1)
    let all = try decode(bytes)
    // The news page reports the petitioners' demand of the mayor: no act of the reader's is named, so
    // it is neither a call to action nor a reported ask (AskGateTests cover reported rows).
    let reported = all.filter { $0.reported == true }
    #expect(reported.isEmpty)
    #expect(summary.reported == 0)
    let ctas = all.filter { $0.reported != true }
    #expect(summary.records.parsed == 7)
    #expect(summary.records.skipped == ["empty-text": 1])
    #expect(summary.records.rejected == ["bad-json-line": 1])
    #expect(diagnostics.diagnostics.map(\.message).first?.hasPrefix("line 6:") == true)
    #expect(summary.ctas == ctas.count)

    let promos = ctas.filter { $0.docId.hasPrefix("kabar-") }
    #expect(promos.count == 3)
    #expect(promos.allSatisfy { $0.boilerplate && $0.category == "follow" && $0.effort == 1 })

    let petition = try #require(ctas.first { $0.docId == "kampanye-1" && $0.category == "sign" })
    #expect(petition.target?.platform == "change.org")
    #expect(petition.target?.kind == "petition")
    #expect(petition.effort == 2)
    #expect(!petition.boilerplate)
    #expect(ctas.contains { $0.docId == "kampanye-1" && $0.category == "share" })

    let donate = try #require(ctas.first { $0.docId == "appeal-1" && $0.category == "donate" })
    #expect(donate.target?.platform == "kitabisa")
    #expect(donate.lang == "en")
    #expect(ctas.contains { $0.docId == "appeal-1" && $0.category == "contact" && $0.effort == 3 })
    #expect(ctas.contains { $0.docId == "77" && $0.category == "attend" && $0.effort == 5 })
    #expect(!ctas.contains { $0.docId == "news-en-1" })
  }

  @Test func offsetsPointAtTheSentence() throws {
    let input = try writeFixture()
    let (_, bytes, _) = try run(input, jobs: 1)
    let documents = ExtractFixtures.documentsJSONL.split(separator: "\n").compactMap {
      try? JSONCoding.decoder().decode(ExtractInput.self, from: Data($0.utf8))
    }
    let texts = Dictionary(uniqueKeysWithValues: documents.map { ($0.id, Array($0.text.unicodeScalars)) })
    var order: [(Int, Int)] = []
    for cta in try decode(bytes) {
      let scalars = try #require(texts[cta.docId])
      var view = String.UnicodeScalarView()
      view.append(contentsOf: scalars[cta.start..<cta.end])
      #expect(String(view) == cta.sentence)
      order.append((documents.firstIndex { $0.id == cta.docId }!, cta.start))
    }
    #expect(order.map(\.0) == order.map(\.0).sorted())
    for (a, b) in zip(order, order.dropFirst()) where a.0 == b.0 { #expect(a.1 < b.1) }
  }

  @Test func aBatchOfLinesIsSearchedOnceItHoldsTheByteLimit() throws {
    // Five documents of about 120 bytes, a limit of 250 bytes: batches of three lines (the third
    // passes the limit), then the last two; the same candidates in the same order as one batch.
    let lines = (1...5).map { n in
      Array(
        #"{"id":"d\#(n)","text":"Sign the petition to keep library \#(n) open, and share it with your friends.","lang":"en"}"#
          .utf8)
    }
    func search(batchBytes: Int) throws -> (batches: [Int], found: [String]) {
      var batches: [Int] = []
      var found: [String] = []
      _ = try ExtractStage.findCandidates(
        lines: { body in for (i, line) in lines.enumerated() { try body(line[...], i + 1) } }, file: "test",
        detector: Self.detector, jobs: 1, batchBytes: batchBytes, diagnostics: DiagnosticCollector(),
        progress: { batches.append($0) }
      ) { candidates, _ in found += candidates.map { $0.cta.docId + ":" + $0.cta.category } }
      return (batches, found)
    }
    let small = try search(batchBytes: 250)
    #expect(small.batches == [3, 5])
    let whole = try search(batchBytes: 1 << 20)
    #expect(whole.batches == [5])
    #expect(small.found == whole.found && small.found.count >= 5, "\(small.found)")
  }

  @Test func outputDoesNotDependOnThreads() throws {
    let input = try writeFixture()
    // Enough documents for several chunks.
    var big = ""
    let lines = ExtractFixtures.documentsJSONL.split(separator: "\n")
    for n in 0..<40 {
      for line in lines { big += line.replacingOccurrences(of: "\"id\": \"", with: "\"id\": \"\(n)-") + "\n" }
    }
    try AtomicFileWriter.write(big, to: input)
    let (_, one, _) = try run(input, jobs: 1)
    let (_, four, _) = try run(input, jobs: 4)
    #expect(one == four)
    #expect(!one.isEmpty)
  }

  @Test func boilerplateCountsPagesNotCaptures() {
    let ask = "Tanda tangani petisi ini dan ajak tetanggamu ikut menolak tambang pasir."
    // Three captures of one petition page: the same page, so its ask is the campaign's.
    let captures = (0..<3).map { n in
      ExtractInput(
        id: "cap-\(n)", text: "Sungai kami keruh sejak tambang dibuka.\n" + ask,
        url: "https://petisi.example.id/p/tolak-tambang?utm_source=\(n)", lang: "id")
    }
    // Three campaign pages of one platform sharing its template donate ask, and a follow promo.
    let platform = (0..<3).map { n in
      ExtractInput(
        id: "camp-\(n)",
        text:
          "Bantu korban banjir di desa nomor \(n).\nYuk donasi sekarang untuk mereka!\nFollow akun kami untuk kabar terbaru.",
        url: "https://galang.example.id/campaign/\(n)", lang: "id")
    }
    let ctas = ExtractStage.callsToAction(in: captures + platform, detector: Self.detector)
    let petition = ctas.filter { $0.docId.hasPrefix("cap-") && $0.category == "sign" }
    #expect(petition.count == 3)
    #expect(petition.allSatisfy { !$0.boilerplate && !$0.cues.contains("recurring-on-site") })
    let donate = ctas.filter { $0.docId.hasPrefix("camp-") && $0.sentence.hasPrefix("Yuk donasi") }
    #expect(donate.count == 3)
    #expect(donate.allSatisfy { !$0.boilerplate && $0.cues.contains("recurring-on-site") })
    let follow = ctas.filter { $0.docId.hasPrefix("camp-") && $0.category == "follow" }
    #expect(follow.count == 3)
    #expect(follow.allSatisfy { $0.boilerplate })
  }
}
