/// The method section's words, written once so that `campaigns.json` and `docs/score.md`
/// say the same thing.
enum MethodText {
  /// What the call-to-action detector was measured to miss and add on real Indonesian posts it was
  /// not developed on (docs/extract-figures.md, the fifth to tenth fresh sets and the sets of the
  /// eighteenth to twentieth sessions, pooled per session); said in the method and in each campaign's
  /// `cta-detector-indonesian` caveat.
  static let indonesianDetectorError =
    "on real Indonesian posts it was not developed on it found 15-46% of the asks and 15-70% of what it found were asks"

  /// What it was measured to find on real English web pages no one here had read: the new sentences of
  /// thirty-one saved page sets, the pages of the seventeenth to nineteenth sessions from outlets no
  /// earlier set named, and the twentieth and twenty-first sessions' campaign and charity sites, each
  /// printed before its errors were read (docs/extract-figures.md, twelfth to twenty-first sessions).
  static let englishPageDetectorError =
    "on real English web pages no one here had read it found 48-80% of the asks and 66-84% of what it found were asks"

  static let statement =
    "All figures are descriptive: they describe what the archived pages, the calls to action and the supplied CSVs show, side by side. They do not show that online interactions caused, or failed to cause, any outcome (supporters self-select, successful campaigns get shared more, and archives capture pages irregularly). Ratios name their numerator and denominator; a missing denominator is null with a reason, never 0."

  static let formulas: [String: String] = [
    "interactions":
      "per type: sum over units (near-duplicate clusters of documents, plus export rows whose URL names no document); within a unit each URL counts at its latest capture and the unit takes the largest count per type; coverage = units with a count / units",
    "outcome_value":
      "per kind: sum of the latest values of the sources used (the campaign's own pages and the outcome CSV; figures quoted on other pages only when neither exists, and then only the largest); funds also in the base currency with the rate dated at or before the figure (else the earliest rate)",
    "cta_mix":
      "non-boilerplate CTAs of the campaign's documents, one per (cluster, category, sentence); mean_effort = mean effort; low_effort share = CTAs with effort <= low_effort_max / CTAs, Wilson 95% interval (sampling only: the detector's own errors are not in it; \(indonesianDetectorError); \(englishPageDetectorError), docs/extract.md)",
    "ratio_per_1k":
      "outcome value (funds in base currency, turnout low estimate) x 1000 / sum of the interaction type over units with a count; 95% interval: percentile bootstrap resampling those units (seeded SplitMix64), outcome held fixed",
    "loudness":
      "min(1, log10(1 + A) / 6), A = likes + shares + comments + reactions (retweets, reposts, boosts and quotes are shares: one act, one count)",
    "acts": "min(1, log10(1 + W) / 6), W = 2 signatures + 3 donors + 4 volunteers + 5 turnout (low)",
    "gap": "max(0, loudness - acts)",
    "effort_norm": "(mean CTA effort - 1) / 4",
    "slacktivism_index":
      "100 x weighted mean of gap (0.5), low_effort_share (0.3), 1 - effort_norm (0.2); unknown components dropped and weights renormalised",
    "engagement_index":
      "100 x weighted mean of acts (0.5), effort_norm (0.3), 1 - low_effort_share (0.2); unknown components dropped and weights renormalised",
    "quadrant":
      "loudness >= median and acts >= median: engaged; loud, fewer acts: loud-but-idle; quieter, acts at or above: quiet-effective; both below: dormant; medians over this pipeline's campaigns with both figures (the CTA mix is not part of the quadrant)",
    "near_duplicates":
      "3-word shingles (FNV-1a 64-bit); MinHash (64 values) with LSH (16 bands x 4 rows) finds candidates; a pair is a near-duplicate when its estimated Jaccard similarity (the share of agreeing MinHash values) is >= 0.7, each document compared with at most 8 earlier ones of other clusters per bucket; texts under 8 words cluster by URL only; the same URL key is always the same cluster",
    "campaign_assignment":
      "target URLs (petition/donation/event) in the URL, canonical URL, main-content links or CTA targets; url_patterns on URL; hashtags and keywords within the period; a document matching several campaigns counts in full in each",
  ]

  /// Reference points derived from published figures (see docs/score.md for sources);
  /// derived values, to be recomputed before quoting.
  static let referenceRatios: [ReferenceRatio] = [
    ReferenceRatio(
      caseName: "Save Darfur cause on Facebook, 2007-2010", value: 2.4, unit: "donors per 1,000 members",
      note: "derived from Lewis, Gray & Meierhenrich 2014 (99.76% of 1.2 M members never donated)"),
    ReferenceRatio(
      caseName: "Facebook get-out-the-vote experiment, 2010", value: 5.6,
      unit: "extra votes per 1,000 users shown the message",
      note:
        "derived from Bond et al. 2012 (about 340,000 extra votes, 61 M users); a randomised design, unlike these figures"
    ),
    ReferenceRatio(
      caseName: "Nonprofit fundraising email benchmark, 2015", value: 40, unit: "USD per 1,000 fundraising emails",
      note: "M+R/NTEN Benchmarks 2015, as summarised by a secondary source"),
    ReferenceRatio(
      caseName: "#ReformasiDikorupsi, Sept 2019", value: 0.17, unit: "protesters per 1,000 impressions",
      note: "derived from a monitoring firm's impression estimate and one press crowd estimate; both are samples"),
    ReferenceRatio(
      caseName: "Gerakan 1.000.000 Facebookers (Cicak vs Buaya), Nov 2009", value: 1,
      unit: "rally attendees per 1,000 group members (upper bound)",
      note: "1 million members against a rally of hundreds; derived, an upper bound"),
  ]
}
