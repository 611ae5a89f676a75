import Testing

@testable import CTAExtraction

/// The bit set of a sentence's cues gives the same sorted names as a `Set<String>` of them.
@Suite struct CueSetTests {
  @Test func fixedNamesAreDistinct() {
    #expect(Set(CueSet.fixedNames).count == CueSet.fixedNames.count)
  }

  @Test func namesComeOutSortedAsFromASetOfStrings() {
    let names = CueSet.Names(dataNames: ["lexicon:sign", "link:petition", "money", "time", "lexicon:share"])
    let inserted = [
      "url", "lexicon:sign", "time", "imperative", "money", "link:petition", "link:unknown", "i-imperative",
    ]
    var cues = CueSet()
    for name in inserted + inserted { cues.insert(names.cue(name)) }
    #expect(names.sorted(cues) == Set(inserted).sorted())
    #expect(cues.contains(.time) && cues.contains(.imperative) && !cues.contains(.place))
    #expect(!cues.isDisjoint(with: [.place, .url]) && cues.isDisjoint(with: [.place, .question]))
    #expect(names.sorted(CueSet()).isEmpty && CueSet().isEmpty)
  }

  @Test func namesPastTheCapacityAreKeptAsStrings() {
    let many = (0..<200).map { "context-\($0)" }
    let names = CueSet.Names(dataNames: many)
    var cues = CueSet()
    for name in many.reversed() { cues.insert(names.cue(name)) }
    cues.insert(.question)
    #expect(names.sorted(cues) == Set(many + ["question"]).sorted())
  }
}
