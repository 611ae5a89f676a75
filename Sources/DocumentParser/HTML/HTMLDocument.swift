import CLibXML2

#if canImport(Glibc)
  import Glibc
#endif

/// Options passed to libxml2's HTML parser.
public struct HTMLParseOptions: OptionSet, Sendable {
  /// The `htmlParserOption` bits.
  public let rawValue: Int32

  /// Wraps raw option bits.
  public init(rawValue: Int32) { self.rawValue = rawValue }

  private init(_ option: htmlParserOption) { self.rawValue = Int32(bitPattern: option.rawValue) }

  /// Relaxed parsing: build a tree for broken markup instead of failing.
  public static let recover = HTMLParseOptions(HTML_PARSE_RECOVER)
  /// Do not print errors to stderr.
  public static let noError = HTMLParseOptions(HTML_PARSE_NOERROR)
  /// Do not print warnings to stderr.
  public static let noWarning = HTMLParseOptions(HTML_PARSE_NOWARNING)
  /// Never touch the network (no DTD or entity fetches).
  public static let noNet = HTMLParseOptions(HTML_PARSE_NONET)
  /// Ignore any encoding declared in the document (BOM, `<meta charset>`).
  public static let ignoreEncoding = HTMLParseOptions(HTML_PARSE_IGNORE_ENC)
  /// Lift hard-coded limits, notably the 256-level nesting depth at which libxml2 2.9
  /// silently stops building the tree.
  public static let huge = HTMLParseOptions(rawValue: Int32(bitPattern: XML_PARSE_HUGE.rawValue))

  /// What a batch pipeline over archived pages wants: silent, offline, forgiving, no
  /// depth limit. Entities are never expanded beyond HTML's predefined ones (no
  /// `XML_PARSE_NOENT`).
  public static let archive: HTMLParseOptions = [.recover, .noError, .noWarning, .noNet, .huge]
}

/// Why libxml2 could not give a tree for some bytes.
public enum HTMLParseError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The input had no bytes.
  case emptyInput
  /// The input is larger than libxml2's `int` size parameter allows (or the caller's cap).
  case inputTooLarge(byteCount: Int)
  /// libxml2 returned no document (allocation failure).
  case parserFailed

  /// A short reason, used in `rejects.jsonl`.
  public var description: String {
    switch self {
    case .emptyInput: "empty-payload"
    case .inputTooLarge(let count): "payload-too-large (\(count) bytes)"
    case .parserFailed: "libxml2-failed"
    }
  }
}

/// libxml2 must be initialised once before concurrent use, its allocator set before that; a
/// global `let` runs once.
private let libxml2Initialized: Void = {
  LibXMLArena.install()
  xmlInitParser()
}()

/// A parsed HTML page that owns its libxml2 tree and frees it in `deinit` (GRDB's
/// `Statement` pattern). The tree is built in a ``LibXMLArena`` slice when one is free, and
/// then released by rewinding the slice rather than node by node.
///
/// Not `Sendable`: parse and read inside one task, send only values across tasks.
public final class HTMLDocument {
  /// The libxml2 document; valid while `self` lives.
  let pointer: htmlDocPtr
  /// The arena slice holding the tree, if any.
  private let slice: Int?
  /// The scripts moved out of libxml2's way before parsing, when the page was cut
  /// (``UnreadRawText``); their elements in the tree hold placeholders.
  private(set) var keptScripts: KeptScripts?

  /// Parses page bytes.
  ///
  /// - Parameters:
  ///   - bytes: The page bytes (UTF-8 preferred; see ``CharsetDecoder``).
  ///   - encoding: A charset name libxml2 should use, or nil to let it detect.
  ///   - options: Parser options; ``HTMLParseOptions/archive`` by default.
  /// - Throws: ``HTMLParseError``.
  public init(
    bytes: UnsafeRawBufferPointer, encoding: String? = nil, options: HTMLParseOptions = .archive
  ) throws(HTMLParseError) {
    (pointer, slice) = try Self.parseInSlice(bytes, encoding: encoding, options: options)
  }

  /// Parses a byte array (convenience for tests and small inputs).
  public init(bytes: [UInt8], encoding: String? = nil, options: HTMLParseOptions = .archive) throws(HTMLParseError) {
    let result = bytes.withUnsafeBytes { raw in
      Result { () throws(HTMLParseError) in try Self.parseInSlice(raw, encoding: encoding, options: options) }
    }
    (pointer, slice) = try result.get()
  }

  /// Parses page bytes as ``CharsetDecoder`` prepared them. Bytes it made UTF-8 are read as
  /// they are, the page's own declaration ignored (it has been weighed already; naming
  /// `UTF-8` would also send them through libxml2's UTF-8-to-UTF-8 converter, a copy of the
  /// page); other charsets are named for libxml2 to convert.
  ///
  /// With `cuttingUnreadRawText`, the raw text no reader looks at is cut out of UTF-8 pages
  /// first (``UnreadRawText``): `<style>` elements and most `<script>` elements are then empty.
  public convenience init(prepared: CharsetDecoder.Prepared, cuttingUnreadRawText: Bool = false) throws(HTMLParseError)
  {
    if prepared.libxmlEncoding == "UTF-8" {
      let options = HTMLParseOptions.archive.union(.ignoreEncoding)
      if cuttingUnreadRawText && Self.rawTextCut != .none,
        let cut = prepared.bytes.withUnsafeBytes({ UnreadRawText.cut($0, comments: Self.rawTextCut == .all) })
      {
        try self.init(bytes: cut.bytes, encoding: nil, options: options)
        if !cut.keptScripts.isEmpty { keptScripts = KeptScripts(page: prepared.bytes, ranges: cut.keptScripts) }
      } else {
        try self.init(bytes: prepared.bytes, encoding: nil, options: options)
      }
    } else {
      try self.init(bytes: prepared.bytes, encoding: prepared.libxmlEncoding)
    }
  }

  /// What ``UnreadRawText`` cuts: everything, unless `SLACKSCORE_CUT_RAW_TEXT=0` (nothing) or
  /// `SLACKSCORE_CUT_RAW_TEXT=keep-comments` is set (to compare outputs and times with and
  /// without the cut, or without its comment part).
  private static let rawTextCut: RawTextCut = {
    guard let setting = getenv("SLACKSCORE_CUT_RAW_TEXT") else { return .all }
    switch String(cString: setting) {
    case "0": return .none
    case "keep-comments": return .keepingComments
    default: return .all
    }
  }()

  private enum RawTextCut { case none, keepingComments, all }

  /// Parses in an arena slice when one is free (the slice is given back if parsing fails).
  private static func parseInSlice(
    _ bytes: UnsafeRawBufferPointer, encoding: String?, options: HTMLParseOptions
  ) throws(HTMLParseError) -> (htmlDocPtr, Int?) {
    _ = libxml2Initialized
    let slice = LibXMLArena.lease()
    do throws(HTMLParseError) {
      return (try parse(bytes, encoding: encoding, options: options, slice: slice), slice)
    } catch {
      if let slice { LibXMLArena.release(slice) }
      throw error
    }
  }

  private static func parse(
    _ bytes: UnsafeRawBufferPointer, encoding: String?, options: HTMLParseOptions, slice: Int?
  ) throws(HTMLParseError) -> htmlDocPtr {
    if let cleaned = DoctypeSubset.removed(from: bytes) {
      let result = cleaned.withUnsafeBytes { raw in
        Result { () throws(HTMLParseError) in try parse(raw, encoding: encoding, options: options, slice: slice) }
      }
      return try result.get()
    }
    guard let base = bytes.baseAddress, bytes.count > 0 else { throw .emptyInput }
    guard let size = Int32(exactly: bytes.count) else { throw .inputTooLarge(byteCount: bytes.count) }
    let read = { () -> htmlDocPtr? in
      let doc = htmlReadMemory(base.assumingMemoryBound(to: CChar.self), size, nil, encoding, options.rawValue)
      // The thread's copy of the last parse error points into the slice; drop it while the
      // slice is still this thread's.
      xmlResetLastError()
      return doc
    }
    // Creates libxml2's per-thread state (with the C allocator) before the slice is in use.
    xmlResetLastError()
    let doc: htmlDocPtr? = if let slice { LibXMLArena.allocating(in: slice, read) } else { read() }
    guard let doc else { throw .parserFailed }
    return doc
  }

  deinit {
    if let slice {
      // A tree wholly in the slice goes with it; one that overflowed into the C allocator is
      // freed first (its frees inside the slice do nothing).
      if LibXMLArena.overflowed(slice) { xmlFreeDoc(pointer) }
      LibXMLArena.release(slice)
    } else {
      xmlFreeDoc(pointer)
    }
  }

  /// The root element (`<html>`), or nil for an empty tree.
  var root: xmlNodePtr? { xmlDocGetRootElement(pointer) }

  /// The encoding libxml2 decided on, if any.
  public var encoding: String? {
    guard let name = pointer.pointee.encoding else { return nil }
    return String(cString: name)
  }
}

/// Small readers over libxml2 nodes used by the walkers. All borrow from a live document.
enum XMLNode {
  /// The value of attribute `name` (ASCII, lower case) without allocating in libxml2.
  @inline(__always)
  static func attribute(_ node: xmlNodePtr, _ name: StaticString) -> UnsafePointer<xmlChar>? {
    var attr = node.pointee.properties
    while let current = attr {
      if xmlStrcasecmp(current.pointee.name, name.utf8Start) == 0 {
        guard let text = current.pointee.children, let content = text.pointee.content else { return emptyString }
        return UnsafePointer(content)
      }
      attr = current.pointee.next
    }
    return nil
  }

  /// The attribute as a Swift string.
  static func attributeString(_ node: xmlNodePtr, _ name: StaticString) -> String? {
    guard let value = attribute(node, name) else { return nil }
    return String(cString: value)
  }

  /// The concatenated text of a node's descendants (for `<title>`, `<script>`, `<time>`).
  static func textContent(_ node: xmlNodePtr, limit: Int = 1 << 22) -> String {
    var bytes: [UInt8] = []
    appendText(node, into: &bytes, limit: limit)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends descendant text bytes, iteratively (deep trees cannot overflow the stack).
  static func appendText(_ start: xmlNodePtr, into bytes: inout [UInt8], limit: Int) {
    var node: xmlNodePtr? = start.pointee.children
    guard node != nil else { return }
    while let current = node {
      if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE,
        let content = current.pointee.content
      {
        let count = Int(xmlStrlen(content))
        bytes.append(contentsOf: UnsafeBufferPointer(start: content, count: min(count, max(0, limit - bytes.count))))
        if bytes.count >= limit { return }
      }
      node = next(after: current, within: start)
    }
  }

  /// The node after `node` in document order (children first), without leaving the subtree
  /// of `root`; nil at its end. Iterative, so deep trees cannot overflow the stack.
  static func next(after node: xmlNodePtr, within root: xmlNodePtr) -> xmlNodePtr? {
    if node.pointee.type == XML_ELEMENT_NODE, let child = node.pointee.children { return child }
    var climb: xmlNodePtr? = node
    while let current = climb, current != root {
      if let sibling = current.pointee.next { return sibling }
      climb = current.pointee.parent
    }
    return nil
  }

  /// An empty C string (the value of an attribute written without one).
  static var emptyString: UnsafePointer<xmlChar> { ("" as StaticString).utf8Start }
}
