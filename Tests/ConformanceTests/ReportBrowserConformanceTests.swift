import Foundation
import Logging
import Pipeline
import Report
import Scoring
import SlackscoreCore
import TestSupport
import Testing

/// Renders the HTML report in a real headless Chromium (Debian's `chromium`, installed by
/// `make conformance`) at desktop (1280 px) and phone (390 px) widths, measures the layout
/// the browser made (no horizontal overflow, chart text large enough to read, every chart
/// titled with axis labels), prints it to PDF, and keeps the screenshots and the PDF in
/// out/report-screenshots/ as CI artefacts.
@Suite(.enabled(if: SharedData.isAvailable, "make conformance runs it (and installs chromium)"))
struct ReportBrowserConformance {
  /// The score stage's fixture (several campaigns, funds in two currencies, turnout ranges).
  @Test func scoreFixtureReportFitsDesktopAndPhone() throws {
    let report = try Self.fixtureReport()
    try check(ReportModel(campaignsReport: report), name: "fixture")
  }

  /// One campaign alone: no medians to compare against, no "relative to the 1 campaigns".
  @Test func singleCampaignReportFitsDesktopAndPhone() throws {
    var report = try Self.fixtureReport()
    report.campaigns = Array(report.campaigns.suffix(1))
    report.method.quadrantReference.campaignsCompared = 1
    let model = ReportModel(campaignsReport: report)
    let html = try check(model, name: "single")
    #expect(!html.contains("class=\"split\""))
    #expect(!html.contains("relative to the 1"))
  }

  /// The default pipeline's own report, made by the same code `make run` uses.
  @Test func defaultPipelineReportFitsDesktopAndPhone() throws {
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

  static func fixtureReport() throws -> CampaignsReport {
    let path = packageRoot + "/Tests/ScoringTests/Fixtures/expected/campaigns.json"
    return try JSONCoding.decoder().decode(CampaignsReport.self, from: Data(try FileSystem.readAll(path)))
  }

  /// Where screenshots and PDFs are kept (CI artefacts).
  static var artefacts: String { packageRoot + "/out/report-screenshots" }

  /// Renders `model` (or the given page, which must be `model` rendered), then loads it at
  /// both widths and checks what the browser laid out. Returns the page's HTML.
  @discardableResult
  private func check(_ model: ReportModel, name: String, page existing: String? = nil) throws -> String {
    try #require(HeadlessBrowser.path != nil, "no chromium: run `apt-get install chromium` (make conformance does)")
    try FileManager.default.createDirectory(atPath: Self.artefacts, withIntermediateDirectories: true)
    let page = existing ?? Self.artefacts + "/\(name).html"
    if existing == nil { try ReportPage.render(model).write(toFile: page, atomically: true, encoding: .utf8) }
    let html = try String(contentsOfFile: page, encoding: .utf8)
    #expect(!html.contains("<script"), "the report must not need scripts")
    #expect(!html.contains("null ("), "raw null text in the report")
    for c in model.campaigns { #expect(html.contains("id=\"campaign-\(c.id)\"")) }

    for width in [1280, 390] {
      let probe = try HeadlessBrowser.measure(page: page, width: width)
      #expect(probe.innerWidth == width, "laid out at \(probe.innerWidth) px, not \(width)")
      #expect(probe.consoleMessages.isEmpty, "console at \(width): \(probe.consoleMessages)")
      #expect(
        probe.scrollWidth <= width, "\(name) at \(width) px overflows to \(probe.scrollWidth) px: \(probe.offenders)")
      #expect(probe.charts > 0)
      #expect(probe.chartsWithoutTitle == 0, "\(name) at \(width): \(probe.chartsWithoutTitle) chart(s) without title")
      #expect(probe.chartsWithoutAxes == 0, "\(name) at \(width): \(probe.chartsWithoutAxes) chart(s) without axes")
      #expect(probe.smallestChartFont >= 8.5, "\(name) at \(width): chart text \(probe.smallestChartFont) px")
      let shot = Self.artefacts + "/\(name)-\(width).png"
      try HeadlessBrowser.screenshot(page: page, width: width, height: min(probe.height, 16_000), to: shot)
      print("report screenshot: \(shot)")
      #expect(FileSystem.size(of: shot) ?? 0 > 10_000, "screenshot missing or blank")
    }
    let pdf = Self.artefacts + "/\(name).pdf"
    try HeadlessBrowser.printPDF(page: page, to: pdf)
    #expect(FileSystem.size(of: pdf) ?? 0 > 10_000, "PDF print missing or empty")
    return html
  }
}

/// Finds and drives Debian's headless Chromium.
enum HeadlessBrowser {
  static var path: String? {
    ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first {
      FileManager.default.isExecutableFile(atPath: $0)
    }
  }

  /// What the browser laid out at one width.
  struct Probe {
    /// The viewport width the page was laid out in (must be the width asked for).
    var innerWidth: Int
    var scrollWidth: Int
    var height: Int
    var charts: Int
    var chartsWithoutTitle: Int
    var chartsWithoutAxes: Int
    /// The smallest chart text as drawn on screen (font size × the SVG's scale), in px.
    var smallestChartFont: Double
    /// Elements sticking out on the right, as `tag.class` names.
    var offenders: String
    var consoleMessages: [String]
  }

  private static let common = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
    "--enable-logging=stderr", "--v=0", "--hide-scrollbars", "--force-device-scale-factor=1",
  ]

  /// Measures a copy of `page` with a probe script appended (the report itself has none),
  /// shown in an iframe exactly `width` px wide: headless Chromium will not make a window
  /// narrower than 500 px, but an iframe is its own viewport (media queries included). The
  /// probe posts its findings to the wrapper, which writes them into its DOM for `--dump-dom`.
  static func measure(page: String, width: Int) throws -> Probe {
    let probePage = page + ".probe.html"
    let html = try String(contentsOfFile: page, encoding: .utf8)
    try html.replacingOccurrences(of: "</body>", with: probeScript + "</body>")
      .write(toFile: probePage, atomically: true, encoding: .utf8)
    let wrapper = try wrap(probePage, width: width, height: 1200, listen: true)
    defer {
      try? FileManager.default.removeItem(atPath: probePage)
      try? FileManager.default.removeItem(atPath: wrapper)
    }
    let run = try self.run(
      common + [
        "--window-size=\(max(width, 500) + 40),1300", "--virtual-time-budget=5000", "--dump-dom",
        "file://\(wrapper)",
      ])
    let console = run.stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init)
    guard let start = run.stdout.range(of: "<pre id=\"probe\">"),
      let end = run.stdout.range(of: "</pre>", range: start.upperBound..<run.stdout.endIndex)
    else { throw ProbeError(message: "the probe wrote nothing: \(run.stderr.suffix(500))") }
    let fields = Dictionary(
      uniqueKeysWithValues: run.stdout[start.upperBound..<end.lowerBound].split(separator: "\n").compactMap {
        line -> (String, String)? in
        guard let eq = line.firstIndex(of: "=") else { return nil }
        return (String(line[..<eq]), String(line[line.index(after: eq)...]))
      })
    return Probe(
      innerWidth: Int(fields["innerWidth"] ?? "") ?? 0, scrollWidth: Int(fields["scrollWidth"] ?? "") ?? .max,
      height: Int(fields["height"] ?? "") ?? 2400,
      charts: Int(fields["charts"] ?? "") ?? 0, chartsWithoutTitle: Int(fields["noTitle"] ?? "") ?? -1,
      chartsWithoutAxes: Int(fields["noAxes"] ?? "") ?? -1,
      smallestChartFont: Double(fields["minFont"] ?? "") ?? 0, offenders: fields["offenders"] ?? "",
      consoleMessages: console)
  }

  /// A page holding `page` in an iframe `width` × `height` px (and, with `listen`, writing
  /// the message the probe posts into a `<pre id="probe">`).
  private static func wrap(_ page: String, width: Int, height: Int, listen: Bool) throws -> String {
    let wrapper = page + ".wrap-\(width).html"
    let name = String(page.split(separator: "/").last!)
    var html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body style=\"margin:0\">"
    html += "<iframe src=\"\(name)\" style=\"width:\(width)px;height:\(height)px;border:0;display:block\"></iframe>"
    if listen {
      html += "<script>window.addEventListener('message', function (e) { var pre = document.createElement('pre');"
      html += " pre.id = 'probe'; pre.textContent = e.data; document.body.appendChild(pre); });</script>"
    }
    try (html + "</body></html>").write(toFile: wrapper, atomically: true, encoding: .utf8)
    return wrapper
  }

  struct ProbeError: Error { var message: String }

  /// A screenshot of the page laid out `width` px wide (in an iframe for widths under 500).
  static func screenshot(page: String, width: Int, height: Int, to file: String) throws {
    let wrapper = try wrap(page, width: width, height: height, listen: false)
    defer { try? FileManager.default.removeItem(atPath: wrapper) }
    _ = try run(
      common + [
        "--window-size=\(max(width, 500)),\(height)", "--virtual-time-budget=3000", "--screenshot=\(file)",
        "file://\(wrapper)",
      ])
  }

  static func printPDF(page: String, to file: String) throws {
    _ = try run(common + ["--no-pdf-header-footer", "--print-to-pdf=\(file)", "file://\(page)"])
  }

  /// Runs in the page after layout; writes `key=value` lines into a `<pre id="probe">`.
  private static let probeScript = """
    <script>
    (function () {
      const w = window.innerWidth, out = [];
      out.push("innerWidth=" + w);
      out.push("scrollWidth=" + document.documentElement.scrollWidth);
      out.push("height=" + Math.ceil(document.documentElement.scrollHeight));
      const svgs = Array.from(document.querySelectorAll("svg.chart"));
      out.push("charts=" + svgs.length);
      out.push("noTitle=" + svgs.filter(s => !s.querySelector("title") || !s.getAttribute("aria-label")).length);
      out.push("noAxes=" + svgs.filter(s => !s.querySelector(".x-label") || !s.querySelector(".y-label")).length);
      let min = 1e9;
      for (const s of svgs) {
        const vb = s.viewBox.baseVal, scale = s.getBoundingClientRect().width / vb.width;
        for (const t of s.querySelectorAll("text")) {
          min = Math.min(min, parseFloat(getComputedStyle(t).fontSize) * scale);
        }
      }
      out.push("minFont=" + min.toFixed(2));
      const bad = [];
      for (const el of document.body.querySelectorAll("*")) {
        if (el.closest(".scroll") || el.closest("svg")) continue;
        const r = el.getBoundingClientRect();
        if (r.right > w + 1 && bad.length < 8) bad.push(el.tagName.toLowerCase() + "." + el.className);
      }
      out.push("offenders=" + bad.join(" "));
      parent.postMessage(out.join("\\n"), "*");
    })();
    </script>
    """

  private static func run(_ arguments: [String]) throws -> (stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path!)
    process.arguments = arguments
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let (outData, errData) = ChildProcess.readBoth(out.fileHandleForReading, err.fileHandleForReading)
    process.waitUntilExit()
    return (String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
  }
}
