import SlackscoreCore

/// Plain calendar arithmetic on `YYYY-MM-DD` strings (proleptic Gregorian, no time zones),
/// enough for periods, rate dates and day buckets.
package enum CalendarDate {
  /// Whether `text` is exactly `YYYY-MM-DD` and names a real day.
  package static func isValid(_ text: String) -> Bool { dayNumber(text) != nil && text.utf8.count == 10 }

  /// Days since 1970-01-01 of the first 10 characters (`YYYY-MM-DD`), or nil.
  package static func dayNumber(_ text: String) -> Int? { CivilDate.dayNumber(text) }
}
