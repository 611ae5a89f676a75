import Foundation
import SlackscoreCore
import Testing

@testable import CTAExtraction

/// Pass 2 of extract patches a spooled line instead of decoding and encoding it again: the same bytes.
@Suite struct BoilerplateVerdictJSONTests {
  static let ctas: [CallToAction] = [
    CallToAction(
      docId: "kabar-1", sentence: "Ikuti saluran WhatsApp KabarKota untuk kabar terbaru 👉", start: 120, end: 174,
      lang: "id", category: "follow", effort: 1, target: nil, cues: ["imperative", "lexicon:follow", "promo"],
      confidence: 0.873, boilerplate: false, reported: nil),
    CallToAction(
      docId: "q\"uote\\d", sentence: "“Sign,” she said — cafe\u{301} \"x\" \\ \u{1}\n🙏🏽", start: 0, end: 30, lang: nil,
      category: "sign", effort: 2,
      target: CTATarget(url: "https://www.change.org/p/x?a=1&b=\"2\"", platform: "change.org", kind: "petition"),
      cues: [], confidence: 1, boilerplate: false, reported: true),
    CallToAction(
      docId: "77", sentence: "Join us at the town hall, ,\"cues\":[ bring a sign!", start: 5, end: 60, lang: "en",
      category: "attend", effort: 3, target: CTATarget(url: "u", platform: "other", kind: nil),
      cues: ["recurring-on-site", "zz", "a"], confidence: 0.2, boilerplate: true, reported: nil),
  ]

  @Test func patchedLineIsTheReencodedOne() throws {
    let decoder = JSONCoding.decoder()
    for cta in Self.ctas {
      let json = try cta.jsonBytes()
      for recurring in [false, true] {
        for boilerplate in [false, true] {
          let verdict = BoilerplateMarker.Verdict(recurring: recurring, boilerplate: boilerplate)
          var decoded = try decoder.decode(CallToAction.self, from: Data(json))
          verdict.apply(to: &decoded)
          #expect(verdict.applied(toJSON: json[...]) == (try decoded.jsonBytes()), "\(cta.docId)")
        }
      }
    }
  }

  @Test func otherShapesAreLeftToTheDecoder() {
    let verdict = BoilerplateMarker.Verdict(recurring: true, boilerplate: true)
    for line in [
      #"{"category":"sign","boilerplate":false}"#, #"{"boilerplate":maybe,"cues":[]}"#,
      #"{"boilerplate":false,"category":"sign"}"#, #"{"boilerplate":false,"cues":["a\u0041"]}"#,
      #"{"boilerplate":false,"cues":["a""b"]}"#, #"{"boilerplate":false,"cues":["a"#,
    ] {
      #expect(verdict.applied(toJSON: Array(line.utf8)[...]) == nil, "\(line)")
    }
  }
}
