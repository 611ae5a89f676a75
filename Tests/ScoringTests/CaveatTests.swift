import Foundation
import PipelineConfiguration
import SlackscoreCore
import Testing

@testable import Scoring

/// Caveats computed from the same points the figures are made of (issue #15): each test
/// breaks when the data behind the caveat changes.
@Suite struct CaveatTests {
  static func row(_ kind: String, _ value: Double, _ asOf: String, url: String?, line: Int) -> OutcomeRow {
    OutcomeRow(
      campaign: "laut", kind: kind, value: value, high: nil, bound: nil, text: nil, raw: "\(value)",
      unit: kind == "funds" ? "IDR" : "people", asOf: asOf, sourceURL: url, note: nil, file: "o.csv", line: line)
  }

  static let petition = "https://petisi.example.id/laut"

  @Test func singleCaptureNamesTheCaptureDateNotTheCSVDate() throws {
    let c = OutcomeRulesTests.score(
      [OutcomeRulesTests.page("p", url: Self.petition, at: "2024-10-10T08:00:00Z", signatures: 300)],
      outcomes: [Self.row("signatures", 900, "2024-10-25", url: Self.petition, line: 2)])
    let caveat = try #require(c.caveats.first { $0.code == "single-capture" })
    #expect(caveat.message.contains("(2024-10-10T08:00:00Z)"), "\(caveat.message)")
    #expect(!caveat.message.contains("2024-10-25"))
    #expect(caveat.message.contains("other 1 point comes from the outcome CSV"))
    #expect(!caveat.message.contains("no increments"))
  }

  @Test func aFigureTakenFromTheCSVIsCSVOnlyWhateverTheSourceLabel() throws {
    let c = OutcomeRulesTests.score(
      [OutcomeRulesTests.page("p", url: Self.petition, at: "2024-10-10T00:00:00Z", signatures: 300)],
      outcomes: [Self.row("signatures", 900, "2024-10-25", url: Self.petition, line: 2)])
    let signatures = try #require(c.outcomes.first { $0.kind == "signatures" })
    #expect(signatures.sources[0].origin == "page+csv")
    #expect(signatures.value == 900)
    #expect(c.caveats.contains { $0.code == "outcome-csv-only" })
    // When the latest point is the capture, the figure is the page's: no caveat.
    let later = OutcomeRulesTests.score(
      [OutcomeRulesTests.page("p", url: Self.petition, at: "2024-11-01T00:00:00Z", signatures: 950)],
      outcomes: [Self.row("signatures", 900, "2024-10-25", url: Self.petition, line: 2)])
    #expect(!later.caveats.contains { $0.code == "outcome-csv-only" })
  }

  @Test func attendeeCountersAreNeverTurnoutEvenInADiscoveredCampaign() throws {
    // An event page no campaign names, and a post linking to it: a discovered campaign.
    let event = Document(
      id: "e", url: "https://acara.example.id/e/aksi-damai",
      text: "Aksi damai di depan gedung dewan hari Kamis pagi bersama warga dan mahasiswa kota.",
      source: DocumentSource(path: "a.warc.gz"),
      counters: [Counter(kind: "attendees", value: 1240, raw: "1.240 orang akan hadir", origin: "jsonld")])
    let post = Document(
      id: "t", url: "https://kicau.example.com/warga/status/9",
      text: "Ayo datang ke aksi damai Kamis pagi di depan gedung dewan, bawa teman dan keluarga.",
      source: DocumentSource(path: "a.warc.gz"),
      links: [DocumentLink(url: "https://acara.example.id/e/aksi-damai", text: "acara", inMain: true)])
    let inputs = ScoreInputs(
      config: PipelineConfig(name: "t"), documents: [event, post], ctas: [], outcomes: [], interactions: [])
    let report = ScoreStage.makeReport(inputs: inputs, inputFiles: [], diagnostics: DiagnosticCollector())
    for found in report.discoveredCampaigns {
      #expect(found.outcomes["turnout"] == nil, "\(found.outcomes)")
    }
    // And on a configured campaign's page that is not its event page.
    let campaign = CampaignConfig(id: "aksi", name: "Aksi", keywords: ["aksi damai"])
    let configured = ScoreInputs(
      config: PipelineConfig(name: "t", campaigns: [campaign]), documents: [event], ctas: [], outcomes: [],
      interactions: [])
    let c = ScoreStage.makeReport(inputs: configured, inputFiles: [], diagnostics: DiagnosticCollector())
      .campaigns[0]
    #expect(c.outcomes.map(\.kind) == ["rsvps"])
    #expect(c.caveats.contains { $0.code == "rsvps-not-turnout" })
  }

  @Test func aFallingRunningTotalGetsACaveatAndADiagnosticAtItsLine() throws {
    // 2.910 read as 2.91 under the wrong number style: the series falls.
    let inputs = ScoreInputs(
      config: PipelineConfig(name: "t", campaigns: [OutcomeRulesTests.campaign]), documents: [], ctas: [],
      outcomes: [
        Self.row("signatures", 2340, "2024-03-01", url: Self.petition, line: 2),
        Self.row("signatures", 2.91, "2024-03-08", url: Self.petition, line: 3),
      ], interactions: [])
    let diagnostics = DiagnosticCollector()
    let report = ScoreStage.makeReport(inputs: inputs, inputFiles: [], diagnostics: diagnostics)
    #expect(report.campaigns[0].caveats.contains { $0.code == "series-decreases" })
    let found = try #require(report.diagnostics.first { $0.code == "outcome-decreases" })
    #expect(found.file == "o.csv" && found.line == 3 && found.severity == .warning)
    #expect(found.hint?.contains("number_style") == true)
  }
}

/// What the score stage reads from documents.jsonl and ctas.jsonl (issues #14, #12).
@Suite struct ScoreInputTests {
  static func write(_ lines: [String], name: String, in folder: String) throws {
    try (lines.joined(separator: "\n") + "\n").write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
  }

  static func doc(_ id: String, counters: String) -> String {
    """
    {"id":"\(id)","url":"https://kicau.example.com/a/status/\(id)","text":"Tolak tambang pasir laut di teluk \(id): warga kampung \(id) menulis surat nomor \(id) kepada bupati.","source":{"path":"a.warc.gz"},"links":[],"hashtags":[],"mentions":[],"counters":[\(counters)]}
    """
  }

  static func run(_ documents: [String], ctas: [String] = []) throws -> CampaignsReport {
    let folder = try Fixtures.temporaryFolder()
    defer { Fixtures.remove(folder) }
    try """
    name: t
    campaigns:
      - id: laut
        name: Laut
        keywords: ["pasir laut"]
    """.write(toFile: folder + "/pipeline.yml", atomically: true, encoding: .utf8)
    try write(documents, name: "documents.jsonl", in: folder)
    try write(ctas, name: "ctas.jsonl", in: folder)
    return try ScoreStage.run(options: ScoreOptions(pipeline: folder, outputFolder: folder), logger: Fixtures.logger)
      .report
  }

  @Test func onlyPrimaryCountersCountWhenParseMarksThem() throws {
    let report = try Self.run([
      Self.doc(
        "1",
        counters:
          #"{"kind":"likes","value":282,"raw":"282","origin":"jsonld","subject":"page","primary":true},{"kind":"likes","value":1826,"raw":"1,826","origin":"text","subject":"related","primary":false}"#
      ),
      // A document without the field keeps every counter (older parse output).
      Self.doc("2", counters: #"{"kind":"likes","value":5,"raw":"5","origin":"text"}"#),
    ])
    #expect(report.campaigns[0].interactions["likes"]?.total == 287)
  }

  @Test func sharesAndRetweetsOfOnePostAreOneAct() throws {
    let report = try Self.run([
      Self.doc(
        "1",
        counters:
          #"{"kind":"shares","value":79,"raw":"79","origin":"jsonld"},{"kind":"retweets","value":79,"raw":"79","origin":"embedded_json"}"#
      )
    ])
    let shares = try #require(report.campaigns[0].interactions["shares"])
    #expect(shares.total == 79)
    #expect(shares.sources == ["page jsonld shares": 1])
    #expect(report.campaigns[0].interactions["retweets"] == nil)
  }

  @Test func reportedCallsToActionAreIgnored() throws {
    let cta = { (reported: Bool) in
      #"{"doc_id":"1","sentence":"Tanda tangani petisinya.","start":0,"end":10,"lang":"id","category":"sign","effort":2,"cues":[],"confidence":0.9,"boilerplate":false,"reported":\#(reported)}"#
    }
    let report = try Self.run([Self.doc("1", counters: "")], ctas: [cta(true), cta(false)])
    #expect(report.counts.ctasRead == 1)
  }

  @Test func anOverlongLineIsADiagnosticAndTheRestIsRead() throws {
    let folder = try Fixtures.temporaryFolder()
    defer { Fixtures.remove(folder) }
    let path = folder + "/d.jsonl"
    try ("short\n" + String(repeating: "x", count: 5000) + "\nlast\n").write(
      toFile: path, atomically: true, encoding: .utf8)
    var seen: [String] = []
    var long: [(Int, Int)] = []
    try JSONLines.forEachLine(in: path, maxLineBytes: 1000) { line, number in
      if let line { seen.append(String(decoding: line, as: UTF8.self)) } else { long.append((number, 0)) }
    }
    #expect(seen == ["short", "last"])
    #expect(long.count == 1 && long[0].0 == 2)
  }
}
