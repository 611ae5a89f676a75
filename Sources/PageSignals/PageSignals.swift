public import SlackscoreCore

// The API the parse stage calls. Bodies are placeholders until the page-signals work lands;
// signatures are the contract between DocumentParser and PageSignals.

/// Reads the counts a page shows (interactions and outcomes) from its parts.
public enum CounterReader {
  /// Counters in visible text, e.g. "1,2 rb suka", "3.4K shares", "313.000 tanda tangan",
  /// "Terkumpul Rp 1,2 M". `lang` (`id`, `en`, nil) steers number parsing when the text
  /// itself is ambiguous.
  public static func fromText(_ text: String, lang: String?) -> [Counter] {
    ByteText.with(text) { TextCounterScanner(text: $0, lang: lang).counters() }
  }

  /// Counters in one JSON-LD block (`<script type="application/ld+json">` body):
  /// `interactionStatistic` / `InteractionCounter`, `commentCount`, and similar.
  public static func fromJSONLD(_ json: String) -> [Counter] { JSONLDCounters.counters(in: json) }

  /// A counter from one `<meta>` tag (OpenGraph, Twitter, or site-specific names), or nil.
  public static func fromMeta(name: String, content: String) -> Counter? {
    MetaCounters.counter(name: name, content: content)
  }

  /// Counters from all `<meta>` tags of a page at once, as (name-or-property, content) pairs in
  /// page order: every tag as in ``fromMeta(name:content:)``, plus Twitter card pairs
  /// (`twitter:label1` "Likes" with `twitter:data1` "1,204"), which need both tags.
  public static func fromMetaPairs(_ pairs: [(name: String, content: String)]) -> [Counter] {
    MetaCounters.pairs(pairs)
  }

  /// Counters in embedded page JSON (`<script>` bodies such as `window.__DATA__ = {...}`
  /// or `application/json`), keys like `like_count`, `shareCount`, `signature_count`.
  public static func fromEmbeddedJSON(_ script: String) -> [Counter] {
    EmbeddedJSONCounters.counters(in: script)
  }

  /// A counter from schema.org microdata: an `InteractionCounter` element's
  /// `interactionType` and `userInteractionCount` values.
  public static func fromMicrodata(interactionType: String, count: String) -> Counter? {
    guard let kind = InteractionTypes.kind(for: interactionType), let value = CountValue.numericString(count) else {
      return nil
    }
    return Counter(kind: kind, value: value, raw: count, origin: "microdata")
  }
}

/// A fast built-in language identifier.
public enum LanguageDetector {
  /// ISO 639-1 code (`id`, `en`, `ms`, …) or nil when the text is too short to tell.
  public static func detect(_ text: String) -> String? { LanguageDetection.detect(text) }
}

/// Hashtags and @mentions in text.
public enum SocialTokens {
  /// Hashtags with their `#`, in order of first appearance, duplicates removed
  /// (case-insensitively; the first spelling is kept).
  public static func hashtags(in text: String) -> [String] { SocialTokenScanner.tokens(.hashtag, in: text) }

  /// Mentions with their `@`, in order of first appearance, duplicates removed.
  public static func mentions(in text: String) -> [String] { SocialTokenScanner.tokens(.mention, in: text) }
}
