import SlackscoreCore

/// One observation in a time series: a capture date and a value, with its evidence.
public struct TimePoint: Sendable, Hashable {
  /// ISO 8601 date or date-time; only the date part is used for the position.
  public var date: String
  public var value: Double
  /// High end of an estimate range (drawn as a vertical bar from `value`).
  public var high: Double?
  public var tooltip: String
  public var link: String?

  public init(date: String, value: Double, high: Double? = nil, tooltip: String, link: String?) {
    self.date = date
    self.value = value
    self.high = high
    self.tooltip = tooltip
    self.link = link
  }
}

/// A named series (e.g. "signatures (captures)" or "shares (posts)").
public struct TimeSeries: Sendable, Hashable {
  public var name: String
  public var cssClass: String
  public var points: [TimePoint]

  public init(name: String, cssClass: String, points: [TimePoint]) {
    self.name = name
    self.cssClass = cssClass
    self.points = points
  }
}
