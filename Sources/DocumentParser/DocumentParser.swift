import SlackscoreCore

/// Namespace for the DocumentParser stage; filled in by its issue.
public enum DocumentParserStage {
  /// Human-readable name of the stage.
  public static let name = "documentparser"
}
