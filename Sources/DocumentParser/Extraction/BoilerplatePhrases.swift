import Foundation

/// The chrome phrases of each language, kept as data in `Resources/boilerplate-phrases.json`
/// (one entry per language: `lines`, `prefixes`, `promos`). All languages are used on every
/// page: a German widget heading on an English site is still chrome.
struct BoilerplatePhrases: Decodable, Sendable {
  /// The phrases of one language, lower case.
  struct Language: Decodable, Sendable {
    /// Whole lines (compared after lower-casing ASCII and trimming punctuation): "baca juga",
    /// "das könnte sie auch interessieren".
    var lines: [String]
    /// Starts of short teaser and credit lines: "lesen sie auch", "crédits photos".
    var prefixes: [String]
    /// Phrases that anywhere in a short line make it a promo or a notice: "we use cookies".
    var promos: [String]
  }

  /// Phrases per language code (`en`, `id`, `de`, …; `code` for script snippets shown as text).
  var languages: [String: Language]

  /// The file in the module's bundle.
  static let fileName = "boilerplate-phrases.json"

  /// The bundled phrases. A build without the resource bundle is a broken install: it stops
  /// with a message naming the file rather than extracting without any phrase list.
  static let bundled: BoilerplatePhrases = {
    guard
      let url = Bundle.module.url(forResource: "boilerplate-phrases", withExtension: "json", subdirectory: "Resources")
        ?? Bundle.module.url(forResource: "boilerplate-phrases", withExtension: "json"),
      let data = try? Data(contentsOf: url)
    else { preconditionFailure("\(fileName) is missing from the DocumentParser resource bundle: rebuild slackscore") }
    do {
      return try JSONDecoder().decode(BoilerplatePhrases.self, from: data)
    } catch {
      preconditionFailure("\(url.path): \(error)")
    }
  }()

  /// Every language's phrases of one kind, in a stable order (languages sorted by code). The
  /// matchers fold ASCII case only, so a phrase that starts with a non-ASCII letter ("à lire
  /// aussi", "über uns") is also given with that letter capitalised, as a line starts.
  func all(_ kind: KeyPath<Language, [String]>) -> [String] {
    languages.keys.sorted().flatMap { code in
      languages[code]![keyPath: kind].flatMap { phrase -> [String] in
        guard let first = phrase.unicodeScalars.first, !first.isASCII else { return [phrase] }
        let capitalised = String(phrase.prefix(1)).uppercased() + phrase.dropFirst()
        return capitalised == phrase ? [phrase] : [phrase, capitalised]
      }
    }
  }
}
