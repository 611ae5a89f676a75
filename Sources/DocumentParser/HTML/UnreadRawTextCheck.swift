import CLibXML2

extension UnreadRawText {
  /// Whether libxml2 builds the same tree from a page as ``CharsetDecoder`` prepares it, with
  /// and without the cut, apart from the text inside `<script>` and `<style>` elements and of
  /// comments: the check the tests and the `html` fuzz target make that ``UnreadRawText`` reads
  /// markup as libxml2 does; and that every placeholder of a read script stands for the text
  /// libxml2 reads in that script. True when nothing is cut.
  public static func treesAgree(_ payload: [UInt8]) -> Bool {
    let prepared = CharsetDecoder.prepare(payload, httpCharset: nil)
    guard prepared.libxmlEncoding == "UTF-8", let cut = prepared.bytes.withUnsafeBytes({ cut($0) }) else { return true }
    let options = HTMLParseOptions.archive.union(.ignoreEncoding)
    let whole = try? HTMLDocument(bytes: prepared.bytes, options: options)
    let shortened = try? HTMLDocument(bytes: cut.bytes, options: options)
    guard let whole, let shortened else { return (whole == nil) == (shortened == nil) }
    guard outline(whole) == outline(shortened) else { return false }
    let kept = KeptScripts(page: prepared.bytes, ranges: cut.keptScripts)
    let read = scriptTexts(whole)
    let placeholders = scriptTexts(shortened)
    guard read.count == placeholders.count else { return false }
    // Only placeholders are checked (unread scripts are empty after the cut). Not every kept
    // range need show up: libxml2 may hang a script where neither this walk nor the page walker
    // looks (under a nameless DOCTYPE's node; Fuzz/Regressions/html/).
    for (text, placeholder) in zip(read, placeholders) {
      guard let content = kept.content(standingFor: placeholder) else { continue }
      guard Array(content) == text else { return false }
    }
    return true
  }

  /// The text of every `<script>` element reachable from the document's top-level nodes
  /// through elements, in document order.
  private static func scriptTexts(_ document: HTMLDocument) -> [[UInt8]] {
    var texts: [[UInt8]] = []
    var top = document.pointer.pointee.children
    while let root = top {
      var node: xmlNodePtr? = root
      while let current = node {
        if current.pointee.type == XML_ELEMENT_NODE, let name = current.pointee.name, xmlStrEqual(name, "script") != 0 {
          var text: [UInt8] = []
          XMLNode.appendText(current, into: &text, limit: Int.max)
          texts.append(text)
        }
        node = XMLNode.next(after: current, within: root)
      }
      top = root.pointee.next
    }
    return texts
  }

  /// Every node of the tree in document order: its depth, type, name, attributes and text,
  /// leaving out the nodes inside `<script>` and `<style>` and the text of comments.
  static func outline(_ document: HTMLDocument) -> [UInt8] {
    var out: [UInt8] = []
    var node: xmlNodePtr? = document.pointer.pointee.children
    var depth = 0
    while let current = node {
      let parent = current.pointee.parent.flatMap { $0.pointee.type == XML_ELEMENT_NODE ? $0.pointee.name : nil }
      let inRawText = parent.map { xmlStrEqual($0, "script") != 0 || xmlStrEqual($0, "style") != 0 } ?? false
      if !inRawText {
        out.append(contentsOf: Array(String(depth).utf8))
        out.append(UInt8(truncatingIfNeeded: current.pointee.type.rawValue))
        if let name = current.pointee.name { append(name, to: &out) }
        var attribute = current.pointee.type == XML_ELEMENT_NODE ? current.pointee.properties : nil
        while let a = attribute {
          append(a.pointee.name, to: &out)
          if let value = a.pointee.children?.pointee.content { append(value, to: &out) }
          attribute = a.pointee.next
        }
        if current.pointee.type != XML_COMMENT_NODE, let content = current.pointee.content { append(content, to: &out) }
      }
      // Children first, then siblings, then the next sibling of the nearest ancestor.
      if current.pointee.type == XML_ELEMENT_NODE, let child = current.pointee.children {
        node = child
        depth += 1
        continue
      }
      var climb: xmlNodePtr? = current
      node = nil
      while let c = climb {
        if let sibling = c.pointee.next {
          node = sibling
          break
        }
        climb = c.pointee.parent
        guard let up = climb, up.pointee.type == XML_ELEMENT_NODE else { break }
        depth -= 1
      }
    }
    return out
  }

  private static func append(_ string: UnsafePointer<xmlChar>, to out: inout [UInt8]) {
    out.append(contentsOf: UnsafeBufferPointer(start: string, count: Int(xmlStrlen(string))))
    out.append(0)
  }
}
