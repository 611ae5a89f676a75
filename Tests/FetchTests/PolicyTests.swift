import Fetch
import Foundation
import Testing

@Suite struct RobotsTxtTests {
  static let text = """
    # comments are ignored
    User-agent: otherbot
    Disallow: /

    User-agent: *
    Disallow: /private
    Allow: /private/open
    Disallow: /*.pdf$
    Disallow: /search?q=
    Disallow:
    """

  @Test(arguments: [
    ("/", true), ("/page/1", true), ("/private", false), ("/private/x", false), ("/private/open/y", true),
    ("/files/report.pdf", false), ("/files/report.pdf?x=1", true), ("/search?q=hutan", false), ("/robots.txt", true),
  ])
  func wildcardGroupRules(path: String, allowed: Bool) {
    #expect(RobotsTxt(parsing: Self.text, agent: "slackscore").isAllowed(path) == allowed)
  }

  @Test func aGroupNamingUsWinsOverTheWildcardGroup() {
    let robots = RobotsTxt(
      parsing: "User-agent: *\nDisallow: /\n\nUser-agent: SlackScore\nDisallow: /drafts\n", agent: "slackscore")
    #expect(robots.isAllowed("/page"))
    #expect(!robots.isAllowed("/drafts/x"))
    #expect(!RobotsTxt(parsing: Self.text, agent: "otherbot").isAllowed("/page"))
  }

  @Test func fallbacks() {
    #expect(RobotsTxt.allowAll.isAllowed("/anything"))
    #expect(!RobotsTxt.disallowAll.isAllowed("/anything"))
    #expect(RobotsTxt(parsing: "", agent: "slackscore").isAllowed("/x"))
  }
}

@Suite struct AddressPolicyTests {
  @Test(arguments: [
    ("127.0.0.1", "loopback"), ("10.1.2.3", "private"), ("172.20.0.1", "private"), ("192.168.1.1", "private"),
    ("169.254.169.254", "link-local"), ("0.0.0.0", "this-network"), ("100.64.0.1", "shared (carrier-grade NAT)"),
    ("224.0.0.1", "multicast"), ("::1", "loopback"), ("fe80::1", "link-local"), ("fd00::1", "private (unique local)"),
    ("::ffff:127.0.0.1", "loopback"), ("::", "unspecified"),
  ])
  func specialRanges(address: String, range: String) {
    #expect(AddressPolicy.specialRange(address) == range)
  }

  @Test(arguments: ["93.184.216.34", "8.8.8.8", "2606:4700::1111", "172.32.0.1"])
  func publicAddresses(address: String) {
    #expect(AddressPolicy.specialRange(address) == nil)
  }

  @Test func refusesSchemesAndPrivateHosts() async throws {
    let strict = AddressPolicy(allowPrivateAddresses: false)
    await #expect(throws: AddressRefusal.scheme("file")) { try await strict.check(WebURL("file://x/etc/passwd")!) }
    await #expect(throws: AddressRefusal.forbiddenAddress(host: "127.0.0.1", address: "127.0.0.1", range: "loopback")) {
      try await strict.check(WebURL("http://127.0.0.1:8080/")!)
    }
    await #expect(throws: AddressRefusal.self) { try await strict.check(WebURL("http://localhost/")!) }
    let lenient = AddressPolicy(allowPrivateAddresses: true)
    #expect(try await lenient.check(WebURL("http://127.0.0.1:8080/")!) == "127.0.0.1")
  }
}

@Suite struct RetryPolicyTests {
  let policy = RetryPolicy(retries: 3, base: .milliseconds(100), maxWait: .seconds(60))

  @Test func backoffDoublesAndRetryAfterWins() {
    #expect(policy.delay(beforeRetry: 0, retryAfter: nil) == .milliseconds(100))
    #expect(policy.delay(beforeRetry: 2, retryAfter: nil) == .milliseconds(400))
    #expect(policy.delay(beforeRetry: 0, retryAfter: "7") == .seconds(7))
    #expect(policy.delay(beforeRetry: 0, retryAfter: "3600") == nil)
  }

  @Test func retryAfterAsHTTPDate() {
    let now = Date(timeIntervalSince1970: 1_715_000_000)  // 2024-05-06T12:53:20Z
    #expect(RetryPolicy.parseRetryAfter("Mon, 06 May 2024 12:53:50 GMT", now: now) == .seconds(30))
    #expect(RetryPolicy.parseRetryAfter("soon", now: now) == nil)
  }

  @Test(arguments: [(429, true), (500, true), (503, true), (501, false), (404, false), (200, false)])
  func retryableStatuses(status: Int, retryable: Bool) {
    #expect(RetryPolicy.isRetryable(status: status) == retryable)
  }
}

@Suite struct WebURLTests {
  @Test func splitsURLs() throws {
    let url = try #require(WebURL("HTTPS://Petisi.Example.org:8443/hutan-adat?lang=id#top"))
    #expect(url.scheme == "https")
    #expect(url.host == "petisi.example.org")
    #expect(url.port == 8443)
    #expect(url.target == "/hutan-adat?lang=id")
    #expect(url.hostHeader == "petisi.example.org:8443")
    #expect(url.string == "HTTPS://Petisi.Example.org:8443/hutan-adat?lang=id")
    let v6 = try #require(WebURL("http://[::1]:9000"))
    #expect(v6.host == "::1")
    #expect(v6.target == "/")
    #expect(v6.hostHeader == "[::1]:9000")
    #expect(WebURL("example.org/page") == nil)
    #expect(WebURL("http://host:99999/") == nil)
  }

  @Test func resolvesRedirectTargets() throws {
    let base = try #require(WebURL("http://example.org/a/b?x=1"))
    #expect(base.resolving("/c")?.string == "http://example.org/c")
    #expect(base.resolving("d")?.string == "http://example.org/a/d")
    #expect(base.resolving("https://other.example/")?.string == "https://other.example/")
    #expect(base.resolving("//cdn.example/x")?.string == "http://cdn.example/x")
  }
}

@Suite struct CDXClientTests {
  static let text = """
    org,example)/p 20240105120000 http://example.org/p text/html 200 AAAA 512
    org,example)/p 20240106120000 http://example.org/p text/html 200 AAAA 512
    org,example)/p 20240107120000 http://example.org/p warc/revisit - AAAA 0
    org,example)/p 20240108120000 http://example.org/p text/html 404 BBBB 300
    org,example)/p 20240109120000 http://example.org/p text/html 200 CCCC 600

    """

  @Test func readsPlainTextAndSelects() throws {
    let captures = try CDXClient.parse(Array(Self.text.utf8)).captures
    #expect(captures.count == 5)
    #expect(captures[0].digest == "AAAA")
    #expect(captures[2].status == nil)
    let kept = CDXClient.select(captures, collapseDigest: true)
    #expect(kept.map(\.timestamp) == ["20240105120000", "20240109120000"])
    // Without collapsing: the revisit is kept, the 404 is not.
    #expect(
      CDXClient.select(captures, collapseDigest: false).map(\.kind) == [.response, .response, .revisit, .response])
  }

  @Test func readsJSONRows() throws {
    let json = """
      [["timestamp","original","statuscode","digest"],
       ["20240105120000","http://example.org/p","200","sha1:AAAA"],
       ["20240109120000","http://example.org/p","200","CCCC"]]
      """
    let captures = try CDXClient.parse(Array(json.utf8)).captures
    #expect(captures.map(\.digest) == ["AAAA", "CCCC"])
    #expect(try CDXClient.parse(Array("[]".utf8)).captures.isEmpty)
    #expect(try CDXClient.parse([]).captures.isEmpty)
  }

  @Test func rejectsGarbageWithALineNumber() {
    #expect(throws: CDXParseError.self) { try CDXClient.parse(Array("ok line\n".utf8)) }
  }

  @Test func buildsTheQuery() {
    var query = FetchConfig.CDXQuery(url: "petisi.example.org/hutan-adat")
    query.match = .prefix
    query.from = "2024"
    query.to = "20241231"
    let url = CDXClient.queryURL(server: "http://127.0.0.1:1/cdx", query: query)
    #expect(
      url == "http://127.0.0.1:1/cdx?url=petisi.example.org%2Fhutan-adat&matchType=prefix&from=2024&to=20241231"
        + "&collapse=digest&output=json&showNumPages=true&showResumeKey=true")
    query.filters = ["statuscode:200"]
    #expect(
      CDXClient.queryURL(server: "http://127.0.0.1:1/cdx", query: query, request: .page(2)).hasSuffix(
        "&filter=statuscode:200&collapse=digest&output=json&page=2"))
    #expect(
      CDXClient.queryURL(server: "http://127.0.0.1:1/cdx", query: query, request: .resume("k 1")).hasSuffix(
        "&showResumeKey=true&resumeKey=k%201"))
  }
}

@Suite struct FetchConfigTests {
  static let yaml = """
    name: default
    description: "Sample corpus"
    inputs:
      - corpus/warc/*.warc.gz
    currency: { base: IDR, rates: [] }
    campaigns:
      - id: hutan
        name: "Hutan"
    fetch:
      user_agent: "slackscore/0.1 (+mailto:data-desk@example.org)"
      output: raw
      max_file_bytes: 1000000000
      per_host_delay_ms: 1000
      per_host_concurrency: 1
      max_body_bytes: 50000000
      max_redirects: 5
      timeouts: { connect_ms: 10000, read_ms: 30000 }
      retries: 3
      respect_robots: true
      allow_private_addresses: false
      live: ["https://example.org/page"]
      cdx_server: "https://web.archive.org/cdx/search/cdx"
      replay_base: "https://web.archive.org/web/"
      cdx:
        - { url: "petisi.example.id/hutan-adat", match: exact, from: "2024", to: "2024", collapse_digest: true }
        - { url: "petisi.example.id/", match: prefix, from: 2019 }
    """

  @Test func readsTheAgreedExample() throws {
    let config = try FetchConfig.parse(yaml: Self.yaml, file: "pipeline.yml", pipelineFolder: "pipelines/default")
    #expect(config.name == "default")
    #expect(config.output == "out/default/raw")
    #expect(config.userAgent.contains("data-desk@example.org"))
    #expect(config.readTimeoutMilliseconds == 30000)
    #expect(config.live == ["https://example.org/page"])
    #expect(config.cdx.count == 2)
    #expect(config.cdx[0].from == "2024")
    #expect(config.cdx[1].match == .prefix)
    #expect(config.cdx[1].from == "2019")
    #expect(config.cdx[1].collapseDigest)
    let elsewhere = try FetchConfig.parse(
      yaml: Self.yaml, file: "pipeline.yml", pipelineFolder: "pipelines/default", outFolder: "/data/run")
    #expect(elsewhere.output == "/data/run/raw")
  }

  @Test func eachQueryCanNameItsOwnArchiveOrCollection() throws {
    let yaml = """
      fetch:
        cdx_server: "http://a.example/cdx"
        replay_base: "http://a.example/web/"
        cdx:
          - { url: "x.example/1" }
          - { url: "x.example/2", cdx_server: "http://b.example/coll/cdx", replay_base: "http://b.example/coll/",
              cdx_dialect: ndjson }
      """
    let config = try FetchConfig.parse(yaml: yaml, file: "p.yml", pipelineFolder: ".")
    let archives = config.cdx.map(config.archive(for:))
    #expect(archives.map(\.cdxServer) == ["http://a.example/cdx", "http://b.example/coll/cdx"])
    #expect(archives.map(\.replayBase) == ["http://a.example/web/", "http://b.example/coll/"])
    #expect(archives.map(\.dialect) == [.auto, .ndjson])
  }

  @Test func noFetchSectionGivesDefaults() throws {
    let config = try FetchConfig.parse(yaml: "description: x\n", file: "p.yml", pipelineFolder: "pipelines/sample")
    #expect(config.name == "sample")
    #expect(config.output == "out/sample/raw")
    #expect(config.live.isEmpty && config.cdx.isEmpty)
  }

  @Test(arguments: [
    ("fetch:\n  retires: 3\n", "p.yml:2: unknown key 'retires' in fetch"),
    ("fetch:\n  timeouts: { connect: 5 }\n", "p.yml:2: unknown key 'connect' in fetch.timeouts"),
    ("fetch:\n  retries: many\n", "p.yml:2: retries must be a whole number >= 0"),
    ("fetch:\n  cdx:\n    - { match: exact }\n", "p.yml:3: fetch.cdx: each query needs a 'url'"),
    ("fetch:\n  cdx:\n    - { url: x, from: 2024-13 }\n", "p.yml:3: from must be a date"),
    ("fetch:\n  cdx:\n    - { url: x, cdx_dialect: xml }\n", "p.yml:3: fetch.cdx cdx_dialect 'xml' is not one of"),
  ])
  func errorsNameFileLineAndKey(yaml: String, expected: String) {
    do {
      _ = try FetchConfig.parse(yaml: yaml, file: "p.yml", pipelineFolder: ".")
      Issue.record("no error for \(yaml)")
    } catch {
      #expect(error.description.hasPrefix(expected), "\(error.description)")
    }
  }
}

@Suite struct HostSchedulerTests {
  @Test func spacesRequestStartsPerHostButNotAcrossHosts() async {
    let scheduler = HostScheduler(delay: .milliseconds(50), concurrency: 1)
    let clock = ContinuousClock()
    let start = clock.now
    let starts = await withTaskGroup(of: (String, Duration).self) { group in
      for host in ["a", "a", "a", "b"] {
        group.addTask {
          await scheduler.acquire(host)
          let at = clock.now - start
          await scheduler.release(host)
          return (host, at)
        }
      }
      var all: [(String, Duration)] = []
      for await item in group { all.append(item) }
      return all
    }
    let a = starts.filter { $0.0 == "a" }.map(\.1).sorted()
    let b = starts.filter { $0.0 == "b" }.map(\.1)
    #expect(a.count == 3)
    #expect(a[1] - a[0] >= .milliseconds(49))  // starts on one host are spaced by the delay
    #expect(a[2] - a[1] >= .milliseconds(49))
    #expect(b[0] < a[2])  // another host does not queue behind "a"
  }
}
