import SlackscoreCore

/// Namespace for the Scoring stage; filled in by its issue.
public enum ScoringStage {
  /// Human-readable name of the stage.
  public static let name = "scoring"
}
