import ArchiveReader
import Foundation
public import SlackscoreCore

/// Hand labels of the counts real pages show about themselves, keyed by page
/// (`training/counters-real/labels.json`, `Tests/ConformanceTests/Fixtures/counter-labels.json`;
/// docs/signals.md says how they were made). No page text.
public struct CounterLabels: Decodable, Sendable {
  /// One count a labeller found.
  public struct Value: Decodable, Sendable {
    /// A counter kind (``Counter/kind``).
    public var kind: String
    /// The number as the page means it ("2.910" on an Indonesian page is 2910).
    public var value: Double
    /// True on the value that stands for the page, per kind.
    public var primary: Bool?
  }

  /// What one page shows: its own counts, and counts that are not its own (other items' counts,
  /// figures in running prose, a site-wide banner).
  public struct Page: Decodable, Sendable {
    public var own: [Value]
    public var traps: [Value]?
  }

  /// Labels per page key (a path relative to the labelled pages' root).
  public var pages: [String: Page]

  /// Reads a labels file.
  public static func load(path: String) throws -> CounterLabels {
    try JSONDecoder().decode(CounterLabels.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
  }
}

/// The counters read from labelled pages, scored against the labels: the one scorer behind
/// `slackscore eval-counters` (unseen pages) and the counter conformance test (SHARED's pages).
///
/// A fact is page × kind × value. Interaction and outcome precision and recall compare the
/// counters read as the page's own (`subject` `page`) with the labels' own values; the page's own
/// value is right when the counter marked primary per kind holds the labels' primary value (or
/// neither has one); a trap is taken when a trap's fact is read as the page's; a stray outcome is
/// an outcome counter of any subject that no label names as the page's own.
public struct CounterScore: Sendable {
  /// Precision and recall of one family of kinds.
  public struct Measure: Sendable {
    /// Facts both read and labelled, facts read, facts labelled.
    public var hits, found, truth: Int
    public var precision: Double { Double(hits) / Double(max(found, 1)) }
    public var recall: Double { Double(hits) / Double(max(truth, 1)) }
  }

  public var interactions: Measure
  public var outcomes: Measure
  /// Page × kind slots whose primary value is right, of all slots with a primary on either side.
  public var primaryRight: Int
  public var primarySlots: Int
  public var primaryAccuracy: Double { Double(primaryRight) / Double(max(primarySlots, 1)) }
  /// Labelled traps, and those read as the page's own (`page: kind value`).
  public var trapCount: Int
  public var trapsTaken: [String]
  /// Outcome counters no label names as the page's own (`page: kind raw`), whatever their subject.
  public var strayOutcomes: [String]
  /// Labelled pages with no document; pages parsed; pages labelled.
  public var unparsed: [String]
  public var parsed: Int
  public var labelled: Int
  /// Every wrong fact, one line each, sorted: "not the page's", "missed", "trap taken".
  public var errors: [String]

  private struct Fact: Hashable, Comparable {
    var page: String
    var kind: String
    var value: Double
    static func < (a: Fact, b: Fact) -> Bool { (a.page, a.kind, a.value) < (b.page, b.kind, b.value) }
    var line: String { "\(page) \(kind) \(String(format: "%g", value))" }
  }

  private struct Slot: Hashable {
    var page: String
    var kind: String
  }

  /// Scores `documents` (counters per page key) against `labels`; pages neither side names are
  /// left out of precision and recall but still checked for stray outcomes.
  public init(labels: CounterLabels, documents: [String: [Counter]]) {
    labelled = labels.pages.count
    parsed = documents.count
    unparsed = labels.pages.keys.filter { documents[$0] == nil }.sorted()
    var truth = Set<Fact>()
    var truthPrimary: [Slot: Double] = [:]
    var traps = Set<Fact>()
    for (page, label) in labels.pages where documents[page] != nil {
      for value in label.own {
        truth.insert(Fact(page: page, kind: value.kind, value: value.value))
        if value.primary == true { truthPrimary[Slot(page: page, kind: value.kind)] = value.value }
      }
      for value in label.traps ?? [] { traps.insert(Fact(page: page, kind: value.kind, value: value.value)) }
    }
    var found = Set<Fact>()
    var primary: [Slot: Double] = [:]
    var stray: [String] = []
    for (page, counters) in documents {
      for counter in counters {
        let fact = Fact(page: page, kind: counter.kind, value: counter.value)
        let isInteraction = CounterKinds.interactions.contains(counter.kind)
        if labels.pages[page] != nil && counter.subject == "page" { found.insert(fact) }
        if !isInteraction && !truth.contains(fact) { stray.append("\(page): \(counter.kind) \(counter.raw)") }
        if labels.pages[page] != nil && counter.primary == true {
          primary[Slot(page: page, kind: counter.kind)] = counter.value
        }
      }
    }
    func measure(_ interaction: Bool) -> (Measure, [String]) {
      let truth = truth.filter { CounterKinds.interactions.contains($0.kind) == interaction }
      let found = found.filter { CounterKinds.interactions.contains($0.kind) == interaction }
      let errors =
        found.subtracting(truth).sorted().map { "  not the page's: \($0.line)" }
        + truth.subtracting(found).sorted().map { "  missed: \($0.line)" }
      return (Measure(hits: truth.intersection(found).count, found: found.count, truth: truth.count), errors)
    }
    let (interactions, interactionErrors) = measure(true)
    let (outcomes, outcomeErrors) = measure(false)
    self.interactions = interactions
    self.outcomes = outcomes
    let slots = Set(primary.keys).union(truthPrimary.keys)
    primarySlots = slots.count
    primaryRight = slots.filter { primary[$0] == truthPrimary[$0] }.count
    trapCount = traps.count
    let taken = traps.intersection(found).sorted()
    trapsTaken = taken.map(\.line)
    strayOutcomes = stray.sorted()
    errors = interactionErrors + outcomeErrors + taken.map { "  trap taken: \($0.line)" }
  }

  /// The figures, one line each, then every error.
  public var report: String {
    func line(_ name: String, _ m: Measure) -> String {
      "\(name): precision \(Self.fixed(m.precision)) (\(m.hits)/\(m.found)), recall \(Self.fixed(m.recall)) (\(m.hits)/\(m.truth))"
    }
    var lines = [
      "counters on \(labelled - unparsed.count) of \(labelled) labelled pages"
        + (unparsed.isEmpty ? "" : " (\(unparsed.count) not parsed)"),
      line("interactions", interactions),
      line("outcomes", outcomes),
      "page's own value right: \(primaryRight)/\(primarySlots) page x kind",
      "traps read as the page's: \(trapsTaken.count) of \(trapCount)",
      "outcome counters no label names as the page's (any subject): \(strayOutcomes.count)",
    ]
    lines += errors
    lines += strayOutcomes.map { "  stray outcome: \($0)" }
    return lines.joined(separator: "\n")
  }

  private static func fixed(_ value: Double) -> String { String(format: "%.3f", value) }

  /// The counters of every page in `paths` (files or folders, as `parse` takes them), keyed by
  /// path relative to `root`, with `@OFFSET` for a record inside an archive.
  public static func documents(
    in paths: [String], root: String, diagnostics: DiagnosticCollector
  ) throws -> [String: [Counter]] {
    let prefix = URL(fileURLWithPath: root).standardizedFileURL.path + "/"
    var result: [String: [Counter]] = [:]
    var tally = RecordTally()
    try ArchiveScan.forEachRecord(in: paths, diagnostics: diagnostics, tally: &tally) { record in
      guard case .document(let document) = DocumentBuilder.build(record) else { return }
      var key = URL(fileURLWithPath: record.sourcePath).standardizedFileURL.path
      if key.hasPrefix(prefix) { key.removeFirst(prefix.count) }
      if record.kind != .file { key += "@\(record.offset)" }
      result[key] = document.counters
    }
    return result
  }
}
