/// The slackscore version, recorded in run.json and printed by `--version`.
public enum SlackscoreVersion {
  public static let current = "0.1.0"
}
