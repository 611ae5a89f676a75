#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Joins the chosen blocks into the document's `text`.
enum MainText {
  /// Blocks joined by `\n`; a heading or first line that repeats the title is left out,
  /// and exact repeats of a line are dropped. Works on the page's bytes: a String is made
  /// only for the few short lines that need a closer look, and once for the result.
  static func assemble(model: PageModel, blocks: [Int], title: String?) -> String {
    let titleKey = title.map(comparable)
    let titleBytes = titleKey?.utf8.count ?? 0
    var lowered = LowercasedBytes(lowercased: [])
    let capacity = blocks.reduce(0) { $0 + Int(model.blocks[$1].end - model.blocks[$1].start) + 1 }
    guard capacity > 0 else { return "" }
    // Written straight into the String's storage: no intermediate byte array.
    return String(unsafeUninitializedCapacity: capacity) { out in
      var count = 0
      var lastLine = 0..<0
      model.text.withUnsafeBufferPointer { text in
        for (position, index) in blocks.enumerated() {
          let block = model.blocks[index]
          var start = Int(block.start)
          var end = Int(block.end)
          // The walker writes no edge spaces; trim anyway for blocks built elsewhere.
          while start < end && text[start] == 0x20 { start += 1 }
          while end > start && text[end - 1] == 0x20 { end -= 1 }
          let length = end - start
          guard length > 0 else { continue }
          let line = UnsafeBufferPointer(rebasing: text[start..<end])
          if position < 6, let titleKey, titleBytes > 0, length <= titleBytes * 2 + 16,
            comparable(String(decoding: line, as: UTF8.self)) == titleKey
          {
            continue
          }
          if length <= 300 {
            if BylineFilter.isCaption(raw: line) || BylineFilter.isTeaser(line) { continue }
            if length <= BylineFilter.longestByline {
              lowered.replace(with: line)
              if BylineFilter.isByline(lowered) { continue }
            }
          }
          // A line repeated right away is a layout duplicate (desktop and mobile copies).
          if length > 40 && lastLine.count == length
            && memcmp(out.baseAddress! + lastLine.lowerBound, line.baseAddress!, length) == 0
          {
            continue
          }
          if count > 0 {
            out[count] = 0x0A
            count += 1
          }
          lastLine = count..<(count + length)
          _ = UnsafeMutableBufferPointer(rebasing: out[count..<(count + length)]).update(fromContentsOf: line)
          count += length
        }
      }
      return count
    }
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
