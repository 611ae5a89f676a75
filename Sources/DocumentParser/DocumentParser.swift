/// The parse stage: archived HTML to clean documents.
///
/// - ``DocumentBuilder`` turns one `ArchiveRecord` into a `Document`.
/// - ``ParseStage`` runs it over inputs in parallel and writes `documents.jsonl`.
/// - ``HTMLDocument`` is the libxml2 wrapper, ``CharsetDecoder`` the charset logic.
public enum DocumentParserStage {
  /// Human-readable name of the stage (used in diagnostics).
  public static let name = "parse"
}
