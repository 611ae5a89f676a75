import Foundation

/// Words and phrases per language (`en`, `id`), as stored in the data files.
public typealias PhraseLists = [String: [String]]

/// The action lexicon and cue word lists (`Resources/cta-lexicon.json`).
public struct CTALexiconFile: Sendable, Codable {
  /// File format version.
  public var version: Int
  /// Category name → language → phrases.
  public var categories: [String: PhraseLists]
  /// `please`, `let's`, `ayo`, `yuk`, `mohon`, …
  public var hortatives: PhraseLists
  /// Verbs that make a clause-initial imperative.
  public var imperativeVerbs: PhraseLists
  /// Vocatives and discourse words skipped before a clause head.
  public var clauseOpeners: PhraseLists
  /// Words ending in -kan/-i/-lah that are not imperatives.
  public var imperativeSuffixBlocklist: [String]
  /// Sentence-final softeners: `ya`, `dong`, `kak`, …
  public var politeParticles: PhraseLists
  /// di- verbs of polite passive requests: `dibantu`, `dishare`, …
  public var passiveRequestHeads: PhraseLists
  /// `jangan`, `don't`, `stop`, …
  public var negativeImperatives: PhraseLists
  /// `said`, `kata`, `ujar`, `menurut`, …
  public var reportingVerbs: PhraseLists
  /// Perfect and past markers: `has`, `telah`, `sudah`, …
  public var reportedActMarkers: PhraseLists
  /// Subjects of narration: `protesters`, `mahasiswa`, `warga`, …
  public var thirdPersonSubjects: PhraseLists
  /// Words that open questions.
  public var questionWords: PhraseLists
  /// `we must`, `kita harus`, …: generic when no act is named.
  public var moralising: PhraseLists
  /// Phrases that look like asks but usually report them.
  public var hardNegatives: PhraseLists
  /// `baca juga`, `read more`, …
  public var newsWidgets: PhraseLists
  /// Publisher promos: newsletter, app, channel.
  public var promo: PhraseLists
  /// Abbreviations whose dot does not end a sentence (lower case, no final dot).
  public var abbreviations: [String]
  /// Frequent words per language, for the language guess.
  public var functionWords: PhraseLists
  /// The closed word classes the cues are built on.
  public var grammar: GrammarWords
  /// Context cue name (`money`, `time`, `place`) → phrases.
  public var contextCues: [String: [String]]?
  /// Addresses to the audience that make a sentence an ask ("I urge everyone", "kalau setuju",
  /// "kita semua", "if you can"): cue `appeal`.
  public var appeals: PhraseLists?
  /// Questions that are requests ("would you", "why not", "maukah"): cue `request-question`; other
  /// questions are not calls to action.
  public var requestQuestions: PhraseLists?
  /// Impersonal asks ("volunteers needed", "dibutuhkan", "donations accepted"): cue
  /// `impersonal-request`.
  public var impersonalRequests: PhraseLists?
  /// Words of recipes, software documentation and how-to texts: cue `instruction`.
  public var instructionWords: PhraseLists?
  /// Category phrases that name a topic rather than an act ("petition", "hotline", "fund",
  /// "rally"): still model features, act evidence only in a sentence with an ask's form.
  public var weakPhrases: [String]?
  /// Category phrases that never count as act evidence (election nouns such as "pilkada",
  /// "calon": Indonesian political talk names them constantly without asking anything).
  public var topicPhrases: [String]?
  /// Category phrases that name a bare coming or gathering ("datang", "hadir", "kumpul"): act
  /// evidence only with a `time` or `place` cue or a registry link in the sentence ("Datang pas
  /// butuh aja" is a complaint; "Datang ya, Sabtu jam 9 di balai desa" an ask).
  public var placeBoundPhrases: [String]?
  /// Help-line and information wording ("for more information", "hotline", "konsultasi") and a
  /// publication's own contact line ("a letter to the editor"): a `contact` ask with it is a service
  /// notice, not a call to action (cue `helpline`).
  public var helpline: PhraseLists?
  /// A site's footer and menu links ("privacy policy", "terms of use", "rss feeds", "kebijakan
  /// privasi"): a line naming two of them is the site's menu, navigation, not an ask ("Subscribe
  /// Newsletters Feedback Privacy Policy …").
  public var siteLinks: PhraseLists?
  /// A form's message once it was sent ("You are now signed up …", "Thanks for subscribing", "Terima
  /// kasih telah berlangganan"): a line holding one says what the reader has done and asks nothing
  /// (cue `confirmation`).
  public var confirmations: PhraseLists?
}

/// One category's effort and the reason for it (`Resources/cta-effort.json`).
public struct EffortEntry: Sendable, Codable, Hashable {
  /// 1 (a click) to 5 (a day in the street).
  public var effort: Int
  /// Why the act costs that much.
  public var reason: String
}

/// The effort mapping (`Resources/cta-effort.json`).
public struct CTAEffortFile: Sendable, Codable {
  /// What each effort level means.
  public var scale: [String: String]
  /// Category → effort.
  public var categories: [String: EffortEntry]
}

/// One platform of the link registry (`Resources/cta-platforms.json`).
public struct PlatformEntry: Sendable, Codable, Hashable {
  /// Registry name written to `target.platform`.
  public var platform: String
  /// Hosts (subdomains match too); `host/path` limits to a path.
  public var domains: [String]
  /// `petition`, `donation`, `event`, `vote`, `contact`, `messaging`, `social`, `form`, `shortener`.
  public var kind: String
  /// The act a link to this platform asks for, when it is specific enough.
  public var category: String?
  /// Paths the URL must start with, when only part of the site is this kind.
  public var pathPrefixes: [String]?
  /// Free text for maintainers.
  public var note: String?
}

/// The platform registry file.
public struct CTAPlatformsFile: Sendable, Codable {
  /// The entries, in file order.
  public var platforms: [PlatformEntry]
}

/// An error loading one of the stage's data files.
public struct CTAResourceError: Error, CustomStringConvertible, Sendable {
  /// The data file.
  public var file: String
  /// Why the act costs that much.
  public var reason: String

  /// `file: reason`.
  public var description: String { "\(file): \(reason)" }
}

/// Loads the data files bundled with the stage (or from a folder given by the caller).
public enum CTAResources {
  /// The category names, in the order the model and reports use.
  public static let categories = [
    "share", "follow", "hashtag", "sign", "boycott", "buy", "donate", "contact", "vote", "volunteer", "attend",
  ]
  /// The index of `hashtag` in ``categories``.
  static let hashtagCategory = categories.firstIndex(of: "hashtag")!
  /// The index of `vote` in ``categories``.
  static let voteCategory = categories.firstIndex(of: "vote")!
  /// The index of `buy` in ``categories``.
  static let buyCategory = categories.firstIndex(of: "buy")!
  /// The index of `boycott` in ``categories``.
  static let boycottCategory = categories.firstIndex(of: "boycott")!
  /// The index of `contact` in `categories`.
  static let contactCategory = categories.firstIndex(of: "contact")!
  /// The index of `follow` in `categories`.
  static let followCategory = categories.firstIndex(of: "follow")!
  /// The index of `share` in `categories`.
  static let shareCategory = categories.firstIndex(of: "share")!
  /// The index of `volunteer` in `categories`.
  static let volunteerCategory = categories.firstIndex(of: "volunteer")!
  /// The index of `attend` in `categories`.
  static let attendCategory = categories.firstIndex(of: "attend")!
  /// The index of `donate` in `categories`.
  static let donateCategory = categories.firstIndex(of: "donate")!

  /// Reads and decodes `name` (e.g. `cta-lexicon.json`) from `directory`, or from the bundle when nil.
  public static func load<T: Decodable>(_ type: T.Type, named name: String, directory: String? = nil) throws -> T {
    let url: URL
    if let directory {
      url = URL(fileURLWithPath: directory).appendingPathComponent(name)
    } else {
      let base = (name as NSString).deletingPathExtension
      let ext = (name as NSString).pathExtension
      guard
        let found = Bundle.module.url(forResource: base, withExtension: ext, subdirectory: "Resources")
          ?? Bundle.module.url(forResource: base, withExtension: ext)
      else {
        throw CTAResourceError(file: name, reason: "not found in the CTAExtraction bundle")
      }
      url = found
    }
    return try decode(T.self, url: url)
  }

  /// Reads and decodes the JSON file at `path`.
  public static func load<T: Decodable>(_ type: T.Type, path: String) throws -> T {
    try decode(T.self, url: URL(fileURLWithPath: path))
  }

  private static func decode<T: Decodable>(_ type: T.Type, url: URL) throws -> T {
    do {
      let data = try Data(contentsOf: url)
      let decoder = JSONDecoder()
      decoder.keyDecodingStrategy = .convertFromSnakeCase
      return try decoder.decode(T.self, from: data)
    } catch {
      throw CTAResourceError(file: url.path, reason: "\(error)")
    }
  }

  /// Path of a bundled resource file, for messages.
  public static func bundledPath(of name: String) -> String? {
    let base = (name as NSString).deletingPathExtension
    let ext = (name as NSString).pathExtension
    return
      (Bundle.module.url(forResource: base, withExtension: ext, subdirectory: "Resources")
      ?? Bundle.module.url(forResource: base, withExtension: ext))?.path
  }
}
