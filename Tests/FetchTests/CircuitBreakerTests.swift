import Fetch
import Foundation
import SlackscoreCore
import Testing

@Suite struct CircuitBreakerTests {
  /// An archive that refuses connections costs one error and a few attempts, not the full
  /// retry schedule for every capture.
  @Test func aHostThatRefusesConnectionsIsSkippedWithOneError() async throws {
    let folder = TemporaryFolder()
    defer { folder.cleanup() }
    var config = FetchConfig(name: "down", output: folder.path + "/raw")
    config.allowPrivateAddresses = true
    config.respectRobots = false
    config.perHostDelayMilliseconds = 0
    config.retries = 3
    config.retryBaseMilliseconds = 1
    config.circuitBreaker = 2
    // Port 1 on loopback: nothing listens there, so every connection is refused at once.
    config.live = (1...4).map { "http://127.0.0.1:1/page/\($0)" }
    let (summary, diagnostics) = try await runFetch(config)
    let codes = diagnostics.diagnostics.map(\.code)
    #expect(codes == ["host-unreachable"])
    #expect(summary.failed == 4)
    #expect(summary.skippedHostDown == 3)
    #expect(summary.nothingFetched)
  }

  @Test func theJSONSummaryNamesLiveURLsPlainly() throws {
    var summary = FetchSummary()
    summary.liveURLs = 2
    let text = String(decoding: try JSONCoding.prettyEncoder().encode(summary), as: UTF8.self)
    #expect(text.contains("\"live_urls\" : 2"))
    #expect(!text.contains("live_ur_ls"))
  }
}
