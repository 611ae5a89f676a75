import CTAExtraction
import Testing

/// The bundled `cta-lexicon.json`: every category it names is one the model knows, and the word
/// classes of its `grammar` hold lower-case words without duplicates (the word table looks tokens up
/// lower-cased, so an upper-case entry would never match).
@Suite struct LexiconFileTests {
  static let lexicon = try! CTAResources.load(CTALexiconFile.self, named: "cta-lexicon.json")

  @Test func everyCategoryIsKnown() {
    for name in Self.lexicon.categories.keys {
      #expect(CTAResources.categories.contains(name), "categories.\(name)")
    }
    for (stem, name) in Self.lexicon.grammar.imperativeHashtags {
      #expect(CTAResources.categories.contains(name), "grammar.imperative_hashtags[\(stem)] = \(name)")
      #expect(stem.hasPrefix("#"), "grammar.imperative_hashtags: \(stem) is no hashtag stem")
    }
  }

  @Test func grammarWordsAreLowerCaseAndUnique() {
    let grammar = Self.lexicon.grammar
    let lists: [(String, [String])] = [
      ("inclusive", grammar.inclusive), ("first_person_speakers", grammar.firstPersonSpeakers),
      ("appeal_verbs", grammar.appealVerbs), ("addressed_subjects", grammar.addressedSubjects),
      ("dialogue_speakers", grammar.dialogueSpeakers), ("line_labels", grammar.lineLabels),
      ("second_person", grammar.secondPerson), ("first_plural", grammar.firstPlural),
      ("request_words", grammar.requestWords), ("permission_words", grammar.permissionWords),
      ("finite_auxiliaries", grammar.finiteAuxiliaries), ("noun_followers", grammar.nounFollowers),
      ("irregular_participles", grammar.irregularParticiples), ("voting_verbs", grammar.votingVerbs),
      ("not_before_imperative", grammar.notBeforeImperative), ("noun_hashtags", grammar.nounHashtags),
      ("agreement_tags", grammar.agreementTags), ("complaint_particles", grammar.complaintParticles),
    ]
    for (name, words) in lists {
      #expect(!words.isEmpty, "grammar.\(name) is empty")
      #expect(Set(words).count == words.count, "grammar.\(name) repeats a word")
      for word in words { #expect(word == word.lowercased(), "grammar.\(name): \(word)") }
    }
  }
}
