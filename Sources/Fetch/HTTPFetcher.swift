import ArchiveReader
import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NIOSSL
import Synchronization

/// One HTTP exchange as received: what we asked, what came back.
struct HTTPExchange: Sendable {
  var url: WebURL
  /// The address connected to.
  var address: String
  /// When the request was sent (WARC date).
  var date: String
  /// The request head as sent (reconstructed: see ``HTTPFetcher``).
  var requestHead: [UInt8]
  var version: String
  var status: Int
  var reason: String
  var headers: [(name: String, value: String)]
  var body: [UInt8]
  /// The body went past `max_body_bytes` and was cut there.
  var truncated: Bool

  /// The first header called `name`, case-insensitive.
  func header(_ name: String) -> String? {
    let lowered = name.lowercased()
    return headers.first { $0.name.lowercased() == lowered }?.value
  }

  /// The status line and headers as they would appear on the wire, then the body.
  ///
  /// AsyncHTTPClient hands over the parsed head and the de-chunked body, so the message
  /// is rebuilt: `HTTP/x.y CODE REASON`, the header lines in the order and spelling
  /// received, a blank line, the body bytes (Content-Encoding kept as received). Because
  /// the body is stored de-chunked, a `Transfer-Encoding` header is renamed to
  /// `X-Original-Transfer-Encoding` so that WARC readers do not try to de-chunk it again.
  var responseBlock: [UInt8] {
    var head = "\(version) \(status) \(reason)\r\n"
    for (name, value) in headers {
      let stored = name.lowercased() == "transfer-encoding" ? "X-Original-Transfer-Encoding" : name
      head += "\(stored): \(WARCRecord.sanitized(value))\r\n"
    }
    head += "\r\n"
    var bytes = Array(head.utf8)
    bytes.append(contentsOf: body)
    return bytes
  }
}

/// Why an exchange did not happen or did not succeed.
enum FetchFailure: Error, CustomStringConvertible, Sendable {
  case refused(AddressRefusal)
  case transport(String)
  case status(Int, String)
  case retryAfterTooLong(status: Int, retryAfter: String)
  case badURL(String)
  /// No connection could be made (refused, connect timeout).
  case unreachable(String)
  /// This attempt made the host's circuit breaker open: it is skipped for the rest of the run.
  case circuitOpened(host: String, failures: Int, last: String)
  /// The host's circuit breaker is open: not tried.
  case hostSkipped(String)
  /// The server's TLS certificate does not verify against the trusted authorities.
  case untrustedCertificate(String)

  var description: String {
    switch self {
    case .refused(let refusal): "\(refusal)"
    case .transport(let message): message
    case .status(let code, let reason): "HTTP \(code) \(reason) after all retries"
    case .retryAfterTooLong(let status, let retryAfter):
      "HTTP \(status) with Retry-After: \(retryAfter), longer than fetch.max_retry_wait_ms"
    case .badURL(let url): "not an absolute http(s) URL: \(url)"
    case .unreachable(let message): message
    case .circuitOpened(let host, let failures, let last):
      "\(host) refused \(failures) connections in a row (last: \(last)); skipping it for the rest of this run "
        + "(fetch.circuit_breaker)"
    case .hostSkipped(let host): "\(host) skipped: it refused too many connections earlier in this run"
    case .untrustedCertificate(let message):
      "the server's TLS certificate is not trusted (\(message)); refused. If the site or archive uses a "
        + "private certificate authority, name its PEM file in fetch.ca_file; otherwise the certificate is wrong "
        + "(expired, another host's, or self-signed)"
    }
  }

  var isUntrustedCertificate: Bool {
    if case .untrustedCertificate = self { true } else { false }
  }

  /// A short code for diagnostics.
  var code: String {
    switch self {
    case .refused(.scheme): "unsupported-scheme"
    case .refused(.unresolvable): "unresolvable-host"
    case .refused(.forbiddenAddress): "forbidden-address"
    case .transport, .unreachable: "transport-error"
    case .circuitOpened: "host-unreachable"
    case .hostSkipped: "host-skipped"
    case .untrustedCertificate: "tls-certificate-untrusted"
    case .status: "http-error"
    case .retryAfterTooLong: "retry-after-too-long"
    case .badURL: "bad-url"
    }
  }
}

/// Sends GET requests with AsyncHTTPClient: address policy, per-host politeness, retries
/// with backoff, timeouts and a body size limit. Redirects are not followed here; the
/// caller follows them so that every hop can be recorded.
///
/// One `HTTPClient` per (host, address): each pins its host to the address the policy
/// checked (`dnsOverride`), keeps HTTP/1.1 only (so the recorded status line is true),
/// never decompresses and never follows redirects.
final class HTTPFetcher: Sendable {
  private let config: FetchConfig
  private let policy: AddressPolicy
  private let scheduler: HostScheduler
  private let retry: RetryPolicy
  private let pool: ClientPool
  private let logger: Logger
  /// Connection failures in a row per host, and the hosts skipped for the rest of the run.
  private let breaker = Mutex<(failures: [String: Int], open: Set<String>)>(([:], []))

  init(config: FetchConfig, logger: Logger) {
    self.config = config
    self.logger = logger
    policy = AddressPolicy(allowPrivateAddresses: config.allowPrivateAddresses)
    scheduler = HostScheduler(
      delay: .milliseconds(config.perHostDelayMilliseconds), concurrency: config.perHostConcurrency)
    retry = RetryPolicy(
      retries: config.retries, base: .milliseconds(config.retryBaseMilliseconds),
      maxWait: .milliseconds(config.maxRetryWaitMilliseconds))
    var clientConfiguration = HTTPClient.Configuration(
      redirectConfiguration: .disallow,
      timeout: .init(
        connect: .milliseconds(Int64(config.connectTimeoutMilliseconds)),
        read: .milliseconds(Int64(config.readTimeoutMilliseconds))),
      decompression: .disabled)
    clientConfiguration.httpVersion = .http1Only
    if let caFile = config.caFile {
      var tls = TLSConfiguration.makeClientConfiguration()
      tls.additionalTrustRoots = [.file(caFile)]
      clientConfiguration.tlsConfiguration = tls
    }
    pool = ClientPool(configuration: clientConfiguration)
  }

  /// Shuts every client down; call once at the end.
  func shutdown() async { await pool.shutdown() }

  /// The address policy's verdict on `url` (the address to connect to, or the refusal).
  func checkAddress(_ url: WebURL) async -> AddressRefusal? {
    do {
      _ = try await policy.check(url)
      return nil
    } catch {
      return error
    }
  }

  /// GET `url`, retrying 429, 5xx and transport errors. A final 429/5xx is a failure;
  /// every other status (2xx, 3xx, 4xx) is returned. `acceptEncoding` asks for compressed
  /// bodies as stored (a replay server then sends archived bytes without decoding them).
  /// A host that failed to connect `circuit_breaker` times in a row is not tried again.
  func get(
    _ url: WebURL, retries: Int? = nil, acceptEncoding: Bool = false
  ) async -> Result<HTTPExchange, FetchFailure> {
    let address: String
    do {
      address = try await policy.check(url)
    } catch {
      return .failure(.refused(error))
    }
    let maxRetries = retries ?? retry.retries
    var attempt = 0
    while true {
      await scheduler.acquire(url.host)
      if breaker.withLock({ $0.open.contains(url.host) }) {
        await scheduler.release(url.host)
        return .failure(.hostSkipped(url.host))
      }
      let result = await once(url, address: address, acceptEncoding: acceptEncoding)
      await scheduler.release(url.host)
      if let opened = recordConnection(result, host: url.host) { return .failure(opened) }
      let retryAfter: String?
      switch result {
      case .success(let exchange) where RetryPolicy.isRetryable(status: exchange.status):
        guard attempt < maxRetries else { return .failure(.status(exchange.status, exchange.reason)) }
        retryAfter = exchange.header("Retry-After")
        logger.debug(
          "fetch: HTTP \(exchange.status) from \(url), will retry", metadata: ["retry-after": "\(retryAfter ?? "-")"])
      case .success:
        return result
      case .failure(let failure):
        guard attempt < maxRetries, !failure.isUntrustedCertificate else { return .failure(failure) }
        retryAfter = nil
        logger.debug("fetch: \(failure) for \(url), will retry")
      }
      guard let wait = retry.delay(beforeRetry: attempt, retryAfter: retryAfter) else {
        if case .success(let exchange) = result {
          return .failure(.retryAfterTooLong(status: exchange.status, retryAfter: retryAfter ?? "?"))
        }
        return result
      }
      try? await Task.sleep(for: wait)
      attempt += 1
    }
  }

  /// Counts a connection failure of `host` (a response resets the count); the failure that
  /// reaches `circuit_breaker` opens the breaker and is returned.
  private func recordConnection(_ result: Result<HTTPExchange, FetchFailure>, host: String) -> FetchFailure? {
    let limit = config.circuitBreaker
    return breaker.withLock { state in
      guard case .failure(.unreachable(let message)) = result else {
        if case .success = result { state.failures[host] = 0 }
        return nil
      }
      let count = state.failures[host, default: 0] + 1
      state.failures[host] = count
      guard limit > 0, count >= limit, state.open.insert(host).inserted else { return nil }
      return .circuitOpened(host: host, failures: count, last: message)
    }
  }

  private func once(_ url: WebURL, address: String, acceptEncoding: Bool) async -> Result<HTTPExchange, FetchFailure> {
    let client = await pool.client(host: url.host, address: address, pin: !url.hostIsIPLiteral)
    var request = HTTPClientRequest(url: url.string)
    request.method = .GET
    var fields = [("User-Agent", config.userAgent), ("Accept", "*/*")]
    if acceptEncoding { fields.append(("Accept-Encoding", Self.acceptEncoding)) }
    for (name, value) in fields { request.headers.add(name: name, value: value) }
    let requestHead = Array(
      ("GET \(url.target) HTTP/1.1\r\n" + fields.map { "\($0.0): \($0.1)\r\n" }.joined()
        + "Host: \(url.hostHeader)\r\n\r\n").utf8)
    let date = WARCDate.now()
    // The read timeout bounds each silence; the deadline bounds a slow trickle.
    let deadline =
      NIODeadline.now()
      + .milliseconds(Int64(config.connectTimeoutMilliseconds) + 10 * Int64(config.readTimeoutMilliseconds))
    do {
      let response = try await client.execute(request, deadline: deadline, logger: nil)
      var body: [UInt8] = []
      var truncated = false
      for try await chunk in response.body {
        let room = config.maxBodyBytes - body.count
        if chunk.readableBytes > room {
          body.append(contentsOf: chunk.readableBytesView.prefix(room))
          truncated = true
          break
        }
        body.append(contentsOf: chunk.readableBytesView)
      }
      var headers: [(name: String, value: String)] = []
      for (name, value) in response.headers { headers.append((name, value)) }
      return .success(
        HTTPExchange(
          url: url, address: address, date: date, requestHead: requestHead,
          version: "HTTP/\(response.version.major).\(response.version.minor)", status: Int(response.status.code),
          reason: response.status.reasonPhrase, headers: headers, body: body, truncated: truncated))
    } catch let error as HTTPClientError {
      if error == .connectTimeout { return .failure(.unreachable(Self.describe(error))) }
      return .failure(.transport(Self.describe(error)))
    } catch let error as NIOSSLError {
      return .failure(Self.tlsFailure(error))
    } catch let error as NIOSSLExtraError {
      return .failure(.untrustedCertificate("\(error)"))
    } catch {
      let text = "\(error)"
      let unreachable = ["NIOConnectionError", "Connection refused", "connectTimeout"].contains { text.contains($0) }
      return .failure(unreachable ? .unreachable(text) : .transport(text))
    }
  }

  /// What a capture request accepts: every coding a replay server may have stored, so that
  /// it sends the archived body as it is.
  static let acceptEncoding = "gzip, deflate, br, zstd"

  /// A handshake that failed on the certificate is an untrusted certificate; other TLS
  /// errors are transport errors.
  private static func tlsFailure(_ error: NIOSSLError) -> FetchFailure {
    let text = "\(error)"
    let certificate = ["CERTIFICATE_VERIFY_FAILED", "certificate verify failed", "unable to get local issuer"]
      .contains { text.contains($0) }
    return certificate ? .untrustedCertificate(text) : .transport(text)
  }

  private static func describe(_ error: HTTPClientError) -> String {
    switch error {
    case .readTimeout: "read timeout (fetch.timeouts.read_ms)"
    case .connectTimeout: "connect timeout (fetch.timeouts.connect_ms)"
    case .deadlineExceeded: "took too long (connect_ms + 10 × read_ms)"
    default: "\(error)"
    }
  }
}

/// The HTTP clients of one run, one per pinned (host, address).
actor ClientPool {
  private let configuration: HTTPClient.Configuration
  private var clients: [String: HTTPClient] = [:]

  init(configuration: HTTPClient.Configuration) { self.configuration = configuration }

  func client(host: String, address: String, pin: Bool) -> HTTPClient {
    let key = host + " " + address
    if let client = clients[key] { return client }
    var configuration = self.configuration
    if pin { configuration.dnsOverride = [host: address] }
    let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    clients[key] = client
    return client
  }

  func shutdown() async {
    for client in clients.values { try? await client.shutdown() }
    clients.removeAll()
  }
}
