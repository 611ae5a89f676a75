public import SlackscoreCore

// The API the parse stage calls: the contract between DocumentParser and PageSignals. Each
// function forwards to one file with one job (see docs/signals.md for what each recognises).
// Everything here is pure, thread-safe and deterministic; no Foundation in the hot paths.

/// Reads the counts a page shows (interactions and outcomes) from its parts.
public enum CounterReader {
  /// Counters in visible text, e.g. "1,2 rb suka", "3.4K shares", "313.000 tanda tangan",
  /// "Terkumpul Rp 1,2 M". `lang` (`id`, `en`, nil) steers number parsing when the text
  /// itself is ambiguous (only the bare `M`: 10⁹ in Indonesian, 10⁶ in English).
  ///
  /// Call it once per text block (paragraph, list item, share bar): phrases never span a line
  /// break. Counters come in text order with `origin` `text`; `raw` is the exact substring that
  /// was read (number with its currency, scale word and phrase). Repeats are not merged.
  public static func fromText(_ text: String, lang: String?) -> [Counter] {
    ByteText.with(text) { TextCounterScanner(text: $0, lang: lang).counters() }
  }

  /// Whether `following`, the text right after a number, makes it a window of a total rather
  /// than a count ("Showing 10 | of 398 comments"): spaces, "of" or "dari", then a number.
  public static func isWindowOfTotal(following: ArraySlice<UInt8>) -> Bool {
    following.withUnsafeBufferPointer { ByteText(bytes: $0).goesOnWithTotal(from: 0) }
  }

  /// Counters in one JSON-LD block (`<script type="application/ld+json">` body):
  /// `interactionStatistic` / `InteractionCounter`, `commentCount`, and the old
  /// `interactionCount` ("UserLikes:12"). Walks `@graph` and nested nodes but not `Comment`,
  /// `Answer` or `Review` nodes. Exact repeats are dropped. Invalid JSON gives `[]`.
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
  /// At most one counter per kind: the one nearest the root. Lists of objects are skipped.
  public static func fromEmbeddedJSON(_ script: String) -> [Counter] {
    EmbeddedJSONCounters.counters(in: script)
  }

  /// A counter from schema.org microdata: an `InteractionCounter` element's
  /// `interactionType` (URL or bare name, e.g. `https://schema.org/LikeAction`) and
  /// `userInteractionCount` (its `content` attribute or text) values.
  public static func fromMicrodata(interactionType: String, count: String) -> Counter? {
    guard let kind = InteractionTypes.kind(for: interactionType), let value = CountValue.numericString(count) else {
      return nil
    }
    return Counter(kind: kind, value: value, raw: count, origin: .microdata)
  }

  /// The counters of one page from all sources, with repeats of the same fact removed: of the
  /// counters with equal `kind`, `value` and `currency`, only the one from the most structured
  /// origin is kept (`jsonld`, `microdata`, `meta`, `embedded_json`, `text`; the first one on a
  /// tie). Differing values are all kept. The result is ordered by origin in that order, then by
  /// input order, so equal inputs give equal outputs.
  public static func merged(_ counters: [Counter]) -> [Counter] {
    CounterMerging.merged(counters)
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

  /// Both lists in one pass over the text.
  public static func scan(_ text: String) -> (hashtags: [String], mentions: [String]) {
    SocialTokenScanner.tokens(in: text)
  }
}
