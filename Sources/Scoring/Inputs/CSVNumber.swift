import PipelineConfiguration

/// The number syntax of the outcome and interaction CSVs. Nothing is guessed: a grouped
/// number (`2.910`, `1,500`) is read by the file's declared ``NumberStyle`` (`id`: `.` groups
/// thousands, `,` is the decimal mark; `en`: the other way round), and a cell that does not
/// follow it is rejected with its line and column.
enum CSVNumber {
  /// Why a cell is not a number of the kind asked for.
  struct Rejection: Error {
    var message: String
  }

  /// A count (signatures, donors, people, likes): a whole, non-negative number, digits
  /// grouped in threes by the style's grouping mark or not grouped at all.
  static func count(_ raw: String, style: NumberStyle) -> Result<Double, Rejection> {
    let text = raw.trimmingSpaces()
    let (group, decimal) = marks(style)
    let bytes = Array(text.utf8)
    guard !bytes.isEmpty else { return .failure(Rejection(message: "expected a whole number, got an empty cell")) }
    if bytes.first == UInt8(ascii: "-") {
      return .failure(Rejection(message: "a count cannot be negative, got \(quoted(raw))"))
    }
    if bytes.contains(decimal) {
      let other = style == .id ? "en" : "id"
      return .failure(
        Rejection(
          message:
            "a count must be a whole number, got \(quoted(raw)) (number_style \(style.rawValue) reads \(quoted(String(UnicodeScalar(decimal)))) as the decimal mark; if it groups thousands here, set number_style: \(other))"
        ))
    }
    guard let value = grouped(bytes[...], group: group), value.isFinite else {
      return .failure(
        Rejection(
          message:
            "expected a whole number like 12500 or \(style == .id ? "12.500" : "12,500") (number_style \(style.rawValue)), got \(quoted(raw))"
        ))
    }
    return .success(value)
  }

  /// An amount of money: grouping and an optional decimal part, by the style.
  static func amount(_ raw: String, style: NumberStyle) -> Result<Double, Rejection> {
    let text = raw.trimmingSpaces()
    let (group, decimal) = marks(style)
    var bytes = Array(text.utf8)[...]
    let negative = bytes.first == UInt8(ascii: "-")
    if negative { bytes = bytes.dropFirst() }
    let parts = bytes.split(separator: decimal, maxSplits: 2, omittingEmptySubsequences: false)
    let example = style == .id ? "1.500.000,50" : "1,500,000.50"
    let failure = Rejection(
      message: "expected an amount like \(example) (number_style \(style.rawValue)), got \(quoted(raw))")
    guard parts.count <= 2, let whole = grouped(parts[0], group: group) else { return .failure(failure) }
    var value = whole
    if parts.count == 2 {
      let fraction = parts[1]
      guard !fraction.isEmpty, fraction.allSatisfy({ $0 >= 48 && $0 <= 57 }),
        let f = Double("0." + String(decoding: fraction, as: UTF8.self))
      else { return .failure(failure) }
      value += f
    }
    guard value.isFinite else { return .failure(failure) }
    return .success(negative ? -value : value)
  }

  /// `low-high` counts (e.g. `5000-12000`, spaces allowed around `-`), low ≤ high.
  static func countRange(_ raw: String, style: NumberStyle) -> (low: Double, high: Double)? {
    let bytes = Array(raw.trimmingSpaces().utf8)
    guard let dash = bytes.dropFirst().firstIndex(of: UInt8(ascii: "-")) else { return nil }
    let left = String(decoding: bytes[..<dash], as: UTF8.self)
    let right = String(decoding: bytes[(dash + 1)...], as: UTF8.self)
    guard case .success(let low) = count(left, style: style), case .success(let high) = count(right, style: style),
      low <= high
    else { return nil }
    return (low, high)
  }

  /// (grouping mark, decimal mark).
  private static func marks(_ style: NumberStyle) -> (UInt8, UInt8) {
    style == .id ? (UInt8(ascii: "."), UInt8(ascii: ",")) : (UInt8(ascii: ","), UInt8(ascii: "."))
  }

  /// Digits, or digits grouped in threes by `group` (`1.500.000`): nil otherwise.
  private static func grouped(_ bytes: ArraySlice<UInt8>, group: UInt8) -> Double? {
    guard !bytes.isEmpty else { return nil }
    let groups = bytes.split(separator: group, omittingEmptySubsequences: false)
    for (index, g) in groups.enumerated() {
      guard !g.isEmpty, g.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
      if groups.count > 1 {
        if index == 0 && g.count > 3 { return nil }
        if index > 0 && g.count != 3 { return nil }
      }
    }
    return Double(String(decoding: bytes.filter { $0 != group }, as: UTF8.self))
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
