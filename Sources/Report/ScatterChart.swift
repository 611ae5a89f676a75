/// One campaign in the interactions-versus-outcomes scatter.
public struct ScatterPoint: Sendable, Hashable {
  public var label: String
  public var x: Double
  public var y: Double
  /// CSS class for the colour (e.g. the quadrant label).
  public var group: String
  public var tooltip: String
  public var link: String?

  public init(label: String, x: Double, y: Double, group: String, tooltip: String, link: String?) {
    self.label = label
    self.x = x
    self.y = y
    self.group = group
    self.tooltip = tooltip
    self.link = link
  }
}

/// How the scatter's y axis is scaled.
enum ScatterYAxis {
  /// Base-10 logarithmic, decades covering the data.
  case log
  /// Linear over a fixed range (an index from 0 to 100).
  case linear(ClosedRange<Double>)
}

/// Campaigns as dots: x on a log scale, y on a log or fixed linear scale, with split lines.
enum ScatterChart {
  static func render(
    points: [ScatterPoint], xLabel: String, yLabel: String, xSplit: Double?, ySplit: Double?, title: String,
    yAxis: ScatterYAxis = .log
  ) -> String {
    let width = 440.0
    let height = 360.0
    let left = 58.0
    let right = 12.0
    let top = 12.0
    let bottom = 46.0
    let xs = LogScale(covering: points.map(\.x) + [xSplit ?? 0], pixelStart: left, pixelEnd: width - right)
    let logY = LogScale(covering: points.map(\.y) + [ySplit ?? 0], pixelStart: height - bottom, pixelEnd: top)
    let yPosition: (Double) -> Double
    let yTicks: [Double]
    switch yAxis {
    case .log:
      yPosition = logY.position
      yTicks = logY.ticks
    case .linear(let range):
      let linear = LinearScale(
        domainStart: range.lowerBound, domainEnd: range.upperBound, pixelStart: height - bottom, pixelEnd: top)
      yPosition = linear.position
      yTicks = linear.ticks(count: 5)
    }
    var svg = SVGBuilder(width: width, height: height, title: title)
    for tick in xs.ticks {
      let x = xs.position(tick)
      svg.line(x, top, x, height - bottom, cssClass: "grid")
      svg.text(HTMLText.compact(tick), x: x, y: height - bottom + 16, anchor: "middle", cssClass: "tick")
    }
    for tick in yTicks {
      let y = yPosition(tick)
      svg.line(left, y, width - right, y, cssClass: "grid")
      svg.text(HTMLText.compact(tick), x: left - 6, y: y + 4, anchor: "end", cssClass: "tick")
    }
    svg.line(left, height - bottom, width - right, height - bottom, cssClass: "axis")
    svg.line(left, top, left, height - bottom, cssClass: "axis")
    if let xSplit, xSplit > 0, let ySplit, ySplit > 0 {
      let x = xs.position(xSplit)
      let y = yPosition(ySplit)
      svg.line(x, top, x, height - bottom, cssClass: "split")
      svg.line(left, y, width - right, y, cssClass: "split")
      // The quadrant names, in the corners they label.
      let corners: [(String, String, Double, Double, String)] = [
        ("quiet but effective", "q-quiet-effective", left + 6, top + 14, "start"),
        ("engaged", "q-engaged", width - right - 6, top + 14, "end"),
        ("dormant", "q-dormant", left + 6, height - bottom - 8, "start"),
        ("loud but idle", "q-loud-but-idle", width - right - 6, height - bottom - 8, "end"),
      ]
      for (name, css, cx, cy, anchor) in corners {
        svg.text(name, x: cx, y: cy, anchor: anchor, cssClass: "quadrant-name \(css)")
      }
    }
    svg.text(xLabel, x: (left + width - right) / 2, y: height - 10, anchor: "middle", cssClass: "axis-label x-label")
    svg.text(
      yLabel, x: 14, y: (top + height - bottom) / 2, anchor: "middle", cssClass: "axis-label y-label", rotate: true)
    var placed: [LabelBox] = []
    for p in points {
      let x = xs.position(p.x)
      let y = yPosition(p.y)
      svg.point(x: x, y: y, radius: 8, cssClass: "q-\(p.group)", tooltip: p.tooltip, link: p.link)
      let box = LabelBox.place(p.label, nearX: x, y: y, avoiding: placed, width: width - right)
      placed.append(box)
      svg.text(p.label, x: box.textX, y: box.baseline, anchor: box.anchor, cssClass: "point-label")
    }
    return svg.render()
  }
}

/// Where a point's label goes: the first of right-above, right-below, left-above, left-below
/// that does not overlap a label already placed (text width estimated per character).
struct LabelBox {
  var minX: Double
  var maxX: Double
  var minY: Double
  var maxY: Double
  var textX: Double
  var baseline: Double
  var anchor: String

  static func place(_ label: String, nearX x: Double, y: Double, avoiding others: [LabelBox], width: Double) -> LabelBox
  {
    let textWidth = Double(label.count) * 7.2
    let candidates: [(dx: Double, dy: Double, anchor: String)] = [
      (10, -8, "start"), (10, 18, "start"), (-10, -8, "end"), (-10, 18, "end"),
    ]
    var first: LabelBox?
    for c in candidates {
      let textX = x + c.dx
      let minX = c.anchor == "start" ? textX : textX - textWidth
      let maxX = c.anchor == "start" ? textX + textWidth : textX
      let box = LabelBox(
        minX: minX, maxX: maxX, minY: y + c.dy - 12, maxY: y + c.dy + 3, textX: textX, baseline: y + c.dy,
        anchor: c.anchor)
      if first == nil { first = box }
      let fits = maxX <= width + 20 && minX >= 0
      if fits && !others.contains(where: { $0.overlaps(box) }) { return box }
    }
    return first!
  }

  func overlaps(_ other: LabelBox) -> Bool {
    minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
  }
}
