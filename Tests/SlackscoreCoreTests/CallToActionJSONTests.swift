import Foundation
import SlackscoreCore
import Testing

/// `CallToAction.jsonBytes()` writes what `JSONCoding.lineEncoder()` writes, byte for byte.
@Suite struct CallToActionJSONTests {
  static let awkwardStrings: [String] = [
    "", "plain", "quote \" and backslash \\ and slash /", "tab\there\nnewline\r\u{8}\u{C}",
    "controls \u{0}\u{1}\u{1F}\u{7F}", "emoji 🙏 #SelamatkanTamanKota", "Tanda tangani petisi ini!",
    "e\u{301} combining, \u{2028} separator, \u{FEFF} bom", "https://www.change.org/p/x?a=1&b=2",
  ]

  static func samples() -> [CallToAction] {
    var out: [CallToAction] = []
    let confidences: [Double] = [0, 0.001, 0.01, 0.1, 0.5, 0.997, 0.999, 1, 0.123, 0.0005, 1e-5, 12.5, -0.25]
    for (n, text) in awkwardStrings.enumerated() {
      for (k, confidence) in confidences.enumerated() {
        let target: CTATarget? =
          k % 3 == 0 ? nil : CTATarget(url: text, platform: "change.org", kind: k % 3 == 1 ? "petition" : nil)
        out.append(
          CallToAction(
            docId: "d\(n)-\(text)", sentence: text, start: n * 7, end: n * 7 + 40 - k, lang: k % 2 == 0 ? "id" : nil,
            category: "sign", effort: k % 5 + 1, target: target, cues: k % 4 == 0 ? [] : ["imperative", text, "url"],
            confidence: confidence, boilerplate: k % 2 == 1, reported: k % 3 == 0 ? nil : k % 3 == 1))
      }
    }
    return out
  }

  @Test func matchesTheLineEncoder() throws {
    let encoder = JSONCoding.lineEncoder()
    for cta in Self.samples() {
      #expect(try cta.jsonBytes() == Array(try encoder.encode(cta)))
    }
  }

  @Test func confidencesInThousandths() throws {
    let encoder = JSONCoding.lineEncoder()
    for k in 0...1000 {
      let cta = CallToAction(
        docId: "1", sentence: "s", start: 0, end: 1, lang: nil, category: "share", effort: 1, target: nil, cues: [],
        confidence: (Double(k) / 1000 * 1000).rounded() / 1000, boilerplate: false)
      #expect(try cta.jsonBytes() == Array(try encoder.encode(cta)))
    }
  }

  @Test func nonFiniteConfidenceIsRefusedLikeTheEncoder() {
    let cta = CallToAction(
      docId: "1", sentence: "s", start: 0, end: 1, lang: nil, category: "share", effort: 1, target: nil, cues: [],
      confidence: .nan, boilerplate: false)
    #expect(throws: (any Error).self) { try cta.jsonBytes() }
  }
}
