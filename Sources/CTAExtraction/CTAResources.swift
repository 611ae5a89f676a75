import Foundation

/// Words and phrases per language (`en`, `id`), as stored in the data files.
public typealias PhraseLists = [String: [String]]

/// The action lexicon and cue word lists (`Resources/cta-lexicon.json`).
public struct CTALexiconFile: Sendable, Codable {
  public var version: Int
  /// Category name → language → phrases.
  public var categories: [String: PhraseLists]
  public var hortatives: PhraseLists
  public var imperativeVerbs: PhraseLists
  public var clauseOpeners: PhraseLists
  public var imperativeSuffixBlocklist: [String]
  public var politeParticles: PhraseLists
  public var passiveRequestHeads: PhraseLists
  public var negativeImperatives: PhraseLists
  public var reportingVerbs: PhraseLists
  public var reportedActMarkers: PhraseLists
  public var thirdPersonSubjects: PhraseLists
  public var questionWords: PhraseLists
  public var moralising: PhraseLists
  public var hardNegatives: PhraseLists
  public var newsWidgets: PhraseLists
  public var promo: PhraseLists
  public var abbreviations: [String]
  public var functionWords: PhraseLists
  /// Context cue name (`money`, `time`, `place`) → phrases.
  public var contextCues: [String: [String]]?
}

/// One category's effort and the reason for it (`Resources/cta-effort.json`).
public struct EffortEntry: Sendable, Codable, Hashable {
  public var effort: Int
  public var reason: String
}

/// The effort mapping (`Resources/cta-effort.json`).
public struct CTAEffortFile: Sendable, Codable {
  public var scale: [String: String]
  public var categories: [String: EffortEntry]
}

/// One platform of the link registry (`Resources/cta-platforms.json`).
public struct PlatformEntry: Sendable, Codable, Hashable {
  public var platform: String
  public var domains: [String]
  /// `petition`, `donation`, `event`, `vote`, `contact`, `messaging`, `social`, `form`, `shortener`.
  public var kind: String
  /// The act a link to this platform asks for, when it is specific enough.
  public var category: String?
  public var pathPrefixes: [String]?
  public var note: String?
}

/// The platform registry file.
public struct CTAPlatformsFile: Sendable, Codable {
  public var platforms: [PlatformEntry]
}

/// An error loading one of the stage's data files.
public struct CTAResourceError: Error, CustomStringConvertible, Sendable {
  public var file: String
  public var reason: String

  public var description: String { "\(file): \(reason)" }
}

/// Loads the data files bundled with the stage (or from a folder given by the caller).
public enum CTAResources {
  /// The category names, in the order the model and reports use.
  public static let categories = [
    "share", "follow", "hashtag", "sign", "boycott", "buy", "donate", "contact", "vote", "volunteer", "attend",
  ]

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
