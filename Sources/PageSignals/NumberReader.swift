// Reads one complete amount at a digit: numeral, optional range, scale word, `+`, and the
// currency signs around it. Shared by `LocaleNumber.parse` and the text counter scanner.

/// The language hint for number reading.
enum NumberLocale {
  case indonesian, english, unknown

  init(lang: String?) {
    switch lang?.lowercased().prefix(2) {
    case "id", "in": self = .indonesian  // "in": the old code for Indonesian, still in some lang attributes
    case "en", "ms": self = .english  // Malaysia writes numbers the English way ("1,204", "RM1.5 juta", "2 M")
    default: self = .unknown
    }
  }
}

/// An amount read from text.
struct NumberReading {
  /// First byte of the amount, including a currency sign before it.
  var start: Int
  /// First digit.
  var digitsStart: Int
  /// One past the last byte read (digits, range, scale word, `+`, trailing currency).
  var end: Int
  var value: Double
  var currency: String?
  /// The first numeral's shape (for the year, phone and ID traps).
  var shape: NumeralShape
  var scaled: Bool
  var isRange: Bool
}

/// Reads amounts at digits.
struct NumberReader {
  let text: ByteText
  let locale: NumberLocale

  /// The amount whose first digit is at `index`, or nil with the index to continue scanning
  /// from when the digits there are not a number anyone reads (bad grouping, dates such as
  /// "2024-01-05", over-long digit strings). `currency` is a currency already known.
  func read(at index: Int, currency knownCurrency: String? = nil) -> (reading: NumberReading?, resume: Int) {
    guard let shape = NumeralShape.scan(text, at: index) else {
      var end = index
      while end < text.count, ByteText.isDigit(text[end]) || text[end] == 0x2E || text[end] == 0x2C { end += 1 }
      return (nil, end)
    }
    var currency = knownCurrency
    var start = index
    var signBefore = false
    if currency == nil, let (code, signStart) = CurrencySigns.prefix(in: text, endingAt: index) {
      currency = code
      start = signStart
      signBefore = true
    }
    guard var first = amount(shape, currency: currency) else { return (nil, shape.end) }
    var end = first.end
    var isRange = false

    // A range: "1.000-2.000", "10 – 15 ribu", "5 hingga 10 rb". The lower bound is kept.
    if let (upperStart, glued) = rangeContinuation(after: first.end) {
      if let upperShape = NumeralShape.scan(text, at: upperStart),
        let upper = amount(upperShape, currency: currency)
      {
        var lower = first
        if lower.scale == nil, let scale = upper.scale {
          lower.value *= scale
          lower.scale = scale
        }
        if lower.value <= upper.value {
          first = lower
          end = upper.end
          isRange = true
          let chained = text.dashLength(at: end)
          if glued, chained > 0, end + chained < text.count, ByteText.isDigit(text[end + chained]) {
            return (nil, end + chained)  // "555-1234-5678": a phone number or code
          }
        } else if glued {
          return (nil, upper.end)  // "2024-12", "12-05": codes and dates, not counts
        }
      } else if glued {
        return (nil, upperStart)
      }
    }

    if end < text.count, text[end] == 0x2B { end += 1 }  // "10rb+"
    if currency == nil || signBefore, let (code, suffixEnd) = CurrencySigns.suffix(in: text, at: end) {
      // "$3,235 USD": the code after the amount says which dollar the sign meant.
      currency = code
      end = suffixEnd
      if first.scale == nil, let rescaled = amount(shape, currency: code) { first.value = rescaled.value }
    }
    let reading = NumberReading(
      start: start, digitsStart: index, end: end, value: first.value, currency: currency, shape: shape,
      scaled: first.scale != nil, isRange: isRange)
    return (reading, end)
  }

  /// One numeral with its scale word: value, end, and the multiplier used.
  private func amount(_ shape: NumeralShape, currency: String?) -> (value: Double, end: Int, scale: Double?)? {
    let scale = ScaleWord.read(text, at: shape.end, hasCurrency: currency != nil)
    let localeMark: UInt8?
    var multiplier = 1.0
    if let scale {
      let indonesian: Bool
      switch scale.locale {
      case .indonesian: indonesian = true
      case .english: indonesian = false
      case .neutral:
        if let currency {
          indonesian = currency == "IDR"
        } else if let implied = shape.impliedDecimalMark {
          indonesian = implied == 0x2C
        } else {
          indonesian = locale == .indonesian
        }
      }
      localeMark = indonesian ? 0x2C : 0x2E
      multiplier = scale.multiplier ?? (indonesian ? 1e9 : 1e6)
    } else {
      localeMark = nil
    }
    guard let (mantissa, decimals) = shape.mantissa(in: text, decimalMark: shape.decimalMark(localeMark: localeMark))
    else { return nil }
    var value = mantissa * multiplier
    if decimals > 0 { value /= Self.powerOfTen(decimals) }
    if scale != nil { value = value.rounded() }
    return (value, scale?.end ?? shape.end, scale == nil ? nil : multiplier)
  }

  private static func powerOfTen(_ exponent: Int) -> Double {
    var result = 1.0
    for _ in 0..<exponent { result *= 10 }
    return result
  }

  private static let rangeWords: [[UInt8]] = [Array("hingga".utf8), Array("sampai".utf8), Array("to".utf8)]

  /// Where the upper bound of a range starts after a numeral ending at `index`, and whether the
  /// dash was glued between digits; nil when no range follows.
  private func rangeContinuation(after index: Int) -> (start: Int, glued: Bool)? {
    let dashStart = text.skipSpaces(from: index)
    let dash = text.dashLength(at: dashStart)
    if dash > 0 {
      let next = text.skipSpaces(from: dashStart + dash)
      guard next < text.count, ByteText.isDigit(text[next]) else { return nil }
      return (next, dashStart == index && next == dashStart + dash)
    }
    guard dashStart > index, dashStart < text.count else { return nil }
    let wordEnd = text.wordEnd(from: dashStart)
    for word in Self.rangeWords where word.count == wordEnd - dashStart {
      guard text.hasPrefixIgnoringCase(word, at: dashStart) else { continue }
      let next = text.skipSpaces(from: wordEnd)
      guard next > wordEnd, next < text.count, ByteText.isDigit(text[next]) else { return nil }
      return (next, false)
    }
    return nil
  }
}
