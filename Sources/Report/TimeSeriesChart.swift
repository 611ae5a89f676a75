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

/// Proleptic Gregorian day numbers, without Foundation.
enum CivilDate {
  /// Days since 1970-01-01 for a string starting `YYYY-MM-DD`, or nil.
  static func dayNumber(_ iso: String) -> Int? {
    let u = Array(iso.utf8)
    guard u.count >= 10, u[4] == 0x2D, u[7] == 0x2D else { return nil }
    func num(_ r: Range<Int>) -> Int? {
      var v = 0
      for i in r {
        guard u[i] >= 0x30 && u[i] <= 0x39 else { return nil }
        v = v * 10 + Int(u[i] - 0x30)
      }
      return v
    }
    guard let y = num(0..<4), let m = num(5..<7), let d = num(8..<10), (1...12).contains(m), (1...31).contains(d)
    else { return nil }
    let yy = m <= 2 ? y - 1 : y
    let era = (yy >= 0 ? yy : yy - 399) / 400
    let yoe = yy - era * 400
    let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  /// `YYYY-MM-DD` for a day number.
  static func label(forDay z0: Int) -> String {
    let z = z0 + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "\(y)-\(two(m))-\(two(d))"
  }
}
