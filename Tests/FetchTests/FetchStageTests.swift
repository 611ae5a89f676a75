import ArchiveReader
import Fetch
import Foundation
import Logging
import NIOCore
import SlackscoreCore
import Testing

/// A config for the test server: short delays, private addresses allowed (127.0.0.1).
func testConfig(_ server: TestHTTPServer, output: String) -> FetchConfig {
  var config = FetchConfig(name: "test", output: output)
  config.userAgent = "slackscore-test/0.1 (+mailto:data-desk@example.org)"
  config.perHostDelayMilliseconds = 10
  config.allowPrivateAddresses = true
  config.retries = 2
  config.retryBaseMilliseconds = 10
  config.connectTimeoutMilliseconds = 2000
  config.readTimeoutMilliseconds = 2000
  config.maxRedirects = 3
  config.maxBodyBytes = 100_000
  config.cdxServer = server.base + "/cdx"
  config.replayBase = server.base + "/web/"
  return config
}

let quietLogger = Logger(label: "fetch-tests") { _ in SwiftLogNoOpLogHandler() }

/// Runs the stage once.
func runFetch(_ config: FetchConfig) async throws -> (FetchSummary, DiagnosticCollector) {
  let diagnostics = DiagnosticCollector()
  let summary = try await FetchStage(config: config, logger: quietLogger, diagnostics: diagnostics).run()
  return (summary, diagnostics)
}

@Suite struct FetchStageTests {
  @Test func liveFetchRecordsRequestAndResponseForEveryHop() async throws {
    let server = try await TestHTTPServer.start()
    let folder = TemporaryFolder()
    defer { folder.cleanup() }
    var config = testConfig(server, output: folder.path + "/raw")
    config.live = ["/page/1", "/page/2", "/redirect", "/gzip", "/chunked", "/private/secret", "/missing"].map {
      server.base + $0
    }
    let (summary, diagnostics) = try await runFetch(config)
    await server.stop()

    #expect(summary.fetched == 6)
    #expect(summary.skippedRobots == 1)
    #expect(summary.redirects == 1)
    #expect(summary.clientErrors == 1)
    #expect(summary.failed == 0)
    #expect(server.hits("/private/secret") == 0)
    #expect(diagnostics.diagnostics.map(\.code) == ["http-client-error"])
    #expect(folder.names("raw").count == 1)
    #expect(summary.files == folder.names("raw"))

    let records = try readFolder(folder.path + "/raw")
    #expect(records.first?.type == "warcinfo")
    let responses = records.filter { $0.type == "response" }
    let requests = records.filter { $0.type == "request" }
    // 6 URLs + one redirect hop.
    #expect(responses.count == 7)
    #expect(requests.count == 7)
    for record in records {
      #expect(record.header["WARC-Block-Digest"] == ContentDigest.sha1(record.block).description)
    }
    for response in responses {
      let uri = try #require(response.header["WARC-Target-URI"])
      #expect(response.header["WARC-Payload-Digest"] == ContentDigest.sha1(response.httpBody).description)
      #expect(response.header["WARC-IP-Address"] == "127.0.0.1")
      #expect(response.header["Content-Type"] == "application/http;msgtype=response")
      let request = try #require(
        requests.first { $0.header["WARC-Record-ID"] == response.header["WARC-Concurrent-To"] })
      #expect(request.header["WARC-Concurrent-To"] == response.header["WARC-Record-ID"])
      #expect(request.header["WARC-Target-URI"] == uri)
      #expect(request.header["WARC-Date"] == response.header["WARC-Date"])
      #expect(request.httpHead.contains("User-Agent: slackscore-test/0.1 (+mailto:data-desk@example.org)\r\n"))
      #expect(request.httpHead.hasPrefix("GET /"))
    }
    let hop = try #require(responses.first { $0.header["WARC-Target-URI"] == server.base + "/redirect" })
    #expect(hop.httpStatus == 301)
    #expect(hop.httpHead.contains("Location: /page/1\r\n"))
    #expect(responses.filter { $0.header["WARC-Target-URI"] == server.base + "/page/1" }.count == 2)

    let gzip = try #require(responses.first { $0.header["WARC-Target-URI"] == server.base + "/gzip" })
    #expect(gzip.httpHead.contains("Content-Encoding: gzip\r\n"))
    #expect(gzip.httpBody.prefix(2) == [0x1F, 0x8B])  // stored as received, not decompressed

    let chunked = try #require(responses.first { $0.header["WARC-Target-URI"] == server.base + "/chunked" })
    #expect(chunked.httpHead.contains("X-Original-Transfer-Encoding: chunked\r\n"))
    #expect(String(decoding: chunked.httpBody, as: UTF8.self) == "<p>sent in two chunks, stored as one body</p>")

    // The reconstructed request head names what the server saw.
    let seen = server.requestHeaders("/page/2")
    #expect(seen.contains { $0.0.lowercased() == "user-agent" && $0.1.contains("data-desk@example.org") })
  }

  @Test func retriesOn429And500HonouringRetryAfter() async throws {
    let server = try await TestHTTPServer.start()
    let folder = TemporaryFolder()
    defer { folder.cleanup() }
    var config = testConfig(server, output: folder.path + "/raw")
    config.live = [server.base + "/flaky/429", server.base + "/flaky/500"]
    let clock = ContinuousClock()
    let started = clock.now
    let (summary, _) = try await runFetch(config)
    let elapsed = clock.now - started
    await server.stop()
    #expect(summary.fetched == 2)
    #expect(summary.failed == 0)
    #expect(server.hits("/flaky/429") == 2)
    #expect(server.hits("/flaky/500") == 2)
    #expect(elapsed >= .seconds(1))  // Retry-After: 1 was honoured
    let responses = try readFolder(folder.path + "/raw").filter { $0.type == "response" }
    #expect(responses.map(\.httpStatus) == [200, 200])  // the failed attempts are not stored
  }

  @Test func timeoutsSizeLimitsRedirectLoopsAndServerErrorsAreBounded() async throws {
    // The slow page would take 30 s; the 300 ms read timeout must cut it. The proof is the
    // diagnostic naming the read timeout, not a wall-clock bound (no timed tests: shared machines).
    let server = try await TestHTTPServer.start(slowDelay: .seconds(30))
    let folder = TemporaryFolder()
    defer { folder.cleanup() }
    var config = testConfig(server, output: folder.path + "/raw")
    config.readTimeoutMilliseconds = 300
    config.retries = 1
    config.live = ["/slow", "/huge", "/loop/a", "/always-500"].map { server.base + $0 }
    let (summary, diagnostics) = try await runFetch(config)
    await server.stop()

    #expect(summary.fetched == 1)  // the huge body, truncated
    #expect(summary.truncated == 1)
    #expect(summary.failed == 3)
    let codes = Set(diagnostics.diagnostics.map(\.code))
    #expect(codes == ["transport-error", "too-many-redirects", "http-error", "body-truncated"])
    let timeout = try #require(diagnostics.diagnostics.first { $0.code == "transport-error" })
    #expect(timeout.message.contains("read timeout"))
    #expect(server.hits("/slow") == 2)
    #expect(server.hits("/always-500") == 2)

    let responses = try readFolder(folder.path + "/raw").filter { $0.type == "response" }
    let huge = try #require(responses.first { $0.header["WARC-Target-URI"] == server.base + "/huge" })
    #expect(huge.header["WARC-Truncated"] == "length")
    #expect(huge.httpBody.count == 100_000)
    #expect(huge.header["WARC-Payload-Digest"] == ContentDigest.sha1(huge.httpBody).description)
    // max_redirects 3: the first request and three hops are recorded, then the chain stops.
    let loopHops = responses.filter { $0.header["WARC-Target-URI"]?.contains("/loop/") == true }
    #expect(loopHops.count == 4)
    #expect(loopHops.allSatisfy { $0.httpStatus == 302 })
  }

  @Test(arguments: [false, true])
  func capturesComeFromCDXWithTheirCaptureDates(plainText: Bool) async throws {
    let server = try await TestHTTPServer.start(cdxPlainText: plainText)
    let folder = TemporaryFolder()
    defer { folder.cleanup() }
    var config = testConfig(server, output: folder.path + "/raw")
    var query = FetchConfig.CDXQuery(url: "petisi.example.org/hutan-adat")
    query.from = "2024"
    query.to = "2024"
    config.cdx = [query]
    let (summary, diagnostics) = try await runFetch(config)
    #expect(diagnostics.diagnostics.isEmpty)
    // 2024 only, status 200 only, the repeated 120 collapsed: 120, 850, 2300.
    #expect(summary.capturesListed == 3)
    #expect(summary.fetchedCaptures == 3)
    let responses = try readFolder(folder.path + "/raw").filter { $0.type == "response" }
    #expect(responses.count == 3)
    #expect(try readFolder(folder.path + "/raw").filter { $0.type == "request" }.isEmpty)
    let byDate = responses.sorted { ($0.header["WARC-Date"] ?? "") < ($1.header["WARC-Date"] ?? "") }
    #expect(
      byDate.map { $0.header["WARC-Date"] } == ["2024-01-05T12:00:00Z", "2024-03-20T09:30:00Z", "2024-05-01T10:15:00Z"])
    let counts = byDate.map { String(decoding: $0.httpBody, as: UTF8.self) }.map { page in
      page.split(separator: ">").first { $0.hasSuffix("tanda tangan</p") }.map { String($0.prefix { $0.isNumber }) }
    }
    #expect(counts == ["120", "850", "2300"])
    for response in byDate {
      #expect(response.header["WARC-Target-URI"] == TestHTTPServer.petition)
      #expect(response.header["WARC-Source-URI"]?.hasPrefix(server.base + "/web/") == true)
      #expect(response.header["WARC-Source-URI"]?.contains("id_/") == true)
      #expect(response.header["WARC-Payload-Digest"] == ContentDigest.sha1(response.httpBody).description)
      #expect(response.header["WARC-IP-Address"] == nil)
    }

    // A rerun asks the CDX server again but fetches no capture.
    let replaysBefore = server.hits(prefix: "/web/")
    let (again, _) = try await runFetch(config)
    #expect(again.fetched == 0)
    #expect(again.skippedArchived == 3)
    #expect(server.hits(prefix: "/web/") == replaysBefore)
    #expect(folder.names("raw").count == 1)

    // The archive crawls the petition again: only the new capture is fetched.
    server.addCapture(.init(timestamp: "20240601000000", original: TestHTTPServer.petition, signatures: 4100))
    let (third, _) = try await runFetch(config)
    #expect(third.fetchedCaptures == 1)
    #expect(third.skippedArchived == 3)
    #expect(folder.names("raw").count == 2)
    await server.stop()
  }

  @Test func queriesCanAskSeveralArchives() async throws {
    let first = try await TestHTTPServer.start()
    let second = try await TestHTTPServer.start(cdxPlainText: true)
    second.addCapture(.init(timestamp: "20240601000000", original: TestHTTPServer.petition, signatures: 4100))
    let folder = TemporaryFolder()
    defer { folder.cleanup() }
    var config = testConfig(first, output: folder.path + "/raw")
    var inFirst = FetchConfig.CDXQuery(url: "petisi.example.org/hutan-adat")
    inFirst.from = "2024"
    inFirst.to = "20240531"
    var inSecond = FetchConfig.CDXQuery(url: "petisi.example.org/hutan-adat")
    inSecond.from = "20240601"
    inSecond.to = "2024"
    inSecond.cdxServer = second.base + "/cdx"
    inSecond.replayBase = second.base + "/web/"
    config.cdx = [inFirst, inSecond]
    let (summary, diagnostics) = try await runFetch(config)
    #expect(diagnostics.diagnostics.isEmpty)
    #expect(summary.cdxQueries == 2)
    #expect(summary.fetchedCaptures == 4)
    let sources = try readFolder(folder.path + "/raw").filter { $0.type == "response" }
      .compactMap { $0.header["WARC-Source-URI"] }
    #expect(sources.filter { $0.hasPrefix(first.base + "/web/") }.count == 3)
    #expect(sources.filter { $0.hasPrefix(second.base + "/web/20240601000000id_/") }.count == 1)
    #expect(first.hits(prefix: "/web/20240601") == 0)
    await first.stop()
    await second.stop()
  }

  @Test func replayRedirectsToTheNearestCaptureKeepTheRealCaptureDate() async throws {
    let server = try await TestHTTPServer.start()
    let folder = TemporaryFolder()
    defer { folder.cleanup() }
    var config = testConfig(server, output: folder.path + "/raw")
    var query = FetchConfig.CDXQuery(url: "petisi.example.org/hutan-adat")
    query.from = "20240501"
    config.cdx = [query]
    // The CDX listing says 20240501101500; replay a wrong stamp by asking through a second base.
    let (summary, _) = try await runFetch(config)
    #expect(summary.fetchedCaptures == 1)
    let response = try #require(try readFolder(folder.path + "/raw").first { $0.type == "response" })
    #expect(response.header["WARC-Date"] == "2024-05-01T10:15:00Z")
    await server.stop()
  }

  @Test func secondLiveRunFetchesNothingNew() async throws {
    let server = try await TestHTTPServer.start()
    let folder = TemporaryFolder()
    defer { folder.cleanup() }
    var config = testConfig(server, output: folder.path + "/raw")
    config.live = [server.base + "/page/1", server.base + "/page/2"]
    let (first, _) = try await runFetch(config)
    #expect(first.fetched == 2)
    let (second, diagnostics) = try await runFetch(config)
    #expect(second.fetched == 0)
    #expect(second.skippedArchived == 2)
    #expect(!second.nothingFetched)
    #expect(diagnostics.diagnostics.isEmpty)
    #expect(server.hits("/page/1") == 1)
    #expect(folder.names("raw").count == 1)
    // With a zero refetch interval, live pages are fetched again (a new dated snapshot); the
    // unchanged bodies are stored as revisits of the first copies.
    config.refetchLiveAfterHours = 0
    let (third, _) = try await runFetch(config)
    #expect(third.fetched == 2)
    #expect(third.revisits == 2)
    await server.stop()
    let records = try readFolder(folder.path + "/raw")
    let originals = records.filter { $0.type == "response" }
    let revisits = records.filter { $0.type == "revisit" }
    #expect(originals.count == 2)
    #expect(revisits.count == 2)
    for revisit in revisits {
      let original = try #require(originals.first { $0.header["WARC-Record-ID"] == revisit.header["WARC-Refers-To"] })
      #expect(revisit.header["WARC-Refers-To-Target-URI"] == original.header["WARC-Target-URI"])
      #expect(revisit.header["WARC-Refers-To-Date"] == original.header["WARC-Date"])
      #expect(revisit.header["WARC-Payload-Digest"] == original.header["WARC-Payload-Digest"])
      #expect(revisit.header["WARC-Profile"] == "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest")
      #expect(revisit.httpBody.isEmpty)
      #expect(revisit.httpStatus == 200)
      #expect(revisit.header["WARC-Block-Digest"] == ContentDigest.sha1(revisit.block).description)
    }
    // Revisits count as live fetches for the next run's refetch interval.
    config.refetchLiveAfterHours = 24
    let index = ArchivedIndex.load(folder: folder.path + "/raw", diagnostics: DiagnosticCollector())
    #expect(index.entries.filter { $0.revisit == true }.count == 2)
  }

  @Test func privateAddressesAreRefusedUnlessAllowed() async throws {
    let server = try await TestHTTPServer.start()
    let folder = TemporaryFolder()
    defer { folder.cleanup() }
    var config = testConfig(server, output: folder.path + "/raw")
    config.allowPrivateAddresses = false
    config.live = [server.base + "/page/1", "ftp://example.org/file", "http://[::1]:\(server.port)/page/2"]
    let (summary, diagnostics) = try await runFetch(config)
    await server.stop()
    #expect(summary.fetched == 0)
    #expect(summary.refused == 3)
    #expect(summary.nothingFetched)
    #expect(server.hits(prefix: "/") == 0)
    #expect(Set(diagnostics.diagnostics.map(\.code)) == ["forbidden-address", "unsupported-scheme"])
    #expect(folder.names("raw").isEmpty)
  }
}
