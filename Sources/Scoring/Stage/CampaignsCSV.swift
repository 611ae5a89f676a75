/// `campaigns.csv`: one flat row per configured campaign, for spreadsheets.
public enum CampaignsCSV {
  /// How the file is laid out for the spreadsheet that opens it.
  public struct Options: Sendable, Hashable {
    /// Starts the file with a UTF-8 byte order mark, so that Excel reads it as UTF-8.
    public var byteOrderMark: Bool
    /// `,` (default) or `;`. With `;` decimals are written with a comma (`0,1686`), as
    /// spreadsheets in Indonesian (and most European) locales expect.
    public var delimiter: Character

    public init(byteOrderMark: Bool = false, delimiter: Character = ",") {
      self.byteOrderMark = byteOrderMark
      self.delimiter = delimiter
    }

    /// Whether decimals use a comma (when the delimiter is not one).
    public var decimalComma: Bool { delimiter != "," }
  }

  /// Column names of the base figures, in order.
  public static let baseColumns = [
    "id", "name", "documents", "unique_documents", "duplicates_removed", "ctas", "mean_effort", "low_effort_share",
    "low_effort_ci95_low", "low_effort_ci95_high", "likes", "shares", "comments", "views", "signatures", "funds",
    "funds_currency", "funds_base", "base_currency", "donors", "turnout_low", "turnout_high", "rsvps", "volunteers",
    "slacktivism_index", "engagement_index", "quadrant", "caveats",
  ]

  /// Outcomes and interaction types of the ratio columns (funds in the base currency).
  public static let ratioOutcomes = ["signatures", "funds", "donors", "turnout", "rsvps", "volunteers"]
  public static let ratioInteractions = ["likes", "shares", "comments"]

  /// `signatures_per_1k_likes`, `…_ci95_low`, `…_ci95_high` for every outcome and interaction.
  public static let ratioColumns: [String] = ratioOutcomes.flatMap { outcome in
    ratioInteractions.flatMap { interaction in
      let name = "\(outcome == "funds" ? "funds_base" : outcome)_per_1k_\(interaction)"
      return [name, name + "_ci95_low", name + "_ci95_high"]
    }
  }

  /// Column names, in order: the base figures, then the ratios with their intervals.
  public static let columns = baseColumns + ratioColumns

  /// The whole file: a header and one row per campaign, LF line ends; empty cell = null.
  public static func render(_ report: CampaignsReport, options: Options = Options()) -> String {
    let d = String(options.delimiter)
    var out = options.byteOrderMark ? "\u{FEFF}" : ""
    out += columns.joined(separator: d) + "\n"
    for c in report.campaigns {
      func number(_ value: Double?) -> String { CampaignsCSV.number(value, decimalComma: options.decimalComma) }
      func outcome(_ kind: String) -> OutcomeSummary? { c.outcomes.first { $0.kind == kind } }
      let funds = outcome("funds")
      var cells: [String] = [
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
      for kind in ratioOutcomes {
        for interaction in ratioInteractions {
          let ratio = c.ratios.first { $0.outcome == kind && $0.interaction == interaction }
          cells += [number(ratio?.value), number(ratio?.ci95Low), number(ratio?.ci95High)]
        }
      }
      out += cells.map { escape($0, delimiter: options.delimiter) }.joined(separator: d) + "\n"
    }
    return out
  }

  /// Shortest decimal form; whole numbers without `.0`; a decimal comma when asked.
  static func number(_ value: Double?, decimalComma: Bool = false) -> String {
    guard let value else { return "" }
    if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
    let text = String(value)
    return decimalComma ? String(text.map { $0 == "." ? "," : $0 }) : text
  }

  static func escape(_ cell: String, delimiter: Character = ",") -> String {
    guard cell.contains(where: { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
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
