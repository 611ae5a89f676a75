import CLibXML2
import SlackscoreCore

/// Builds a ``PageModel`` in one iterative walk of libxml2's tree (no recursion, so
/// deep nesting cannot overflow the stack).
struct PageWalker {
  private var model = PageModel()
  /// Element indexes of the open elements, innermost last.
  private var open: [Int32] = []
  /// Owners (nearest block-level elements) of the open elements, innermost last.
  private var owners: [Int32] = []
  private var blockStart = 0
  private var blockCharacters: Int32 = 0
  private var blockLinkCharacters: Int32 = 0
  private var blockCommas: Int16 = 0
  private var pendingSpace = false
  private var linkDepth = 0
  private var openLinks: [Int] = []
  /// Open elements whose class or id names a count: the element, its count word, where its
  /// text starts (``CountClassNames``), and whether a digit-free id names it (``SignalText/soleWidget``).
  private var countElements: [(element: Int32, word: String, textStart: Int, sole: Bool)] = []
  private var signalDepth = 0
  /// Whether an element that shows counts opened inside the current block (an inline
  /// `<span class="meta-comment">` closes before its block ends).
  private var blockHasSignal = false
  private var embeddedBudget = 1 << 20
  /// The marker facts of the class, id and label values this page has already read.
  private var nameFacts = NameFactsMemo()
  /// The page's read scripts, when they were moved out of libxml2's way.
  private var keptScripts: KeptScripts?

  /// Whether `<noscript>` content is read as visible text (see ``NoscriptFallback``).
  private var readsNoscript = false

  /// Walks `document` and returns its model.
  ///
  /// - Parameter readingNoscript: Read the content of `<noscript>` elements as visible text
  ///   (by default it is skipped, as a browser with scripts on does).
  static func model(of document: HTMLDocument, readingNoscript: Bool = false) -> PageModel {
    var walker = PageWalker()
    walker.readsNoscript = readingNoscript
    walker.keptScripts = document.keptScripts
    walker.model.text.reserveCapacity(1 << 14)
    if let root = document.root { walker.walk(root) }
    return walker.model
  }

  private mutating func walk(_ root: xmlNodePtr) {
    var node = root
    var descend = enter(node)
    while true {
      if descend, let child = node.pointee.children {
        node = child
        descend = enter(node)
        continue
      }
      // Leave this node and the ancestors that have no next sibling.
      var current = node
      while true {
        leave(current, entered: descend)
        descend = true  // ancestors were entered with descent
        if current == root { return }
        if let sibling = current.pointee.next {
          node = sibling
          descend = enter(node)
          break
        }
        guard let parent = current.pointee.parent else { return }
        current = parent
      }
    }
  }

  /// Handles a node on the way down; returns whether to visit its children.
  private mutating func enter(_ node: xmlNodePtr) -> Bool {
    switch node.pointee.type {
    case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
      if let content = node.pointee.content { appendText(content) }
      return false
    case XML_ELEMENT_NODE:
      return enterElement(node)
    default:
      return false
    }
  }

  private mutating func enterElement(_ node: xmlNodePtr) -> Bool {
    let tag = HTMLTag.lookup(node.pointee.name)
    if tag.isInvisible && !(tag == .noscript && readsNoscript) {
      readInvisible(node, tag: tag)
      return false
    }
    switch tag {
    case .br:
      flush(endsWithBreak: true)
      return false
    case .img:
      if let last = open.last { model.directCounts[Int(last)].images += 1 }
      return false
    case .hr:
      flush(endsWithBreak: false)
      return false
    default: break
    }
    var scanned = ScannedAttributes()
    var marks = classify(node, tag: tag, scanned: &scanned)
    if marks.contains(.hidden) { return false }
    if tag == .html, let lang = XMLNode.attributeString(node, "lang") { model.metadata.htmlLang = lang }
    readMicrodata(node, tag: tag, itemtype: scanned.itemtype, itemprop: scanned.itemprop)
    if tag == .time, let value = XMLNode.attributeString(node, "datetime") { model.metadata.times.append(value) }
    if tag.isBlock { flush(endsWithBreak: false) } else { markGlue() }
    if tag == .html || tag == .body || tag == .article || tag == .main { marks.remove([.boilerplate, .unlikely]) }
    let index = Int32(model.elements.count)
    let parent = open.last ?? -1
    model.elements.append(
      PageModel.Element(parent: parent, tag: tag, marks: marks, classHash: classHash(scanned.classValue)))
    model.directCounts.append(ElementCounts())
    if let word = scanned.countWord {
      countElements.append((index, word, model.text.count, scanned.countIDIsFixed))
    }
    if parent >= 0 {
      switch tag {
      case .p: model.directCounts[Int(parent)].paragraphs += 1
      case .li: model.directCounts[Int(parent)].listItems += 1
      case .embed, .object, .iframe, .video: model.directCounts[Int(parent)].embeds += 1
      default: if tag.isHeading { model.directCounts[Int(parent)].headings += 1 }
      }
    }
    open.append(index)
    owners.append(tag.isBlock ? index : (owners.last ?? index))
    if marks.contains(.signals) {
      signalDepth += 1
      blockHasSignal = true
    }
    if tag == .a {
      linkDepth += 1
      if let href = XMLNode.attributeString(node, "href") {
        if let rel = XMLNode.attributeString(node, "rel"), rel.lowercased().containsBytes("author") {
          model.metadata.authors.append(XMLNode.textContent(node, limit: 200))
        }
        openLinks.append(model.links.count)
        model.links.append(
          PageModel.Link(
            href: href, textStart: model.anchorText.count, textEnd: model.anchorText.count,
            block: Int32(model.blocks.count)))
      } else {
        openLinks.append(-1)
      }
    }
    return true
  }

  private mutating func leave(_ node: xmlNodePtr, entered: Bool) {
    // An element that was entered with descent is the innermost open one.
    guard node.pointee.type == XML_ELEMENT_NODE, entered, let index = open.last else { return }
    let element = model.elements[Int(index)]
    let tag = element.tag
    var counted: (number: String, word: String, sole: Bool)?
    if let last = countElements.last, last.element == index {
      countElements.removeLast()
      // A count in a link to another page is that page's; a share button links to the network.
      let link = openLinks.last(where: { $0 >= 0 }).map { model.links[$0].href }
      if let number = CountClassNames.bareNumber(model.text[last.textStart...]),
        last.word == "shares"
          || (link.map { OwnLinks.isOwn($0, canonical: model.metadata.ownAddress) } ?? true)
      {
        counted = (number, last.word, last.sole)
      }
    }
    if tag.isBlock {
      if tag == .h1 && model.metadata.firstHeading == nil {
        model.metadata.firstHeading = XMLNode.textContent(node, limit: 2000)
        model.metadata.firstHeadingElement = index
      }
      flush(endsWithBreak: false)
    } else {
      markGlue()
    }
    if let counted, model.metadata.signalTexts.count < 400 {
      // The element's text is the last block when it is a block, else in the block under way.
      let block = Int32(tag.isBlock ? model.blocks.count - 1 : model.blocks.count)
      model.metadata.signalTexts.append(
        SignalText(
          text: counted.number + " " + counted.word, block: block, owner: tag.isBlock ? index : owners.last ?? index,
          joined: true, markupNumber: counted.number, soleWidget: counted.sole, markupEnd: model.text.count))
    }
    if element.marks.contains(.signals) { signalDepth -= 1 }
    if tag == .a, let link = openLinks.popLast() {
      linkDepth -= 1
      if link >= 0 { model.links[link].textEnd = model.anchorText.count }
      if linkDepth > 0 || !openLinks.isEmpty { model.anchorText.append(0x20) }
    }
    open.removeLast()
    owners.removeLast()
  }

  // MARK: Text

  /// Byte classes for `appendText`: 0 plain, 1 ASCII whitespace, 2 needs a closer look
  /// (`,`, and the lead bytes of no-break space, soft hyphen and the fullwidth/ideographic
  /// commas).
  private static let byteClass: [UInt8] = {
    var table = [UInt8](repeating: 0, count: 256)
    for b in [0x20, 0x0A, 0x09, 0x0D, 0x0C] { table[b] = 1 }
    for b in [0x2C, 0xC2, 0xEF, 0xE3] { table[b] = 2 }
    return table
  }()

  /// Appends a text node's bytes, collapsing whitespace (and no-break spaces) to single
  /// spaces and dropping soft hyphens (U+00AD), in one pass that writes straight into the text buffer.
  private mutating func appendText(_ content: UnsafeMutablePointer<xmlChar>) {
    let length = Int(xmlStrlen(content))
    guard length > 0 else { return }
    let input = UnsafePointer(content)
    if appendCollapsedText(UnsafeBufferPointer(start: input, count: length)) { return }
    let before = model.text.count
    // Room for every byte plus one leading space (a copy of the node's bytes with their
    // NUL: memcpy is the cheapest way to grow an Array); the unused tail is dropped below.
    model.text.append(contentsOf: UnsafeBufferPointer(start: input, count: length + 1))
    var characters: Int32 = 0
    var spaces: Int32 = 0
    var commas: Int16 = 0
    var pending = pendingSpace
    let blockStart = blockStart
    let written = model.text.withUnsafeMutableBufferPointer { buffer -> Int in
      let out = buffer.baseAddress!
      var o = before
      var i = 0
      Self.byteClass.withUnsafeBufferPointer { classes in
        while i < length {
          let byte = input[i]
          switch classes[Int(byte)] {
          case 1:
            pending = true
            i += 1
            continue
          case 2:
            if byte == 0xC2 && i + 1 < length && input[i + 1] == 0xA0 {  // no-break space
              pending = true
              i += 2
              continue
            }
            if byte == 0xC2 && i + 1 < length && input[i + 1] == 0xAD {  // soft hyphen: a hint, not text
              i += 2
              continue
            }
            if byte == 0x2C {
              commas &+= 1
            } else if i + 2 < length
              && ((byte == 0xEF && input[i + 1] == 0xBC && input[i + 2] == 0x8C)
                || (byte == 0xE3 && input[i + 1] == 0x80 && input[i + 2] == 0x81))
            {
              commas &+= 1  // U+FF0C fullwidth comma, U+3001 ideographic comma
            }
          default: break
          }
          if pending {
            if o > blockStart {
              out[o] = 0x20
              o += 1
              spaces += 1
            }
            pending = false
          }
          out[o] = byte
          o += 1
          if byte & 0xC0 != 0x80 { characters += 1 }
          i += 1
        }
      }
      return o
    }
    model.text.removeLast(before + length + 1 - written)
    pendingSpace = pending
    blockCharacters += characters + spaces
    blockCommas &+= commas
    if linkDepth > 0 && written > before {
      model.anchorText.append(contentsOf: model.text[before..<written])
      blockLinkCharacters += characters
    }
  }

  /// The fast path of `appendText`: text that is already collapsed between its edges is
  /// copied whole. Returns false (having done nothing) when the text needs the byte loop.
  private mutating func appendCollapsedText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    @inline(__always) func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C }
    var start = 0
    var end = bytes.count
    while start < end && isSpace(bytes[start]) { start += 1 }
    if start == end {
      pendingSpace = true
      return true
    }
    while isSpace(bytes[end - 1]) { end -= 1 }
    let core = UnsafeBufferPointer(rebasing: bytes[start..<end])
    guard let survey = CollapsedText.survey(core) else { return false }
    let before = model.text.count
    var characters = Int32(survey.characters)
    if (pendingSpace || start > 0) && before > blockStart {
      model.text.append(0x20)
      characters += 1
    }
    model.text.append(contentsOf: core)
    pendingSpace = end < bytes.count
    blockCharacters += characters
    blockCommas &+= Int16(truncatingIfNeeded: survey.commas)
    if linkDepth > 0 {
      model.anchorText.append(contentsOf: model.text[before...])
      blockLinkCharacters += Int32(survey.characters - survey.spaces)
    }
    return true
  }

  private mutating func flush(endsWithBreak: Bool) {
    pendingSpace = false
    guard model.text.count > blockStart else { return }
    let owner = owners.last ?? 0
    model.blocks.append(
      PageModel.Block(
        owner: owner, start: Int32(blockStart), end: Int32(model.text.count), characters: blockCharacters,
        linkCharacters: blockLinkCharacters, commas: blockCommas, endsWithBreak: endsWithBreak))
    if signalDepth > 0 || blockHasSignal || blockCharacters <= 48
      || (blockCharacters <= 120 && hasWidgetSeparator(from: blockStart))
    {
      recordSignalText(Int32(model.blocks.count - 1))
    }
    blockHasSignal = false
    blockStart = model.text.count
    swap(&glue, &previousGlue)
    glue.removeAll(keepingCapacity: true)
    blockCharacters = 0
    blockLinkCharacters = 0
    blockCommas = 0
  }

  // MARK: Signal texts

  /// What a short block holds, for joining a number and its label shown in adjacent elements.
  private enum ShortShape {
    /// Only a number: digits, separators, a scale letter, `+`, brackets ("759", "4.8K", "(32)").
    case number
    /// A few words without digits ("Shares", "Comments", "Hits:").
    case label
    case other
  }

  /// The last short block seen: its index, shape and text, and whether it was joined already.
  private var lastShort: (block: Int32, shape: ShortShape, text: String?, joined: Bool)?
  /// Offsets in the current block where an inline element starts or ends with no space
  /// between the texts on either side (`<span>0</span><span>shares</span>`). Signal texts get a
  /// space there; the document text does not (a browser shows them glued too).
  private var glue: [Int] = []
  /// The same for the block before (for joining it with the current one).
  private var previousGlue: [Int] = []

  private mutating func markGlue() {
    let end = model.text.count
    if end > blockStart && !pendingSpace && glue.last != end { glue.append(end) }
  }

  /// A block's text for counters: with a space at each glued element edge.
  private func signalString(of block: PageModel.Block, glue: [Int]) -> String {
    let start = Int(block.start)
    let end = Int(block.end)
    let cuts = glue.filter { $0 > start && $0 < end }
    guard !cuts.isEmpty else { return model.string(of: block) }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(end - start + cuts.count)
    var from = start
    for cut in cuts {
      bytes += model.text[from..<cut]
      if bytes.last != 0x20 && model.text[cut] != 0x20 { bytes.append(0x20) }
      from = cut
    }
    bytes += model.text[from..<end]
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Records a block as a signal text when it may show a count (it holds a digit, or sits in a
  /// place that shows counts), and joins a bare number with a label block right before or after it.
  private mutating func recordSignalText(_ index: Int32) {
    let block = model.blocks[Int(index)]
    let (hasDigit, shape) = shortShape(block)
    joinSplitAmount(index, block: block, hasDigit: hasDigit)
    // Only blocks with a digit can give a counter; a short label is kept for joining, and its
    // string is built only when it is joined.
    guard hasDigit || shape == .label else {
      lastShort = nil
      return
    }
    var text: String?
    if hasDigit && model.metadata.signalTexts.count < 400 {
      text = signalString(of: block, glue: glue)
      model.metadata.signalTexts.append(SignalText(text: text!, block: index, owner: block.owner))
    }
    var joinedNow = false
    // A block already joined with its other neighbour is not joined again: "34" | "Share" |
    // "16" | "Tweet" is 34 shares and 16 tweets, not "Share: 16".
    if let previous = lastShort, previous.block == index - 1, !previous.joined,
      previous.shape != shape, shape != .other, model.metadata.signalTexts.count < 400,
      nextTo(model.blocks[Int(previous.block)].owner, block.owner)
    {
      let before = previous.text ?? signalString(of: model.blocks[Int(previous.block)], glue: previousGlue)
      let current = text ?? signalString(of: block, glue: glue)
      let joined: String
      if previous.shape == .number {
        joined = before + " " + current  // "13" | "Shares"
      } else {
        // "Comments" | "9", "Hits:" | "152759": read as a label ("Comments: 9").
        let last = before.utf8.last
        joined = before + (last == UInt8(ascii: ":") || last == UInt8(ascii: "(") ? " " : ": ") + current
      }
      model.metadata.signalTexts.append(SignalText(text: joined, block: index, owner: block.owner, joined: true))
      joinedNow = true
    }
    lastShort = shape == .other ? nil : (index, shape, text, joinedNow)
  }

  /// Whether the text from `start` has a widget's separator (`|`, `·`, `•`): a meta line such as
  /// "160 points by pat 554 days ago | 49 comments" is read for counts though longer than a label.
  private func hasWidgetSeparator(from start: Int) -> Bool {
    model.text.withUnsafeBufferPointer { text in
      var i = start
      while i < text.count {
        let byte = text[i]
        if byte == 0x7C { return true }
        if byte == 0xC2 && i + 1 < text.count && text[i + 1] == 0xB7 { return true }
        if byte == 0xE2 && i + 2 < text.count && text[i + 1] == 0x80 && text[i + 2] == 0xA2 { return true }
        i += 1
      }
      return false
    }
  }

  /// The last block that was an amount alone, for ``SplitAmount``.
  private var lastAmount: (block: Int32, text: String)?

  /// Joins a total shown alone ("$3,235 USD") with the next block when that one says what it is
  /// ("Raised of $10,000 Goal"), as one more signal text.
  private mutating func joinSplitAmount(_ index: Int32, block: PageModel.Block, hasDigit: Bool) {
    if let amount = lastAmount, amount.block == index - 1, model.metadata.signalTexts.count < 400,
      nextTo(model.blocks[Int(amount.block)].owner, block.owner)
    {
      let current = signalString(of: block, glue: glue)
      if SplitAmount.continuesTotal(current) {
        model.metadata.signalTexts.append(
          SignalText(text: amount.text + " " + current, block: index, owner: block.owner, joined: true))
      }
    }
    lastAmount = nil
    if hasDigit && block.end - block.start <= 24 {
      let text = signalString(of: block, glue: glue)
      if SplitAmount.isAmountAlone(text) { lastAmount = (index, text) }
    }
  }

  /// Whether two blocks' elements sit together: the same element, siblings, or parent and
  /// (grand)child (a count in one list item and a label in the next item's button are not joined).
  private func nextTo(_ a: Int32, _ b: Int32) -> Bool {
    guard a >= 0 && b >= 0 else { return false }
    let pa = model.elements[Int(a)].parent
    let pb = model.elements[Int(b)].parent
    if a == b || pa == pb || pa == b || pb == a { return true }
    // Through one inline wrapper: `<a><span>34</span><div>Share</div></a>`.
    let gb = pb >= 0 ? model.elements[Int(pb)].parent : -1
    let ga = pa >= 0 ? model.elements[Int(pa)].parent : -1
    return gb == a || ga == b
  }

  /// Whether a block holds a digit, and whether it is a bare number or a short label.
  private func shortShape(_ block: PageModel.Block) -> (hasDigit: Bool, shape: ShortShape) {
    let length = Int(block.end - block.start)
    var digits = 0
    var letters = 0
    var others = 0
    model.text.withUnsafeBufferPointer { text in
      for i in Int(block.start)..<Int(block.end) {
        switch text[i] {
        case 0x30...0x39: digits += 1
        case 0x41...0x5A, 0x61...0x7A, 0x80...0xFF: letters += 1
        case 0x2E, 0x2C, 0x20, 0x2B, 0x28, 0x29: break  // . , space + ( )
        default: others += 1
        }
      }
    }
    if digits > 0 {
      return (true, length <= 16 && letters <= 2 && others == 0 ? .number : .other)
    }
    return (false, length <= 24 && letters >= 3 && others <= 1 ? .label : .other)
  }

  // MARK: Attributes

  /// Attribute values `classify` notes on its one pass over the attributes, for the
  /// readers that need them (no further passes).
  private struct ScannedAttributes {
    var classValue: UnsafePointer<xmlChar>?
    var itemprop: UnsafePointer<xmlChar>?
    var itemtype: UnsafePointer<xmlChar>?
    /// The count word the class or id names (``CountClassNames``), if any.
    var countWord: String?
    /// The id names that count and holds no digit (``SignalText/soleWidget``).
    var countIDIsFixed = false
  }

  private mutating func classify(
    _ node: xmlNodePtr, tag: HTMLTag, scanned: inout ScannedAttributes
  )
    -> ElementMarks
  {
    var facts = BoilerplateMarkers.NameFacts()
    var role: String?
    var marks: ElementMarks = []
    var attr = node.pointee.properties
    while let current = attr {
      let name = current.pointee.name
      let value = current.pointee.children?.pointee.content
      if xmlStrEqual(name, "class") != 0 {
        if scanned.classValue == nil { scanned.classValue = value.map { UnsafePointer($0) } ?? XMLNode.emptyString }
        if let value {
          facts.formUnion(nameFacts.facts(of: value, limit: 512))
          if scanned.countWord == nil { scanned.countWord = CountClassNames.word(of: value) }
        }
      } else if xmlStrEqual(name, "id") != 0 {
        if let value, let word = CountClassNames.word(of: value) {
          if scanned.countWord == nil { scanned.countWord = word }
          scanned.countIDIsFixed = scanned.countWord == word && !CountClassNames.hasDigit(value)
        }
        // A heading's id is an anchor made from its own words ("nav_nur_die_folie__1",
        // "related-work"): it says nothing about the heading being chrome.
        if let value, !tag.isHeading { facts.formUnion(nameFacts.facts(of: value, limit: 512)) }
      } else if xmlStrEqual(name, "itemprop") != 0 {
        if scanned.itemprop == nil { scanned.itemprop = value.map { UnsafePointer($0) } ?? XMLNode.emptyString }
      } else if xmlStrEqual(name, "itemtype") != 0 {
        if scanned.itemtype == nil { scanned.itemtype = value.map { UnsafePointer($0) } ?? XMLNode.emptyString }
      } else if xmlStrEqual(name, "role") != 0 {
        if let value {
          var bytes: [UInt8] = []
          appendLowercased(value, to: &bytes, limit: 64)
          role = String(decoding: bytes.dropFirst(), as: UTF8.self)
        }
      } else if xmlStrEqual(name, "hidden") != 0 {
        marks.insert(.hidden)
      } else if xmlStrEqual(name, "aria-hidden") != 0 {
        if let value, xmlStrcasecmp(value, "true") == 0 { marks.insert(.hidden) }
      } else if xmlStrEqual(name, "style") != 0 {
        if let value {
          var bytes: [UInt8] = []
          appendLowercased(value, to: &bytes, limit: 512)
          bytes.removeAll { $0 == 0x20 }
          let style = LowercasedBytes(lowercased: bytes)
          if style.contains(Self.displayNone) || style.contains(Self.visibilityHidden) { marks.insert(.hidden) }
        }
      } else if xmlStrEqual(name, "aria-label") != 0 || xmlStrEqual(name, "data-testid") != 0 {
        if let value { facts.formUnion(nameFacts.facts(of: value, limit: 128)) }
      }
      attr = current.pointee.next
    }
    // WordPress-style post classes list tags and categories (`tag-social`); do not read
    // those as chrome markers.
    if facts.hasPostClass { return marks.union(.positive) }
    return marks.union(BoilerplateMarkers.marks(facts: facts, role: role))
  }

  private static let displayNone = Array("display:none".utf8)
  private static let visibilityHidden = Array("visibility:hidden".utf8)

  /// Appends a space and the lower-cased attribute value.
  private func appendLowercased(_ value: UnsafePointer<xmlChar>, to bytes: inout [UInt8], limit: Int) {
    bytes.append(0x20)
    var p = value
    var count = 0
    while p.pointee != 0 && count < limit {
      let b = p.pointee
      bytes.append(b >= 65 && b <= 90 ? b + 32 : b)
      p += 1
      count += 1
    }
  }

  private func classHash(_ classValue: UnsafePointer<xmlChar>?) -> Int32 {
    guard let value = classValue, value.pointee != 0 else { return 0 }
    let hash = FNV1a.hash32(UnsafeBufferPointer(start: value, count: Int(xmlStrlen(value))))
    return Int32(bitPattern: hash | 1)
  }

  // MARK: Metadata

  private mutating func readInvisible(_ node: xmlNodePtr, tag: HTMLTag) {
    switch tag {
    case .head:
      // Walk the head's own children for title/meta/link/script.
      var child = node.pointee.children
      while let current = child {
        if current.pointee.type == XML_ELEMENT_NODE {
          let childTag = HTMLTag.lookup(current.pointee.name)
          if childTag.isInvisible {
            readInvisible(current, tag: childTag)
          } else {
            readMicrodata(current, tag: childTag)
          }
        }
        child = current.pointee.next
      }
    case .title:
      if model.metadata.titleElement == nil { model.metadata.titleElement = XMLNode.textContent(node, limit: 4000) }
    case .meta:
      readMeta(node)
    case .link:
      if let rel = XMLNode.attributeString(node, "rel")?.lowercased(), let href = XMLNode.attributeString(node, "href")
      {
        if rel.split(separator: " ").contains("canonical"), model.metadata.canonical == nil {
          model.metadata.canonical = href
        }
      }
    case .base:
      if model.metadata.baseHref == nil { model.metadata.baseHref = XMLNode.attributeString(node, "href") }
    case .script:
      readScript(node)
    case .noscript:
      model.noscriptTextBytes += NoscriptFallback.visibleTextBytes(node, limit: NoscriptFallback.enoughBytes)
    case .template:
      break
    default:
      break
    }
  }

  private mutating func readMeta(_ node: xmlNodePtr) {
    guard let content = XMLNode.attributeString(node, "content") else { return }
    let key =
      XMLNode.attributeString(node, "property") ?? XMLNode.attributeString(node, "name")
      ?? XMLNode.attributeString(node, "itemprop") ?? XMLNode.attributeString(node, "http-equiv")
    guard let key, !key.isEmpty else { return }
    if model.metadata.metas.count < 500 { model.metadata.metas.append((key.lowercased(), content)) }
    if let itemprop = XMLNode.attributeString(node, "itemprop") {
      recordItemprop(itemprop, value: content)
    }
  }

  private mutating func readScript(_ node: xmlNodePtr) {
    let type = XMLNode.attributeString(node, "type")?.lowercased() ?? ""
    if type.containsBytes("ld+json") {
      if model.metadata.jsonLD.count < 32 {
        model.metadata.jsonLD.append(
          String(decoding: Self.withoutCDATA(scriptText(node, limit: 1 << 20)), as: UTF8.self))
      }
      return
    }
    guard XMLNode.attribute(node, "src") == nil, embeddedBudget > 0 else { return }
    guard type.isEmpty || type.containsBytes("json") || type.containsBytes("javascript") else { return }
    let bytes = scriptText(node, limit: min(embeddedBudget, 1 << 19))
    guard bytes.contains(UInt8(ascii: "{")), Self.mayHoldCounters(bytes) else { return }
    embeddedBudget -= bytes.count
    if model.metadata.embeddedJSON.count < 16 {
      model.metadata.embeddedJSON.append(String(decoding: bytes, as: UTF8.self))
    }
  }

  /// A script's text without a bare `<![CDATA[ … ]]>` wrapper (XHTML pages; the JSON reader
  /// skips the wrapper when it sits in `//` or `/* */` comments, but not bare).
  static func withoutCDATA(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
    let open = Array("<![CDATA[".utf8)
    let close = Array("]]>".utf8)
    var text = bytes[...].drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    guard text.starts(with: open) else { return bytes[...] }
    text = text.dropFirst(open.count)
    while let last = text.last, last == 0x20 || last == 0x09 || last == 0x0A || last == 0x0D { text = text.dropLast() }
    return text.suffix(close.count).elementsEqual(close) ? text.dropLast(close.count) : text
  }

  /// A script's text, its first `limit` bytes: from the page itself when the element holds a
  /// placeholder (``KeptScripts``), else from the tree.
  private func scriptText(_ node: xmlNodePtr, limit: Int) -> [UInt8] {
    if let keptScripts {
      var placeholder: [UInt8] = []
      XMLNode.appendText(node, into: &placeholder, limit: KeptScripts.longestPlaceholder + 1)
      if let content = keptScripts.content(standingFor: placeholder) { return Array(content.prefix(limit)) }
    }
    var bytes: [UInt8] = []
    XMLNode.appendText(node, into: &bytes, limit: limit)
    return bytes
  }

  /// A quick byte scan for words counters are named with (`count`, `like`, `share`, …).
  static func mayHoldCounters(_ bytes: [UInt8]) -> Bool { counterWords.occurs(in: bytes) }

  /// Whether `readScript` may keep a `<script>` with this start tag (its bytes, `<script …>`)
  /// and content (raw bytes), judged before libxml2 parses the page (``UnreadRawText``): false
  /// only when it cannot, whatever the attributes are. JSON-LD (or an entity in the tag, which
  /// could spell it) is kept; any other script needs a `{` and a counter word, and one with
  /// bytes libxml2 drops from raw text (control bytes, U+FFFE, U+FFFF: dropping them could join
  /// a counter word) is kept too.
  static func mayReadScript(tag: UnsafeBufferPointer<UInt8>, content: UnsafeBufferPointer<UInt8>) -> Bool {
    if tag.contains(UInt8(ascii: "&")) || jsonLDType.occurs(in: tag) { return true }
    guard content.contains(UInt8(ascii: "{")) else { return false }
    return counterWords.occurs(in: content) || UnreadRawText.libxml2Alters(content)
  }

  private static let jsonLDType = NeedleSet(["ld+json"])

  private static let counterWords = NeedleSet([
    "count", "like", "share", "signature", "donat", "view", "raised", "supporter",
  ])

  private mutating func readMicrodata(_ node: xmlNodePtr, tag: HTMLTag) {
    guard node.pointee.properties != nil else { return }
    readMicrodata(
      node, tag: tag, itemtype: XMLNode.attribute(node, "itemtype"), itemprop: XMLNode.attribute(node, "itemprop"))
  }

  /// The same with the two attributes already looked up.
  private mutating func readMicrodata(
    _ node: xmlNodePtr, tag: HTMLTag, itemtype: UnsafePointer<xmlChar>?, itemprop itempropValue: UnsafePointer<xmlChar>?
  ) {
    if let itemtype, String(cString: itemtype).containsBytes("InteractionCounter") {
      readInteractionCounter(node)
    }
    if tag == .meta || tag == .link { return }
    if let itemprop = itempropValue.map({ String(cString: $0) }) {
      let value =
        XMLNode.attributeString(node, "content") ?? XMLNode.attributeString(node, "datetime")
        ?? XMLNode.textContent(node, limit: 300)
      recordItemprop(itemprop, value: value)
    }
  }

  private mutating func recordItemprop(_ itemprop: String, value: String) {
    switch itemprop {
    case "datePublished": model.metadata.times.insert(value, at: 0)
    case "author", "creator": model.metadata.authors.append(value)
    default: break
    }
  }

  /// Reads `interactionType` and `userInteractionCount` inside one InteractionCounter.
  private mutating func readInteractionCounter(_ start: xmlNodePtr) {
    var type: String?
    var count: String?
    var node: xmlNodePtr? = start
    var visited = 0
    while let current = node, visited < 200 {
      visited += 1
      if current.pointee.type == XML_ELEMENT_NODE, let itemprop = XMLNode.attributeString(current, "itemprop") {
        let value =
          XMLNode.attributeString(current, "content") ?? XMLNode.attributeString(current, "href")
          ?? XMLNode.textContent(current, limit: 200)
        if itemprop == "interactionType" { type = value }
        if itemprop == "userInteractionCount" { count = value }
      }
      node = XMLNode.next(after: current, within: start)
    }
    if let type, let count { model.metadata.interactionCounters.append((type, count, open.last ?? -1)) }
  }
}
