/// The closed word lists the sentence scan looks a word up in by its text, not by a word-table class
/// (`grammar` in `Resources/cta-lexicon.json`; each list is described on its `GrammarWords` field).
/// Built once with the analyzer.
struct ScanWords: Sendable {
  /// `grammar.joining_conjunctions`: "dan", "and".
  let joiningConjunctions: Set<String>
  /// `grammar.comment_box_verbs`: "share", "bagikan".
  let commentBoxVerbs: Set<String>
  /// `grammar.support_verbs`: "dukung".
  let supportVerbs: Set<String>
  /// `grammar.purpose_conjunctions`: "biar", "agar".
  let purposeConjunctions: Set<String>
  /// `grammar.conditional_conjunctions`: "kalau", "jika".
  let conditionalConjunctions: Set<String>
  /// `grammar.merely_words`: "sekedar", "cuma".
  let merelyWords: Set<String>
  /// `grammar.election_goal_verbs`: "sukseskan", "kawal".
  let electionGoalVerbs: Set<String>
  /// `grammar.informal_singular_you`: "lu", "elu".
  let informalSingularYou: Set<String>
  /// The longest of `informalSingularYou`, in bytes: a longer word is not looked up.
  let informalSingularYouBytes: Int
  /// `grammar.letter_honorifics`: "yth".
  let letterHonorifics: Set<String>
  /// `grammar.subject_linking_verbs`: "is", "are".
  let subjectLinkingVerbs: Set<String>
  /// `grammar.sentence_joiners`: "and", "the", "dan".
  let sentenceJoiners: Set<String>
  /// `grammar.english_only_acts`: "vote".
  let englishOnlyActs: Set<String>
  /// `grammar.perfect_markers`: "sudah", "telah".
  let perfectMarkers: Set<String>

  init(_ grammar: GrammarWords) {
    joiningConjunctions = Set(grammar.joiningConjunctions)
    commentBoxVerbs = Set(grammar.commentBoxVerbs)
    supportVerbs = Set(grammar.supportVerbs)
    purposeConjunctions = Set(grammar.purposeConjunctions)
    conditionalConjunctions = Set(grammar.conditionalConjunctions)
    merelyWords = Set(grammar.merelyWords)
    electionGoalVerbs = Set(grammar.electionGoalVerbs)
    informalSingularYou = Set(grammar.informalSingularYou)
    informalSingularYouBytes = grammar.informalSingularYou.map(\.utf8.count).max() ?? 0
    letterHonorifics = Set(grammar.letterHonorifics)
    subjectLinkingVerbs = Set(grammar.subjectLinkingVerbs)
    sentenceJoiners = Set(grammar.sentenceJoiners)
    englishOnlyActs = Set(grammar.englishOnlyActs)
    perfectMarkers = Set(grammar.perfectMarkers)
  }
}
