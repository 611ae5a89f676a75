/// Plain calendar arithmetic on `YYYY-MM-DD` strings (proleptic Gregorian, no time zones),
/// enough for periods, rate dates and day buckets.
package enum CalendarDate {
  /// Whether `text` is exactly `YYYY-MM-DD` and names a real day.
  package static func isValid(_ text: String) -> Bool { dayNumber(text) != nil && text.utf8.count == 10 }

  /// Days since 1970-01-01 of the first 10 characters (`YYYY-MM-DD`), or nil.
  package static func dayNumber(_ text: String) -> Int? {
    let b = Array(text.utf8.prefix(10))
    guard b.count == 10, b[4] == 45, b[7] == 45 else { return nil }
    func digits(_ range: Range<Int>) -> Int? {
      var v = 0
      for i in range {
        guard b[i] >= 48 && b[i] <= 57 else { return nil }
        v = v * 10 + Int(b[i] - 48)
      }
      return v
    }
    guard let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10), (1...12).contains(m), d >= 1 else {
      return nil
    }
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
    let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    guard d <= lengths[m - 1] else { return nil }
    // Days from civil (H. Hinnant's algorithm).
    let yy = m <= 2 ? y - 1 : y
    let era = (yy >= 0 ? yy : yy - 399) / 400
    let yoe = yy - era * 400
    let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }
}
