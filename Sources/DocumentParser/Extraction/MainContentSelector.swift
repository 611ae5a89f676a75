/// Picks the main content of a page from its ``PageModel``: a readability-style method.
///
/// 1. Drop chrome: elements whose tag (nav, footer, aside, header, form, menu) or names
///    (class, id, role, aria-label) mark them as boilerplate, and everything inside them.
/// 2. Score containers: every paragraph of 25+ characters gives `1 + commas +
///    min(length/100, 3)` to its container, half to the next ancestor and a third per level
///    above that (up to five levels); each container starts from a tag- and name-based
///    weight, and its score is scaled by `1 - link density`.
/// 3. Take the best container (moving up when several strong candidates share an ancestor)
///    plus siblings that score close to it or read like paragraphs.
/// 4. Inside it, drop sub-sections that look like chrome (link lists, image galleries, form
///    bits: readability's conditional cleaning), ad slots and teaser lines ("Baca juga: …").
///
/// If a pass yields too little text, it is repeated with fewer removals (readability's
/// flag relaxation).
struct MainContentSelector {
  /// What the selector settled on.
  struct Selection {
    /// Indexes of the blocks that form the main text, in document order.
    var blocks: [Int]
    /// Per block: whether it is in the main text.
    var inMain: [Bool]
  }

  /// How aggressive one pass is.
  struct Pass {
    var dropUnlikely: Bool
    var dropMarkedBoilerplate: Bool
    var weighClasses: Bool
    var cleanConditionally: Bool
  }

  static let passes: [Pass] = [
    Pass(dropUnlikely: true, dropMarkedBoilerplate: true, weighClasses: true, cleanConditionally: true),
    Pass(dropUnlikely: false, dropMarkedBoilerplate: true, weighClasses: true, cleanConditionally: true),
    Pass(dropUnlikely: false, dropMarkedBoilerplate: false, weighClasses: false, cleanConditionally: false),
  ]

  /// Minimum characters a pass must yield before the selector stops relaxing.
  static let enoughCharacters = 250

  let model: PageModel
  private let count: Int
  /// Subtree sums of block characters, link characters and commas per element.
  private var characters: [Int32]
  private var linkCharacters: [Int32]
  private var commas: [Int32]
  /// Subtree sums of the non-link characters of paragraph-sized blocks (80+ characters).
  private var paragraphText: [Int32]
  private var counts: [ElementCounts]

  /// Elements that hold most of the page's paragraph text: never dropped as chrome,
  /// whatever their names say (an ASP.NET `<form>` around the page, `main-content-wrap
  /// has-section-nav`), unless they are reader comments.
  private(set) var protected: [Bool]

  init(model: PageModel) {
    self.model = model
    count = model.elements.count
    characters = Array(repeating: 0, count: count)
    linkCharacters = Array(repeating: 0, count: count)
    commas = Array(repeating: 0, count: count)
    paragraphText = Array(repeating: 0, count: count)
    counts = model.directCounts
    protected = Self.protectedElements(model)
  }

  private static func protectedElements(_ model: PageModel) -> [Bool] {
    let count = model.elements.count
    var paragraphText = [Int](repeating: 0, count: count)
    for block in model.blocks where block.characters >= 80 && Int(block.owner) < count {
      paragraphText[Int(block.owner)] += Int(block.characters - block.linkCharacters)
    }
    for i in stride(from: count - 1, through: 1, by: -1) {
      let p = Int(model.elements[i].parent)
      if p >= 0 { paragraphText[p] += paragraphText[i] }
    }
    guard count > 0 else { return [] }
    let total = paragraphText[0]
    return paragraphText.map { total >= 500 && $0 * 2 >= total }
  }

  /// Runs the passes and returns the best selection.
  mutating func select() -> Selection {
    var best: Selection?
    var bestCharacters = -1
    for pass in Self.passes {
      let selection = run(pass)
      let total = selection.blocks.reduce(0) { $0 + Int(model.blocks[$1].characters) }
      if total > bestCharacters {
        best = selection
        bestCharacters = total
      }
      if total >= Self.enoughCharacters { break }
    }
    return best ?? Selection(blocks: [], inMain: Array(repeating: false, count: model.blocks.count))
  }

  // MARK: One pass

  private mutating func run(_ pass: Pass) -> Selection {
    let elements = model.elements
    var removed = [Bool](repeating: false, count: count)
    for i in 0..<count {
      let e = elements[i]
      if e.parent >= 0 && removed[Int(e.parent)] {
        removed[i] = true
        continue
      }
      if protected[i] && !e.marks.contains(.comments) { continue }
      if e.tag.isChrome && pass.dropMarkedBoilerplate { removed[i] = true }
      if pass.dropMarkedBoilerplate && e.marks.contains(.boilerplate) { removed[i] = true }
      if pass.dropUnlikely && e.marks.contains(.unlikely) { removed[i] = true }
    }
    aggregate(removed: removed)

    // Score candidates.
    var score = [Double](repeating: 0, count: count)
    var scored = [Bool](repeating: false, count: count)
    for block in model.blocks {
      let owner = Int(block.owner)
      guard owner < count, !removed[owner], block.characters >= 25 else { continue }
      let contentScore = 1 + Double(block.commas) + min(Double(block.characters) / 100, 3)
      var ancestor = elements[owner].tag.isContainer ? owner : Int(elements[owner].parent)
      var level = 0
      while ancestor >= 0 && level < 5 {
        if !scored[ancestor] {
          scored[ancestor] = true
          score[ancestor] = initialScore(ancestor, pass: pass)
        }
        let divider: Double = level == 0 ? 1 : (level == 1 ? 2 : Double(level) * 3)
        score[ancestor] += contentScore / divider
        ancestor = Int(elements[ancestor].parent)
        level += 1
      }
    }
    var top = -1
    var topScore = 0.0
    var candidates: [(index: Int, score: Double)] = []
    for i in 0..<count where scored[i] && !removed[i] {
      score[i] *= 1 - linkDensity(i)
      candidates.append((i, score[i]))
      if score[i] > topScore || top < 0 {
        top = i
        topScore = score[i]
      }
    }
    guard top >= 0 else { return fallback(removed: removed) }
    top = refine(top: top, candidates: candidates, score: score, scored: scored)
    topScore = score[top]

    // The top candidate and its sibling containers.
    var selected = [Bool](repeating: false, count: count)
    selected[top] = true
    let parent = Int(elements[top].parent)
    if parent >= 0 {
      let threshold = max(10, topScore * 0.2)
      let topClass = elements[top].classHash
      // The nearest sibling with text before the chosen container is the article's opening section
      // when it holds 300+ characters of paragraphs and almost no links.
      var opening = -1
      for i in (parent + 1)..<top where elements[i].parent == Int32(parent) && !removed[i] && characters[i] > 0 {
        opening = i
      }
      // Beside a container right under <body> sit page-level overlays (consent banners, dialogs),
      // not article sections: they are not taken for their paragraph text.
      let parentIsBody = elements[parent].tag == .body
      if !parentIsBody && opening >= 0 && paragraphText[opening] >= 300 && linkDensity(opening) < 0.1 {
        selected[opening] = true
      }
      for i in (parent + 1)..<count where elements[i].parent == Int32(parent) && i != top && !removed[i] {
        var bonus = 0.0
        if topClass != 0 && elements[i].classHash == topClass { bonus = topScore * 0.2 }
        if scored[i] && score[i] + bonus >= threshold {
          selected[i] = true
        } else if !parentIsBody && paragraphText[i] >= max(300, paragraphText[top] / 5) && linkDensity(i) < 0.25 {
          // A sibling section of article paragraphs (content split around a figure or video).
          selected[i] = true
        } else if elements[i].tag == .p || (elements[i].tag == .div && counts[i].paragraphs == 0) {
          let density = linkDensity(i)
          let length = characters[i]
          if length > 80 && density < 0.25 {
            selected[i] = true
          } else if length > 0 && length <= 80 && density == 0 && endsLikeSentence(i) {
            selected[i] = true
          }
        }
      }
    }
    selectRepeatedSections(around: top, selected: &selected, removed: removed)
    // Propagate selection and cleaning down the tree (parents precede children).
    var inside = [Bool](repeating: false, count: count)
    for i in 0..<count {
      let p = Int(elements[i].parent)
      inside[i] = selected[i] || (p >= 0 && inside[p])
      if inside[i] && !removed[i] && i != top && pass.cleanConditionally && !selected[i] && shouldClean(i, pass: pass) {
        removed[i] = true
      }
      if p >= 0 && removed[p] { removed[i] = true }
    }
    var chosen: [Int] = []
    var inMain = [Bool](repeating: false, count: model.blocks.count)
    for (b, block) in model.blocks.enumerated() {
      let owner = Int(block.owner)
      guard owner < count, inside[owner], !removed[owner] else { continue }
      if keep(block) {
        chosen.append(b)
        inMain[b] = true
      }
    }
    if let first = chosen.first {
      let leads = leadBlocks(before: first)
      if !leads.isEmpty {
        for b in leads { inMain[b] = true }
        chosen = leads + chosen
      }
    }
    return Selection(blocks: chosen, inMain: inMain)
  }

  /// Most blocks between the title and the chosen text that can be its lead.
  static let maxLeadBlocks = 3
  /// How far (in blocks) before the chosen text the `<h1>` may sit.
  static let maxLeadDistance = 10

  /// The lead of an article whose body container starts below it: paragraphs of two sentences
  /// or more (50+ characters, few links, few digits: not a "Published … Updated …" line; a
  /// one-sentence standfirst is a subtitle) between the nearest `<h1>` above the first chosen
  /// block and that block, outside chrome (figure captions, navigation, forms,
  /// boilerplate-marked elements). No `<h1>` in the ten blocks above the chosen text gives none.
  private func leadBlocks(before first: Int) -> [Int] {
    var titleBlock = -1
    var b = first - 1
    while b >= 0 && b >= first - Self.maxLeadDistance {
      let owner = Int(model.blocks[b].owner)
      if owner < count && model.elements[owner].tag == .h1 {
        titleBlock = b
        break
      }
      b -= 1
    }
    guard titleBlock >= 0 else { return [] }
    var leads: [Int] = []
    for b in (titleBlock + 1)..<first where leads.count < Self.maxLeadBlocks {
      let block = model.blocks[b]
      guard block.characters >= 50, Double(block.linkCharacters) <= Double(block.characters) * 0.3,
        digits(in: block) * 10 < Int(block.characters), sentenceEnds(in: block) >= 2, keep(block),
        !insideChrome(Int(block.owner))
      else { continue }
      leads.append(b)
    }
    return leads
  }

  /// Sentence ends in a block: `.`, `!` or `?` after a letter, followed by a space or the block's end.
  private func sentenceEnds(in block: PageModel.Block) -> Int {
    let start = Int(block.start)
    let end = Int(block.end)
    var ends = 0
    model.text.withUnsafeBufferPointer { text in
      for i in (start + 1)..<end {
        let b = text[i]
        guard b == 0x2E || b == 0x21 || b == 0x3F, i + 1 == end || text[i + 1] == 0x20 else { continue }
        let before = text[i - 1]
        if before &- 0x30 >= 10 && before != 0x20 && before != b { ends += 1 }
      }
    }
    return ends
  }

  private func digits(in block: PageModel.Block) -> Int {
    model.text[Int(block.start)..<Int(block.end)].reduce(0) { $0 + ($1 &- 0x30 < 10 ? 1 : 0) }
  }

  /// Whether an element or one of its ancestors is chrome by its tag (a `<header>` is not:
  /// it holds the title and the lead) or by its names.
  private func insideChrome(_ element: Int) -> Bool {
    var i = element
    while i >= 0 && i < count {
      let e = model.elements[i]
      if e.marks.contains(.boilerplate) || e.marks.contains(.comments) { return true }
      switch e.tag {
      case .nav, .footer, .aside, .form, .menu, .figure, .figcaption: return true
      default: break
      }
      i = Int(e.parent)
    }
    return false
  }

  /// How many levels above the chosen container ``selectRepeatedSections`` looks.
  static let repeatedSectionLevels = 6

  /// An article split into repeated sections (page-builder rows, one post after another): the
  /// siblings of the chosen container's ancestors that carry the same `class` as that ancestor
  /// and hold paragraph text with few links are content too.
  private func selectRepeatedSections(around top: Int, selected: inout [Bool], removed: [Bool]) {
    let elements = model.elements
    var section = Int(elements[top].parent)
    var level = 0
    while section >= 0 && level < Self.repeatedSectionLevels {
      let parent = Int(elements[section].parent)
      guard parent >= 0, elements[parent].tag != .html else { return }
      let sectionClass = elements[section].classHash
      if sectionClass != 0 {
        for i in (parent + 1)..<count
        where elements[i].parent == Int32(parent) && i != section && !removed[i]
          && elements[i].classHash == sectionClass && paragraphText[i] > 0 && linkDensity(i) < 0.25
        {
          selected[i] = true
        }
      }
      section = parent
      level += 1
    }
  }

  /// Whole-page fallback when no paragraph reached 25 characters (a short post, a tiny
  /// page): every visible, non-chrome block that is not a link line or a slot.
  private func fallback(removed: [Bool]) -> Selection {
    var chosen: [Int] = []
    var inMain = [Bool](repeating: false, count: model.blocks.count)
    for (b, block) in model.blocks.enumerated() {
      let owner = Int(block.owner)
      guard owner < count, !removed[owner], keep(block) else { continue }
      chosen.append(b)
      inMain[b] = true
    }
    return Selection(blocks: chosen, inMain: inMain)
  }

  private mutating func aggregate(removed: [Bool]) {
    for i in 0..<count {
      characters[i] = 0
      linkCharacters[i] = 0
      commas[i] = 0
      paragraphText[i] = 0
    }
    counts = model.directCounts
    for block in model.blocks {
      let owner = Int(block.owner)
      guard owner < count, !removed[owner] else { continue }
      characters[owner] += block.characters
      linkCharacters[owner] += block.linkCharacters
      commas[owner] += Int32(block.commas)
      if block.characters >= 80 { paragraphText[owner] += block.characters - block.linkCharacters }
    }
    for i in stride(from: count - 1, through: 1, by: -1) {
      let p = Int(model.elements[i].parent)
      guard p >= 0, !removed[i] else { continue }
      characters[p] += characters[i]
      linkCharacters[p] += linkCharacters[i]
      commas[p] += commas[i]
      paragraphText[p] += paragraphText[i]
      counts[p].add(counts[i])
    }
  }

  private func linkDensity(_ i: Int) -> Double {
    characters[i] > 0 ? Double(linkCharacters[i]) / Double(characters[i]) : 0
  }

  private func classWeight(_ i: Int) -> Double {
    let marks = model.elements[i].marks
    var weight = 0.0
    if marks.contains(.positive) { weight += 25 }
    if marks.contains(.negative) { weight -= 25 }
    return weight
  }

  private func initialScore(_ i: Int, pass: Pass) -> Double {
    var value: Double
    switch model.elements[i].tag {
    case .div, .article, .main, .section: value = 5
    case .pre, .td, .blockquote: value = 3
    case .address, .ol, .ul, .dl, .dd, .dt, .li, .form: value = -3
    case .h1, .h2, .h3, .h4, .h5, .h6, .th: value = -5
    default: value = 0
    }
    if model.elements[i].tag == .article || model.elements[i].tag == .main { value += 10 }
    if pass.weighClasses { value += classWeight(i) }
    return value
  }

  /// Readability's adjustments: prefer a shared ancestor of several strong candidates, and
  /// climb out of wrappers that add nothing.
  private func refine(
    top start: Int, candidates: [(index: Int, score: Double)], score: [Double], scored: [Bool]
  )
    -> Int
  {
    var top = start
    let topScore = score[top]
    let strong = candidates.sorted { $0.score > $1.score }.prefix(6).dropFirst().filter {
      $0.score / max(topScore, 0.0001) >= 0.75
    }
    if strong.count >= 2 {
      var ancestor = Int(model.elements[top].parent)
      var levels = 0
      while ancestor >= 0 && model.elements[ancestor].tag != .body && levels < 12 {
        levels += 1
        let containing = strong.filter { isAncestor(ancestor, of: $0.index) }.count
        if containing >= 2 {
          top = ancestor
          break
        }
        ancestor = Int(model.elements[ancestor].parent)
      }
    }
    // Climb while the parent scores higher (content split across siblings).
    var lastScore = score[top]
    var parent = Int(model.elements[top].parent)
    let threshold = lastScore / 3
    var climbed = 0
    while parent >= 0 && model.elements[parent].tag != .body && climbed < 12 {
      climbed += 1
      if !scored[parent] {
        parent = Int(model.elements[parent].parent)
        continue
      }
      if score[parent] < threshold { break }
      if score[parent] > lastScore {
        top = parent
        break
      }
      lastScore = score[parent]
      parent = Int(model.elements[parent].parent)
    }
    // Climb out of single-child wrappers.
    for _ in 0..<64 {
      let p = Int(model.elements[top].parent)
      guard p >= 0, model.elements[p].tag != .body, model.elements[p].tag != .html else { break }
      if characters[p] > characters[top] { break }
      top = p
    }
    return top
  }

  private func isAncestor(_ ancestor: Int, of node: Int) -> Bool {
    var current = node
    while current > ancestor {
      current = Int(model.elements[current].parent)
    }
    return current == ancestor
  }

  private func endsLikeSentence(_ i: Int) -> Bool {
    for block in model.blocks where Int(block.owner) == i {
      if model.text[Int(block.start)..<Int(block.end)].contains(UInt8(ascii: ".")) { return true }
    }
    return false
  }

  /// Readability's conditional cleaning of sections inside the chosen content.
  private func shouldClean(_ i: Int, pass: Pass) -> Bool {
    let e = model.elements[i]
    switch e.tag {
    case .div, .section, .ul, .ol, .table, .form, .aside, .dl, .figure, .header, .footer, .nav, .center: break
    default: return false
    }
    let weight = pass.weighClasses ? classWeight(i) : 0
    if weight < 0 && e.marks.contains(.negative) && !e.marks.contains(.positive) && characters[i] < 600 { return true }
    let density = linkDensity(i)
    if commas[i] >= 10 { return false }
    let c = counts[i]
    // A wrapper around a list (list items, no paragraphs) is judged as the list it holds.
    let isList = e.tag == .ul || e.tag == .ol || (counts[i].listItems >= 3 && counts[i].paragraphs == 0)
    let length = characters[i]
    if c.images > 1 && Double(c.paragraphs) / Double(c.images) < 0.5 && length < 200 { return true }
    if !isList && c.listItems - 100 > c.paragraphs { return true }
    if c.inputs > c.paragraphs / 3 && c.inputs > 0 { return true }
    if length < 25 && (c.images == 0 || c.images > 2) && c.headings == 0 && length > 0 { return false }
    if weight < 25 && density > 0.2 && !(isList && density < 0.5 && length > 200) {
      return length < 1500 || density > 0.5
    }
    if weight >= 25 && density > 0.5 { return true }
    if c.embeds > 1 && length < 75 { return true }
    return false
  }

  /// Whether a block of the chosen content is text rather than a slot, a teaser or a
  /// stray link line.
  private func keep(_ block: PageModel.Block) -> Bool {
    if block.characters == 0 { return false }
    let density = Double(block.linkCharacters) / Double(block.characters)
    if density > 0.5 && block.characters < 160 && !block.endsWithBreak { return false }
    if block.end - block.start <= 320 {
      let slot = model.text.withUnsafeBufferPointer { text in
        BoilerplateMarkers.isSlotLine(raw: UnsafeBufferPointer(rebasing: text[Int(block.start)..<Int(block.end)]))
      }
      if slot { return false }
    }
    return true
  }
}
