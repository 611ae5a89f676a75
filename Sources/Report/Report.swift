import SlackscoreCore

/// Namespace for the Report stage; filled in by its issue.
public enum ReportStage {
  /// Human-readable name of the stage.
  public static let name = "report"
}
