import Foundation
import SlackscoreCore
import Testing

@testable import CTAExtraction

/// The page sets and sets of posts kept in the repository (`training/cta-real/kept/SET`, written by
/// `fresh.py keep`): what a new machine needs to fetch the pages or rows again and restore their
/// labels. Each set's two files are well formed, so that a hand edit or a bad merge is caught here and
/// not on the day a machine is lost: every page has its address and digests, every post its source
/// file and row, every label a known category and a page or post of the set.
@Suite struct KeptPageSetsTests {
  static let kept = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("training/cta-real/kept")

  /// The folders of the kept sets.
  static var sets: [URL] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: kept.path)) ?? []
    return names.sorted().map { kept.appendingPathComponent($0) }.filter(isFolder)
  }

  static func isFolder(_ url: URL) -> Bool {
    var folder: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &folder) && folder.boolValue
  }

  /// The rows of a CSV file, header first (`CSVReader`, the project's reader); a quote left open fails.
  static func rows(_ url: URL) throws -> [[String]] {
    let (rows, problems) = CSVReader.rows(Array(try Data(contentsOf: url)))
    #expect(problems.isEmpty, "\(url.lastPathComponent): \(problems)")
    return rows.map(\.fields)
  }

  static func isHex(_ text: String, count: Int) -> Bool {
    text.utf8.count == count && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
  }

  @Test func aFirstLookWhoseCountsDoNotAddUpIsRefused() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("firstlook-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("firstlook.csv")
    try "session,build,posts,asks,found,false_asks\n32,abc1234,100,10,4,3\n".write(
      to: file, atomically: true, encoding: .utf8)
    let look = try #require(try FirstLook.read(set: folder.path))
    #expect(look.scores.asks == 10 && look.scores.truePositives == 4 && look.scores.count == 100)
    try "session,build,posts,asks,found,false_asks\n32,abc1234,100,10,11,3\n".write(
      to: file, atomically: true, encoding: .utf8)
    #expect(throws: CTAResourceError.self) { try FirstLook.read(set: folder.path) }
  }

  @Test func thereAreKeptSets() {
    #expect(Self.sets.count >= 3, "no kept page sets under \(Self.kept.path)")
  }

  static let postSourceHeader = [
    "file", "repo", "path", "commit", "column", "rule", "rows", "posts", "posts_sha256",
  ]

  @Test(arguments: sets)
  func eachSetIsWellFormed(_ set: URL) throws {
    let sources = try Self.rows(set.appendingPathComponent("sources.csv"))
    if sources.first == Self.postSourceHeader { return try Self.checkPostSet(set, sources: sources) }
    #expect(
      sources.first == ["file", "repo", "path", "commit", "kind", "chars", "sha256", "sentences", "sentences_sha256"])
    var pages: Set<String> = []
    for row in sources.dropFirst() {
      #expect(row.count == 9, "\(set.lastPathComponent): \(row)")
      guard row.count == 9 else { continue }
      #expect(row[0].hasPrefix("raw-") && (row[0].hasSuffix(".html") || row[0].hasSuffix(".htm")), "\(row[0])")
      #expect(row[1].contains("/") && Self.isHex(row[3], count: 40), "\(row[0]): repository or commit")
      #expect(Int(row[5]).map { $0 > 0 } == true && Int(row[7]).map { $0 > 0 } == true, "\(row[0]): counts")
      #expect(Self.isHex(row[6], count: 64) && Self.isHex(row[8], count: 64), "\(row[0]): digests")
      #expect(pages.insert(row[0]).inserted, "\(row[0]) twice")
    }
    let labels = try Self.rows(set.appendingPathComponent("labels.csv"))
    #expect(labels.first == ["id", "label", "category", "reported", "text_sha"])
    var ids: Set<String> = []
    for row in labels.dropFirst() {
      #expect(row.count == 5, "\(set.lastPathComponent): \(row)")
      guard row.count == 5 else { continue }
      let page = String(row[0].split(separator: "#").first ?? "")
      #expect(pages.contains(page), "\(row[0]): no such page in sources.csv")
      #expect(ids.insert(row[0]).inserted, "\(row[0]) twice")
      switch row[1] {
      case "1": #expect(CTAResources.categories.contains(row[2]), "\(row[0]): category \(row[2])")
      case "0": #expect(row[2].isEmpty && row[3] == "1", "\(row[0]): a kept 0 is a reported ask")
      default: Issue.record("\(row[0]): label \(row[1])")
      }
      #expect(Self.isHex(row[4], count: 12), "\(row[0]): text_sha")
    }
  }

  /// A kept set of posts (`fresh.py keep` of a set of Indonesian posts): each raw file's source and
  /// selection rule, and every post's id (raw file and source row), label and text hash.
  static func checkPostSet(_ set: URL, sources: [[String]]) throws {
    var files: Set<String> = []
    for row in sources.dropFirst() {
      #expect(row.count == 9, "\(set.lastPathComponent): \(row)")
      guard row.count == 9 else { continue }
      #expect(row[0].hasPrefix("raw-") && row[0].hasSuffix(".txt"), "\(row[0])")
      #expect(row[1].contains("/") && isHex(row[3], count: 40), "\(row[0]): repository or commit")
      #expect(!row[4].isEmpty && (row[5] == "all" || row[5].hasPrefix("first ")), "\(row[0]): column or rule")
      #expect(Int(row[6]).map { $0 > 0 } == true && Int(row[7]).map { $0 > 0 } == true, "\(row[0]): counts")
      #expect(isHex(row[8], count: 64), "\(row[0]): digest")
      let prefix = String(row[0].split(separator: "/").last?.dropLast(4) ?? "")
      #expect(files.insert(prefix).inserted, "\(prefix) twice")
    }
    let labels = try rows(set.appendingPathComponent("labels.csv"))
    #expect(labels.first == ["id", "label", "category", "reported", "text_sha"])
    var ids: Set<String> = []
    for row in labels.dropFirst() {
      #expect(row.count == 5, "\(set.lastPathComponent): \(row)")
      guard row.count == 5 else { continue }
      let parts = row[0].split(separator: "-")
      #expect(parts.count >= 2 && files.contains(parts.dropLast().joined(separator: "-")), "\(row[0]): no raw file")
      #expect(parts.last.flatMap { Int($0) }.map { $0 > 0 } == true, "\(row[0]): row number")
      #expect(ids.insert(row[0]).inserted, "\(row[0]) twice")
      switch row[1] {
      case "1": #expect(CTAResources.categories.contains(row[2]), "\(row[0]): category \(row[2])")
      case "0": #expect(row[2].isEmpty && (row[3] == "0" || row[3] == "1"), "\(row[0]): a 0 has no category")
      default: Issue.record("\(row[0]): label \(row[1])")
      }
      #expect(isHex(row[4], count: 12), "\(row[0]): text_sha")
    }
    try checkFirstLook(set, labels: labels.dropFirst().filter { $0.count == 5 })
  }

  /// A kept set's first look (`FirstLook`, when the set has one) reads, and counts the set's own posts
  /// and asks.
  static func checkFirstLook(_ set: URL, labels: [[String]]) throws {
    guard let look = try FirstLook.read(set: set.path) else { return }
    #expect(look.scores.count == labels.count, "\(set.lastPathComponent): first look's posts")
    #expect(look.scores.asks == labels.filter { $0[1] == "1" }.count, "\(set.lastPathComponent): first look's asks")
  }

}
