import Foundation
public import Logging
public import Scoring
import SlackscoreCore

/// `slackscore report`: campaigns.json → report.html.
public enum ReportStage {
  public static let name = "report"

  /// Reads `campaignsJSON`, renders the report and writes it atomically to `output`.
  public static func run(campaignsJSON: String, output: String, logger: Logger) throws {
    let bytes = try FileSystem.readAll(campaignsJSON)
    let report = try JSONCoding.decoder().decode(CampaignsReport.self, from: .init(bytes))
    try write(report: report, to: output)
    logger.debug("report written", metadata: ["path": "\(output)", "campaigns": "\(report.campaigns.count)"])
  }

  /// Renders an in-memory report (used by `slackscore run`).
  public static func write(report: CampaignsReport, to output: String) throws {
    let html = ReportPage.render(ReportModel(campaignsReport: report))
    try AtomicFileWriter.write(html, to: output)
  }
}
