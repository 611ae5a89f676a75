import Foundation
import Testing

@testable import Report

@Suite struct ChartPrimitiveTests {
  @Test(arguments: [
    (1_234_567.0, 0, "1\u{202F}234\u{202F}567"), (0.5, 2, "0.5"), (12.0, 0, "12"), (-1500.0, 0, "−1\u{202F}500"),
    (1_000.0, 0, "1\u{202F}000"),
  ])
  func numbersAreGroupedWithNarrowNoBreakSpaces(value: Double, decimals: Int, expected: String) {
    #expect(HTMLText.number(value, decimals: decimals) == expected)
  }

  @Test(arguments: [(1_200.0, "1.2k"), (3_400_000.0, "3.4\u{A0}mn"), (12.0, "12"), (1e9, "1\u{A0}bn")])
  func compactCountTicksNeverUseABareM(value: Double, expected: String) {
    #expect(HTMLText.compact(value) == expected)
  }

  @Test(arguments: [
    (2_390_670_000.0, "IDR", "Rp\u{A0}2,4\u{A0}M"), (500_000_000.0, "IDR", "Rp\u{A0}500\u{A0}jt"),
    (1_500_000_000_000.0, "IDR", "Rp\u{A0}1,5\u{A0}T"), (25_000.0, "IDR", "Rp\u{A0}25\u{A0}rb"),
    (15_320.0, "USD", "USD\u{A0}15k"), (0.0, "IDR", "Rp\u{A0}0"),
  ])
  func moneyUsesIndonesianNumberWordsForRupiah(value: Double, currency: String, expected: String) {
    #expect(HTMLText.money(value, currency: currency) == expected)
  }

  @Test(arguments: [(1719.771242, "1\u{202F}720"), (6.75697, "6.76"), (0.012027, "0.012"), (0.000618, "0.000618")])
  func ratiosKeepThreeSignificantDigits(value: Double, expected: String) {
    #expect(HTMLText.significant(value) == expected)
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

  @Test func scatterNamesItsQuadrantsOnlyWhenThereAreMediansToSplitAt() {
    let points = [
      ScatterPoint(label: "a", x: 1e6, y: 10, group: "loud-but-idle", tooltip: "a", link: "#a"),
      ScatterPoint(label: "b", x: 500, y: 12_000, group: "quiet-effective", tooltip: "b", link: nil),
    ]
    let svg = ScatterChart.render(points: points, xLabel: "x", yLabel: "y", xSplit: 1e4, ySplit: 100, title: "t")
    #expect(marks(svg) == 2)
    #expect(svg.contains("href=\"#a\""))
    for name in ["loud but idle", "engaged", "quiet but effective", "dormant"] { #expect(svg.contains(">\(name)<")) }
    let alone = ScatterChart.render(
      points: Array(points.prefix(1)), xLabel: "x", yLabel: "y", xSplit: nil, ySplit: nil, title: "t")
    #expect(!alone.contains("class=\"split\""))
    #expect(!alone.contains("quadrant-name"))
  }

  @Test func effortMixDrawsOneSegmentPerNonEmptyLevel() {
    let svg = EffortMixChart.render(
      rows: [EffortMixRow(label: "c", counts: [3, 0, 1, 0, 2]), EffortMixRow(label: "d", counts: [0, 0, 0, 0, 0])],
      title: "t")
    #expect(marks(svg) == 3)
    #expect(svg.contains("no calls to action found"))
  }

  @Test func smallMultiplesLeaveGapsOpenAndDrawRanges() {
    let points = [
      TimePoint(date: "2024-03-02T10:00:00Z", value: 1204, tooltip: "", link: nil),
      TimePoint(date: "2024-03-05", value: 5870, tooltip: "", link: nil),
      TimePoint(date: "2024-05-20", value: 12310, high: 15000, tooltip: "", link: nil),
    ]
    let chart = ReportChart(
      title: "t", yLabel: "signatures (count)", format: .count, style: .line,
      series: [TimeSeries(name: "s", cssClass: "outcome", points: points)])
    let svg = SmallMultipleChart.render(chart)
    #expect(marks(svg) == 3)
    // Only the first two points (3 days apart) are joined; the 76-day gap stays open.
    #expect(svg.components(separatedBy: "<polyline").count - 1 == 1)
    #expect(svg.contains("class=\"range s0\""))
    #expect(svg.contains("y-label") && svg.contains("x-label"))
  }

  @Test func moneyChartsLabelTheirAxisInRupiah() {
    let chart = ReportChart(
      title: "funds", yLabel: "funds (Rp)", format: .money(currency: "IDR"), style: .line,
      series: [
        TimeSeries(
          name: "s", cssClass: "outcome",
          points: [
            TimePoint(date: "2024-07-16", value: 318_400_000, tooltip: "", link: nil),
            TimePoint(date: "2024-08-15", value: 1_931_550_000, tooltip: "", link: nil),
          ])
      ])
    let svg = SmallMultipleChart.render(chart)
    #expect(svg.contains("Rp\u{A0}1\u{A0}M") || svg.contains("Rp\u{A0}1,5\u{A0}M"))
    #expect(!svg.contains("B<"))
  }
}

/// Number of drawn data marks in an SVG string.
func marks(_ svg: String) -> Int {
  svg.split(separator: "class=\"mark ", omittingEmptySubsequences: false).count - 1
}
