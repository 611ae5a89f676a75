/// A compact picture of one page, built in a single walk over libxml2's tree: the
/// elements that can hold text (with what their names say), the text blocks in document
/// order, the links, and the page's metadata. Extraction decisions run on these arrays,
/// not on the tree.
struct PageModel {
  /// One element that survived the walk (invisible elements are not recorded).
  struct Element {
    /// Index of the parent element, -1 for the root.
    var parent: Int32
    var tag: HTMLTag
    var marks: ElementMarks
    /// A hash of the `class` attribute (siblings with the same class get a bonus).
    var classHash: Int32
  }

  /// A run of text between two block boundaries.
  struct Block {
    /// The nearest block-level element around the text.
    var owner: Int32
    /// Byte range in `text`.
    var start: Int32
    var end: Int32
    /// Characters (Unicode scalars) of text, and of text inside links.
    var characters: Int32
    var linkCharacters: Int32
    /// Commas (`,` `，` `、`).
    var commas: Int16
    /// Whether the block ended at a `<br>` (the next block continues the same paragraph).
    var endsWithBreak: Bool
  }

  /// A link as found.
  struct Link {
    var href: String
    var textStart: Int
    var textEnd: Int
    /// The block the link's text begins in.
    var block: Int32
  }

  var elements: [Element] = []
  var blocks: [Block] = []
  /// All block text, UTF-8, whitespace collapsed.
  var text: [UInt8] = []
  var links: [Link] = []
  /// Anchor texts (separate so that links crossing blocks keep their words).
  var anchorText: [UInt8] = []
  var metadata = PageMetadata()
  /// Per element: counts of `<p>`, `<img>`, `<li>`, `<input>`, embeds directly in it
  /// (summed over the subtree later).
  var directCounts: [ElementCounts] = []
  /// Bytes of text inside the `<noscript>` elements that were skipped (counted up to
  /// ``NoscriptFallback/enoughBytes`` each).
  var noscriptTextBytes = 0

  /// The UTF-8 text of a block.
  func string(of block: Block) -> String {
    text.withUnsafeBufferPointer { buffer in
      String(decoding: UnsafeBufferPointer(rebasing: buffer[Int(block.start)..<Int(block.end)]), as: UTF8.self)
    }
  }
}

/// Small per-element counts used by conditional cleaning.
struct ElementCounts {
  var paragraphs: Int32 = 0
  var images: Int32 = 0
  var listItems: Int32 = 0
  var inputs: Int32 = 0
  var embeds: Int32 = 0
  var headings: Int32 = 0

  mutating func add(_ other: ElementCounts) {
    paragraphs += other.paragraphs
    images += other.images
    listItems += other.listItems
    inputs += other.inputs
    embeds += other.embeds
    headings += other.headings
  }
}

/// Metadata gathered on the way (raw; cleaned by `MetadataResolver`).
struct PageMetadata {
  var titleElement: String?
  var htmlLang: String?
  var baseHref: String?
  var canonical: String?
  /// The page's own address for ``OwnLinks``: its canonical link, else its `og:url` (a
  /// `<head>` is read before the body, so the walker has it when counts are read).
  var ownAddress: String? { canonical ?? metas.first { $0.key == "og:url" }?.content }
  /// The page is an account's profile (`og:type` "profile"): the followers it shows are its own.
  var isProfile: Bool { metas.contains { $0.key == "og:type" && $0.content.lowercased() == "profile" } }
  /// `<meta>` tags as (name or property or itemprop, content), in document order.
  var metas: [(key: String, content: String)] = []
  /// Bodies of `<script type="application/ld+json">`.
  var jsonLD: [String] = []
  /// Bodies of other inline scripts that may hold counters.
  var embeddedJSON: [String] = []
  /// Microdata `InteractionCounter` pairs (interactionType, userInteractionCount), with the
  /// innermost open element when it was found (for whose count it is).
  var interactionCounters: [(type: String, count: String, element: Int32)] = []
  /// `<time datetime>` values and microdata `datePublished`, in document order.
  var times: [String] = []
  /// Microdata or rel=author names.
  var authors: [String] = []
  /// Text of the first `<h1>`.
  var firstHeading: String?
  /// Element index of the first `<h1>`, -1 when there is none.
  var firstHeadingElement: Int32 = -1
  /// Short texts from places that show counts, for `CounterReader.fromText`.
  var signalTexts: [SignalText] = []
}

/// A short text that may show a count, and where it sits (for whose count it is).
struct SignalText {
  var text: String
  /// The block it was read from (the later one when two adjacent blocks were joined).
  var block: Int32
  /// The block-level element around it.
  var owner: Int32
  /// Two adjacent blocks joined: a number and its label in separate elements ("13 | Shares").
  var joined: Bool = false
  /// For a bare number whose element's class or id names the count (``CountClassNames``): the
  /// number as shown ("5347"); `text` is then the number with its word ("5347 shares").
  var markupNumber: String? = nil
  /// That element's `id` names the count and holds no digit (`id="watch-view-count"`): the
  /// page's one such widget, not a row of a list (rows repeat classes, or number their ids).
  var soleWidget: Bool = false
  /// For a bare number named by its element: where that element's text ends in the page text.
  var markupEnd: Int = 0
}
