import CLibXML2
import Testing

@testable import DocumentParser

/// The marker facts of element names, read one attribute value at a time and remembered per page.
@Suite struct NameFactsTests {
  private func facts(_ names: String) -> BoilerplateMarkers.NameFacts {
    Array(names.utf8).withUnsafeBufferPointer { BoilerplateMarkers.facts(of: $0) }
  }

  @Test func noMarkerHoldsASpaceSoValuesAreReadApart() {
    let vocabularies = [
      BoilerplateMarkers.boilerplate, BoilerplateMarkers.unlikely, BoilerplateMarkers.maybe,
      BoilerplateMarkers.positive, BoilerplateMarkers.negative, BoilerplateMarkers.signals,
      BoilerplateMarkers.related, BoilerplateMarkers.sidebar, BoilerplateMarkers.postClasses,
      Array(BoilerplateMarkers.boilerplateWords),
    ]
    for word in vocabularies.joined() { #expect(!word.contains(" "), "\(word)") }
  }

  @Test func factsOfJoinedValuesAreTheUnionOfEachValuesFacts() {
    for (a, b) in [("sidebar", "main"), ("post-body", "x"), ("hentry tag-social", "entry"), ("nav", "content")] {
      var union = facts(a)
      union.formUnion(facts(b))
      #expect(union == facts(a + " " + b), "\(a) | \(b)")
      let joined = BoilerplateMarkers.marks(names: LowercasedBytes(lowercased: Array((a + " " + b).utf8)), role: nil)
      #expect(BoilerplateMarkers.marks(facts: union, role: nil) == joined)
    }
  }

  @Test func theMemoGivesWhatAFreshReadGives() {
    var memo = NameFactsMemo()
    let values = ["Share-Bar", "share-bar", "article-content", "ad", "widget_area", "", "post-123"]
    for round in 0..<3 {
      for value in values {
        let remembered = value.withCString { pointer in
          pointer.withMemoryRebound(to: xmlChar.self, capacity: value.utf8.count + 1) {
            memo.facts(of: $0, limit: 512)
          }
        }
        #expect(remembered == facts(value.lowercased()), "\(value), round \(round)")
      }
    }
    // Past its capacity the memo reads every value afresh, with the same result.
    for k in 0..<(NameFactsMemo.capacity + 10) {
      let value = "item-\(k) \(k % 2 == 0 ? "sidebar" : "body")"
      let remembered = value.withCString { pointer in
        pointer.withMemoryRebound(to: xmlChar.self, capacity: value.utf8.count + 1) { memo.facts(of: $0, limit: 512) }
      }
      #expect(remembered == facts(value))
    }
  }
}
