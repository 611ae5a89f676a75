import SlackscoreCore

/// Where on the page a count sits, and so whose it is: the page's own item (the article or post
/// found by main-content selection, with its header next to the title) or another item (a
/// related list, a sidebar widget, a comment).
///
/// Works on the ``PageModel``'s element array (parents precede children), after main-content
/// selection: a few parent walks per counter, no pass over the text.
struct CounterPlaces {
  let model: PageModel
  let protected: [Bool]
  /// The element that holds the main content and the first `<h1>` (when they sit together), or -1.
  let region: Int32
  /// Per block: whether it is in the main text.
  let inMain: [Bool]

  init(model: PageModel, selection: MainContentSelector.Selection, protected: [Bool]) {
    self.model = model
    self.protected = protected
    self.inMain = selection.inMain
    var region: Int32 = -1
    if let first = selection.blocks.first, let last = selection.blocks.last {
      region = Self.commonAncestor(model.blocks[first].owner, model.blocks[last].owner, in: model)
    }
    let heading = model.metadata.firstHeadingElement
    if heading >= 0 {
      if region < 0 {
        region = model.elements[Int(heading)].parent
      } else {
        // The article's header (title, byline, share bar) sits beside its text.
        let joined = Self.commonAncestor(region, heading, in: model)
        if joined >= 0, !Self.isPageWide(model.elements[Int(joined)].tag) { region = joined }
      }
    }
    self.region = region
  }

  private static func isPageWide(_ tag: HTMLTag) -> Bool { tag == .html || tag == .body }

  static func commonAncestor(_ a: Int32, _ b: Int32, in model: PageModel) -> Int32 {
    var a = a
    var b = b
    while a != b && a >= 0 && b >= 0 {
      if a > b { a = model.elements[Int(a)].parent } else { b = model.elements[Int(b)].parent }
    }
    return a == b ? a : -1
  }

  /// Whose a count found inside `element` is: `page`, `comment`, `reply`, `related` or `sidebar`.
  func subject(ofElement element: Int32, kind: String, text: String) -> String {
    place(ofElement: element, kind: kind, text: text).subject
  }

  /// The subject, and whether the count is a comment thread's own total ("51 Kommentare" over
  /// the thread): that one stays the page's even when lists elsewhere repeat the kind.
  func place(ofElement element: Int32, kind: String, text: String) -> (subject: String, threadTotal: Bool) {
    var current = element
    var comments = false
    while current >= 0 {
      if current == region { break }
      let e = model.elements[Int(current)]
      let wrapper = e.tag == .html || e.tag == .body || e.tag == .main || e.tag == .article
      if !wrapper && !(protected.indices.contains(Int(current)) && protected[Int(current)]) {
        if e.marks.contains(.related) { return ("related", false) }
        if e.marks.contains(.sidebar) || e.tag == .aside { return ("sidebar", false) }
        if e.marks.contains(.comments) { comments = true }
      }
      current = e.parent
    }
    guard comments else { return ("page", false) }
    // Inside a comment thread: the thread's own total ("34 Comments") is the page's; a
    // comment's likes or its "3 replies" are not.
    if Self.saysMoreReplies(text) { return ("reply", false) }
    return kind == "comments" ? ("page", true) : ("comment", false)
  }

  /// "3 more replies", "View 12 replies", "Lihat 5 balasan lainnya": a comment's replies.
  private static func saysMoreReplies(_ text: String) -> Bool {
    let lower = text.lowercased()
    guard lower.contains("repl") || lower.contains("balas") || lower.contains("antwort") else { return false }
    return ["more", "view", "show", "lainnya", "lihat", "weitere"].contains { lower.contains($0) }
  }

  /// Whether a block is mostly text of links to other pages (a menu entry, a headline), not of
  /// the page's own tabs ("Funders / 95" linking to the project's pledges: ``OwnLinks``).
  func isLinkText(_ block: Int32) -> Bool {
    guard block >= 0 && Int(block) < model.blocks.count else { return false }
    let b = model.blocks[Int(block)]
    guard b.linkCharacters * 2 > b.characters else { return false }
    let own = model.metadata.ownAddress
    return !model.links.contains { $0.block == block && OwnLinks.isOwn($0.href, canonical: own) }
  }

  /// Whether a block is in the main text.
  func isMainText(_ block: Int32) -> Bool { block >= 0 && Int(block) < inMain.count && inMain[Int(block)] }

  /// Whether `element` lies inside the region.
  func inRegion(_ element: Int32) -> Bool {
    guard region >= 0 else { return true }
    var current = element
    while current > region { current = model.elements[Int(current)].parent }
    return current == region
  }

  /// A list of other items shows the same kind again and again with different values ("19
  /// comments", "16 comments", … under headlines). When a kind has three or more different page
  /// values from the text, the ones outside the region are the list's (`related`); inside the
  /// region, when the region itself shows three or more, or two of the page's three or more (a
  /// blog's home page whose first posts fall inside the region), none is the page's (an index
  /// of stories, each row with its comments; an index of petitions, "1,643 of 2,000
  /// signatures", "764 of 1,000 signatures", …), except shares: a share bar tells them per
  /// network ("5347" Facebook, "207" Twitter, "24" LinkedIn). A count that `standsAlone` (a
  /// comment thread's own total, the page's one widget of a count) stays the page's.
  func demoteRepeatedLists(_ found: [(counter: Counter, owner: Int32, standsAlone: Bool)]) -> [Counter] {
    var values: [String: Set<Double>] = [:]
    var valuesInRegion: [String: Set<Double>] = [:]
    // Bare numbers named by their class (`markup`) are judged among themselves: a thread's
    // "commentcount" 1, 2, 3, … numbers its comments and says nothing of the total in words.
    var markupValues: [String: Set<Double>] = [:]
    for (counter, owner, _) in found where counter.subject == "page" {
      if counter.originKind == .markup {
        markupValues[counter.kind, default: []].insert(counter.value)
        continue
      }
      values[counter.kind, default: []].insert(counter.value)
      if inRegion(owner) { valuesInRegion[counter.kind, default: []].insert(counter.value) }
    }
    return found.map { counter, owner, standsAlone in
      var counter = counter
      guard counter.subject == "page", !standsAlone else { return counter }
      let onPage = values[counter.kind]?.count ?? 0
      let inTheRegion = valuesInRegion[counter.kind]?.count ?? 0
      var list =
        inRegion(owner)
        ? counter.kind != "shares" && (inTheRegion >= 3 || (inTheRegion >= 2 && onPage >= 3))
        : onPage >= 3
      if counter.originKind == .markup && counter.kind != "shares" && (markupValues[counter.kind]?.count ?? 0) >= 3 {
        list = true
      }
      if list { counter.subject = "related" }
      return counter
    }
  }
}
