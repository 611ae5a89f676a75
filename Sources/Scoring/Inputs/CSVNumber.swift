/// The number syntax of the outcome and interaction CSVs, strict on purpose: `.` is the
/// decimal separator and `,` may only group thousands in threes (`12,500.5`). Anything else
/// (`1.234.567`, `1,5`, `Rp 5 jt`) is rejected rather than guessed, because Indonesian and
/// English writing disagree on both separators (the page parser handles page text).
enum CSVNumber {
  /// Parses one value; nil when it does not follow the syntax above.
  static func parse(_ raw: String) -> Double? {
    let text = raw.trimmingSpaces()
    guard !text.isEmpty else { return nil }
    var bytes = Array(text.utf8)
    var negative = false
    if bytes.first == UInt8(ascii: "-") {
      negative = true
      bytes.removeFirst()
    }
    let parts = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
    guard parts.count <= 2, let integerPart = parts.first, !integerPart.isEmpty else { return nil }
    let groups = integerPart.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
    for (index, group) in groups.enumerated() {
      guard !group.isEmpty, group.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
      if groups.count > 1 {
        if index == 0 && group.count > 3 { return nil }
        if index > 0 && group.count != 3 { return nil }
      }
    }
    if parts.count == 2 {
      guard !parts[1].isEmpty, parts[1].allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
    }
    var digits = String(decoding: integerPart.filter { $0 != UInt8(ascii: ",") }, as: UTF8.self)
    if parts.count == 2 { digits += "." + String(decoding: parts[1], as: UTF8.self) }
    guard let value = Double(digits), value.isFinite else { return nil }
    return negative ? -value : value
  }

  /// `low-high` (e.g. `5000-12000`, spaces allowed around `-`), both non-negative, low ≤ high.
  static func parseRange(_ raw: String) -> (low: Double, high: Double)? {
    let bytes = Array(raw.trimmingSpaces().utf8)
    guard let dash = bytes.dropFirst().firstIndex(of: UInt8(ascii: "-")) else { return nil }
    let left = String(decoding: bytes[..<dash], as: UTF8.self)
    let right = String(decoding: bytes[(dash + 1)...], as: UTF8.self)
    guard let low = parse(left), let high = parse(right), low >= 0, low <= high else { return nil }
    return (low, high)
  }
}

extension String {
  /// The string without leading and trailing spaces, tabs and line breaks.
  func trimmingSpaces() -> String {
    let scalars = unicodeScalars
    var start = scalars.startIndex
    var end = scalars.endIndex
    func isSpace(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\t" || s == "\n" || s == "\r" || s == "\u{00A0}" }
    while start < end && isSpace(scalars[start]) { start = scalars.index(after: start) }
    while end > start && isSpace(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
    return String(scalars[start..<end])
  }
}
