import Foundation
import Logging
import Pipeline
import Report
import Scoring
import SlackscoreCore
import Testing

/// Renders the HTML report in a real headless Chromium (Debian's `chromium`, installed by
/// `make conformance`), saves a screenshot, and checks that the charts are drawn and the
/// page logs nothing to the console.
@Suite(.enabled(if: SharedData.isAvailable, "make conformance runs it (and installs chromium)"))
struct ReportBrowserConformance {
  @Test func sampleReportRendersWithEveryMark() throws {
    try check(ReportFixture.model(), name: "fixture")
  }

  /// The default pipeline's own report, made by the same code `make run` uses.
  @Test func defaultPipelineReportRendersWithEveryMark() throws {
    let out = NSTemporaryDirectory() + "slackscore-default-\(getpid())"
    let manifest = try PipelineRun.run(
      options: RunOptions(pipeline: Self.packageRoot + "/pipelines/default", outputFolder: out, jobs: 2),
      logger: Logger(label: "test"), progress: StageProgress(enabled: false))
    #expect(manifest.status == "ok")
    let bytes = try FileSystem.readAll(out + "/campaigns.json")
    let report = try JSONCoding.decoder().decode(CampaignsReport.self, from: Data(bytes))
    try check(ReportModel(campaignsReport: report), name: "default", page: out + "/report.html")
  }

  static var packageRoot: String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().path
  }

  /// Renders `model` (or the given page, which must be `model` rendered), screenshots it and
  /// counts the marks the browser drew.
  private func check(_ model: ReportModel, name: String, page existing: String? = nil) throws {
    let dir = NSTemporaryDirectory() + "slackscore-report-\(name)-\(getpid())"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let page = existing ?? dir + "/report.html"
    if existing == nil { try ReportPage.render(model).write(toFile: page, atomically: true, encoding: .utf8) }

    try #require(HeadlessBrowser.path != nil, "no chromium: run `apt-get install chromium` (make conformance does)")
    let rendered = try HeadlessBrowser.render(page: page, screenshot: dir + "/report.png")
    print("report screenshot: \(dir)/report.png")
    #expect(rendered.consoleMessages.isEmpty, "console: \(rendered.consoleMessages)")
    #expect(FileSystem.size(of: dir + "/report.png") ?? 0 > 10_000, "screenshot missing or blank")

    // Count marks in the DOM the browser built (not in our string): the scatter has one
    // dot per campaign with both figures, the effort chart 5 legend swatches plus one
    // segment per non-empty level, each time series one dot per capture.
    let svgs = rendered.dom.components(separatedBy: "<svg").dropFirst()
    #expect(svgs.count == 2 + model.campaigns.flatMap(\.outcomeSeries).count)
    let scatterMarks = svgs.first.map { $0.components(separatedBy: "class=\"mark ").count - 1 } ?? 0
    #expect(scatterMarks == model.campaigns.filter { ($0.interactions ?? 0) > 0 && ($0.outcome ?? 0) > 0 }.count)
    #expect(scatterMarks > 0)
    let effortMarks = svgs.dropFirst().first.map { $0.components(separatedBy: "class=\"mark ").count - 1 } ?? 0
    #expect(effortMarks == 5 + model.campaigns.map { $0.effortCounts.filter { $0 > 0 }.count }.reduce(0, +))
  }
}

/// Finds and drives Debian's headless Chromium.
enum HeadlessBrowser {
  static var path: String? {
    ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first {
      FileManager.default.isExecutableFile(atPath: $0)
    }
  }

  struct Rendered {
    var dom: String
    var consoleMessages: [String]
  }

  /// Loads `page` once for a screenshot and once to dump the DOM, collecting console lines.
  static func render(page: String, screenshot: String) throws -> Rendered {
    let common = [
      "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
      "--enable-logging=stderr", "--v=0", "--hide-scrollbars",
    ]
    let shot = try run(common + ["--window-size=1100,2400", "--screenshot=\(screenshot)", "file://\(page)"])
    let dump = try run(common + ["--dump-dom", "file://\(page)"])
    let console = (shot.stderr + dump.stderr).split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init)
    return Rendered(dom: dump.stdout, consoleMessages: console)
  }

  private static func run(_ arguments: [String]) throws -> (stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path!)
    process.arguments = arguments
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
  }
}

/// A small report model with every kind of figure, in mixed Indonesian and English.
enum ReportFixture {
  static func model() -> ReportModel {
    func series(_ name: String, _ cls: String, _ pts: [(String, Double)]) -> TimeSeries {
      TimeSeries(
        name: name, cssClass: cls,
        points: pts.map { TimePoint(date: $0.0, value: $0.1, tooltip: "\($0.1)", link: "https://petisi.example.id/x") })
    }
    return ReportModel(
      pipeline: "fixture", methodLine: "formula fixture/1",
      methodNotes: ["Angka bersifat deskriptif, bukan kausal. Figures are descriptive, not causal."],
      campaigns: [
        ReportCampaign(
          id: "a", name: "#TagarViral", quadrant: "loud-but-idle", slacktivismIndex: 88, engagementIndex: 7,
          interactions: 2_400_000, outcome: 41, figures: [("signatures", "41")], effortCounts: [12, 1, 0, 0, 0],
          outcomeSeries: [], interactionSeries: nil, caveats: ["counts from a single capture"],
          evidence: [
            ReportEvidence(
              label: "post", url: "https://sosmed.example.com/p/1", capturedAt: "2024-02-01", source: "a.warc.gz @ 0")
          ]),
        ReportCampaign(
          id: "b", name: "Petisi Hutan Adat", quadrant: "engaged", slacktivismIndex: 30, engagementIndex: 71,
          interactions: 18_000, outcome: 12_310, figures: [("signatures", "12 310")], effortCounts: [3, 5, 1, 0, 1],
          outcomeSeries: [
            series("signatures", "outcome", [("2024-03-02", 1204), ("2024-04-10", 5870), ("2024-05-20", 12310)])
          ],
          interactionSeries: series("shares", "interactions", [("2024-03-01", 900), ("2024-04-01", 2100)]), caveats: [],
          evidence: []),
        ReportCampaign(
          id: "c", name: "Aksi Damai", quadrant: nil, slacktivismIndex: nil, engagementIndex: nil, interactions: nil,
          outcome: 5000, figures: [], effortCounts: [0, 0, 0, 0, 0], outcomeSeries: [], interactionSeries: nil,
          caveats: ["missing denominator: no interactions counted"], evidence: []),
      ],
      interactionSplit: 200_000, outcomeSplit: 1_000, interactionAxisLabel: "interactions (likes + shares + comments)",
      outcomeAxisLabel: "outcome actions")
  }
}
