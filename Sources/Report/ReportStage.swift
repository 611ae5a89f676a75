import Foundation
public import Logging
public import Scoring
public import SlackscoreCore

/// `slackscore report`: campaigns.json → report.html.
public enum ReportStage {
  public static let name = "report"

  /// Reads `campaignsJSON`, renders the report and writes it atomically to `output`.
  public static func run(
    campaignsJSON: String, output: String, runDiagnostics: [Diagnostic]? = nil, logger: Logger
  ) throws {
    let bytes = try FileSystem.readAll(campaignsJSON)
    let report = try JSONCoding.decoder().decode(CampaignsReport.self, from: .init(bytes))
    try write(report: report, runDiagnostics: runDiagnostics, to: output)
    logger.debug("report written", metadata: ["path": "\(output)", "campaigns": "\(report.campaigns.count)"])
  }

  /// Renders an in-memory report (used by `slackscore run`). `runDiagnostics`, when given,
  /// are every stage's diagnostics (else the score stage's, from `report`).
  public static func write(
    report: CampaignsReport, runDiagnostics: [Diagnostic]? = nil, to output: String
  ) throws {
    var model = ReportModel(campaignsReport: report)
    if let runDiagnostics { model.diagnostics = runDiagnostics }
    try AtomicFileWriter.write(ReportPage.render(model), to: output)
  }
}
