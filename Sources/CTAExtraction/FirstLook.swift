import Foundation
import SlackscoreCore

/// A kept set's first look (`training/cta-real/kept/SET/firstlook.csv`): its figure as printed once,
/// with a build of the rules read off the sets before it, before anyone read its posts or errors.
/// `eval-cta` scores the kept sets with today's rules, most of them read off those very sets; the
/// first looks say how the detector did on posts it was not developed on (`eval-cta --first-looks`).
public struct FirstLook: Sendable, Hashable {
  /// The CSV header of `firstlook.csv`; one row follows it.
  public static let header = ["session", "build", "posts", "asks", "found", "false_asks"]

  /// The set's folder name ("fresh87").
  public var set: String
  /// The session that printed it (the docs' numbering: 30, 31, 32, …).
  public var session: Int
  /// The build it was printed with: a commit, with "+…" when its rules were not yet committed.
  public var build: String
  /// Found asks, false asks, missed asks and the posts left alone.
  public var scores: DetectionScores

  /// The first look of the kept set in the folder at `path`, nil when the set has none. Throws when
  /// the file is not one header and one row of counts that add up.
  public static func read(set path: String) throws -> FirstLook? {
    let folder = URL(fileURLWithPath: path)
    let file = folder.appendingPathComponent("firstlook.csv")
    guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
    func failure(_ reason: String) -> CTAResourceError { CTAResourceError(file: file.path, reason: reason) }
    let parsed = CSVReader.rows([UInt8](data))
    if let problem = parsed.problems.first { throw failure("line \(problem.line): \(problem.message)") }
    guard parsed.rows.count == 2, parsed.rows[0].fields == header, parsed.rows[1].fields.count == header.count
    else { throw failure("expected the header \(header.joined(separator: ",")) and one row") }
    let row = parsed.rows[1].fields
    guard let session = Int(row[0]), let posts = Int(row[2]), let asks = Int(row[3]), let found = Int(row[4]),
      let falseAsks = Int(row[5]), (0...asks).contains(found), falseAsks >= 0, asks + falseAsks <= posts
    else { throw failure("session, posts, asks, found and false_asks must be counts that add up") }
    var scores = DetectionScores()
    scores.truePositives = found
    scores.falseNegatives = asks - found
    scores.falsePositives = falseAsks
    scores.trueNegatives = posts - asks - falseAsks
    return FirstLook(set: folder.lastPathComponent, session: session, build: row[1], scores: scores)
  }

  /// The first looks of every kept set in the folder at `kept` that has one, in the sets' reading order.
  public static func readAll(kept: String) throws -> [FirstLook] {
    let folders = try FileManager.default.contentsOfDirectory(atPath: kept)
    return try folders.compactMap { try read(set: (kept as NSString).appendingPathComponent($0)) }.sorted {
      CTAEvaluation.naturalOrder($0.set, $1.set)
    }
  }

  /// One line per set, per session pooled and all pooled: F1 (with its bootstrap interval, as the
  /// eval's pooled line), precision, recall and the false asks per 1,000 posts.
  public static func report(_ looks: [FirstLook]) -> String {
    func f(_ x: Double) -> String { CTAEvaluation.fixed(x, places: 3) }
    func line(_ name: String, _ s: DetectionScores, interval: Bool) -> String {
      guard s.asks > 0 else { return "  \(name): no ask to find \(CTAEvaluation.alarms(s))" }
      let f1 =
        interval ? s.f1Interval(seed: SplitMix64.derive(0, name)).map { "\(f(s.f1)) \($0.text)" } ?? f(s.f1) : f(s.f1)
      return "  \(name): F1=\(f1) P=\(f(s.precision)) R=\(f(s.recall)) \(CTAEvaluation.alarms(s))"
    }
    func pooled(_ looks: [FirstLook]) -> DetectionScores {
      looks.reduce(into: DetectionScores()) { $0.add($1.scores) }
    }
    var lines = ["first looks of the kept Indonesian post sets (each printed once, before its own rules):"]
    for look in looks {
      lines.append(line("tweet/id@\(look.set) (session \(look.session), \(look.build))", look.scores, interval: false))
    }
    for session in Set(looks.map(\.session)).sorted() {
      let ofSession = looks.filter { $0.session == session }
      lines.append(line("session \(session), \(ofSession.count) sets pooled", pooled(ofSession), interval: true))
    }
    lines.append(line("all \(looks.count) sets pooled", pooled(looks), interval: true))
    return lines.joined(separator: "\n")
  }
}
