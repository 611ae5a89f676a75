import SlackscoreCore

/// One observation in a time series: a capture date and a value, with its evidence.
public struct TimePoint: Sendable, Hashable {
  /// ISO 8601 date or date-time; only the date part is used for the position.
  public var date: String
  public var value: Double
  public var tooltip: String
  public var link: String?

  public init(date: String, value: Double, tooltip: String, link: String?) {
    self.date = date
    self.value = value
    self.tooltip = tooltip
    self.link = link
  }
}

/// A named series (e.g. "signatures (captures)" or "shares (posts)").
public struct TimeSeries: Sendable, Hashable {
  public var name: String
  public var cssClass: String
  public var points: [TimePoint]

  public init(name: String, cssClass: String, points: [TimePoint]) {
    self.name = name
    self.cssClass = cssClass
    self.points = points
  }
}

/// An outcome series (left axis) against an interaction series (right axis) over time.
enum TimeSeriesChart {
  static func render(outcome: TimeSeries, interactions: TimeSeries?, title: String) -> String {
    let width = 640.0
    let height = 260.0
    let left = 70.0
    let right = 70.0
    let top = 44.0
    let bottom = 40.0
    let all = outcome.points + (interactions?.points ?? [])
    let days = all.compactMap { CivilDate.dayNumber($0.date) }
    let first = Double(days.min() ?? 0)
    var last = Double(days.max() ?? 1)
    if last <= first { last = first + 1 }
    let xs = LinearScale(domainStart: first - 1, domainEnd: last + 1, pixelStart: left, pixelEnd: width - right)
    var svg = SVGBuilder(width: width, height: height, title: title)
    svg.line(left, height - bottom, width - right, height - bottom, cssClass: "axis")
    for tick in xs.ticks(count: 4) {
      let x = xs.position(tick)
      svg.line(x, height - bottom, x, height - bottom + 4, cssClass: "axis")
      svg.text(CivilDate.label(forDay: Int(tick)), x: x, y: height - bottom + 16, anchor: "middle", cssClass: "tick")
    }
    drawSeries(outcome, xs: xs, axisX: left, anchor: "end", svg: &svg, top: top, bottom: height - bottom)
    if let interactions, !interactions.points.isEmpty {
      drawSeries(
        interactions, xs: xs, axisX: width - right, anchor: "start", svg: &svg, top: top, bottom: height - bottom)
    }
    svg.text("— " + outcome.name + " (left axis)", x: left, y: 14, cssClass: "legend-\(outcome.cssClass)")
    if let interactions, !interactions.points.isEmpty {
      svg.text(
        "- - " + interactions.name + " (right axis)", x: left, y: 30, cssClass: "legend-\(interactions.cssClass)")
    }
    return svg.render()
  }

  private static func drawSeries(
    _ series: TimeSeries, xs: LinearScale, axisX: Double, anchor: String, svg: inout SVGBuilder, top: Double,
    bottom: Double
  ) {
    let maxValue = max(series.points.map(\.value).max() ?? 1, 1)
    let ys = LinearScale(domainStart: 0, domainEnd: maxValue * 1.1, pixelStart: bottom, pixelEnd: top)
    svg.line(axisX, top, axisX, bottom, cssClass: "axis \(series.cssClass)")
    for tick in ys.ticks(count: 4) {
      let offset = anchor == "end" ? -6.0 : 6.0
      svg.text(HTMLText.compact(tick), x: axisX + offset, y: ys.position(tick) + 4, anchor: anchor, cssClass: "tick")
    }
    let sorted = series.points.compactMap { p in CivilDate.dayNumber(p.date).map { (p, $0) } }
      .sorted { ($0.1, $0.0.date) < ($1.1, $1.0.date) }
    svg.polyline(
      sorted.map { (xs.position(Double($0.1)), ys.position($0.0.value)) }, cssClass: "series \(series.cssClass)")
    for (p, day) in sorted {
      svg.point(
        x: xs.position(Double(day)), y: ys.position(p.value), radius: 4, cssClass: series.cssClass,
        tooltip: p.tooltip, link: p.link)
    }
  }
}
