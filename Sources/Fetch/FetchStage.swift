import ArchiveReader
public import Logging
public import SlackscoreCore
import Synchronization

/// The fetch stage: reads the plan from a ``FetchConfig`` (live URLs, CDX queries), skips
/// what the output folder already holds, fetches the rest politely and writes WARC/1.1.
///
/// Order of work: take the folder lock, recover `.part` files of an interrupted run, load
/// the archived index, ask the CDX servers, then fetch live URLs and captures with at most
/// `concurrency` in flight (and per-host limits). Recoverable problems go to the
/// ``DiagnosticCollector``; only a failing disk or a busy folder throws.
public final class FetchStage: Sendable {
  /// One thing to fetch.
  enum Job: Sendable, Hashable {
    case live(WebURL)
    /// A listed capture and the replay base of the archive that listed it.
    case capture(CDXCapture, replayBase: String)

    var isRevisit: Bool {
      if case .capture(let capture, _) = self { capture.kind == .revisit } else { false }
    }
  }

  let config: FetchConfig
  let logger: Logger
  let diagnostics: DiagnosticCollector
  private let progress: (@Sendable (FetchSummary) -> Void)?
  private let summary = Mutex(FetchSummary())
  let writtenKeys = Mutex<Set<String>>([])
  /// The originals revisit captures can point at: listed by the CDX servers this run, then
  /// replaced by the record written for them.
  let revisitTargets = Mutex(RevisitTargets())

  /// A stage for `config`. `progress` is called after every finished item (from any thread).
  public init(
    config: FetchConfig, logger: Logger, diagnostics: DiagnosticCollector,
    progress: (@Sendable (FetchSummary) -> Void)? = nil
  ) {
    self.config = config
    self.logger = logger
    self.diagnostics = diagnostics
    self.progress = progress
  }

  /// Runs the stage and returns its counts.
  public func run() async throws -> FetchSummary {
    let folder = config.output
    try FileSystem.createDirectories(folder)
    let lock = try FetchLock(folder: folder)
    defer { withExtendedLifetime(lock) {} }

    let recovered = PartFileRecovery.recover(folder: folder, diagnostics: diagnostics)
    update { $0.recoveredFiles = recovered.compactMap(\.recoveredAs) }
    let index = ArchivedIndex.load(folder: folder, diagnostics: diagnostics)
    logger.debug("fetch: \(index.entries.count) responses already archived in \(folder)")

    let fetcher = HTTPFetcher(config: config, logger: logger)
    let writer = WARCWriter(
      options: .init(
        folder: folder, prefix: Self.filePrefix(config.name), maxFileBytes: config.maxFileBytes,
        warcinfoFields: warcinfoFields()),
      runStamp: WARCDate.nowStamp())
    let robots = RobotsCache { [config, logger] url in
      await Self.loadRobots(for: url, fetcher: fetcher, config: config, logger: logger)
    }
    do {
      let jobs = await plan(index: index, fetcher: fetcher)
      update { $0.planned = jobs.count }
      // Revisits last, so that the originals they point at are written first.
      try await runJobs(jobs.filter { !$0.isRevisit }, fetcher: fetcher, writer: writer, robots: robots, index: index)
      try await runJobs(jobs.filter(\.isRevisit), fetcher: fetcher, writer: writer, robots: robots, index: index)
      try await writer.close()
    } catch {
      try? await writer.close()
      await fetcher.shutdown()
      throw error
    }
    await fetcher.shutdown()
    let files = await writer.closedFiles
    let records = await writer.recordsWritten
    let bytes = await writer.bytesWritten
    update {
      $0.files = files
      $0.recordsWritten = records
      $0.bytesWritten = bytes
    }
    return summary.withLock { $0 }
  }

  // MARK: Planning

  private func plan(index: ArchivedIndex, fetcher: HTTPFetcher) async -> [Job] {
    var jobs: [Job] = []
    var seen: Set<String> = []
    let now = Int(WARCDate.seconds(fromStamp: WARCDate.nowStamp()) ?? 0)
    update { $0.liveURLs = config.live.count }
    for text in config.live {
      guard let url = WebURL(text) else {
        fail(text, code: "bad-url", "not an absolute http(s) URL (write it with http:// or https://)")
        continue
      }
      guard seen.insert("live " + url.string).inserted else { continue }
      if let last = index.latestLiveFetch(of: url.string), let seconds = WARCDate.seconds(fromStamp: last),
        Double(now - seconds) < config.refetchLiveAfterHours * 3600
      {
        update { $0.skippedArchived += 1 }
        continue
      }
      jobs.append(.live(url))
    }
    for query in config.cdx {
      update { $0.cdxQueries += 1 }
      guard let captures = await listCaptures(query, fetcher: fetcher) else { continue }
      update { $0.capturesListed += captures.count }
      revisitTargets.withLock { targets in captures.forEach { targets.addListed($0) } }
      for capture in captures {
        guard seen.insert("capture " + capture.original + " " + capture.timestamp).inserted else { continue }
        let archived =
          index.contains(uri: capture.original, timestamp: capture.timestamp)
          || (query.collapseDigest && capture.digest.map { index.contains(uri: capture.original, digest: $0) } == true)
        if archived {
          update { $0.skippedArchived += 1 }
          continue
        }
        jobs.append(.capture(capture, replayBase: config.archive(for: query).replayBase))
      }
    }
    return jobs
  }

  // MARK: Fetching

  private func runJobs(
    _ jobs: [Job], fetcher: HTTPFetcher, writer: WARCWriter, robots: RobotsCache, index: ArchivedIndex
  ) async throws {
    try await withThrowingTaskGroup(of: Void.self) { group in
      var pending = jobs[...]
      func startNext() {
        guard let job = pending.popFirst() else { return }
        group.addTask {
          switch job {
          case .live(let url):
            try await self.fetchLive(url, fetcher: fetcher, writer: writer, robots: robots, index: index)
          case .capture(let capture, let replayBase):
            try await self.fetchCapture(
              capture, replayBase: replayBase, fetcher: fetcher, writer: writer, index: index)
          }
          self.progress?(self.summary.withLock { $0 })
        }
      }
      for _ in 0..<max(1, config.concurrency) { startNext() }
      while try await group.next() != nil { startNext() }
    }
  }

  private func fetchLive(
    _ start: WebURL, fetcher: HTTPFetcher, writer: WARCWriter, robots: RobotsCache, index: ArchivedIndex
  ) async throws {
    var current = start
    var hops = 0
    while true {
      // The address policy comes first: a refused host gets no robots.txt request either.
      if let refusal = await fetcher.checkAddress(current) {
        refuse(current.string, FetchFailure.refused(refusal))
        return
      }
      if config.respectRobots, !(await robots.robots(for: current)).isAllowed(current.target) {
        if hops == 0 {
          update { $0.skippedRobots += 1 }
          logger.debug("fetch: robots.txt disallows \(current)")
        } else {
          fail(
            start.string, code: "redirect-disallowed-by-robots", "redirect to \(current) is disallowed by robots.txt")
        }
        return
      }
      let exchange: HTTPExchange
      switch await fetcher.get(current) {
      case .failure(let failure):
        failed(current.string, failure)
        return
      case .success(let value): exchange = value
      }
      try await writeLive(exchange, writer: writer, index: index)
      let location = (300...399).contains(exchange.status) ? exchange.header("Location") : nil
      guard let location else {
        finished(exchange, kind: .live)
        return
      }
      guard hops < config.maxRedirects else {
        fail(
          start.string, code: "too-many-redirects",
          "more than \(config.maxRedirects) redirects (fetch.max_redirects); last hop \(current) -> \(location)")
        return
      }
      guard let next = current.resolving(location) else {
        fail(start.string, code: "bad-redirect", "redirect to an unusable Location: \(location)")
        return
      }
      hops += 1
      update { $0.redirects += 1 }
      current = next
    }
  }

  // MARK: Records

  private func writeLive(_ exchange: HTTPExchange, writer: WARCWriter, index: ArchivedIndex) async throws {
    let requestID = WARCRecord.newRecordID()
    let responseID = WARCRecord.newRecordID()
    let payloadDigest = ContentDigest.sha1(exchange.body).description
    let request = WARCRecord(
      kind: .request, date: exchange.date,
      fields: [
        ("WARC-Target-URI", exchange.url.string), ("WARC-IP-Address", exchange.address),
        ("WARC-Concurrent-To", responseID),
      ],
      contentType: "application/http;msgtype=request", block: exchange.requestHead, recordID: requestID)
    var fields: [(name: String, value: String)] = [
      ("WARC-Target-URI", exchange.url.string), ("WARC-IP-Address", exchange.address),
      ("WARC-Concurrent-To", requestID),
    ]
    var block = exchange.responseBlock
    var kind = WARCRecord.Kind.response
    if config.revisitUnchanged, !exchange.truncated, (200...299).contains(exchange.status),
      let original = index.original(uri: exchange.url.string, digest: payloadDigest),
      let originalID = original.recordID, let originalDate = WARCDate.fromStamp(original.timestamp)
    {
      // Same payload as a stored response: keep the new head and date, point at the old body.
      kind = .revisit
      fields += [
        ("WARC-Profile", "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"),
        ("WARC-Refers-To", originalID), ("WARC-Refers-To-Target-URI", original.uri),
        ("WARC-Refers-To-Date", originalDate),
      ]
      block.removeLast(exchange.body.count)
    }
    fields.append(("WARC-Payload-Digest", payloadDigest))
    if exchange.truncated { fields.append(("WARC-Truncated", "length")) }
    let response = WARCRecord(
      kind: kind, date: exchange.date, fields: fields, contentType: "application/http;msgtype=response",
      block: block, recordID: responseID)
    let entry = ArchivedEntry(
      uri: exchange.url.string, timestamp: WARCDate.stamp(fromWARCDate: exchange.date) ?? "",
      payloadDigest: payloadDigest, kind: .live, status: exchange.status, recordID: responseID,
      revisit: kind == .revisit ? true : nil)
    if kind == .revisit { update { $0.revisits += 1 } }
    try await writer.write([request, response], entries: [entry])
  }

  // MARK: Helpers

  func finished(_ exchange: HTTPExchange, kind: ArchivedEntry.Kind) {
    if exchange.truncated {
      diagnostics.emit(
        Diagnostic(
          severity: .warning, stage: "fetch", file: exchange.url.string, code: "body-truncated",
          message: "body longer than fetch.max_body_bytes (\(config.maxBodyBytes)); stored the first "
            + "\(exchange.body.count) bytes with WARC-Truncated: length"))
    }
    if (400...499).contains(exchange.status) {
      diagnostics.emit(
        Diagnostic(
          severity: .warning, stage: "fetch", file: exchange.url.string, code: "http-client-error",
          message: "HTTP \(exchange.status) \(exchange.reason) (stored as received)"))
    }
    update {
      $0.fetched += 1
      if kind == .live { $0.fetchedLive += 1 } else { $0.fetchedCaptures += 1 }
      if exchange.truncated { $0.truncated += 1 }
      if (400...499).contains(exchange.status) { $0.clientErrors += 1 }
      $0.payloadBytes += exchange.body.count
    }
  }

  func fail(_ url: String, code: String, _ message: String) {
    update { $0.failed += 1 }
    diagnostics.emit(Diagnostic(severity: .error, stage: "fetch", file: url, code: code, message: message))
  }

  /// One failed fetch: refused by the address policy, skipped because its host is down (no
  /// diagnostic: the breaker said it once), or an error.
  func failed(_ url: String, _ failure: FetchFailure, context: String = "") {
    switch failure {
    case .refused: refuse(url, failure)
    case .hostSkipped:
      update {
        $0.failed += 1
        $0.skippedHostDown += 1
      }
    default: fail(url, code: failure.code, context + "\(failure)")
    }
  }

  private func refuse(_ url: String, _ failure: FetchFailure) {
    update { $0.refused += 1 }
    diagnostics.emit(Diagnostic(severity: .error, stage: "fetch", file: url, code: failure.code, message: "\(failure)"))
  }

  func cdxFailed(_ query: FetchConfig.CDXQuery, code: String, _ message: String) {
    update { $0.cdxFailures += 1 }
    diagnostics.emit(
      Diagnostic(severity: .error, stage: "fetch", file: "cdx:\(query.url)", code: code, message: message))
  }

  func update(_ change: (inout FetchSummary) -> Void) { summary.withLock { change(&$0) } }

  private func warcinfoFields() -> [(name: String, value: String)] {
    [
      ("software", "slackscore fetch (AsyncHTTPClient)"),
      ("format", "WARC File Format 1.1"),
      ("conformsTo", "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/"),
      ("http-header-user-agent", config.userAgent),
      ("robots", config.respectRobots ? "obey" : "ignore"),
      ("description", "pipeline \(config.name): live pages and archived captures (id_ replay)"),
    ]
  }

  /// A safe file name prefix from the pipeline name.
  static func filePrefix(_ name: String) -> String {
    let cleaned = String(name.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" })
    return cleaned.isEmpty ? "slackscore" : cleaned
  }

  /// robots.txt for `url`'s origin: 2xx parsed, 4xx allows all, 5xx or no answer disallows all.
  static func loadRobots(for url: WebURL, fetcher: HTTPFetcher, config: FetchConfig, logger: Logger) async -> RobotsTxt
  {
    guard var robotsURL = WebURL(url.origin + "/robots.txt") else { return .allowAll }
    let agent = String(config.userAgent.prefix { $0 != "/" && $0 != " " })
    for _ in 0...5 {
      switch await fetcher.get(robotsURL) {
      case .failure(let failure):
        logger.warning("fetch: \(robotsURL) unavailable (\(failure)); not fetching from \(url.origin)")
        return .disallowAll
      case .success(let exchange):
        if (300...399).contains(exchange.status), let location = exchange.header("Location"),
          let next = robotsURL.resolving(location)
        {
          robotsURL = next
          continue
        }
        if (200...299).contains(exchange.status) {
          return RobotsTxt(parsing: String(decoding: exchange.body, as: UTF8.self), agent: agent)
        }
        return (400...499).contains(exchange.status) ? .allowAll : .disallowAll
      }
    }
    return .allowAll
  }
}
