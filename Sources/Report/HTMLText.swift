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

  /// A number for people: thousands grouped with a thin space (neutral between the
  /// Indonesian `.` and English `,` conventions), at most `decimals` decimals.
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
    if !groups.isEmpty { digits = groups.reversed().joined(separator: "\u{2009}") }
    var result = (negative ? "−" : "") + digits
    if decimals > 0 {
      var f = String(fraction)
      while f.count < decimals { f = "0" + f }
      while f.hasSuffix("0") { f.removeLast() }
      if !f.isEmpty { result += "." + f }
    }
    return result
  }

  /// Compact form for axis ticks: 1.2k, 3.4M, 1.2B.
  static func compact(_ value: Double) -> String {
    let a = abs(value)
    let units: [(Double, String)] = [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")]
    for (scale, suffix) in units where a >= scale {
      return number(value / scale, decimals: a / scale < 10 ? 1 : 0) + suffix
    }
    return number(value, decimals: a < 10 && a != a.rounded() ? 1 : 0)
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
  fileprivate func replacingZeroSuffix() -> String {
    var s = self
    while s.count > 1 && s.hasSuffix("0") { s.removeLast() }
    return s
  }
}
