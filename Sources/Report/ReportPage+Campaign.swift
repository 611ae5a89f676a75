/// One card per campaign: the quotable line, ratios with intervals, indices with what they
/// rest on, figures, small-multiple charts and evidence, each with its caveats beside it.
extension ReportPage {
  static func campaignsSection(_ model: ReportModel) -> String {
    var html = "<section id=\"campaigns\"><h2 class=\"visually-hidden\">Campaigns</h2>\n"
    for c in model.campaigns { html += campaignCard(c) }
    return html + "</section>\n"
  }

  static func campaignCard(_ c: ReportCampaign) -> String {
    var html = "<article class=\"campaign\" id=\"campaign-\(e(c.id))\">\n"
    html += "<h2>\(e(c.name)) \(badge(c.quadrant))</h2>\n<p class=\"id\"><code>\(e(c.id))</code></p>\n"
    html += "<p class=\"summary\">\(e(c.summary))</p>\n"
    html += caveatList(c.summaryCaveats)
    html += ratiosBlock(c)
    html += indicesBlock(c)
    html += figuresBlock(c)
    html += chartsBlock(c)
    html += caveatList(c.caveats, title: "Other caveats")
    html += evidenceBlock(c)
    return html + "</article>\n"
  }

  private static func ratiosBlock(_ c: ReportCampaign) -> String {
    var html = "<h3>Outcomes per 1 000 interactions</h3>\n"
    guard !c.ratios.isEmpty else {
      return html + "<p class=\"null\">No ratio: the campaign lacks an outcome count or interaction counts.</p>\n"
        + caveatList(c.ratioCaveats)
    }
    html += "<div class=\"scroll\"><table class=\"stack ratios\"><thead><tr><th>ratio</th><th>value</th>"
    html += "<th>95% interval</th><th>outcome (numerator)</th><th>interactions (denominator)</th>"
    html += "<th>posts with a count</th></tr></thead><tbody>\n"
    for r in c.ratios {
      func show(_ v: Double) -> String {
        r.currency.map { HTMLText.money(v, currency: $0) } ?? HTMLText.significant(v)
      }
      let name = "\(r.outcome == "rsvps" ? "RSVPs" : r.outcome) per 1 000 \(r.interaction)"
      var value = r.value.map(show) ?? "<span class=\"null\">none</span>"
      if let v = r.value, let high = r.valueHigh { value = show(v) + "–" + show(high) }
      let interval: String
      if let low = r.low, let high = r.high {
        interval = show(low) + "–" + show(high)
      } else {
        interval = "<span class=\"null\">\(e(r.note ?? "none"))</span>"
      }
      let numerator =
        r.currency.map { HTMLText.money(r.numerator, currency: $0, compact: false) }
        ?? HTMLText.number(r.numerator)
      let unit =
        r.currency != nil ? "" : " " + (r.outcome == "turnout" ? "people" : r.outcome == "rsvps" ? "RSVPs" : r.outcome)
      let denominator = r.denominator.map { HTMLText.number($0) + " " + r.interaction } ?? "none"
      let posts = r.unitsWithCount.map { "\($0) of \(r.units ?? 0)" } ?? ""
      html += "<tr><th scope=\"row\" data-label=\"ratio\">\(e(name))</th>"
      html += "<td data-label=\"value\" class=\"num\">\(value)</td>"
      html += "<td data-label=\"95% interval\" class=\"num\">\(interval)</td>"
      html += "<td data-label=\"numerator\" class=\"num\">\(e(numerator))\(e(unit))</td>"
      html += "<td data-label=\"denominator\" class=\"num\">\(e(denominator))</td>"
      html += "<td data-label=\"posts with a count\" class=\"num\">\(e(posts))</td></tr>\n"
    }
    html += "</tbody></table></div>\n"
    return html + caveatList(c.ratioCaveats)
  }

  private static func indicesBlock(_ c: ReportCampaign) -> String {
    guard !c.indices.isEmpty else { return "" }
    var html = "<h3>Indices (0–100) and what they rest on</h3>\n<dl class=\"indices\">"
    let shared = Set(c.indices.map(\.restsOn)).count == 1
    for index in c.indices {
      let value = index.value.map { HTMLText.number($0, decimals: 1) + " of 100" } ?? "not computed"
      html += "<dt>\(e(index.name)): <strong>\(e(value))</strong></dt>"
      html += "<dd>\(shared ? "" : "Rests on \(e(index.restsOn)). ")\(e(index.note ?? ""))</dd>"
    }
    html += "</dl>\n"
    if shared, let restsOn = c.indices.first?.restsOn { html += "<p class=\"rests\">Both rest on \(e(restsOn)).</p>\n" }
    html += "<p class=\"quadrant\">Quadrant: \(badge(c.quadrant))</p>\n"
    return html + caveatList(c.indexCaveats)
  }

  private static func figuresBlock(_ c: ReportCampaign) -> String {
    var html = "<h3>Figures</h3>\n<div class=\"figures\">"
    html += figureTable("Offline outcomes", c.outcomeFigures)
    html += figureTable("Online interactions", c.interactionFigures)
    html += "</div>\n<p class=\"chart-note\">The documents behind each total, with each one’s count and where it was "
    html += "read, are in the SQLite export (<code>slackscore export --sqlite</code>: tables "
    html += "<code>interactions</code>, <code>outcome_points</code>, <code>evidence</code>).</p>\n"
    return html + caveatList(c.outcomeCaveats)
  }

  private static func figureTable(_ title: String, _ figures: [ReportFigure]) -> String {
    var html = "<div class=\"scroll\"><table class=\"stack figures\"><caption>\(e(title))</caption><tbody>"
    if figures.isEmpty { html += "<tr><td class=\"null\">none found</td></tr>" }
    for f in figures {
      html += "<tr><th scope=\"row\">\(e(f.label))</th>"
      if let value = f.value {
        html += "<td class=\"num\">\(e(value))</td><td class=\"note\">\(e(f.note ?? ""))</td></tr>"
      } else {
        html += "<td class=\"null\">not counted</td><td class=\"note\">\(e(f.note ?? ""))</td></tr>"
      }
    }
    return html + "</tbody></table></div>"
  }

  private static func chartsBlock(_ c: ReportCampaign) -> String {
    guard !c.charts.isEmpty else { return caveatList(c.chartCaveats) }
    var html = "<h3>Over time</h3>\n<div class=\"multiples\">"
    for chart in c.charts {
      html += "<figure class=\"chart\"><figcaption>\(e(chart.title))</figcaption>"
      html += SmallMultipleChart.render(chart)
      if chart.style == .line {
        html += "<ul class=\"legend\">"
        for (i, series) in chart.series.enumerated() {
          html += "<li><span class=\"swatch s\(i % 4)\"></span><span class=\"url\">\(e(series.name))</span></li>"
        }
        html += "</ul>"
      }
      if let note = chart.note { html += "<p class=\"chart-note\">\(e(note))</p>" }
      html += "</figure>"
    }
    html += "</div>\n<p class=\"chart-note\">Lines join captures at most \(ReportChart.maxGapDays) days apart; "
    html += "a longer stretch without a capture is left as a gap.</p>\n"
    return html + caveatList(c.chartCaveats)
  }

  /// At most this many evidence items per campaign are listed; campaigns.json has all.
  static let evidenceShown = 12

  private static func evidenceBlock(_ c: ReportCampaign) -> String {
    var html = "<h3>Evidence</h3>\n"
    guard !c.evidence.isEmpty else { return html + "<p class=\"null\">No archived evidence.</p>\n" }
    html += "<ul class=\"evidence\">"
    for ev in c.evidence.prefix(evidenceShown) {
      html += "<li>\(e(ev.label))"
      if let url = ev.url { html += " — <a class=\"url\" href=\"\(e(url))\">\(e(url))</a>" }
      if let at = ev.capturedAt { html += " · captured \(e(at))" }
      if let command = ev.command {
        html += "<br><code class=\"cmd\">\(e(command))</code>"
      } else if let source = ev.source {
        html += " · <code class=\"url\">\(e(source))</code>"
      }
      html += "</li>"
    }
    html += "</ul>\n"
    if c.evidence.count > evidenceShown {
      html += "<p class=\"null\">… and \(c.evidence.count - evidenceShown) more in campaigns.json "
      html += "(<code>evidence</code>) and the SQLite export.</p>\n"
    }
    return html
  }
}
