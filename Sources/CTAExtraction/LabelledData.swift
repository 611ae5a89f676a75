import Foundation
public import SlackscoreCore

/// One labelled sentence or post: the project's own sentences (`training/cta/{id,en}.jsonl`), the
/// real labelled data materialised from SHARED (`training/cta-real/materialise.py`: page sentences and
/// tweets), or a Reddit comment.
public struct LabelledSentence: Sendable, Hashable, Codable {
  /// Where the item points into SHARED (tweet id, `SET/FILE#SID` for page sentences), when known.
  public var id: String?
  /// The sentence.
  public var text: String
  /// `id` or `en`.
  public var lang: String
  /// 1 for a call to action, 0 otherwise.
  public var label: Int
  /// The act asked for, when `label` is 1 (null otherwise or when unknown).
  public var category: String?
  /// `train` or `test`.
  public var split: String
  /// `page_sentence` and `tweet` (real data), `reddit`, `reddit_extension`, `reddit_synthetic`, or the
  /// project's own registers (`campaign_page`, `social_post`, `news_report`, `opinion`, …).
  public var sourceKind: String?
  /// 1 when the item reports someone else's ask (its label is then 0).
  public var reported: Int?
  /// The annotator's remark, if any.
  public var note: String?
  /// Weight of the example in training (1 for the project's own data).
  public var weight: Double?
  /// The real set collected outside SHARED that the post comes from (`fresh5`, …: `materialise.py
  /// --extra`), scored as a slice of its own (`tweet/id@fresh5`); nil for the rest.
  public var set: String?

  /// A labelled sentence from its fields.
  public init(
    text: String, lang: String, label: Int, category: String?, split: String, sourceKind: String? = nil,
    note: String? = nil, weight: Double? = nil, id: String? = nil, reported: Int? = nil
  ) {
    self.id = id
    self.reported = reported
    self.text = text
    self.lang = lang
    self.label = label
    self.category = category
    self.split = split
    self.sourceKind = sourceKind
    self.note = note
    self.weight = weight
  }
}

/// Reads labelled sentences: the project's JSON Lines files and the Reddit collective-action CSV.
public enum LabelledData {
  /// Old or alternative category names mapped to the project's.
  static let categoryAliases: [String: String] = [
    "like_follow": "follow", "like": "follow", "subscribe": "follow", "share_amplify": "share", "amplify": "share",
    "sign_petition": "sign", "petition": "sign", "contact_official": "contact", "attend_protest": "attend",
    "march": "attend", "protest": "attend", "join": "volunteer", "donation": "donate",
  ]

  /// Every `*.jsonl` file in `directory` (sorted by name), decoded line by line; bad lines are reported
  /// to `diagnostics` and skipped.
  public static func load(directory: String, diagnostics: DiagnosticCollector) throws -> [LabelledSentence] {
    let files = try FileSystem.contents(of: directory).filter { $0.hasSuffix(".jsonl") }.sorted()
    guard !files.isEmpty else {
      diagnostics.emit(
        Diagnostic(
          severity: .warning, stage: "train-cta", file: directory, code: "no-data",
          message: "no *.jsonl files (real labelled data: run `make eval`/`make train-cta`, which materialise them)"))
      return []
    }
    var out: [LabelledSentence] = []
    let decoder = JSONCoding.decoder()
    for file in files {
      let path = directory + "/" + file
      try JSONCoding.forEachLine(in: path) { line, number in
        do {
          var item = try decoder.decode(LabelledSentence.self, from: Data(line))
          if let c = item.category { item.category = categoryAliases[c] ?? c }
          if item.label == 0 { item.category = nil }
          if let c = item.category, !CTAResources.categories.contains(c) {
            diagnostics.emit(
              Diagnostic(
                severity: .warning, stage: "train-cta", file: path, code: "unknown-category",
                message: "line \(number): unknown category '\(c)'; kept as a positive without category"))
            item.category = nil
          }
          out.append(item)
        } catch {
          diagnostics.emit(
            Diagnostic(
              severity: .error, stage: "train-cta", file: path, code: "bad-json-line",
              message: "line \(number): not a labelled sentence: \(error)"))
        }
      }
    }
    return out
  }

  /// The Reddit collective-action set (Pera & Aiello 2025, CC BY 4.0): `ActionFocusedText` (else
  /// `OriginalText`) labelled 1 when `Label` is `Call-to-action`, 0 otherwise (None,
  /// Problem-Solution, Intention, Execution), English, no category. Rows are split into train and test
  /// by a stable hash of `CommentID` and the text (one in five to test); `weight` is the training weight.
  public static func loadReddit(path: String, weight: Double) throws -> [LabelledSentence] {
    let bytes = try FileSystem.readAll(path)
    let (csvRows, problems) = CSVReader.rows(bytes)
    if let problem = problems.first {
      throw CTAResourceError(file: path, reason: "line \(problem.line): \(problem.message)")
    }
    let rows = csvRows.map(\.fields)
    guard let header = rows.first else { return [] }
    func column(_ name: String) -> Int? { header.firstIndex(of: name) }
    guard let labelColumn = column("Label"), let idColumn = column("CommentID") else {
      throw CTAResourceError(file: path, reason: "no Label/CommentID columns: not the Reddit collective-action CSV")
    }
    let focused = column("ActionFocusedText")
    let original = column("OriginalText")
    let augmentation = column("AugmentationType")
    var out: [LabelledSentence] = []
    for row in rows.dropFirst() where row.count == header.count {
      var text = focused.map { row[$0] } ?? ""
      if text.isEmpty || text == "None" { text = original.map { row[$0] } ?? "" }
      guard !text.isEmpty else { continue }
      // Synthetic rows have CommentID "None": the split hashes the id and the text together.
      var key = row[idColumn] + "\u{1F}" + text
      let hash = key.withUTF8 { FNV1a.hash32($0) }
      out.append(
        LabelledSentence(
          text: text, lang: "en", label: row[labelColumn] == "Call-to-action" ? 1 : 0, category: nil,
          split: hash % 5 == 0 ? "test" : "train", sourceKind: redditKind(augmentation.map { row[$0] }),
          weight: weight))
    }
    return out
  }
}

extension LabelledSentence {
  /// Whether the item is a whole post or comment: tweets and Reddit comments are scored at post
  /// level (positive when any of its sentences is).
  public var isPost: Bool { sourceKind == "tweet" || sourceKind?.hasPrefix("reddit") == true }

  /// Whether the item is real text labelled by the team or the Reddit set's authors (not written by
  /// the project).
  public var isReal: Bool {
    sourceKind == "tweet" || sourceKind == "page_sentence" || sourceKind?.hasPrefix("reddit") == true
  }

  /// The evaluation slice: `page/en`, `page/en@freshpg1` and `tweet/id@fresh5` (sets outside
  /// SHARED), `tweet/id`, `reddit/real`, `reddit/augmented`, `team/en`, …
  public var slice: String {
    switch sourceKind {
    case "page_sentence": set.map { "page/\(lang)@\($0)" } ?? "page/\(lang)"
    case "tweet": set.map { "tweet/\(lang)@\($0)" } ?? "tweet/\(lang)"
    case "reddit": "reddit/real"
    case let kind? where kind.hasPrefix("reddit"): "reddit/augmented"
    default: "team/\(lang)"
    }
  }
}

extension LabelledData {
  /// `reddit` for real comments, `reddit_synthetic` / `reddit_extension` for the set's augmented rows.
  static func redditKind(_ augmentation: String?) -> String {
    switch augmentation {
    case "Synthetic": "reddit_synthetic"
    case "RedditExtension": "reddit_extension"
    default: "reddit"
    }
  }
}
