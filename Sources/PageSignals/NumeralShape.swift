// The shape of a run of digits and separators ("313.000", "1,2", "1.234.567,89", "10 000"),
// and the rules that decide which separator is the decimal mark. See docs/signals.md.

/// A run of digits with `.`, `,` or thin/no-break-space separators, as written.
struct NumeralShape {
  let start: Int
  /// One past the last digit.
  var end: Int
  var dots = 0
  var commas = 0
  /// Thin spaces or no-break spaces used as group separators ("10 000").
  var spaceSeparators = 0
  /// The last `.` or `,` seen (0 when none).
  var lastMark: UInt8 = 0
  /// Digits after the last separator of any kind.
  var digitsAfterLastSeparator = 0
  /// Digits before the first separator.
  var firstGroupLength = 0
  /// Whether the first digit is `0`.
  var leadingZero = false

  var hasSeparators: Bool { dots + commas + spaceSeparators > 0 }

  /// The longest numeral starting at the digit at `start`. A separator is part of the numeral
  /// only when a digit follows it; a thin/no-break space only when exactly three digits follow.
  /// Numerals longer than 48 bytes are not numbers people read (IDs, hashes): nil.
  static func scan(_ text: ByteText, at start: Int) -> NumeralShape? {
    var index = start
    var shape = NumeralShape(start: start, end: start)
    shape.leadingZero = text[start] == 0x30
    var groupLength = 0
    var sawSeparator = false
    while index < text.count {
      let byte = text[index]
      if ByteText.isDigit(byte) {
        groupLength += 1
        index += 1
        continue
      }
      if byte == 0x2E || byte == 0x2C {
        guard index + 1 < text.count, ByteText.isDigit(text[index + 1]) else { break }
        if !sawSeparator { shape.firstGroupLength = groupLength }
        sawSeparator = true
        if byte == 0x2E { shape.dots += 1 } else { shape.commas += 1 }
        shape.lastMark = byte
        groupLength = 0
        index += 1
        continue
      }
      let space = byte == 0x20 ? 0 : text.spaceLength(at: index)  // plain spaces never group digits
      if space > 0, groupLength <= 3, Self.exactlyThreeDigits(text, at: index + space) {
        if !sawSeparator { shape.firstGroupLength = groupLength }
        sawSeparator = true
        shape.spaceSeparators += 1
        groupLength = 0
        index += space
        continue
      }
      break
    }
    if !sawSeparator { shape.firstGroupLength = groupLength }
    shape.digitsAfterLastSeparator = groupLength
    guard index - start <= 48 else { return nil }
    shape.end = index
    return shape
  }

  private init(start: Int, end: Int) {
    self.start = start
    self.end = end
  }

  private static func exactlyThreeDigits(_ text: ByteText, at index: Int) -> Bool {
    guard index + 3 <= text.count else { return false }
    for offset in 0..<3 where !ByteText.isDigit(text[index + offset]) { return false }
    return index + 3 == text.count || !ByteText.isDigit(text[index + 3])
  }

  /// Whether a single `.` or `,` could be either mark ("1.234", "3,400"): exactly three digits
  /// follow it and the number does not start with a lone zero.
  var isAmbiguous: Bool {
    dots + commas == 1 && spaceSeparators == 0 && digitsAfterLastSeparator == 3
      && !(leadingZero && firstGroupLength == 1)
  }

  /// The decimal mark the shape itself implies, or nil when it implies none or is ambiguous.
  /// `.` → English style, `,` → Indonesian style.
  var impliedDecimalMark: UInt8? {
    if dots > 0 && commas > 0 { return lastMark }
    if dots + commas == 1 && !isAmbiguous { return lastMark }
    return nil
  }

  /// Decides the decimal mark. `localeMark` (`.` or `,`) settles the ambiguous single-separator
  /// case; without it the ambiguous case reads as grouping ("313.000" = 313000). Returns
  /// `.invalid` for shapes no locale writes ("1.2.3", "1,2,3.4.5", "12.03.2024").
  func decimalMark(localeMark: UInt8?) -> DecimalMark {
    if dots > 0 && commas > 0 {
      let count = lastMark == 0x2E ? dots : commas
      return count == 1 && spaceSeparators == 0 ? .mark(lastMark) : .invalid
    }
    let marks = dots + commas
    if marks == 0 { return .none }
    let mark: UInt8 = dots > 0 ? 0x2E : 0x2C
    if marks >= 2 { return spaceSeparators == 0 ? .none : .invalid }
    if spaceSeparators > 0 { return .mark(mark) }
    if !isAmbiguous { return .mark(mark) }
    if let localeMark { return localeMark == mark ? .mark(mark) : .none }
    return .none
  }

  /// The decimal mark decision.
  enum DecimalMark: Equatable {
    /// Every separator groups thousands.
    case none
    /// This byte is the decimal mark; the other separators group thousands.
    case mark(UInt8)
    /// Not a number any locale writes.
    case invalid
  }

  /// The digits as an integer mantissa and a count of decimals (value = mantissa / 10^decimals),
  /// checking that grouping separators sit every three digits. Nil when the grouping is wrong.
  func mantissa(in text: ByteText, decimalMark: DecimalMark) -> (mantissa: Double, decimals: Int)? {
    let mark: UInt8
    switch decimalMark {
    case .invalid: return nil
    case .none: mark = 0
    case .mark(let byte): mark = byte
    }
    var mantissa = 0.0
    var decimals = 0
    var inFraction = false
    var groupLength = 0
    var groups = 0
    var index = start
    while index < end {
      let byte = text[index]
      if ByteText.isDigit(byte) {
        mantissa = mantissa * 10 + Double(byte &- 0x30)
        if inFraction { decimals += 1 } else { groupLength += 1 }
        index += 1
        continue
      }
      if byte == mark {
        if groups > 0 && groupLength != 3 { return nil }
        inFraction = true
      } else {
        if inFraction { return nil }  // a group separator after the decimal mark
        if groups == 0 ? groupLength > 3 : groupLength != 3 { return nil }
        groups += 1
        groupLength = 0
      }
      index += byte < 0x80 ? 1 : text.spaceLength(at: index)
    }
    if !inFraction && groups > 0 && groupLength != 3 { return nil }
    return (mantissa, decimals)
  }
}
