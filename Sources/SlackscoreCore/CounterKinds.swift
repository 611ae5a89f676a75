/// The kinds of `Counter`, by axis: one vocabulary for parse (which counts may come from text),
/// the counter scorer and score (which kinds are interactions).
public enum CounterKinds {
  /// What people did with the post or page itself, in the order outputs list them.
  public static let interactions: [String] = [
    "likes", "shares", "comments", "views", "reactions", "retweets", "followers",
  ]
  /// What people did offline or for the campaign (read only from widgets and structured data).
  public static let outcomes: [String] = [
    "signatures", "signature_goal", "funds_raised", "funds_goal", "donors", "attendees", "volunteers",
  ]
}
