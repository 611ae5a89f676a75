import SlackscoreCore

/// Namespace for the Pipeline stage; filled in by its issue.
public enum PipelineStage {
  /// Human-readable name of the stage.
  public static let name = "pipeline"
}
