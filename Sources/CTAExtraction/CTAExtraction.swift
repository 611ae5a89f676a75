import SlackscoreCore

/// Namespace for the CTAExtraction stage; filled in by its issue.
public enum CTAExtractionStage {
  /// Human-readable name of the stage.
  public static let name = "ctaextraction"
}
