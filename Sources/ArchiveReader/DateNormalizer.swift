import SlackscoreCore

/// Turns the dates archives write into ISO 8601 UTC with whole seconds
/// (`2019-05-01T10:00:00Z`).
///
/// Accepts `YYYY-MM-DDThh:mm:ss[.fraction][Z|±hh[:]mm]` (a space may stand for `T`,
/// seconds may be missing), and the compact ARC / CDX forms `YYYYMMDDhhmmss` (14 or
/// more digits, extra digits ignored), `YYYYMMDDhhmm` and `YYYYMMDD`. Anything else
/// (e.g. ClueWeb's `2008-10-294T…`) gives nil.
public enum DateNormalizer {
  /// The normalised date, or nil when `raw` is not a date this reader understands.
  public static func normalize(_ raw: String) -> String? {
    let b = Array(raw.utf8.drop { $0 == 0x20 })
    func digits(_ s: Int, _ n: Int) -> Int? {
      guard s + n <= b.count else { return nil }
      var v = 0
      for i in s..<s + n {
        let d = b[i] &- 0x30
        guard d < 10 else { return nil }
        v = v * 10 + Int(d)
      }
      return v
    }
    var year = 0
    var month = 0
    var day = 0
    var hour = 0
    var minute = 0
    var second = 0
    var offsetMinutes = 0
    if b.count >= 10 && b[4] == 0x2D {
      guard let y = digits(0, 4), b[4] == 0x2D, let mo = digits(5, 2), b[7] == 0x2D, let d = digits(8, 2)
      else { return nil }
      (year, month, day) = (y, mo, d)
      var i = 10
      if i < b.count {
        guard b[i] == 0x54 || b[i] == 0x20 || b[i] == 0x74 else { return nil }
        guard let h = digits(i + 1, 2), i + 3 < b.count, b[i + 3] == 0x3A, let mi = digits(i + 4, 2) else {
          return nil
        }
        (hour, minute) = (h, mi)
        i += 6
        if i < b.count && b[i] == 0x3A {
          guard let s = digits(i + 1, 2) else { return nil }
          second = s
          i += 3
        }
        if i < b.count && (b[i] == 0x2E || b[i] == 0x2C) {
          i += 1
          while i < b.count && (b[i] &- 0x30) < 10 { i += 1 }
        }
        if i < b.count {
          switch b[i] {
          case 0x5A, 0x7A: i += 1
          case 0x2B, 0x2D:
            let sign = b[i] == 0x2D ? -1 : 1
            guard let oh = digits(i + 1, 2) else { return nil }
            var j = i + 3
            if j < b.count && b[j] == 0x3A { j += 1 }
            let om = digits(j, 2) ?? 0
            if digits(j, 2) != nil { j += 2 }
            offsetMinutes = sign * (oh * 60 + om)
            i = j
          default: return nil
          }
        }
        guard i == b.count else { return nil }
      }
    } else {
      var n = 0
      while n < b.count && (b[n] &- 0x30) < 10 { n += 1 }
      guard n == b.count, n == 8 || n == 12 || n >= 14 else { return nil }
      year = digits(0, 4)!
      month = digits(4, 2)!
      day = digits(6, 2)!
      if n >= 12 {
        hour = digits(8, 2)!
        minute = digits(10, 2)!
      }
      if n >= 14 { second = digits(12, 2)! }
    }
    guard (1...12).contains(month), (1...CivilDate.daysIn(month: month, year: year)).contains(day), hour < 24,
      minute < 60, second < 61
    else { return nil }
    if offsetMinutes != 0 {
      var total = CivilDate.dayNumber(year: year, month: month, day: day) * 1440 + hour * 60 + minute - offsetMinutes
      let days = total >= 0 ? total / 1440 : (total - 1439) / 1440
      total -= days * 1440
      (year, month, day) = CivilDate.civil(fromDay: days)
      hour = total / 60
      minute = total % 60
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))Z"
  }

  private static func pad(_ v: Int, _ width: Int) -> String {
    let s = String(v)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
  }

}
