import SlackscoreCore

/// One small-multiple chart: dates on x, one y axis with its unit, no second axis. Lines
/// join points of a series only when they are at most `ReportChart.maxGapDays` apart, so
/// a missing period shows as a gap; estimate ranges are drawn as vertical bars.
enum SmallMultipleChart {
  static let width = 360.0
  static let height = 230.0

  static func render(_ chart: ReportChart) -> String {
    let left = 64.0
    let right = 14.0
    let top = 30.0
    let bottom = 46.0
    let points = chart.series.flatMap(\.points)
    let days = points.compactMap { CivilDate.dayNumber($0.date) }
    let first = Double(days.min() ?? 0)
    var last = Double(days.max() ?? 1)
    if last <= first { last = first + 1 }
    let pad = max(1, (last - first) * 0.04)
    let xs = LinearScale(
      domainStart: first - pad, domainEnd: last + pad, pixelStart: left, pixelEnd: width - right)
    let maxValue = max(points.map { max($0.value, $0.high ?? 0) }.max() ?? 1, 1)
    let ys = LinearScale(domainStart: 0, domainEnd: maxValue * 1.1, pixelStart: height - bottom, pixelEnd: top)
    var svg = SVGBuilder(width: width, height: height, title: chart.title)

    for tick in ys.ticks(count: 4) {
      let y = ys.position(tick)
      svg.line(left, y, width - right, y, cssClass: "grid")
      svg.text(tickLabel(tick, chart.format), x: left - 5, y: y + 4, anchor: "end", cssClass: "tick")
    }
    svg.line(left, top, left, height - bottom, cssClass: "axis")
    svg.line(left, height - bottom, width - right, height - bottom, cssClass: "axis")
    let ticks = dateTicks(first: Int(first), last: Int(last))
    for (i, tick) in ticks.enumerated() {
      let x = xs.position(Double(tick))
      let anchor = ticks.count == 1 ? "middle" : i == 0 ? "start" : i == ticks.count - 1 ? "end" : "middle"
      svg.line(x, height - bottom, x, height - bottom + 4, cssClass: "axis")
      svg.text(CivilDate.label(forDay: tick), x: x, y: height - bottom + 16, anchor: anchor, cssClass: "tick")
    }
    svg.text(chart.yLabel, x: 4, y: 14, cssClass: "axis-label y-label")
    svg.text(
      chart.xLabel, x: (left + width - right) / 2, y: height - 8, anchor: "middle", cssClass: "axis-label x-label")

    for (index, series) in chart.series.enumerated() {
      let colour = "s\(index % 4)"
      let sorted = series.points.compactMap { p in CivilDate.dayNumber(p.date).map { (p, $0) } }
        .sorted { ($0.1, $0.0.date) < ($1.1, $1.0.date) }
      switch chart.style {
      case .bars:
        let span = max(last - first + 2 * pad, 1)
        let barWidth = max(2, (width - left - right) / span * 0.8)
        for (p, day) in sorted {
          let x = xs.position(Double(day)) - barWidth / 2
          let y = ys.position(p.value)
          svg.bar(
            x: x, y: y, width: barWidth, height: height - bottom - y, cssClass: "bar \(colour)", tooltip: p.tooltip,
            link: p.link)
        }
      case .line:
        for run in runs(sorted.map(\.1)) where run.count > 1 {
          svg.polyline(
            run.map { (xs.position(Double(sorted[$0].1)), ys.position(sorted[$0].0.value)) },
            cssClass: "series \(colour)")
        }
        for (p, day) in sorted {
          let x = xs.position(Double(day))
          if let high = p.high, high != p.value {
            svg.line(x, ys.position(p.value), x, ys.position(high), cssClass: "range \(colour)")
            svg.line(x - 4, ys.position(high), x + 4, ys.position(high), cssClass: "range \(colour)")
          }
          svg.point(x: x, y: ys.position(p.value), radius: 4, cssClass: colour, tooltip: p.tooltip, link: p.link)
        }
      }
    }
    return svg.render()
  }

  /// Index ranges of consecutive points at most `ReportChart.maxGapDays` apart.
  static func runs(_ days: [Int]) -> [[Int]] {
    var runs: [[Int]] = []
    for (i, day) in days.enumerated() {
      if i > 0, day - days[i - 1] <= ReportChart.maxGapDays {
        runs[runs.count - 1].append(i)
      } else {
        runs.append([i])
      }
    }
    return runs
  }

  /// Up to three date ticks: first, middle and last day (two when they are close).
  static func dateTicks(first: Int, last: Int) -> [Int] {
    if last - first < 2 { return [first] }
    if last - first < 20 { return [first, last] }
    return [first, (first + last) / 2, last]
  }

  static func tickLabel(_ value: Double, _ format: AxisFormat) -> String {
    switch format {
    case .count: HTMLText.compact(value)
    case .money(let currency): HTMLText.money(value, currency: currency)
    }
  }
}
