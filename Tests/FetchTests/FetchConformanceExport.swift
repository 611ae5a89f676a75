import Fetch
import Foundation
import SlackscoreCore
import Testing

/// Folder named by `SLACKSCORE_FETCH_EXPORT` (set by `make conformance-fetch`), if any.
let fetchExportFolder: String? = ProcessInfo.processInfo.environment["SLACKSCORE_FETCH_EXPORT"]

/// Leaves a WARC made by a real fetch (live pages, a redirect, gzip and chunked bodies, a
/// truncated body, captures from CDX) in `SLACKSCORE_FETCH_EXPORT`, for warcio to check in
/// `make conformance-fetch`. Skipped in ordinary test runs.
@Suite struct FetchConformanceExport {
  @Test(.enabled(if: fetchExportFolder != nil, "set SLACKSCORE_FETCH_EXPORT to a folder"))
  func exportAWARCForWarcio() async throws {
    let folder = try #require(fetchExportFolder)
    let server = try await TestHTTPServer.start()
    var config = testConfig(server, output: folder)
    config.maxBodyBytes = 50_000
    config.live = ["/page/1", "/redirect", "/gzip", "/chunked", "/huge", "/flaky/500", "/missing"].map {
      server.base + $0
    }
    var query = FetchConfig.CDXQuery(url: "petisi.example.org/hutan-adat")
    query.from = "2024"
    config.cdx = [query]
    let (summary, _) = try await runFetch(config)
    #expect(summary.fetched == 10)
    #expect(summary.files.count == 1)
    // A second snapshot of an unchanged page: a request and a revisit record in a second file.
    config.live = [server.base + "/page/2"]
    config.cdx = []
    _ = try await runFetch(config)
    config.refetchLiveAfterHours = 0
    let (again, _) = try await runFetch(config)
    await server.stop()
    #expect(again.revisits == 1)
  }
}
