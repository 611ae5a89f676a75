import Foundation
public import SlackscoreCore

/// Each labelled page set's first look (`training/counters-real/firstlook.csv`): the counters read
/// once with the build of the rules read off the sets before it, before anyone read its errors.
/// `eval-counters` scores the sets with today's rules, many read off those very pages; the first
/// looks say how the reader did on pages it was not developed on.
public struct CounterFirstLooks: Sendable {
  /// The CSV header; one row per set follows it.
  public static let header = [
    "set", "session", "build", "pages", "interaction_facts", "interactions_read", "interaction_hits",
    "outcome_facts", "outcomes_read", "outcome_hits", "traps", "traps_taken",
  ]

  /// One set's row: its name, session, build and the counts in header order.
  public struct Row: Sendable {
    public var set: String
    public var session: Int
    public var build: String
    /// pages, interaction facts, read, hits, outcome facts, read, hits, traps, traps taken.
    public var counts: [Int]
  }

  public var rows: [Row]

  /// Reads the file; throws naming the file and line when it is not the header and rows of counts
  /// that add up (hits no more than facts or counters read).
  public static func read(path: String) throws -> CounterFirstLooks {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw CounterFirstLookError(message: "\(path): cannot read the file")
    }
    let parsed = CSVReader.rows([UInt8](data))
    if let problem = parsed.problems.first {
      throw CounterFirstLookError(message: "\(path):\(problem.line): \(problem.message)")
    }
    guard parsed.rows.first?.fields == header else {
      throw CounterFirstLookError(message: "\(path):1: expected the header \(header.joined(separator: ","))")
    }
    var rows: [Row] = []
    for (offset, row) in parsed.rows.dropFirst().enumerated() {
      let fields = row.fields
      let counts = fields.count == header.count ? fields[3...].compactMap { Int($0) } : []
      guard counts.count == 9, let session = Int(fields[1]), counts.allSatisfy({ $0 >= 0 }),
        counts[3] <= min(counts[1], counts[2]), counts[6] <= min(counts[4], counts[5]), counts[8] <= counts[7]
      else {
        throw CounterFirstLookError(
          message: "\(path):\(offset + 2): expected \(header.count) fields, counts that add up")
      }
      rows.append(Row(set: fields[0], session: session, build: fields[2], counts: counts))
    }
    return CounterFirstLooks(rows: rows)
  }

  /// One line per set and the pooled line: interaction and outcome precision and recall.
  public var report: String {
    func figures(_ c: [Int]) -> String {
      func pr(_ facts: Int, _ read: Int, _ hits: Int) -> String {
        let p = read == 0 ? "-" : String(format: "%.3f", Double(hits) / Double(read))
        let r = facts == 0 ? "-" : String(format: "%.3f", Double(hits) / Double(facts))
        return "P \(p) R \(r) (\(hits) right of \(read) read, \(facts) facts)"
      }
      return "interactions \(pr(c[1], c[2], c[3])); outcomes \(pr(c[4], c[5], c[6])); traps taken \(c[8]) of \(c[7])"
    }
    var lines = ["first looks of the labelled page sets (each scored once, before its errors were read):"]
    for row in rows {
      lines.append(
        "  \(row.set) (session \(row.session), \(row.build), \(row.counts[0]) pages): \(figures(row.counts))")
    }
    let pooled = rows.reduce(into: [Int](repeating: 0, count: 9)) { sum, row in
      for i in sum.indices { sum[i] += row.counts[i] }
    }
    lines.append("  all \(rows.count) sets pooled (\(pooled[0]) pages): \(figures(pooled))")
    return lines.joined(separator: "\n")
  }
}

/// A first-looks file that cannot be read, with the file and line.
public struct CounterFirstLookError: Error, CustomStringConvertible {
  public var message: String
  public var description: String { message }
}
