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

/// Horizontal stacked bars: the share of each effort level in a campaign's asks.
enum EffortMixChart {
  static func render(rows: [EffortMixRow], title: String) -> String {
    let width = 640.0
    let rowHeight = 28.0
    let left = 220.0
    let right = 60.0
    let top = 28.0
    let height = top + Double(max(rows.count, 1)) * rowHeight + 30
    var svg = SVGBuilder(width: width, height: height, title: title)
    let barWidth = width - left - right
    for level in 1...5 {
      let x = left + Double(level - 1) * barWidth / 5
      svg.bar(x: x, y: 4, width: 12, height: 12, cssClass: "legend effort-\(level)", tooltip: "effort \(level)")
      svg.text(legendName(level), x: x + 16, y: 14, cssClass: "tick")
    }
    for (i, row) in rows.enumerated() {
      let y = top + Double(i) * rowHeight
      svg.text(shorten(row.label), x: left - 8, y: y + 17, anchor: "end", cssClass: "label")
      let total = row.counts.reduce(0, +)
      guard total > 0 else {
        svg.text("no calls to action found", x: left, y: y + 17, cssClass: "tick")
        continue
      }
      var x = left
      for (index, count) in row.counts.enumerated() where count > 0 {
        let w = barWidth * Double(count) / Double(total)
        svg.bar(
          x: x, y: y + 4, width: w, height: rowHeight - 8, cssClass: "effort-\(index + 1)",
          tooltip: "\(row.label): \(count) of \(total) asks at effort \(index + 1)", link: row.link)
        x += w
      }
      svg.text("n=\(total)", x: left + barWidth + 6, y: y + 17, cssClass: "tick")
    }
    return svg.render()
  }

  /// Labels longer than 30 characters are cut with an ellipsis (the full name is in the table).
  static func shorten(_ label: String) -> String {
    label.count <= 30 ? label : String(label.prefix(29)) + "…"
  }

  private static func legendName(_ level: Int) -> String {
    switch level {
    case 1: "1 click"
    case 2: "2 sign"
    case 3: "3 give"
    case 4: "4 vote/join"
    default: "5 show up"
    }
  }
}
