/// Proleptic Gregorian calendar arithmetic without Foundation (Howard Hinnant's day-number
/// algorithms): the reader normalises WARC dates with it, the config checks periods, the
/// report places captures on a time axis.
public enum CivilDate {
  /// Days since 1970-01-01 of a calendar day.
  public static func dayNumber(year y0: Int, month m: Int, day d: Int) -> Int {
    let y = m <= 2 ? y0 - 1 : y0
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  /// The calendar day of a day number.
  public static func civil(fromDay z0: Int) -> (year: Int, month: Int, day: Int) {
    let z = z0 + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }

  /// Days in a month of a year.
  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Day number of the first 10 characters of `text` when they are `YYYY-MM-DD` naming a
  /// real day (what follows, e.g. a time, is ignored), else nil.
  public static func dayNumber(_ text: String) -> Int? {
    let b = Array(text.utf8.prefix(10))
    guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D else { return nil }
    func digits(_ range: Range<Int>) -> Int? {
      var v = 0
      for i in range {
        guard b[i] >= 0x30 && b[i] <= 0x39 else { return nil }
        v = v * 10 + Int(b[i] - 0x30)
      }
      return v
    }
    guard let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10), (1...12).contains(m),
      (1...daysIn(month: m, year: y)).contains(d)
    else { return nil }
    return dayNumber(year: y, month: m, day: d)
  }

  /// `YYYY-MM-DD` of a day number.
  public static func label(forDay day: Int) -> String {
    let (y, m, d) = civil(fromDay: day)
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "\(y)-\(two(m))-\(two(d))"
  }
}
