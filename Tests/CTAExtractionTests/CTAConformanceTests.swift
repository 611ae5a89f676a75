import CTAExtraction
import Foundation
import Logging
import SlackscoreCore
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The extract stage against the real files in `SLACKSCORE_SHARED` (run by `make conformance`;
/// skipped otherwise, and skipped by `make test`'s `--skip Conformance`).
enum SharedFolder {
  static var path: String? { getenv("SLACKSCORE_SHARED").map { String(cString: $0) } }
}

@Suite(.enabled(if: SharedFolder.path != nil)) struct CTAConformanceTests {
  static var shared: String? { SharedFolder.path }
  static let detector = try! CTADetector.load()

  /// The seed pages: essays about social media and activism, which ask the reader nothing. The
  /// publisher's WhatsApp-channel promo that ends several of them must come out as boilerplate
  /// `follow`; the essays' own prose must give no call to action at all (issue #13).
  @Test func seedPages() throws {
    let dir = try #require(Self.shared) + "/seeds"
    let files = try FileSystem.contents(of: dir).filter { $0.hasSuffix(".txt") }.sorted()
    #expect(!files.isEmpty)
    let inputs = try files.map { name in
      let text = String(decoding: try FileSystem.readAll(dir + "/" + name), as: UTF8.self)
      return ExtractInput(id: name, text: text, url: "https://seed.example/\(name)")
    }
    let ctas = ExtractStage.callsToAction(in: inputs, detector: Self.detector)
    let promos = ctas.filter { $0.sentence.lowercased().contains("whatsapp") }
    #expect(!promos.isEmpty)
    #expect(promos.allSatisfy { $0.boilerplate && $0.category == "follow" })
    let campaignCTAs = ctas.filter { !$0.boilerplate && $0.reported != true }
    #expect(campaignCTAs.isEmpty, "\(campaignCTAs.map { $0.sentence })")
    let texts = Dictionary(uniqueKeysWithValues: inputs.map { ($0.id, Array($0.text.unicodeScalars)) })
    for cta in ctas {
      var view = String.UnicodeScalarView()
      view.append(contentsOf: texts[cta.docId]![cta.start..<cta.end])
      #expect(String(view) == cta.sentence)
    }
  }

  /// The Reddit collective-action set's held-out fifth (Pera & Aiello 2025): the shipped weights must
  /// stay well above the lexicon-only baseline (F1 ≈ 0.24 in domain-research.md), and on its real
  /// comments meet the target.
  @Test func redditHeldOut() throws {
    let path = try #require(Self.shared) + "/data/cta/reddit-collective-action-train.csv"
    try #require(FileSystem.exists(path))
    let items = try LabelledData.loadReddit(path: path, weight: 1).filter { $0.split == "test" }
    let evaluation = CTAEvaluation.run(Self.detector, on: items)
    var scores = DetectionScores()
    for (group, slice) in evaluation.byGroup where group.hasPrefix("reddit/") { scores.add(slice) }
    #expect(scores.count > 300)
    #expect(scores.f1 >= 0.5, "Reddit held-out F1 \(scores.f1)")
    // The set's real comments (issue #13 target: F1 >= 0.55 with precision >= 0.5).
    let real = try #require(evaluation.byGroup["reddit/real"])
    #expect(real.f1 >= 0.55 && real.precision >= 0.5, "real comments P \(real.precision) F1 \(real.f1)")
  }
}
