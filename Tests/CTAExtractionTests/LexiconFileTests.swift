import CTAExtraction
import Foundation
import Testing

/// The bundled `cta-lexicon.json`: every category it names is one the model knows, and every word
/// class of its `grammar` (read from the file itself, so a list added later is checked too) holds
/// lower-case words without duplicates: the word table looks tokens up lower-cased, so an upper-case
/// entry would never match.
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
    for (tag, name) in Self.lexicon.grammar.requestHashtags {
      #expect(CTAResources.categories.contains(name), "grammar.request_hashtags[\(tag)] = \(name)")
    }
    // The verb-object acts: a known category, lower-case words, a window of a word or more.
    for act in Self.lexicon.grammar.verbObjectActs {
      #expect(CTAResources.categories.contains(act.category), "grammar.verb_object_acts: \(act.category)")
      #expect(act.window >= 1 && !act.verbs.isEmpty && !act.objects.isEmpty, "grammar.verb_object_acts: \(act.verbs)")
      for word in act.verbs + act.objects { #expect(word == word.lowercased(), "grammar.verb_object_acts: \(word)") }
    }
    // A linking verb matters only as an English imperative head.
    let imperatives = Set(Self.lexicon.imperativeVerbs["en"] ?? [])
    for verb in Self.lexicon.grammar.linkingVerbs {
      #expect(imperatives.contains(verb), "grammar.linking_verbs: \(verb) is no English imperative verb")
    }
  }

  @Test func grammarWordsAreLowerCaseAndUnique() throws {
    let path = try #require(CTAResources.bundledPath(of: "cta-lexicon.json"))
    let file = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
    let grammar = try #require((file as? [String: Any])?["grammar"] as? [String: Any])
    let lists = grammar.compactMapValues { $0 as? [String] }
    #expect(lists.count >= 19, "grammar has \(lists.count) word lists")
    for (name, words) in lists.sorted(by: { $0.key < $1.key }) {
      #expect(!words.isEmpty, "grammar.\(name) is empty")
      #expect(Set(words).count == words.count, "grammar.\(name) repeats a word")
      for word in words { #expect(word == word.lowercased(), "grammar.\(name): \(word)") }
    }
  }
}
