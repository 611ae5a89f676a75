import ArchiveReader
import Fetch
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import SlackscoreCore
import Synchronization

/// A real HTTP/1.1 server on 127.0.0.1 (ephemeral port) for the fetch tests. It serves:
///
/// - `/robots.txt` disallowing `/private`, pages `/page/N`, `/private/…`
/// - `/redirect` (301 to `/page/1`), `/loop/a` ⇄ `/loop/b` (302 forever)
/// - `/flaky/429` (429 + `Retry-After: 1` once, then 200), `/flaky/500` (500 once, then 200), `/always-500`
/// - `/slow` (answers after `slowDelay`), `/delay/MS/N` (answers after MS milliseconds)
/// - `/huge` (300 000 bytes), `/gzip` (Content-Encoding: gzip), `/chunked` (Transfer-Encoding: chunked)
/// - `/cdx` (CDX lines or JSON rows for the petition captures), `/web/TSid_/URL` (raw replay; an
///   unknown timestamp redirects to the nearest capture)
final class TestHTTPServer: Sendable {
  /// A capture of the petition page.
  struct Capture: Sendable {
    var timestamp: String
    var original: String
    var signatures: Int
    var status = 200
    var mimetype = "text/html"
  }

  struct State {
    var hits: [String: Int] = [:]
    var captures: [Capture] = []
    var requestHeads: [String: [(String, String)]] = [:]
  }

  let port: Int
  private let box: StateBox
  private let channel: any Channel

  static let petition = "http://petisi.example.org/hutan-adat"

  /// The captures the CDX endpoint lists at start. The signature count rises; two adjacent
  /// captures are identical (collapse) and some are outside 2024 or not status 200.
  static let defaultCaptures: [Capture] = [
    Capture(timestamp: "20231215090000", original: petition, signatures: 40),
    Capture(timestamp: "20240105120000", original: petition, signatures: 120),
    Capture(timestamp: "20240212080000", original: petition, signatures: 120),
    Capture(timestamp: "20240320093000", original: petition, signatures: 850),
    Capture(timestamp: "20240410000000", original: petition, signatures: 0, status: 404),
    Capture(timestamp: "20240501101500", original: petition, signatures: 2300),
  ]

  private init(port: Int, box: StateBox, channel: any Channel) {
    self.port = port
    self.box = box
    self.channel = channel
  }

  /// Starts a server; `stop()` it at the end of the test. `cdxPlainText` answers `/cdx`
  /// in plain text even when JSON is asked for.
  static func start(cdxPlainText: Bool = false, slowDelay: TimeAmount = .seconds(2)) async throws -> TestHTTPServer {
    let box = StateBox()
    box.state.withLock { $0.captures = defaultCaptures }
    let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .serverChannelOption(.backlog, value: 64)
      .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
      .childChannelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
          try channel.pipeline.syncOperations.configureHTTPServerPipeline()
          try channel.pipeline.syncOperations.addHandler(
            Handler(box: box, cdxPlainText: cdxPlainText, slowDelay: slowDelay))
        }
      }
    let channel = try await bootstrap.bind(host: "127.0.0.1", port: 0).get()
    return TestHTTPServer(port: channel.localAddress?.port ?? 0, box: box, channel: channel)
  }

  func stop() async { try? await channel.close() }

  /// `http://127.0.0.1:PORT`.
  var base: String { "http://127.0.0.1:\(port)" }

  /// Requests seen for a path (query ignored).
  func hits(_ path: String) -> Int { box.state.withLock { $0.hits[path] ?? 0 } }

  /// Requests seen for paths starting with `prefix`.
  func hits(prefix: String) -> Int {
    box.state.withLock { $0.hits.filter { $0.key.hasPrefix(prefix) }.values.reduce(0, +) }
  }

  /// The request headers of the last request for `path`.
  func requestHeaders(_ path: String) -> [(String, String)] { box.state.withLock { $0.requestHeads[path] ?? [] } }

  /// Adds a capture to the CDX listing (a later crawl of the archive).
  func addCapture(_ capture: Capture) { box.state.withLock { $0.captures.append(capture) } }

  /// The petition page as captured with `signatures` signatures.
  static func petitionPage(signatures: Int) -> [UInt8] {
    Array(
      """
      <html><head><meta charset="utf-8"><title>Petisi: Bebaskan Hutan Adat</title></head>
      <body><h1>Bebaskan Hutan Adat</h1><p class="count">\(signatures) tanda tangan</p>
      <a href="/sign">Tanda tangani petisi ini</a> #BebaskanHutanAdat</body></html>
      """.utf8)
  }
}

/// The shared mutable state of one server (handlers run on event loop threads).
final class StateBox: Sendable {
  let state = Mutex(TestHTTPServer.State())
}

private final class Handler: ChannelInboundHandler {
  typealias InboundIn = HTTPServerRequestPart
  typealias OutboundOut = HTTPServerResponsePart

  private let box: StateBox
  private let cdxPlainText: Bool
  private let slowDelay: TimeAmount
  private var head: HTTPRequestHead?

  init(box: StateBox, cdxPlainText: Bool, slowDelay: TimeAmount) {
    self.box = box
    self.cdxPlainText = cdxPlainText
    self.slowDelay = slowDelay
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    switch unwrapInboundIn(data) {
    case .head(let head): self.head = head
    case .body: break
    case .end:
      guard let head else { return }
      self.head = nil
      respond(context: context, head: head)
    }
  }

  private struct Reply {
    var status: HTTPResponseStatus = .ok
    var headers: [(String, String)] = [("Content-Type", "text/html; charset=utf-8")]
    var body: [UInt8] = []
    var delay: TimeAmount?
    var chunked = false
  }

  private func respond(context: ChannelHandlerContext, head: HTTPRequestHead) {
    let (path, query) = split(head.uri)
    let hit = box.state.withLock { state -> Int in
      state.hits[path, default: 0] += 1
      state.requestHeads[path] = head.headers.map { ($0.name, $0.value) }
      return state.hits[path]!
    }
    let reply = route(path: path, query: query, hit: hit)
    let keepAlive = head.isKeepAlive
    let write = { (context: ChannelHandlerContext) in
      var headers = HTTPHeaders(reply.headers)
      if reply.chunked {
        headers.add(name: "Transfer-Encoding", value: "chunked")
      } else {
        headers.add(name: "Content-Length", value: String(reply.body.count))
      }
      let responseHead = HTTPResponseHead(version: .http1_1, status: reply.status, headers: headers)
      context.write(self.wrapOutboundOut(.head(responseHead)), promise: nil)
      if reply.chunked {
        let half = reply.body.count / 2
        context.write(self.wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: reply.body[..<half])))), promise: nil)
        context.write(self.wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: reply.body[half...])))), promise: nil)
      } else if !reply.body.isEmpty {
        context.write(self.wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: reply.body)))), promise: nil)
      }
      let done = context.writeAndFlush(self.wrapOutboundOut(.end(nil)))
      let channel = context.channel
      if !keepAlive { done.whenComplete { _ in channel.close(promise: nil) } }
    }
    if let delay = reply.delay {
      let loopBound = NIOLoopBound((context, write), eventLoop: context.eventLoop)
      context.eventLoop.scheduleTask(in: delay) {
        let (context, write) = loopBound.value
        if context.channel.isActive { write(context) }
      }
    } else {
      write(context)
    }
  }

  private func route(path: String, query: [String: String], hit: Int) -> Reply {
    var reply = Reply()
    let parts = path.split(separator: "/").map(String.init)
    switch parts.first ?? "" {
    case "robots.txt":
      reply.headers = [("Content-Type", "text/plain")]
      reply.body = Array("# test robots\nUser-agent: *\nDisallow: /private\n".utf8)
    case "page":
      let n = parts.count > 1 ? parts[1] : "0"
      reply.body = Array(
        "<html><head><title>Halaman \(n)</title></head><body><p>Isi halaman \(n).</p></body></html>".utf8)
    case "private":
      reply.body = Array("<p>not for crawlers</p>".utf8)
    case "redirect":
      reply.status = .movedPermanently
      reply.headers.append(("Location", "/page/1"))
    case "loop":
      reply.status = .found
      reply.headers.append(("Location", parts.last == "a" ? "/loop/b" : "/loop/a"))
    case "flaky":
      if hit == 1 {
        reply.status = parts.last == "429" ? .tooManyRequests : .internalServerError
        if parts.last == "429" { reply.headers.append(("Retry-After", "1")) }
        reply.body = Array("try again".utf8)
      } else {
        reply.body = Array("<p>recovered \(parts.last ?? "")</p>".utf8)
      }
    case "always-500":
      reply.status = .internalServerError
      reply.body = Array("broken".utf8)
    case "slow":
      reply.delay = slowDelay
      reply.body = Array("<p>finally</p>".utf8)
    case "delay":
      reply.delay = .milliseconds(Int64(parts.count > 1 ? Int(parts[1]) ?? 100 : 100))
      reply.body = Array("<html><body><p>delayed page \(parts.last ?? "")</p></body></html>".utf8)
    case "huge":
      reply.headers = [("Content-Type", "application/octet-stream")]
      reply.body = [UInt8](repeating: UInt8(ascii: "z"), count: 300_000)
    case "gzip":
      reply.headers.append(("Content-Encoding", "gzip"))
      reply.body = GzipMember.compress(Array("<p>compressed on the wire</p>".utf8))
    case "chunked":
      reply.chunked = true
      reply.body = Array("<p>sent in two chunks, stored as one body</p>".utf8)
    case "cdx":
      reply = cdx(query)
    case "web":
      reply = replay(path)
    default:
      reply.status = .notFound
      reply.body = Array("no such page".utf8)
    }
    return reply
  }

  private func cdx(_ query: [String: String]) -> Reply {
    var reply = Reply()
    let url = query["url"] ?? ""
    let match = query["matchType"] ?? "exact"
    let from = query["from"].map { $0.padding(toLength: 14, withPad: "0", startingAt: 0) } ?? "00000000000000"
    let to = query["to"].map { $0.padding(toLength: 14, withPad: "9", startingAt: 0) } ?? "99999999999999"
    let captures = box.state.withLock { $0.captures }.filter { capture in
      let bare = capture.original.replacingOccurrences(of: "http://", with: "")
      let matches = match == "prefix" ? bare.hasPrefix(url) : bare == url || capture.original == url
      return matches && capture.timestamp >= from && capture.timestamp <= to
    }.sorted { $0.timestamp < $1.timestamp }
    // This server ignores `filter` and `collapse`: the client must cope.
    func row(_ c: TestHTTPServer.Capture) -> [String] {
      let digest = String(
        ContentDigest.sha1(TestHTTPServer.petitionPage(signatures: c.signatures)).description.dropFirst(5))
      let key = "org,example,petisi)/hutan-adat"
      return [key, c.timestamp, c.original, c.mimetype, String(c.status), digest, "512"]
    }
    if query["output"] == "json" && !cdxPlainText {
      reply.headers = [("Content-Type", "application/json")]
      var rows = [["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"]]
      rows += captures.map(row)
      let json =
        "[" + rows.map { "[" + $0.map { "\"\($0)\"" }.joined(separator: ",") + "]" }.joined(separator: ",\n") + "]"
      reply.body = Array(json.utf8)
    } else {
      reply.headers = [("Content-Type", "text/plain")]
      reply.body = Array(captures.map { row($0).joined(separator: " ") + "\n" }.joined().utf8)
    }
    return reply
  }

  private func replay(_ path: String) -> Reply {
    var reply = Reply()
    // /web/20240105120000id_/http://petisi.example.org/hutan-adat
    let rest = path.dropFirst("/web/".count)
    let stamp = String(rest.prefix { $0.isNumber })
    let original = rest.range(of: "id_/").map { String(rest[$0.upperBound...]) } ?? ""
    let captures = box.state.withLock { $0.captures }.filter { $0.original == original && $0.status == 200 }
    if let exact = captures.first(where: { $0.timestamp == stamp }) {
      reply.headers.append(("Memento-Datetime", "test capture \(exact.timestamp)"))
      reply.body = TestHTTPServer.petitionPage(signatures: exact.signatures)
    } else if let nearest = captures.min(by: { abs(distance($0.timestamp, stamp)) < abs(distance($1.timestamp, stamp)) }
    ) {
      reply.status = .found
      reply.headers.append(("Location", "/web/\(nearest.timestamp)id_/\(original)"))
    } else {
      reply.status = .notFound
    }
    return reply
  }

  private func distance(_ a: String, _ b: String) -> Int {
    (WARCDate.seconds(fromStamp: a) ?? 0) - (WARCDate.seconds(fromStamp: b) ?? 0)
  }

  private func split(_ uri: String) -> (String, [String: String]) {
    guard let mark = uri.firstIndex(of: "?") else { return (uri, [:]) }
    var query: [String: String] = [:]
    for pair in uri[uri.index(after: mark)...].split(separator: "&") {
      let kv = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
      if kv.count == 2 { query[kv[0]] = kv[1] }
    }
    return (String(uri[..<mark]), query)
  }
}
