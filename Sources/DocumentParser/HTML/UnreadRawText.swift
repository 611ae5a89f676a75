#if canImport(Glibc)
  import Glibc
#endif

/// Cuts the raw text no reader looks at out of a page before libxml2 parses it: the contents
/// of `<style>` elements, of `<script>` elements that ``PageWalker`` would not keep (see
/// ``PageWalker/mayReadScript(tag:content:)``), and of comments. libxml2 2.9 copies raw text
/// and comments into the tree character by character; style sheets and such scripts are about
/// a quarter of the bytes of real pages, comments a few per cent. The elements and comments
/// stay, empty. The scripts the walker does read (JSON-LD, embedded state with counters,
/// another 15 % of real pages' bytes) are moved out of libxml2's way too: each keeps a short
/// placeholder that ``KeptScripts`` resolves to its bytes in the page.
///
/// The scanner follows libxml2 2.9.14's HTML tokenizer (with `HTML_PARSE_RECOVER`) where it
/// decides what is raw text:
/// - `<` and a letter opens a start tag; attribute values may be quoted (`"`, `'`) or not (up
///   to a blank or `>`), an attribute name that does not start with a letter, `_`, `:` or `.`
///   is skipped to a blank, `>` or `/>`; `/>` closes an element with no content;
/// - `<script` and `<style` tags (any case) open raw text that ends at the first `</script` or
///   `</style` (any case), or at the end of the page;
/// - `</` and a letter opens an end tag, skipped to the next `>`; `</` before anything else is
///   dropped and what follows read as text;
/// - `<!--` opens a comment that ends at the first `-->` or `--!>` after it;
/// - `<!DOCTYPE` and `<?` (a processing instruction) end at the next `>`;
/// - `<` before anything else is text.
/// Where the page holds something it is not sure libxml2 reads the same way (a NUL byte, an
/// unterminated tag, quote or comment, a quoted `>` in a DOCTYPE, `</scriptx`, raw text that
/// starts with `<`), it cuts nothing and the page is parsed as it is.
public enum UnreadRawText {
  /// The page with the unread raw text cut out and the read scripts moved out of libxml2's
  /// way, or nil when there is nothing to cut or the page holds markup the scanner does not
  /// read as libxml2 does. With `comments` false, comments keep their text.
  static func cut(_ page: UnsafeRawBufferPointer, comments: Bool = true) -> Cut? {
    page.withMemoryRebound(to: UInt8.self) { cut($0, comments: comments) }
  }

  /// The same over bytes.
  static func cut(_ bytes: UnsafeBufferPointer<UInt8>, comments: Bool = true) -> Cut? {
    guard let pieces = ranges(bytes, comments: comments), !pieces.isEmpty else { return nil }
    var removed = 0
    for piece in pieces { removed += piece.range.count }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count - removed + 8 * pieces.count)
    var kept: [Range<Int>] = []
    var from = 0
    for piece in pieces {
      out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[from..<piece.range.lowerBound]))
      if piece.isReadScript {
        KeptScripts.appendPlaceholder(kept.count, to: &out)
        kept.append(piece.range)
      }
      from = piece.range.upperBound
    }
    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[from...]))
    return Cut(bytes: out, keptScripts: kept)
  }

  /// A page after the cut.
  struct Cut {
    /// The bytes for libxml2: raw text and comment text cut out, each read script's content
    /// replaced by its placeholder (``KeptScripts``).
    let bytes: [UInt8]
    /// Where the read scripts' contents are in the page, in the order of their placeholders.
    let keptScripts: [Range<Int>]
  }

  /// One range the cut takes out of the page: unread raw text or comment text, or the content
  /// of a script a reader reads (`isReadScript`), which a placeholder stands for.
  struct Piece {
    let range: Range<Int>
    let isReadScript: Bool
  }

  /// Whether libxml2 changes this raw text as it reads it: it drops control bytes other than
  /// tab, line feed and carriage return, and U+FFFE and U+FFFF (dropping them could join two
  /// words). Such a script is left in the page for libxml2 to read.
  static func libxml2Alters(_ content: UnsafeBufferPointer<UInt8>) -> Bool {
    let n = content.count
    for k in 0..<n {
      let byte = content[k]
      if byte < 0x20 {
        if byte != 0x09 && byte != 0x0A && byte != 0x0D { return true }
      } else if byte == 0xEF && k + 2 < n && content[k + 1] == 0xBF && content[k + 2] >= 0xBE {
        return true
      }
    }
    return false
  }

  /// The byte ranges to cut, in order, or nil when the page is to be parsed as it is.
  static func ranges(_ b: UnsafeBufferPointer<UInt8>, comments: Bool = true) -> [Piece]? {
    let n = b.count
    guard let base = b.baseAddress, n > 0 else { return nil }
    guard memchr(base, 0, n) == nil else { return nil }
    var cuts: [Piece] = []
    var i = 0
    while i < n {
      guard let p = find(UInt8(ascii: "<"), in: b, from: i) else { break }
      guard p + 1 < n else { break }
      let c = b[p + 1]
      if isLetter(c) {
        var j = p + 1
        while j < n && isNameByte(b[j]) { j += 1 }
        let kind = RawKind(b, from: p + 1, to: j)
        guard let (next, empty) = endOfStartTag(b, from: j) else { return nil }
        i = next
        guard let kind, !empty else { continue }
        let end: Int
        if let close = rawTextEnd(kind, in: b, from: i) {
          // `</scriptx>` ends the raw text for libxml2 but not the element: it reads on.
          guard close + 2 + kind.name.count >= n || !isNameByte(b[close + 2 + kind.name.count]) else { return nil }
          end = close
        } else {
          end = n
        }
        // libxml2 reads markup right after the start tag before it reads raw text: `<style></b>x`
        // ends the style's text at `</b>`; `<` there is left to libxml2 alone.
        guard end == i || b[i] != UInt8(ascii: "<") else { return nil }
        let content = UnsafeBufferPointer(rebasing: b[i..<end])
        if end > i {
          let read =
            kind == .script
            && PageWalker.mayReadScript(tag: UnsafeBufferPointer(rebasing: b[p..<i]), content: content)
          if !read {
            cuts.append(Piece(range: i..<end, isReadScript: false))
          } else if !libxml2Alters(content) {
            cuts.append(Piece(range: i..<end, isReadScript: true))
          }
        }
        i = end
      } else if c == UInt8(ascii: "/") {
        if p + 2 < n && isLetter(b[p + 2]) {
          i = (find(UInt8(ascii: ">"), in: b, from: p + 2) ?? (n - 1)) + 1
        } else {
          i = p + 2
        }
      } else if c == UInt8(ascii: "!") {
        if p + 3 < n && b[p + 2] == UInt8(ascii: "-") && b[p + 3] == UInt8(ascii: "-") {
          guard let end = commentEnd(b, from: p + 4) else { return nil }
          // The text between `<!--` and its `-->` or `--!>`; `<!---->` is an empty comment.
          let close = b[end - 2] == UInt8(ascii: "!") ? end - 4 : end - 3
          if comments && close > p + 4 { cuts.append(Piece(range: (p + 4)..<close, isReadScript: false)) }
          i = end
        } else if startsDoctype(b, at: p + 2) {
          guard let end = doctypeEnd(b, from: p + 2) else { return nil }
          i = end
        } else {
          i = p + 1
        }
      } else if c == UInt8(ascii: "?") {
        guard p + 2 < n, isLetter(b[p + 2]), let gt = find(UInt8(ascii: ">"), in: b, from: p + 2) else { return nil }
        i = gt + 1
      } else {
        i = p + 1
      }
    }
    return cuts
  }

  /// The two elements whose content libxml2 reads as raw text.
  enum RawKind {
    case script
    case style

    /// The tag name, lower case.
    var name: [UInt8] {
      switch self {
      case .script: Self.scriptName
      case .style: Self.styleName
      }
    }

    private static let scriptName = Array("script".utf8)
    private static let styleName = Array("style".utf8)

    /// The kind named by `b[start..<end]` (any case), or nil.
    init?(_ b: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) {
      switch end - start {
      case 6 where UnreadRawText.equalsLowercased(b, at: start, Self.scriptName): self = .script
      case 5 where UnreadRawText.equalsLowercased(b, at: start, Self.styleName): self = .style
      default: return nil
      }
    }
  }

  /// Where a start tag's attributes end: the index after its `>` and whether it ended with
  /// `/>` (an element without content); nil when the page ends first or inside a quote.
  private static func endOfStartTag(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> (Int, Bool)? {
    let n = b.count
    var j = start
    while true {
      while j < n && isBlank(b[j]) { j += 1 }
      guard j < n else { return nil }
      let c = b[j]
      if c == UInt8(ascii: ">") { return (j + 1, false) }
      if c == UInt8(ascii: "/") && j + 1 < n && b[j + 1] == UInt8(ascii: ">") { return (j + 2, true) }
      if isLetter(c) || c == UInt8(ascii: "_") || c == UInt8(ascii: ":") || c == UInt8(ascii: ".") {
        while j < n && isNameByte(b[j]) { j += 1 }
        while j < n && isBlank(b[j]) { j += 1 }
        guard j < n, b[j] == UInt8(ascii: "=") else { continue }
        j += 1
        while j < n && isBlank(b[j]) { j += 1 }
        guard j < n else { return nil }
        let quote = b[j]
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
          guard let close = find(quote, in: b, from: j + 1) else { return nil }
          j = close + 1
        } else {
          while j < n && !isBlank(b[j]) && b[j] != UInt8(ascii: ">") { j += 1 }
        }
      } else {
        // libxml2 drops a bogus attribute up to the next blank, `>` or `/>`.
        while j < n && !isBlank(b[j]) && b[j] != UInt8(ascii: ">")
          && !(b[j] == UInt8(ascii: "/") && j + 1 < n && b[j + 1] == UInt8(ascii: ">"))
        {
          j += 1
        }
      }
    }
  }

  /// The index of the `</name` that ends raw text of `kind` (any case), or nil.
  private static func rawTextEnd(_ kind: RawKind, in b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    let name = kind.name
    var i = start
    while let p = find(UInt8(ascii: "<"), in: b, from: i) {
      if p + 1 + name.count < b.count && b[p + 1] == UInt8(ascii: "/") && equalsLowercased(b, at: p + 2, name) {
        return p
      }
      i = p + 1
    }
    return nil
  }

  /// The index after a comment whose text starts at `start`: after the first `-->` or `--!>`.
  private static func commentEnd(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    let n = b.count
    var i = start
    while let p = find(UInt8(ascii: "-"), in: b, from: i) {
      guard p + 2 < n else { return nil }
      if b[p + 1] == UInt8(ascii: "-") {
        if b[p + 2] == UInt8(ascii: ">") { return p + 3 }
        if b[p + 2] == UInt8(ascii: "!") && p + 3 < n && b[p + 3] == UInt8(ascii: ">") { return p + 4 }
      }
      i = p + 1
    }
    return nil
  }

  private static let doctype = Array("doctype".utf8)

  private static func startsDoctype(_ b: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
    start + doctype.count <= b.count && equalsLowercased(b, at: start, doctype)
  }

  /// The index after a DOCTYPE's `>`, or nil when a quote in it may hold a `>`.
  private static func doctypeEnd(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    guard let gt = find(UInt8(ascii: ">"), in: b, from: start) else { return nil }
    var quotes = 0
    for k in start..<gt {
      if b[k] == UInt8(ascii: "'") || b[k] == UInt8(ascii: "<") { return nil }
      if b[k] == UInt8(ascii: "\"") { quotes += 1 }
    }
    return quotes % 2 == 0 ? gt + 1 : nil
  }

  /// Whether `b[start...]` begins with `lowercased` ignoring ASCII case (the caller checks the length).
  @inline(__always)
  static func equalsLowercased(_ b: UnsafeBufferPointer<UInt8>, at start: Int, _ lowercased: [UInt8]) -> Bool {
    for k in 0..<lowercased.count where b[start + k] | 0x20 != lowercased[k] { return false }
    return true
  }

  /// The first index of `byte` at or after `start`, or nil.
  @inline(__always)
  static func find(_ byte: UInt8, in b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    guard start < b.count, let base = b.baseAddress,
      let found = memchr(base + start, Int32(byte), b.count - start)
    else { return nil }
    return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
  }

  @inline(__always)
  private static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }

  /// Bytes of libxml2's HTML names after the first: letters, digits, `:`, `-`, `_`, `.`.
  @inline(__always)
  private static func isNameByte(_ c: UInt8) -> Bool {
    isLetter(c) || (c >= 0x30 && c <= 0x39) || c == 0x3A || c == 0x2D || c == 0x5F || c == 0x2E
  }

  /// libxml2's blanks: space, tab, line feed, carriage return (not form feed).
  @inline(__always)
  private static func isBlank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }
}
