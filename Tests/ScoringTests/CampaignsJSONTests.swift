import Foundation
import Scoring
import SlackscoreCore
import Testing

/// `campaigns.json` is written in parts (the report, each campaign and each list of documents apart); its bytes must be those
/// of one pretty encoding of the whole report.
@Suite struct CampaignsJSONTests {
  static func wholeEncoding(_ report: CampaignsReport) throws -> [UInt8] {
    var bytes = [UInt8](try JSONCoding.prettyEncoder().encode(report))
    bytes.append(0x0A)
    return bytes
  }

  @Test func sampleReportBytesAreOneEncodingsBytes() throws {
    let loaded = try Fixtures.sampleInputs()
    let report = ScoreStage.makeReport(
      inputs: loaded.inputs, inputFiles: loaded.files, diagnostics: DiagnosticCollector())
    #expect(report.campaigns.contains { !$0.documents.list.isEmpty })
    #expect(try ScoreStage.encode(report) == Self.wholeEncoding(report))
  }

  @Test func longAndEmptyListsKeepTheirBytes() throws {
    let loaded = try Fixtures.sampleInputs()
    var report = ScoreStage.makeReport(
      inputs: loaded.inputs, inputFiles: loaded.files, diagnostics: DiagnosticCollector())
    let index = try #require(report.campaigns.indices.first { !report.campaigns[$0].documents.list.isEmpty })
    let list = report.campaigns[index].documents.list
    // Longer than one part (2,048 documents), and a campaign without documents.
    report.campaigns[index].documents.list = (0..<(5000 / list.count + 1)).flatMap { _ in list }
    report.campaigns[report.campaigns.count - 1 == index ? 0 : report.campaigns.count - 1].documents.list = []
    #expect(try ScoreStage.encode(report) == Self.wholeEncoding(report))
  }

  @Test func reportWithoutCampaignsKeepsItsBytes() throws {
    let loaded = try Fixtures.sampleInputs()
    var report = ScoreStage.makeReport(
      inputs: loaded.inputs, inputFiles: loaded.files, diagnostics: DiagnosticCollector())
    report.campaigns = []
    #expect(try ScoreStage.encode(report) == Self.wholeEncoding(report))
  }
}
