import Foundation
import Scoring
import SlackscoreCore
import Testing

@testable import Report

/// Renders the sample pipeline's committed campaigns.json (Tests/CLITests/Golden) and the score
/// stage's fixture (campaigns without interactions, without intervals), and checks what a
/// reader quotes from them.
@Suite struct ReportFromScoreFixtureTests {
  static var tests: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent() }

  static func report(_ path: String = "CLITests/Golden/default/campaigns.json") throws -> CampaignsReport {
    let file = tests.appendingPathComponent(path).path
    return try JSONCoding.decoder().decode(CampaignsReport.self, from: Data(try FileSystem.readAll(file)))
  }

  @Test func campaignsWithoutIntervalsOrInteractionsSayWhy() throws {
    let model = ReportModel(campaignsReport: try Self.report("ScoringTests/Fixtures/expected/campaigns.json"))
    let html = ReportPage.render(model)
    #expect(!html.contains("null ("))
    for c in model.campaigns {
      #expect(c.summary.hasPrefix(c.name + ": "))
      #expect(c.summary.contains("95% interval") || c.summary.contains("no interaction counts"), "\(c.summary)")
    }
  }

  @Test func rendersEveryCampaignDeterministically() throws {
    let report = try Self.report()
    let model = ReportModel(campaignsReport: report)
    let html = ReportPage.render(model)
    #expect(html == ReportPage.render(ReportModel(campaignsReport: report)))
    for campaign in report.campaigns {
      #expect(html.contains("id=\"campaign-\(campaign.id)\""))
    }
    #expect(!html.contains("<script"))
    let plotted = model.campaigns.filter { ($0.interactions ?? 0) > 0 && ($0.outcome ?? 0) > 0 }.count
    let svgs = html.split(separator: "<svg", omittingEmptySubsequences: false).dropFirst()
    #expect(svgs.count == 2 + model.campaigns.flatMap(\.charts).count)
    #expect(
      marks(String(svgs.first { $0.contains("aria-label=\"Online reactions against offline actions per campaign\"") }!))
        == plotted)
  }

  @Test func everyCampaignHasAQuotableLineWithAnInterval() throws {
    let model = ReportModel(campaignsReport: try Self.report())
    for c in model.campaigns {
      #expect(c.summary.hasPrefix(c.name + ": "))
      #expect(c.summary.contains("per 1 000"), "\(c.summary)")
      #expect(c.summary.contains("95% interval"), "\(c.summary)")
    }
  }

  @Test func everyRatioShowsNumeratorDenominatorAndInterval() throws {
    let report = try Self.report()
    let html = ReportPage.render(ReportModel(campaignsReport: report))
    let ratios = report.campaigns.flatMap(\.ratios)
    #expect(html.components(separatedBy: "<td data-label=\"numerator\"").count - 1 == ratios.count)
    #expect(html.components(separatedBy: "<td data-label=\"95% interval\"").count - 1 == ratios.count)
    for r in ratios where r.ci95Low == nil { #expect(html.contains(HTMLText.escape(r.ciNullReason ?? "?"))) }
  }

  @Test func noRawNullsNoPointRangesNoJargon() throws {
    let html = ReportPage.render(ReportModel(campaignsReport: try Self.report()))
    #expect(!html.contains("null ("))
    #expect(!html.contains("11–11"))
    #expect(!html.contains("effort-weighted outcome acts"))
    #expect(html.contains("3\u{202F}500–15\u{202F}000 people"))
    #expect(html.contains("Rp\u{A0}2\u{202F}390\u{202F}670\u{202F}000"))
  }

  @Test func caveatsSitNextToTheFiguresTheyQualify() throws {
    let report = try Self.report()
    let model = ReportModel(campaignsReport: report)
    for (c, score) in zip(model.campaigns, report.campaigns) {
      #expect(c.allCaveats.sorted() == score.caveats.map(\.message).sorted())
    }
    let randuwangi = try #require(model.campaigns.first { $0.id == "randuwangi-memanggil" })
    #expect(randuwangi.summaryCaveats.contains { $0.hasPrefix("turnout is an estimate range") })
    #expect(randuwangi.indexCaveats.contains { $0.contains("median acts line") })
  }

  @Test func oneCampaignAloneHasNoMediansAndNoComparisonWording() throws {
    var report = try Self.report()
    report.campaigns = Array(report.campaigns.prefix(1))
    report.method.quadrantReference.campaignsCompared = 1
    let model = ReportModel(campaignsReport: report)
    let html = ReportPage.render(model)
    #expect(model.interactionSplit == nil && model.outcomeSplit == nil)
    #expect(!html.contains("class=\"split\""))
    #expect(!html.contains("relative to the 1"))
    #expect(!html.contains("1 campaigns"))
  }
}
