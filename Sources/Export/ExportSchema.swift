/// One column of an exported table: its SQL and what it means for people.
struct ColumnSpec: Sendable {
  var name: String
  /// SQL type and constraints, e.g. `TEXT NOT NULL`.
  var sql: String
  var description: String
  /// Unit in words (`count`, `IDR`, `0–1 share`), shown in Datasette's column description.
  var unit: String?
}

/// One exported table: columns, table constraints, indexes, title and description.
struct TableSpec: Sendable {
  var name: String
  var title: String
  var description: String
  var columns: [ColumnSpec]
  /// PRIMARY KEY, FOREIGN KEY and UNIQUE clauses.
  var constraints: [String] = []
  /// Indexed column lists, e.g. `["campaign_id", "kind"]`.
  var indexes: [[String]] = []

  var createSQL: String {
    let parts = columns.map { "  \"\($0.name)\" \($0.sql)" } + constraints.map { "  " + $0 }
    return "CREATE TABLE \(name) (\n" + parts.joined(separator: ",\n") + "\n)"
  }

  var indexSQL: [String] {
    indexes.map { cols in
      "CREATE INDEX idx_\(name)_\(cols.joined(separator: "_")) ON \(name) (\(cols.map { "\"\($0)\"" }.joined(separator: ", ")))"
    }
  }

  var insertSQL: String {
    "INSERT INTO \(name) (\(columns.map { "\"\($0.name)\"" }.joined(separator: ", "))) VALUES ("
      + columns.map { _ in "?" }.joined(separator: ", ") + ")"
  }
}

/// The tables of `slackscore export --sqlite`, in creation order (referenced tables first).
enum ExportSchema {
  static func c(_ name: String, _ sql: String, _ description: String, unit: String? = nil) -> ColumnSpec {
    ColumnSpec(name: name, sql: sql, description: description, unit: unit)
  }

  static let tables: [TableSpec] = [
    TableSpec(
      name: "documents", title: "Documents",
      description: "Every document of documents.jsonl: one archived page or post, with where its bytes are.",
      columns: [
        c("id", "TEXT NOT NULL", "Document id (a hash of the archive record)."),
        c("url", "TEXT", "URL as archived."), c("title", "TEXT", "Page title."),
        c("lang", "TEXT", "Language code."), c("published_at", "TEXT", "Publication date from the page."),
        c("captured_at", "TEXT", "Capture time (WARC-Date)."), c("author", "TEXT", "Author."),
        c("site_name", "TEXT", "Site name."), c("canonical_url", "TEXT", "Canonical URL."),
        c("archive_path", "TEXT NOT NULL", "Archive file the document was read from."),
        c("archive_offset", "INTEGER", "Byte offset of the record in the archive file.", unit: "bytes"),
        c("record_id", "TEXT", "WARC-Record-ID."), c("payload_digest", "TEXT", "WARC-Payload-Digest."),
        c("text_chars", "INTEGER NOT NULL", "Characters of main text.", unit: "characters"),
        c("empty_reason", "TEXT", "Why the text is empty, when it is."),
        c("show_command", "TEXT", "The command that prints the archived bytes."),
      ],
      constraints: ["PRIMARY KEY (id)"], indexes: [["url"], ["archive_path", "archive_offset"]]),
    TableSpec(
      name: "campaigns", title: "Campaigns",
      description: "One row per configured campaign, with its indices and quadrant (campaigns.json).",
      columns: [
        c("id", "TEXT NOT NULL", "Campaign id from the pipeline config."), c("name", "TEXT NOT NULL", "Name."),
        c("period_start", "TEXT", "Campaign period start."), c("period_end", "TEXT", "Campaign period end."),
        c("documents", "INTEGER NOT NULL", "Documents assigned, duplicates included.", unit: "count"),
        c("unique_documents", "INTEGER NOT NULL", "Near-duplicate clusters: what is counted.", unit: "count"),
        c("duplicates_removed", "INTEGER NOT NULL", "documents − unique_documents.", unit: "count"),
        c("ctas", "INTEGER NOT NULL", "Calls to action counted (boilerplate and copies excluded).", unit: "count"),
        c("mean_effort", "REAL", "Mean effort of the calls to action.", unit: "1 (click) – 5 (street)"),
        c("low_effort_share", "REAL", "Share of low-effort asks.", unit: "share 0–1"),
        c("low_effort_ci95_low", "REAL", "Lower bound of its Wilson 95% interval.", unit: "share 0–1"),
        c("low_effort_ci95_high", "REAL", "Upper bound of its Wilson 95% interval.", unit: "share 0–1"),
        c("active_interactions", "REAL", "Likes + shares + comments + reactions + retweets.", unit: "count"),
        c("effort_weighted_acts", "REAL", "Offline acts weighted by effort (signature 2 … turnout 5).", unit: "points"),
        c("slacktivism_index", "REAL", "Slacktivism index.", unit: "0–100"),
        c("engagement_index", "REAL", "Engagement index.", unit: "0–100"),
        c("quadrant", "TEXT", "loud-but-idle, engaged, quiet-effective or dormant (relative to this pipeline)."),
        c("quadrant_null_reason", "TEXT", "Why there is no quadrant."),
      ],
      constraints: ["PRIMARY KEY (id)"]),
    TableSpec(
      name: "campaign_documents", title: "Documents per campaign",
      description: "Which documents a campaign counts, why they matched, and which are near-duplicates.",
      columns: [
        c("campaign_id", "TEXT NOT NULL", "Campaign."), c("document_id", "TEXT NOT NULL", "Document."),
        c("cluster_id", "TEXT NOT NULL", "Near-duplicate cluster; each cluster counts once."),
        c("duplicate_of", "TEXT", "The cluster member counted in this one's place, when it is a duplicate."),
        c("matched_by", "TEXT NOT NULL", "Match reasons, comma-separated (hashtag, keyword, url_pattern, …)."),
      ],
      constraints: [
        "PRIMARY KEY (campaign_id, document_id)", "FOREIGN KEY (campaign_id) REFERENCES campaigns(id)",
        "FOREIGN KEY (document_id) REFERENCES documents(id)",
      ],
      indexes: [["document_id"], ["cluster_id"]]),
    TableSpec(
      name: "evidence", title: "Evidence",
      description: "Where a figure was read: archive file and offset (with the raw string), or outcome CSV line.",
      columns: [
        c("id", "INTEGER NOT NULL", "Row id."), c("kind", "TEXT NOT NULL", "archive or csv."),
        c("url", "TEXT", "URL as archived."), c("captured_at", "TEXT", "Capture time."),
        c("document_id", "TEXT", "Document the figure is on (when in documents.jsonl)."),
        c("archive_path", "TEXT", "Archive file."), c("archive_offset", "INTEGER", "Record offset.", unit: "bytes"),
        c("record_id", "TEXT", "WARC-Record-ID."), c("raw", "TEXT", "The exact string the figure was read from."),
        c("counter_origin", "TEXT", "jsonld, microdata, meta, embedded_json or text."),
        c("csv_file", "TEXT", "Outcome CSV file."), c("csv_line", "INTEGER", "1-based line in it."),
        c("note", "TEXT", "How the figure was derived."),
        c("show_command", "TEXT", "`slackscore show` command that prints these bytes."),
      ],
      constraints: ["PRIMARY KEY (id)", "FOREIGN KEY (document_id) REFERENCES documents(id)"],
      indexes: [["document_id"], ["archive_path", "archive_offset"]]),
    TableSpec(
      name: "ratios", title: "Conversion ratios",
      description: "Each outcome per 1,000 interactions of one type, with numerator, denominator and 95% interval.",
      columns: [
        c("id", "INTEGER NOT NULL", "Row id."), c("campaign_id", "TEXT NOT NULL", "Campaign."),
        c("name", "TEXT NOT NULL", "e.g. signatures_per_1k_likes."), c("outcome", "TEXT NOT NULL", "Outcome kind."),
        c("interaction", "TEXT NOT NULL", "Interaction type (denominator)."),
        c(
          "numerator", "REAL NOT NULL", "Outcome figure (funds in the base currency; turnout low).",
          unit: "count or money"),
        c("denominator", "REAL", "Sum of the interaction type.", unit: "count"),
        c("value", "REAL", "numerator / denominator × 1000.", unit: "per 1,000"),
        c("value_high", "REAL", "Turnout: with the high estimate.", unit: "per 1,000"),
        c("ci95_low", "REAL", "Lower bound of the bootstrap 95% interval.", unit: "per 1,000"),
        c("ci95_high", "REAL", "Upper bound of the bootstrap 95% interval.", unit: "per 1,000"),
        c("bootstrap_samples_used", "INTEGER NOT NULL", "Resamples with a non-zero denominator.", unit: "count"),
        c("documents_resampled", "INTEGER NOT NULL", "Units carrying the count.", unit: "count"),
        c("null_reason", "TEXT", "Why there is no value."), c("ci_null_reason", "TEXT", "Why there is no interval."),
      ],
      constraints: [
        "PRIMARY KEY (id)", "UNIQUE (campaign_id, name)", "FOREIGN KEY (campaign_id) REFERENCES campaigns(id)",
      ],
      indexes: [["outcome", "interaction"]]),
    TableSpec(
      name: "indices", title: "Indices",
      description: "The slacktivism and engagement indices (0–100) and the components they rest on.",
      columns: [
        c("campaign_id", "TEXT NOT NULL", "Campaign."), c("name", "TEXT NOT NULL", "slacktivism or engagement."),
        c("value", "REAL", "The index.", unit: "0–100"), c("null_reason", "TEXT", "Why it is missing."),
        c("components_used", "TEXT NOT NULL", "Components in the weighted mean, comma-separated."),
        c("formula_version", "TEXT NOT NULL", "Formula version."),
      ],
      constraints: ["PRIMARY KEY (campaign_id, name)", "FOREIGN KEY (campaign_id) REFERENCES campaigns(id)"]),
    TableSpec(
      name: "outcomes", title: "Outcomes",
      description: "Per campaign and outcome kind: the figure and how many sources make it.",
      columns: [
        c("id", "INTEGER NOT NULL", "Row id."), c("campaign_id", "TEXT NOT NULL", "Campaign."),
        c("kind", "TEXT NOT NULL", "signatures, funds, donors, turnout, rsvps, volunteers or policy."),
        c("unit", "TEXT NOT NULL", "signatures, people, an ISO currency, mixed or text."),
        c("value", "REAL", "Sum of the latest values of the sources used (turnout: low).", unit: "see unit"),
        c("value_high", "REAL", "Turnout: sum of the high estimates.", unit: "people"),
        c("value_base", "REAL", "Funds in the base currency.", unit: "base currency"),
        c("base_currency", "TEXT", "Base currency."), c("null_reason", "TEXT", "Why the value is missing."),
        c("texts", "TEXT", "Policy outcomes: the texts, one per line."),
        c("sources_used", "INTEGER NOT NULL", "Sources that make the value.", unit: "count"),
      ],
      constraints: [
        "PRIMARY KEY (id)", "UNIQUE (campaign_id, kind)", "FOREIGN KEY (campaign_id) REFERENCES campaigns(id)",
      ]),
    TableSpec(
      name: "outcome_points", title: "Outcome points",
      description: "Every capture or CSV row behind an outcome: one value at one time, with its evidence.",
      columns: [
        c("id", "INTEGER NOT NULL", "Row id."), c("outcome_id", "INTEGER NOT NULL", "Outcome."),
        c("campaign_id", "TEXT NOT NULL", "Campaign."), c("source_url", "TEXT", "Page or source URL."),
        c("origin", "TEXT NOT NULL", "page, csv or page+csv."),
        c("used", "INTEGER NOT NULL", "1 when the source makes the campaign's figure."),
        c("not_used_reason", "TEXT", "Why not."), c("currency", "TEXT", "ISO 4217 code of amounts."),
        c("at", "TEXT NOT NULL", "Capture time or as-of date."),
        c("value", "REAL", "The figure.", unit: "see outcomes.unit"),
        c("high", "REAL", "High end of an estimate."), c("increment", "REAL", "Change from the previous point."),
        c("is_latest", "INTEGER NOT NULL", "1 for the source's latest point (the one summed)."),
        c("text", "TEXT", "Policy outcomes: the text."),
        c("evidence_id", "INTEGER NOT NULL", "Where it was read."),
      ],
      constraints: [
        "PRIMARY KEY (id)", "FOREIGN KEY (outcome_id) REFERENCES outcomes(id)",
        "FOREIGN KEY (campaign_id) REFERENCES campaigns(id)", "FOREIGN KEY (evidence_id) REFERENCES evidence(id)",
      ],
      indexes: [["outcome_id"], ["campaign_id", "at"]]),
    TableSpec(
      name: "interaction_totals", title: "Interaction totals",
      description: "Per campaign and interaction type: the total and how many counted units carry it.",
      columns: [
        c("campaign_id", "TEXT NOT NULL", "Campaign."), c("kind", "TEXT NOT NULL", "likes, shares, comments, …"),
        c("total", "REAL", "Sum over units (one count per near-duplicate cluster).", unit: "count"),
        c("null_reason", "TEXT", "Why it is missing."),
        c("units_with_count", "INTEGER NOT NULL", "Units carrying a count.", unit: "count"),
        c("units", "INTEGER NOT NULL", "Units of the campaign.", unit: "count"),
        c("coverage", "REAL NOT NULL", "units_with_count / units.", unit: "share 0–1"),
        c("from_pages", "INTEGER NOT NULL", "Units counted from a page.", unit: "count"),
        c("from_exports", "INTEGER NOT NULL", "Units counted from an export row.", unit: "count"),
      ],
      constraints: ["PRIMARY KEY (campaign_id, kind)", "FOREIGN KEY (campaign_id) REFERENCES campaigns(id)"]),
    TableSpec(
      name: "interactions", title: "Interactions per document",
      description: "Page counters of interaction types on each document of each campaign: the rows behind the "
        + "page part of interaction_totals. Within a near-duplicate cluster the largest count per type is "
        + "the one summed (is_cluster_max); export rows (interactions.csv) are not listed here.",
      columns: [
        c("id", "INTEGER NOT NULL", "Row id."), c("campaign_id", "TEXT NOT NULL", "Campaign."),
        c("document_id", "TEXT NOT NULL", "Document."), c("cluster_id", "TEXT NOT NULL", "Near-duplicate cluster."),
        c("kind", "TEXT NOT NULL", "likes, shares, comments, views, …"),
        c("value", "REAL NOT NULL", "The count on the page.", unit: "count"),
        c("raw", "TEXT NOT NULL", "The string it was read from."), c("origin", "TEXT NOT NULL", "Where on the page."),
        c("is_cluster_max", "INTEGER NOT NULL", "1 when it is the cluster's largest count of this type."),
        c("published_day", "TEXT", "Day the document was published (else captured)."),
      ],
      constraints: [
        "PRIMARY KEY (id)", "FOREIGN KEY (campaign_id) REFERENCES campaigns(id)",
        "FOREIGN KEY (document_id) REFERENCES documents(id)",
      ],
      indexes: [["campaign_id", "kind"], ["document_id"]]),
    TableSpec(
      name: "interaction_rows", title: "Interaction export rows",
      description: "Every count of the pipeline's interaction exports (interactions.csv), one row per post and "
        + "type: the export part of interaction_totals. document_id names the archived document with the same "
        + "URL, when there is one; the score stage matches rows to campaigns by URL key.",
      columns: [
        c("id", "INTEGER NOT NULL", "Row id."),
        c("csv_file", "TEXT NOT NULL", "Export file as named in campaigns.json."),
        c("csv_line", "INTEGER NOT NULL", "1-based line in it."), c("url", "TEXT NOT NULL", "Post URL."),
        c("posted_at", "TEXT", "Posting time."), c("platform", "TEXT", "Platform."),
        c("kind", "TEXT NOT NULL", "likes, shares, comments, views, …"),
        c("value", "REAL NOT NULL", "The count.", unit: "count"),
        c("document_id", "TEXT", "Archived document with the same URL."),
      ],
      constraints: ["PRIMARY KEY (id)", "FOREIGN KEY (document_id) REFERENCES documents(id)"],
      indexes: [["url"], ["document_id"]]),
    TableSpec(
      name: "counters", title: "Counters",
      description: "Every counter the parse stage read on every document (interactions and outcomes alike).",
      columns: [
        c("id", "INTEGER NOT NULL", "Row id."), c("document_id", "TEXT NOT NULL", "Document."),
        c("kind", "TEXT NOT NULL", "likes, signatures, funds, …"),
        c("value", "REAL NOT NULL", "The figure.", unit: "count or money"),
        c("currency", "TEXT", "ISO 4217 code for money."), c("raw", "TEXT NOT NULL", "The string it was read from."),
        c("origin", "TEXT NOT NULL", "jsonld, microdata, meta, embedded_json or text."),
      ],
      constraints: ["PRIMARY KEY (id)", "FOREIGN KEY (document_id) REFERENCES documents(id)"],
      indexes: [["document_id"], ["kind"]]),
    TableSpec(
      name: "ctas", title: "Calls to action",
      description: "Every call to action of ctas.jsonl, with its category and effort (1 click … 5 street).",
      columns: [
        c("id", "INTEGER NOT NULL", "Row id (line order of ctas.jsonl)."),
        c("document_id", "TEXT", "Document (null when not in documents.jsonl)."),
        c("doc_ref", "TEXT NOT NULL", "Document id as written in ctas.jsonl."),
        c("sentence", "TEXT NOT NULL", "The ask."),
        c("start_char", "INTEGER NOT NULL", "Start offset in the text.", unit: "characters"),
        c("end_char", "INTEGER NOT NULL", "End offset in the text.", unit: "characters"),
        c("lang", "TEXT", "Language."), c("category", "TEXT NOT NULL", "sign, donate, attend, share, …"),
        c("effort", "INTEGER NOT NULL", "Effort level.", unit: "1 (click) – 5 (street)"),
        c("target_url", "TEXT", "Where the ask points."), c("target_platform", "TEXT", "Platform of the target."),
        c("target_kind", "TEXT", "Kind of target."), c("cues", "TEXT NOT NULL", "Cues, comma-separated."),
        c("confidence", "REAL NOT NULL", "Detector confidence.", unit: "0–1"),
        c("boilerplate", "INTEGER NOT NULL", "1 for publisher boilerplate (excluded from every mix)."),
      ],
      constraints: ["PRIMARY KEY (id)", "FOREIGN KEY (document_id) REFERENCES documents(id)"],
      indexes: [["document_id"], ["category", "effort"]]),
    TableSpec(
      name: "caveats", title: "Caveats",
      description: "What to read before quoting a campaign's figures.",
      columns: [
        c("id", "INTEGER NOT NULL", "Row id."), c("campaign_id", "TEXT NOT NULL", "Campaign."),
        c("code", "TEXT NOT NULL", "Machine-readable code."), c("message", "TEXT NOT NULL", "A sentence for people."),
      ],
      constraints: ["PRIMARY KEY (id)", "FOREIGN KEY (campaign_id) REFERENCES campaigns(id)"],
      indexes: [["campaign_id"], ["code"]]),
    TableSpec(
      name: "diagnostics", title: "Diagnostics",
      description: "Recoverable problems met by the score stage (campaigns.json) and each stage's count (run.json).",
      columns: [
        c("id", "INTEGER NOT NULL", "Row id."), c("source", "TEXT NOT NULL", "campaigns.json or run.json."),
        c("severity", "TEXT NOT NULL", "info, warning or error (run.json: count)."),
        c("stage", "TEXT NOT NULL", "Stage."), c("file", "TEXT", "File."),
        c("file_offset", "INTEGER", "Byte offset or line in the file."),
        c("code", "TEXT NOT NULL", "Code."), c("message", "TEXT NOT NULL", "Message."),
      ],
      constraints: ["PRIMARY KEY (id)"], indexes: [["stage", "code"]]),
  ]
}
