/// Counts of one fetch run, for the progress line, the summary and the exit status.
public struct FetchSummary: Sendable, Codable, Equatable {
  /// Live URLs in the config.
  public var liveURLs = 0
  /// CDX queries asked, and how many of them failed.
  public var cdxQueries = 0
  public var cdxFailures = 0
  /// Captures the CDX servers listed (after filtering and collapsing).
  public var capturesListed = 0
  /// Live URLs and captures this run set out to fetch.
  public var planned = 0
  /// Fetched and written (any final HTTP status other than 429/5xx).
  public var fetched = 0
  public var fetchedLive = 0
  public var fetchedCaptures = 0
  /// Not fetched because already archived (or a live URL fetched recently).
  public var skippedArchived = 0
  /// Not fetched because robots.txt disallows it.
  public var skippedRobots = 0
  /// Refused by the address policy (scheme, private address, unresolvable host).
  public var refused = 0
  /// Gave up: transport errors, 429/5xx after retries, too many redirects, bad URLs.
  public var failed = 0
  /// Responses cut at `max_body_bytes` (stored with `WARC-Truncated: length`).
  public var truncated = 0
  /// Unchanged live pages and revisit captures stored as `revisit` records.
  public var revisits = 0
  /// Captures stored as `resource` records.
  public var resources = 0
  /// Captures whose payload digest equals the CDX digest, and ones whose digest differs.
  public var digestsMatched = 0
  public var digestMismatches = 0
  /// Captures archived chunked whose digest differs only because the replay de-chunked them.
  public var digestsDechunked = 0
  /// Not tried because their host's circuit breaker was open (counted in `failed` too).
  public var skippedHostDown = 0
  /// Redirect hops followed (each recorded).
  public var redirects = 0
  /// Final responses with a 4xx status (stored, but worth a look).
  public var clientErrors = 0
  /// WARC records and compressed bytes written, payload bytes received.
  public var recordsWritten = 0
  public var bytesWritten = 0
  public var payloadBytes = 0
  /// WARC files closed by this run, and ones recovered from an interrupted run.
  public var files: [String] = []
  public var recoveredFiles: [String] = []

  public init() {}

  /// JSON names as written (`live_urls`, not the `live_ur_ls` a key strategy would make).
  private enum CodingKeys: String, CodingKey {
    case liveURLs = "live_urls"
    case cdxQueries = "cdx_queries"
    case cdxFailures = "cdx_failures"
    case capturesListed = "captures_listed"
    case planned, fetched, failed, truncated, revisits, resources, redirects, refused, files
    case fetchedLive = "fetched_live"
    case fetchedCaptures = "fetched_captures"
    case skippedArchived = "skipped_archived"
    case skippedRobots = "skipped_robots"
    case digestsMatched = "digests_matched"
    case digestMismatches = "digest_mismatches"
    case digestsDechunked = "digests_dechunked"
    case skippedHostDown = "skipped_host_down"
    case clientErrors = "client_errors"
    case recordsWritten = "records_written"
    case bytesWritten = "bytes_written"
    case payloadBytes = "payload_bytes"
    case recoveredFiles = "recovered_files"
  }

  /// Items finished so far, whatever the outcome.
  public var done: Int { fetched + skippedRobots + refused + failed }

  /// Problems worth telling a cron user about.
  public var problems: Int { failed + refused + cdxFailures }

  /// True when the run had work that failed and not one item could be fetched. (A run with
  /// nothing new to fetch, or only robots.txt-disallowed URLs left, is not a failure.)
  public var nothingFetched: Bool { fetched == 0 && problems > 0 }
}
