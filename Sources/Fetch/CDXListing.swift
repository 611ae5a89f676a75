import Logging
import SlackscoreCore

extension FetchStage {
  /// Every capture a CDX query lists, followed to the end: the pages of a paged (zipnum)
  /// index when the server counts them (`showNumPages`), else the answer and each
  /// `resumeKey` continuation. Nil when the query failed (an error diagnostic says why); a
  /// listing that may be cut gets a `cdx-listing-cut` warning.
  func listCaptures(_ query: FetchConfig.CDXQuery, fetcher: HTTPFetcher) async -> [CDXCapture]? {
    guard let first = await cdxAnswer(query, .first, fetcher: fetcher) else { return nil }
    var captures: [CDXCapture] = []
    if let pages = CDXClient.pageCount(first) {
      logger.debug("fetch: the CDX server has \(pages) page(s) for \(query.url)")
      for page in 0..<pages {
        guard let body = await cdxAnswer(query, .page(page), fetcher: fetcher),
          let answer = cdxParse(body, query: query)
        else {
          cdxCut(query, "page \(page + 1) of \(pages) could not be read; the listing lacks it (see the error above)")
          continue
        }
        captures += answer.captures
      }
    } else {
      guard var answer = cdxParse(first, query: query) else { return nil }
      captures = answer.captures
      var requests = 1
      while let key = answer.resumeKey {
        if let limit = query.limit, captures.count >= limit { break }
        requests += 1
        guard requests <= Self.maxCDXRequests, let body = await cdxAnswer(query, .resume(key), fetcher: fetcher),
          let next = cdxParse(body, query: query)
        else {
          cdxCut(query, "the continuation after resumeKey \(key) could not be read; later captures are missing")
          break
        }
        answer = next
        captures += next.captures
      }
    }
    if let limit = query.limit, captures.count >= limit {
      cdxCut(
        query,
        "the server listed \(captures.count) captures, the query's limit (\(limit)); later ones may exist: "
          + "raise limit or narrow from/to")
    }
    let kept = CDXClient.select(captures, collapseDigest: query.collapseDigest)
    logger.debug("fetch: CDX lists \(captures.count) captures for \(query.url), \(kept.count) to fetch")
    return kept
  }

  /// Continuation requests of one query at most (a server that keeps answering with a new
  /// resume key cannot keep the run going for ever).
  static let maxCDXRequests = 10_000

  private func cdxAnswer(
    _ query: FetchConfig.CDXQuery, _ request: CDXClient.Request, fetcher: HTTPFetcher
  ) async -> [UInt8]? {
    let server = config.archive(for: query).cdxServer
    let text = CDXClient.queryURL(server: server, query: query, request: request)
    guard let url = WebURL(text) else {
      cdxFailed(query, code: "bad-url", "cdx_server is not an absolute http(s) URL: \(server)")
      return nil
    }
    logger.debug("fetch: CDX \(url)")
    switch await fetcher.get(url) {
    case .failure(let failure):
      cdxFailed(query, code: "cdx-\(failure.code)", "the CDX server could not be asked: \(failure)")
      return nil
    case .success(let exchange) where exchange.status != 200:
      cdxFailed(query, code: "cdx-http-error", "the CDX server answered HTTP \(exchange.status) \(exchange.reason)")
      return nil
    case .success(let exchange):
      return exchange.body
    }
  }

  private func cdxParse(_ body: [UInt8], query: FetchConfig.CDXQuery) -> CDXPage? {
    let chosen = config.archive(for: query).dialect
    do {
      return try CDXClient.parse(body, dialect: chosen)
    } catch {
      let dialect = chosen == .auto ? "detected " + CDXClient.detect(body).rawValue : chosen.rawValue
      cdxFailed(
        query, code: "cdx-unreadable",
        "the CDX server's answer is unreadable (\(dialect)): \(error); cdx_dialect can name the form")
      return nil
    }
  }

  private func cdxCut(_ query: FetchConfig.CDXQuery, _ message: String) {
    diagnostics.emit(
      Diagnostic(
        severity: .warning, stage: "fetch", file: "cdx:\(query.url)", code: "cdx-listing-cut", message: message))
  }
}
