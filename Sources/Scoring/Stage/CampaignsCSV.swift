/// `campaigns.csv`: one flat row per configured campaign, for spreadsheets.
public enum CampaignsCSV {
  /// Column names, in order.
  public static let columns = [
    "id", "name", "documents", "unique_documents", "duplicates_removed", "ctas", "mean_effort", "low_effort_share",
    "low_effort_ci95_low", "low_effort_ci95_high", "likes", "shares", "comments", "views", "signatures", "funds",
    "funds_currency", "funds_base", "base_currency", "donors", "turnout_low", "turnout_high", "rsvps", "volunteers",
    "slacktivism_index", "engagement_index", "quadrant", "caveats",
  ]

  /// The whole file: a header and one row per campaign, LF line ends; empty cell = null.
  public static func render(_ report: CampaignsReport) -> String {
    var out = columns.joined(separator: ",") + "\n"
    for c in report.campaigns {
      func outcome(_ kind: String) -> OutcomeSummary? { c.outcomes.first { $0.kind == kind } }
      let funds = outcome("funds")
      let cells: [String] = [
        c.id, c.name, String(c.documents.total), String(c.documents.unique), String(c.documents.duplicatesRemoved),
        String(c.ctaMix.total), number(c.ctaMix.meanEffort), number(c.ctaMix.lowEffort.share),
        number(c.ctaMix.lowEffort.ci95Low), number(c.ctaMix.lowEffort.ci95High),
        number(c.interactions["likes"]?.total), number(c.interactions["shares"]?.total),
        number(c.interactions["comments"]?.total), number(c.interactions["views"]?.total),
        number(outcome("signatures")?.value), number(funds?.value), funds?.unit ?? "", number(funds?.valueBase),
        funds?.baseCurrency ?? "", number(outcome("donors")?.value), number(outcome("turnout")?.value),
        number(outcome("turnout")?.valueHigh), number(outcome("rsvps")?.value), number(outcome("volunteers")?.value),
        number(c.indices.slacktivism.value), number(c.indices.engagement.value), c.quadrant.label ?? "",
        c.caveats.map(\.code).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }.joined(separator: ";"),
      ]
      out += cells.map(escape).joined(separator: ",") + "\n"
    }
    return out
  }

  /// Shortest decimal form; whole numbers without `.0`.
  static func number(_ value: Double?) -> String {
    guard let value else { return "" }
    if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
    return String(value)
  }

  static func escape(_ cell: String) -> String {
    guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
    return "\"" + cell.replacingQuotes() + "\""
  }
}

extension String {
  fileprivate func replacingQuotes() -> String {
    var out = ""
    for ch in self {
      if ch == "\"" { out += "\"\"" } else { out.append(ch) }
    }
    return out
  }
}
