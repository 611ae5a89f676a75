import CTAExtraction
import Foundation
import SlackscoreCore
import Testing

/// The five seed articles in `SHARED/seeds` are Indonesian essays that analyse activism (interest
/// groups, petitions, boycotts as topics): they ask the reader nothing, so extract must find no
/// campaign call to action in them (issue #13). Allowed: reported asks (`reported: true`, not the
/// page's) and the publisher's own promo, which must be flagged `boilerplate` (two of the five end with
/// the site's "Follow channel WhatsApp …" line).
@Suite(.enabled(if: SharedData.isAvailable, "set SLACKSCORE_SHARED (make conformance does)"))
struct SeedArticlesCTAConformanceTests {
  static func seeds() throws -> [ExtractInput] {
    let folder = SharedData.root! + "/seeds"
    let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".txt") }.sorted()
    return try names.map { name in
      let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
      return ExtractInput(id: name, text: text, lang: "id")
    }
  }

  @Test func seedArticlesHaveNoCallToAction() throws {
    let seeds = try Self.seeds()
    #expect(seeds.count == 5, "expected the five seed articles in SHARED/seeds")
    let ctas = ExtractStage.callsToAction(in: seeds, detector: try CTADetector.load())
      .filter { $0.reported != true && !$0.boilerplate }
    #expect(ctas.isEmpty, "\(ctas.map { "\($0.docId): \($0.category) \($0.sentence)" })")
  }
}
