import Foundation

/// HTTP dates (RFC 9110 §5.6.7: `Sun, 06 Nov 1994 08:49:37 GMT` and the two obsolete forms),
/// as sent in `Retry-After`, `Date` and `Memento-Datetime`.
enum HTTPDate {
  /// The date as seconds since 1970, or nil when it is not an HTTP date.
  static func seconds(_ value: String) -> Int? {
    let trimmed = value.trimmingSpaces()
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "GMT")
    for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
      formatter.dateFormat = format
      if let date = formatter.date(from: trimmed) { return Int(date.timeIntervalSince1970.rounded()) }
    }
    return nil
  }
}
