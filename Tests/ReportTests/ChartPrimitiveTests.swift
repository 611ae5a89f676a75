import Testing

@testable import Report

@Suite struct ChartPrimitiveTests {
  @Test(arguments: [
    (1_234_567.0, 0, "1\u{2009}234\u{2009}567"), (0.5, 2, "0.5"), (12.0, 0, "12"), (-1500.0, 0, "−1\u{2009}500"),
    (1_000.0, 0, "1\u{2009}000"),
  ])
  func numbersAreGroupedWithThinSpaces(value: Double, decimals: Int, expected: String) {
    #expect(HTMLText.number(value, decimals: decimals) == expected)
  }

  @Test(arguments: [(1_200.0, "1.2k"), (3_400_000.0, "3.4M"), (12.0, "12"), (1e9, "1B")])
  func compactTicks(value: Double, expected: String) {
    #expect(HTMLText.compact(value) == expected)
  }

  @Test func escapingCoversAttributes() {
    #expect(HTMLText.escape("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
  }

  @Test func logScaleCoversDecades() {
    let scale = LogScale(covering: [3, 4_500], pixelStart: 0, pixelEnd: 300)
    #expect(scale.ticks == [1, 10, 100, 1_000, 10_000])
    #expect(scale.position(1) == 0)
    #expect(abs(scale.position(10_000) - 300) < 1e-9)
  }

  @Test func scatterDrawsOneMarkPerCampaign() {
    let points = [
      ScatterPoint(label: "a", x: 1e6, y: 10, group: "loud-but-idle", tooltip: "a", link: "#a"),
      ScatterPoint(label: "b", x: 500, y: 12_000, group: "quiet-effective", tooltip: "b", link: nil),
    ]
    let svg = ScatterChart.render(points: points, xLabel: "x", yLabel: "y", xSplit: 1e4, ySplit: 100, title: "t")
    #expect(marks(svg) == 2)
    #expect(svg.contains("href=\"#a\""))
  }

  @Test func effortMixDrawsOneSegmentPerNonEmptyLevel() {
    let svg = EffortMixChart.render(
      rows: [EffortMixRow(label: "c", counts: [3, 0, 1, 0, 2]), EffortMixRow(label: "d", counts: [0, 0, 0, 0, 0])],
      title: "t")
    // 5 legend swatches + 3 segments
    #expect(marks(svg) == 8)
    #expect(svg.contains("no calls to action found"))
  }

  @Test func timeSeriesDrawsEveryCapture() {
    let outcome = TimeSeries(
      name: "signatures", cssClass: "outcome",
      points: [
        TimePoint(date: "2024-03-02T10:00:00Z", value: 1204, tooltip: "", link: nil),
        TimePoint(date: "2024-04-10", value: 5870, tooltip: "", link: nil),
        TimePoint(date: "2024-05-20", value: 12310, tooltip: "", link: nil),
      ])
    let svg = TimeSeriesChart.render(outcome: outcome, interactions: nil, title: "t")
    #expect(marks(svg) == 3)
    #expect(svg.contains("<polyline"))
  }
}

/// Number of drawn data marks in an SVG string.
func marks(_ svg: String) -> Int {
  svg.split(separator: "class=\"mark ", omittingEmptySubsequences: false).count - 1
}
