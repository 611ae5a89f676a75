import Foundation
import Scoring
import SlackscoreCore
import Testing

@testable import Report

/// Renders the score stage's golden campaigns.json and checks the page holds every chart.
@Suite struct ReportFromScoreFixtureTests {
  static var fixture: String {
    let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    return here.appendingPathComponent("ScoringTests/Fixtures/expected/campaigns.json").path
  }

  @Test func rendersEveryCampaignDeterministically() throws {
    let bytes = try FileSystem.readAll(Self.fixture)
    let report = try JSONCoding.decoder().decode(CampaignsReport.self, from: Data(bytes))
    let model = ReportModel(campaignsReport: report)
    let html = ReportPage.render(model)
    #expect(html == ReportPage.render(ReportModel(campaignsReport: report)))
    for campaign in report.campaigns {
      #expect(html.contains("id=\"campaign-\(campaign.id)\""))
    }
    #expect(!html.contains("<script"))
    #expect(!html.contains("http://www.w3.org/1999/xhtml\" src"))
    let plotted = model.campaigns.filter { ($0.interactions ?? 0) > 0 && ($0.outcome ?? 0) > 0 }.count
    let svgs = html.split(separator: "<svg", omittingEmptySubsequences: false).dropFirst()
    #expect(svgs.count == 2 + model.campaigns.flatMap(\.outcomeSeries).count)
    #expect(marks(String(svgs.first!)) == plotted)
  }
}
