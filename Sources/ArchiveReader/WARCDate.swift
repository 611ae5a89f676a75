#if canImport(Glibc)
  import Glibc
#endif

/// Conversions between WARC dates (`2024-05-01T10:00:00Z`), Wayback timestamps
/// (`20240501100000`) and seconds since 1970, all UTC, without Foundation.
public enum WARCDate {
  /// The current time as a WARC date.
  public static func now() -> String { format(seconds: Int(time(nil))) }

  /// The current time as a 14-digit timestamp.
  public static func nowStamp() -> String { stamp(seconds: Int(time(nil))) }

  /// Seconds since 1970 as a WARC date.
  public static func format(seconds: Int) -> String {
    let p = parts(seconds)
    return "\(pad(p.0, 4))-\(pad(p.1, 2))-\(pad(p.2, 2))T\(pad(p.3, 2)):\(pad(p.4, 2)):\(pad(p.5, 2))Z"
  }

  /// Seconds since 1970 as a 14-digit timestamp.
  public static func stamp(seconds: Int) -> String {
    let p = parts(seconds)
    return "\(pad(p.0, 4))\(pad(p.1, 2))\(pad(p.2, 2))\(pad(p.3, 2))\(pad(p.4, 2))\(pad(p.5, 2))"
  }

  /// A Wayback timestamp (4 to 14 digits; missing parts are the earliest value) as a WARC
  /// date, or nil when it is not digits or not a real date.
  public static func fromStamp(_ stamp: String) -> String? {
    seconds(fromStamp: stamp).map { format(seconds: $0) }
  }

  /// A Wayback timestamp (4 to 14 digits) as seconds since 1970.
  public static func seconds(fromStamp stamp: String) -> Int? {
    let digits = Array(stamp.utf8)
    guard digits.count >= 4, digits.count <= 14, digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
    func field(_ start: Int, _ length: Int, _ fallback: Int) -> Int {
      guard start + length <= digits.count else { return fallback }
      return digits[start..<start + length].reduce(0) { $0 * 10 + Int($1 - 48) }
    }
    let year = field(0, 4, 1970)
    let month = field(4, 2, 1)
    let day = field(6, 2, 1)
    let hour = field(8, 2, 0)
    let minute = field(10, 2, 0)
    let second = field(12, 2, 0)
    guard (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
    var t = tm()
    t.tm_year = Int32(year - 1900)
    t.tm_mon = Int32(month - 1)
    t.tm_mday = Int32(day)
    t.tm_hour = Int32(hour)
    t.tm_min = Int32(minute)
    t.tm_sec = Int32(second)
    return Int(timegm(&t))
  }

  /// A WARC date (`YYYY-MM-DDThh:mm:ss[.fff]Z`) as a 14-digit timestamp, or nil.
  public static func stamp(fromWARCDate date: String) -> String? {
    let digits = date.utf8.filter { $0 >= 48 && $0 <= 57 }
    guard digits.count >= 14 else { return nil }
    return String(decoding: digits.prefix(14), as: UTF8.self)
  }

  /// A WARC date as seconds since 1970.
  public static func seconds(fromWARCDate date: String) -> Int? {
    stamp(fromWARCDate: date).flatMap { seconds(fromStamp: $0) }
  }

  private static func parts(_ seconds: Int) -> (Int, Int, Int, Int, Int, Int) {
    var t = time_t(seconds)
    var result = tm()
    gmtime_r(&t, &result)
    return (
      Int(result.tm_year) + 1900, Int(result.tm_mon) + 1, Int(result.tm_mday), Int(result.tm_hour),
      Int(result.tm_min), Int(result.tm_sec)
    )
  }

  private static func pad(_ value: Int, _ width: Int) -> String {
    let s = String(value)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
  }
}
