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
      let length = line.utf8.count
      if position < 6, let titleKey, !titleKey.isEmpty, length <= titleKey.utf8.count * 2 + 16,
        comparable(line) == titleKey
      {
        continue
      }
      if length <= 300 {
        let lowered = LowercasedBytes(line)
        if BylineFilter.isByline(lowered) || BylineFilter.isCaption(lowered) || BylineFilter.isTeaser(line) { continue }
      }
      // A line repeated right away is a layout duplicate (desktop and mobile copies).
      if length > 40 && lines.last == line { continue }
      lines.append(line)
    }
    return lines.joined(separator: "\n")
  }

  /// Lower-cased letters and digits only, for loose comparison.
  static func comparable(_ s: String) -> String {
    var out = String.UnicodeScalarView()
    for scalar in s.lowercased().unicodeScalars {
      if scalar.isASCII {
        let v = scalar.value
        if (v >= 0x30 && v <= 0x39) || (v >= 0x61 && v <= 0x7A) { out.append(scalar) }
      } else if !scalar.properties.isWhitespace && scalar.properties.generalCategory != .otherPunctuation
        && scalar.properties.generalCategory != .initialPunctuation
        && scalar.properties.generalCategory != .finalPunctuation
        && scalar.properties.generalCategory != .dashPunctuation
      {
        out.append(scalar)
      }
    }
    return String(out)
  }
}
