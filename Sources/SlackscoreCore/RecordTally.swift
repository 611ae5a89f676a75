/// Accounts for every input record: each one is parsed, skipped (with a reason) or
/// rejected (with a reason). Nothing is lost silently.
public struct RecordTally: Sendable, Hashable, Codable {
  public var parsed: Int = 0
  /// Skipped records per reason, e.g. `request`, `warcinfo`, `not-html`.
  public var skipped: [String: Int] = [:]
  /// Rejected records per reason, e.g. `truncated-record`.
  public var rejected: [String: Int] = [:]

  public init() {}

  public var skippedTotal: Int { skipped.values.reduce(0, +) }
  public var rejectedTotal: Int { rejected.values.reduce(0, +) }
  public var total: Int { parsed + skippedTotal + rejectedTotal }

  public mutating func skip(_ reason: String, count: Int = 1) { skipped[reason, default: 0] += count }
  public mutating func reject(_ reason: String, count: Int = 1) { rejected[reason, default: 0] += count }

  /// Adds another tally into this one (for merging per-thread tallies).
  public mutating func merge(_ other: RecordTally) {
    parsed += other.parsed
    for (k, v) in other.skipped { skipped[k, default: 0] += v }
    for (k, v) in other.rejected { rejected[k, default: 0] += v }
  }

  /// One line for stderr: `120 records: 100 parsed, 15 skipped (request 10, warcinfo 5), 5 rejected (…)`.
  public var summary: String {
    func detail(_ d: [String: Int]) -> String {
      d.isEmpty ? "" : " (" + d.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")"
    }
    return
      "\(total) records: \(parsed) parsed, \(skippedTotal) skipped\(detail(skipped)), \(rejectedTotal) rejected\(detail(rejected))"
  }
}
