import CLibXML2

/// Text that only `<noscript>` holds: a Blogger post body rendered by script with a copy in
/// `<noscript>`, or an unclosed `<div>` inside `<noscript>` that makes libxml2 put the whole
/// body inside it. The walker skips `<noscript>` (a browser with scripts on does); when the
/// page then yields too little main text and its `<noscript>` elements hold enough, the
/// page is walked again reading them.
enum NoscriptFallback {
  /// Text bytes in `<noscript>` worth a second walk.
  static let enoughBytes = 400

  /// Bytes of text in `node`'s subtree outside `<script>` and `<style>`, counted up to `limit`.
  static func visibleTextBytes(_ node: xmlNodePtr, limit: Int) -> Int {
    var total = 0
    var current: xmlNodePtr? = node.pointee.children
    while let n = current, total < limit {
      if n.pointee.type == XML_TEXT_NODE, let content = n.pointee.content,
        let parent = n.pointee.parent, !isCode(HTMLTag.lookup(parent.pointee.name))
      {
        total += Int(xmlStrlen(content))
      }
      current = XMLNode.next(after: n, within: node)
    }
    return total
  }

  /// The model to extract from: `model` itself, or a walk that reads `<noscript>` when
  /// `model`'s main text is shorter than `minimumCharacters` and `<noscript>` holds enough
  /// text and gives more main text.
  static func model(
    for document: HTMLDocument, walked model: PageModel, minimumCharacters: Int
  ) -> PageModel {
    guard model.noscriptTextBytes >= enoughBytes else { return model }
    let visible = mainCharacters(model)
    guard visible < minimumCharacters else { return model }
    let alternative = PageWalker.model(of: document, readingNoscript: true)
    return mainCharacters(alternative) > visible ? alternative : model
  }

  private static func mainCharacters(_ model: PageModel) -> Int {
    var selector = MainContentSelector(model: model)
    return selector.select().blocks.reduce(0) { $0 + Int(model.blocks[$1].characters) }
  }

  private static func isCode(_ tag: HTMLTag) -> Bool { tag == .script || tag == .style }
}
