/// Recognises the short byline, dateline and credit lines that sit at the edges of an
/// article body ("Penulis : …", "Rabu, 17 Juni 2015 | 22:26 WIB", "Photo: Reuters").
enum BylineFilter {
  /// Prefixes that always start a byline or credit line.
  static let prefixes: [String] = [
    "penulis", "editor", "reporter", "pewarta", "posted by", "written by", "words by", "sumber:", "sumber :",
    "source:", "foto:", "foto :", "photo:", "photo :", "image:", "credit:", "penyunting", "redaktur", "kontributor",
    "laporan wartawan", ":",
  ]
  /// Prefixes that start a byline only in a short line without a full stop ("By Alex
  /// Moreno", but not "By 2030 the town wants a library.").
  static let weakPrefixes: [String] = [
    "by ", "by:", "oleh ", "oleh:", "published", "updated", "last updated", "diperbarui", "dipublikasikan",
    "diterbitkan",
  ]
  static let months: [String] = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "januari", "februari", "maret", "mei", "juni", "juli", "agustus", "oktober",
    "desember", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "agu", "agt", "sep", "sept", "oct", "okt", "nov",
    "dec", "des",
  ]

  static let dateWords: Set<String> = [
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "wed", "thu", "fri",
    "sat", "sun", "senin", "selasa", "rabu", "kamis", "jumat", "jum", "at", "sabtu", "minggu", "ahad", "wib", "wita",
    "wit", "am", "pm", "utc", "gmt", "pukul", "jam", "on", "updated", "published", "diperbarui", "terbit",
  ]

  /// The prefixes of two bytes or more as one needle set, and the one-byte ones.
  private static let prefixNeedles = NeedleSet(prefixes)
  private static let prefixBytes = Set(prefixes.filter { $0.utf8.count == 1 }.map { $0.utf8.first! })
  private static let weakPrefixNeedles = NeedleSet(weakPrefixes)
  private static let captionNeedles = NeedleSet([
    "(image:", "(photo:", "(foto:", "(picture:", "(pic:", "credit:", "(getty", "(reuters)", "(ap photo",
    "/getty images", "/ getty images", "/istock", "/ istock",
  ])

  /// The longest line (in bytes) that can be a byline.
  static let longestByline = 90

  /// Whether `line` is a byline, dateline or credit rather than article text.
  static func isByline(_ line: String) -> Bool {
    guard line.utf8.count <= longestByline else { return false }
    return isByline(LowercasedBytes(line))
  }

  /// The same, on a lower-cased line.
  static func isByline(_ line: LowercasedBytes) -> Bool {
    guard line.bytes.count <= longestByline else { return false }
    if let first = line.bytes.first, prefixBytes.contains(first) { return true }
    if prefixNeedles.startsAny(line.bytes) { return true }
    if weakPrefixNeedles.startsAny(line.bytes) && line.bytes.last != 0x2E {
      let words = line.bytes.split(separator: 0x20).count
      if words <= 8 { return true }
    }
    return hasYear(line.bytes) && isDateLine(String(decoding: line.bytes, as: UTF8.self))
  }

  /// Photo captions and credits: "… (Image: GETTY)", "…Credit: Reuters", "… (Name / iStock.com)".
  static func isCaption(_ line: String) -> Bool { isCaption(LowercasedBytes(line)) }

  /// The same, on a lower-cased line.
  static func isCaption(_ line: LowercasedBytes) -> Bool {
    line.bytes.withUnsafeBufferPointer { isCaption(raw: $0) }
  }

  /// The same, on a line in any case. A paragraph that opens with a dateline ("LOS ANGELES
  /// (Reuters) - South Korean…") is article text, not a credit.
  static func isCaption(raw line: UnsafeBufferPointer<UInt8>) -> Bool {
    line.count <= 300 && captionNeedles.occurs(in: line) && !opensWithDateline(line)
  }

  /// Whether `line` starts with a dateline: a closing bracket followed by a dash (`) -`,
  /// `) –`, `) —`) within its first 80 bytes, and text after it.
  static func opensWithDateline(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    let limit = min(line.count, 80)
    var i = 0
    while i + 3 < limit {
      if line[i] == 0x29 && line[i + 1] == 0x20 {
        let dash = line[i + 2]
        let isDash =
          dash == 0x2D
          || (dash == 0xE2 && i + 4 < line.count && line[i + 3] == 0x80
            && (line[i + 4] == 0x93 || line[i + 4] == 0x94))
        if isDash { return line.count > i + 24 }
      }
      i += 1
    }
    return false
  }

  /// The same over UTF-8 bytes (a String is made only when the cheap test passes).
  static func isTeaser(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    guard line.count <= 200, let last = line.last(where: { $0 != 0x7C && $0 != 0x20 }), last == 0x5D else {
      return false
    }
    return isTeaser(String(decoding: line, as: UTF8.self))
  }

  /// Teaser links in the body: "Headline of another story [VIDEO]".
  static func isTeaser(_ line: String) -> Bool {
    guard line.utf8.count <= 200 else { return false }
    // Cheap exit: the line must end in "]" (before any trailing "|" and spaces).
    guard let last = line.utf8.last(where: { $0 != 0x7C && $0 != 0x20 }), last == 0x5D else { return false }
    var trimmed = Substring(line)
    while let last = trimmed.last, last == "|" || last == " " { trimmed = trimmed.dropLast() }
    guard trimmed.hasSuffix("]"), let open = trimmed.lastIndex(of: "[") else { return false }
    let tag = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
    return !tag.isEmpty && tag.count <= 12 && tag.allSatisfy { $0.isUppercase || $0 == " " }
  }

  /// A quick byte scan for "19dd" or "20dd".
  static func hasYear(_ bytes: [UInt8]) -> Bool {
    guard bytes.count >= 4 else { return false }
    func digit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    for i in 0...(bytes.count - 4)
    where (bytes[i] == 0x31 && bytes[i + 1] == 0x39 || bytes[i] == 0x32 && bytes[i + 1] == 0x30) && digit(bytes[i + 2])
      && digit(bytes[i + 3])
    {
      return true
    }
    return false
  }

  /// A short line made of a date (month name and a year) and little else.
  static func isDateLine(_ lowered: String) -> Bool {
    let words = lowered.split { !$0.isLetter && !$0.isNumber }
    guard words.count <= 10, words.count >= 2 else { return false }
    let hasYear = words.contains {
      $0.count == 4 && ($0.hasPrefix("19") || $0.hasPrefix("20")) && $0.allSatisfy(\.isNumber)
    }
    let hasMonth = words.contains { months.contains(String($0)) }
    let hasClock = lowered.contains(":") && words.contains { $0.count <= 2 && $0.allSatisfy(\.isNumber) }
    // Nothing but date parts: day and month names, numbers, "WIB", "pm", "pukul".
    let others = words.filter { word in
      word.allSatisfy(\.isLetter) && !months.contains(String(word)) && !dateWords.contains(String(word))
    }.count
    return hasYear && (hasMonth || hasClock) && others <= 1
  }
}
