public import Foundation

/// When and how long to wait before trying a request again: on 429 and on 5xx (except
/// 501 and 505, which will not change) and on connection errors and timeouts, with
/// exponential backoff (`base`, `2 × base`, `4 × base`, …), honouring `Retry-After`
/// (seconds or an HTTP date) when the server sends it.
public struct RetryPolicy: Sendable {
  /// Retries after the first attempt.
  public var retries: Int
  /// First backoff step.
  public var base: Duration
  /// Longest wait; a `Retry-After` asking for more makes the fetch give up.
  public var maxWait: Duration

  public init(retries: Int, base: Duration, maxWait: Duration) {
    self.retries = retries
    self.base = base
    self.maxWait = maxWait
  }

  /// Whether a response with this status is worth another try.
  public static func isRetryable(status: Int) -> Bool {
    status == 429 || (500...599).contains(status) && status != 501 && status != 505
  }

  /// The wait before retry number `retry` (0 for the first retry), or nil when the server
  /// asks for a longer wait than `maxWait`.
  public func delay(beforeRetry retry: Int, retryAfter: String?, now: Date = Date()) -> Duration? {
    let backoff = base * (1 << min(retry, 20))
    guard let retryAfter, let asked = Self.parseRetryAfter(retryAfter, now: now) else { return min(backoff, maxWait) }
    return asked > maxWait ? nil : asked
  }

  /// `Retry-After` as a duration: delta-seconds or an HTTP date (RFC 9110 §10.2.3).
  public static func parseRetryAfter(_ value: String, now: Date = Date()) -> Duration? {
    let trimmed = value.trimmingSpaces()
    if let seconds = Int(trimmed), seconds >= 0 { return .seconds(seconds) }
    guard let seconds = HTTPDate.seconds(trimmed) else { return nil }
    return .milliseconds(max(0, Int((Double(seconds) - now.timeIntervalSince1970) * 1000)))
  }
}
