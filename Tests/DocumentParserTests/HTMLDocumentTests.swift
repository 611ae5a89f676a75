import SlackscoreCore
import Testing

@testable import DocumentParser

/// The libxml2 wrapper against hostile input: nothing may crash, hang or lose the page.
@Suite struct HTMLDocumentTests {
  private func text(_ html: [UInt8]) -> String {
    guard let page = try? HTMLDocument(bytes: html, encoding: "UTF-8") else { return "" }
    let model = PageWalker.model(of: page)
    return String(decoding: model.text, as: UTF8.self)
  }

  @Test func emptyInputIsATypedError() {
    #expect(throws: HTMLParseError.emptyInput) { try HTMLDocument(bytes: [UInt8]()) }
  }

  @Test func deepNestingKeepsTheTextBelowLevel256() {
    let depth = 20_000
    let html =
      "<html><body>" + String(repeating: "<div>", count: depth) + "deep words here"
      + String(repeating: "</div>", count: depth) + "<p>after the nest</p></body></html>"
    let result = text(Array(html.utf8))
    #expect(result.contains("deep words here"))
    #expect(result.contains("after the nest"))
  }

  @Test func unclosedInlineNestingDoesNotCrash() {
    let html = "<body>" + String(repeating: "<b><i><span>", count: 5_000) + "x</body>"
    #expect(text(Array(html.utf8)).contains("x"))
  }

  @Test func giantAttributeIsSurvived() {
    let value = String(repeating: "a", count: 8 << 20)
    let html = "<html><body><div class=\"\(value)\" data-x=\"\(value)\"><p>still here</p></div></body></html>"
    #expect(text(Array(html.utf8)).contains("still here"))
  }

  @Test func binaryJunkGivesADocumentNotACrash() throws {
    var generator = SplitMix(seed: 42)
    let junk = (0..<200_000).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
    _ = try HTMLDocument(bytes: junk)
    let record = makeRecord(junk)
    _ = DocumentBuilder.build(record)
  }

  @Test func nulBytesAndStrayTagsAreTolerated() {
    let html: [UInt8] = Array("<p>one".utf8) + [0, 0, 0] + Array("two</p></div></span><<<>>><p>three".utf8)
    let result = text(html)
    #expect(result.contains("three"))
  }

  @Test func entitiesAreNotExpandedBeyondHTML() {
    let html = """
      <!DOCTYPE html [<!ENTITY boom "BOOMBOOMBOOM">]><html><body><p>a &boom; b &amp; c</p></body></html>
      """
    let result = text(Array(html.utf8))
    #expect(!result.contains("BOOMBOOMBOOM"))
    #expect(result.contains("b & c"))
  }

  @Test func concurrentParsesAreIndependent() async {
    await withTaskGroup(of: Bool.self) { group in
      for i in 0..<8 {
        group.addTask {
          let html = Array("<html><body><p>page \(i) text</p></body></html>".utf8)
          guard let page = try? HTMLDocument(bytes: html) else { return false }
          let model = PageWalker.model(of: page)
          return String(decoding: model.text, as: UTF8.self).contains("page \(i) text")
        }
      }
      for await ok in group { #expect(ok) }
    }
  }
}

/// A tiny deterministic generator for junk bytes.
struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

@Suite struct HostilePageTests {
  @Test func deeplyNestedParagraphsParseInReasonableTime() {
    let depth = 5_000
    var html = "<html><body>"
    for i in 0..<depth {
      html += "<div><p>Paragraph \(i), with a comma, says something long enough to be scored here.</p>"
    }
    html += String(repeating: "</div>", count: depth) + "</body></html>"
    let clock = ContinuousClock()
    let elapsed = clock.measure {
      let d = document(makeRecord(Array(html.utf8)))
      #expect(d?.text.contains("Paragraph 4999") == true)
    }
    #expect(elapsed < .seconds(30))
  }

  @Test func thousandsOfSiblingsAreLinear() {
    var html = "<html><body><div>"
    for i in 0..<20_000 { html += "<span>w\(i)</span> " }
    html += "</div></body></html>"
    let clock = ContinuousClock()
    let elapsed = clock.measure { _ = document(makeRecord(Array(html.utf8))) }
    #expect(elapsed < .seconds(30))
  }
}
