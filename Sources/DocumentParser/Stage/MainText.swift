/// Joins the chosen blocks into the document's `text`.
enum MainText {
  /// Blocks joined by `\n`; a heading or first line that repeats the title is left out,
  /// and exact repeats of a line are dropped.
  static func assemble(model: PageModel, blocks: [Int], title: String?) -> String {
    let titleKey = title.map(comparable)
    var lines: [String] = []
    for (position, index) in blocks.enumerated() {
      let line = model.string(of: model.blocks[index]).trimmingWhitespace()
      guard !line.isEmpty else { continue }
      let key = comparable(line)
      if position < 6, let titleKey, !titleKey.isEmpty, key == titleKey { continue }
      if BylineFilter.isByline(line) || BylineFilter.isCaption(line) || BylineFilter.isTeaser(line) { continue }
      // A line repeated right away is a layout duplicate (desktop and mobile copies).
      if lines.last.map(comparable) == key && line.utf8.count > 40 { continue }
      lines.append(line)
    }
    return lines.joined(separator: "\n")
  }

  /// Lower-cased letters and digits only, for loose comparison.
  static func comparable(_ s: String) -> String {
    String(String.UnicodeScalarView(s.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }))
  }
}
