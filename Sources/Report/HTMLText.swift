/// Escaping and number formatting for the HTML report. No Foundation: the report must be
/// byte-identical for identical inputs, whatever the machine's locale.
enum HTMLText {
  /// Escapes `&`, `<`, `>`, `"` and `'` for text and attribute values.
  static func escape(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for ch in s.unicodeScalars {
      switch ch {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.unicodeScalars.append(ch)
      }
    }
    return out
  }

  /// The group separator: a narrow no-break space (U+202F), neutral between the Indonesian
  /// `.` and English `,` conventions, that never breaks a number across lines.
  static let groupSeparator = "\u{202F}"

  /// A number for people: thousands grouped with a narrow no-break space, at most
  /// `decimals` decimals.
  static func number(_ value: Double, decimals: Int = 0) -> String {
    guard value.isFinite else { return "–" }
    let negative = value < 0
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let rounded = (abs(value) * scale).rounded()
    var integer = UInt64(rounded / scale)
    var fraction = UInt64(rounded) - integer * UInt64(scale)
    if decimals == 0 { fraction = 0 }
    var digits = integer == 0 ? "0" : ""
    var groups: [String] = []
    while integer > 0 {
      let part = integer % 1000
      integer /= 1000
      groups.append(integer > 0 ? pad3(part) : String(part))
    }
    if !groups.isEmpty { digits = groups.reversed().joined(separator: groupSeparator) }
    var result = (negative ? "−" : "") + digits
    if decimals > 0 {
      var f = String(fraction)
      while f.count < decimals { f = "0" + f }
      while f.hasSuffix("0") { f.removeLast() }
      if !f.isEmpty { result += "." + f }
    }
    return result
  }

  /// Compact form for count axes: 1.2k, 3.4 mn, 1.2 bn (never a bare `M`, which in
  /// Indonesian means miliar on the money axes).
  static func compact(_ value: Double) -> String {
    let a = abs(value)
    let units: [(Double, String)] = [(1e12, "\u{A0}tn"), (1e9, "\u{A0}bn"), (1e6, "\u{A0}mn"), (1e3, "k")]
    for (scale, suffix) in units where a >= scale {
      return number(value / scale, decimals: a / scale < 10 ? 1 : 0) + suffix
    }
    return number(value, decimals: a < 10 && a != a.rounded() ? 1 : 0)
  }

  /// `value` rounded to three significant digits, for ratios (1 720, 6.76, 0.0120).
  static func significant(_ value: Double) -> String {
    guard value.isFinite else { return "–" }
    let a = abs(value)
    if a == 0 { return "0" }
    if a >= 100 { return number((value / pow10(Int(log10Floor(a)) - 2)).rounded() * pow10(Int(log10Floor(a)) - 2)) }
    let decimals = min(6, 2 - Int(log10Floor(a)))
    return number(value, decimals: decimals)
  }

  /// Money with its currency for people and axes. Rupiah uses the Indonesian words
  /// (rb = ribu, jt = juta, M = miliar, T = triliun) and a decimal comma ("Rp 2,4 M");
  /// other currencies their ISO code with k, mn, bn ("USD 15.3k"). `compact: false`
  /// writes every digit ("Rp 2 390 670 000").
  static func money(_ value: Double, currency: String, compact: Bool = true) -> String {
    guard value.isFinite else { return "–" }
    let isRupiah = currency == "IDR"
    let prefix = isRupiah ? "Rp\u{A0}" : currency + "\u{A0}"
    guard compact else { return prefix + number(value) }
    let a = abs(value)
    let units: [(Double, String)] =
      isRupiah
      ? [(1e12, "\u{A0}T"), (1e9, "\u{A0}M"), (1e6, "\u{A0}jt"), (1e3, "\u{A0}rb")]
      : [(1e12, "\u{A0}tn"), (1e9, "\u{A0}bn"), (1e6, "\u{A0}mn"), (1e3, "k")]
    for (scale, suffix) in units where a >= scale {
      var text = number(value / scale, decimals: a / scale < 10 ? 1 : 0)
      if isRupiah { text = text.replacingDecimalPoint() }
      return prefix + text + suffix
    }
    return prefix + number(value)
  }

  /// "Rp" or the ISO code, for axis titles.
  static func currencyLabel(_ currency: String) -> String {
    currency == "IDR" ? "Rp; jt = juta, M = miliar" : currency
  }

  /// Fixed-point coordinate for SVG attributes (two decimals, no exponent).
  static func coordinate(_ value: Double) -> String {
    let v = (value * 100).rounded() / 100
    if v == v.rounded() { return String(Int(v)) }
    let scaled = Int((abs(v) * 100).rounded())
    let sign = v < 0 ? "-" : ""
    let frac = scaled % 100
    return sign + String(scaled / 100) + "." + (frac < 10 ? "0" : "") + String(frac).replacingZeroSuffix()
  }

  private static func pad3(_ n: UInt64) -> String {
    n < 10 ? "00\(n)" : n < 100 ? "0\(n)" : "\(n)"
  }
}

extension String {
  fileprivate func replacingDecimalPoint() -> String { String(map { $0 == "." ? "," : $0 }) }

  fileprivate func replacingZeroSuffix() -> String {
    var s = self
    while s.count > 1 && s.hasSuffix("0") { s.removeLast() }
    return s
  }
}
