/// One campaign's calls to action by effort level (1 = a click … 5 = a day in the street).
public struct EffortMixRow: Sendable, Hashable {
  public var label: String
  /// Counts for effort 1 through 5 (index 0 is effort 1).
  public var counts: [Int]
  public var link: String?

  public init(label: String, counts: [Int], link: String? = nil) {
    self.label = label
    self.counts = counts
    self.link = link
  }
}

/// Horizontal stacked bars, one per campaign with its name above it: the share of each
/// effort level in a campaign's asks. The legend is HTML beside the chart (it wraps).
enum EffortMixChart {
  static func render(rows: [EffortMixRow], title: String) -> String {
    let width = 360.0
    let rowHeight = 44.0
    let left = 4.0
    let right = 58.0
    let top = 24.0
    let height = top + Double(max(rows.count, 1)) * rowHeight + 22
    var svg = SVGBuilder(width: width, height: height, title: title)
    let barWidth = width - left - right
    svg.text("campaigns, one bar each (count of asks at right)", x: left, y: 14, cssClass: "axis-label y-label")
    for (i, row) in rows.enumerated() {
      let y = top + Double(i) * rowHeight
      svg.text(shorten(row.label), x: left, y: y + 14, cssClass: "label")
      let total = row.counts.reduce(0, +)
      guard total > 0 else {
        svg.text("no calls to action found", x: left, y: y + 34, cssClass: "tick")
        continue
      }
      var x = left
      for (index, count) in row.counts.enumerated() where count > 0 {
        let w = barWidth * Double(count) / Double(total)
        svg.bar(
          x: x, y: y + 20, width: w, height: 18, cssClass: "effort-\(index + 1)",
          tooltip: "\(row.label): \(count) of \(total) asks at effort \(index + 1)", link: row.link)
        x += w
      }
      svg.text("\(total) asks", x: left + barWidth + 4, y: y + 34, cssClass: "tick")
    }
    svg.text(
      "share of asks by effort (left: click … right: street)", x: left, y: height - 6,
      cssClass: "axis-label x-label")
    return svg.render()
  }

  /// Labels longer than 44 characters are cut with an ellipsis (the full name is in the card).
  static func shorten(_ label: String) -> String {
    label.count <= 44 ? label : String(label.prefix(43)) + "…"
  }

  static func legendName(_ level: Int) -> String {
    switch level {
    case 1: "1 click or share"
    case 2: "2 sign"
    case 3: "3 give"
    case 4: "4 vote or join"
    default: "5 show up"
    }
  }
}
