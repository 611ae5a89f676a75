public import PipelineConfiguration
public import SlackscoreCore

/// Everything the scorer reads, already loaded and sorted.
public struct ScoreInputs: Sendable {
  /// The pipeline config.
  public var config: PipelineConfig
  /// Documents from the parse stage (read back from their scratch file when ``ScoreStage``
  /// spilled them). Editing them drops `textFacts` (worked out from the texts as read, index by
  /// index), so the scorer never pairs a document with another's facts.
  public var documents: [Document] {
    get { store.all }
    set {
      let ctas = self.ctas
      store = ScoreDocuments(newValue)
      textFacts = nil
      ctaStore = ScoreCTAs(ctas, documents: store)
    }
  }
  /// Where the documents are: in memory, or spilled by ``ScoreStage``.
  var store: ScoreDocuments
  /// Calls to action from the extract stage (read back from their scratch file when
  /// ``ScoreStage`` spilled them).
  public var ctas: [CallToAction] {
    get { ctaStore.all }
    set { ctaStore = ScoreCTAs(newValue, documents: store) }
  }
  /// Where the calls to action are: in memory, or spilled by ``ScoreStage``; found among `store`.
  var ctaStore: ScoreCTAs
  /// Outcome CSV rows.
  public var outcomes: [OutcomeRow]
  /// Interaction export rows.
  public var interactions: [InteractionRow]
  /// The text facts of `documents[i]`, when the reader worked them out and dropped the texts
  /// (``ScoreStage/loadInputs(options:logger:diagnostics:)``); nil: read from the texts.
  var textFacts: TextFactsTable? = nil

  public init(
    config: PipelineConfig, documents: [Document], ctas: [CallToAction], outcomes: [OutcomeRow],
    interactions: [InteractionRow]
  ) {
    self.config = config
    let store = ScoreDocuments(documents)
    self.store = store
    self.ctaStore = ScoreCTAs(ctas, documents: store)
    self.outcomes = outcomes
    self.interactions = interactions
  }
}

/// Rounds to `places` decimals (6 by default) so that printed figures do not depend on
/// the last bits of floating-point sums; -0 becomes 0.
func fixed(_ x: Double, _ places: Int = 6) -> Double {
  let scale = pow10(places)
  let r = (x * scale).rounded() / scale
  return r == 0 ? 0 : r
}

func fixedIfAny(_ x: Double?, _ places: Int = 6) -> Double? { x.map { fixed($0, places) } }

private func pow10(_ n: Int) -> Double {
  var v = 1.0
  for _ in 0..<n { v *= 10 }
  return v
}
