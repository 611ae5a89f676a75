import ArchiveReader
import SlackscoreCore
import Yams

/// The `fetch:` section of `pipelines/NAME/pipeline.yml`, with defaults filled in.
///
/// Only this section is read here; the other top-level keys belong to other stages and
/// are tolerated. Inside `fetch:`, an unknown key is an error naming file, line and key.
public struct FetchConfig: Sendable, Equatable {
  /// One archive query against a CDX server.
  public struct CDXQuery: Sendable, Equatable {
    /// How `url` matches captures (the CDX server's `matchType`).
    public enum Match: String, Sendable, Equatable, CaseIterable {
      case exact, prefix, host, domain
    }

    /// URL (or prefix) to look up, with or without scheme.
    public var url: String
    public var match: Match = .exact
    /// Earliest capture, 4 to 14 digits (`2024`, `20240501`), inclusive.
    public var from: String?
    /// Latest capture, 4 to 14 digits, inclusive.
    public var to: String?
    /// Skip captures whose payload digest equals the previous one (and ones already archived).
    public var collapseDigest = true
    /// At most this many captures from this query (nil: all the server returns).
    public var limit: Int?
    /// CDX `filter=` values sent as they are (`statuscode:200`, `!mimetype:warc/revisit`, …).
    public var filters: [String] = []
    /// This query's archive or collection, when it is not the section's own
    /// (`cdx_server`, `replay_base`, `cdx_dialect` inside the query).
    public var cdxServer: String?
    public var replayBase: String?
    public var cdxDialect: CDXDialect?

    public init(url: String) { self.url = url }
  }

  /// The pipeline name (top-level `name:`, else the pipeline folder's name).
  public var name: String
  /// `User-Agent` header; should carry a contact address.
  public var userAgent = "slackscore/0.1 (+https://github.com/slackscore)"
  /// Folder for the WARC files (resolved: absolute, or relative to the current directory).
  public var output: String
  public var maxFileBytes = 1_000_000_000
  public var perHostDelayMilliseconds = 1000
  public var perHostConcurrency = 1
  /// Fetches in flight across all hosts.
  public var concurrency = 4
  public var maxBodyBytes = 50_000_000
  public var maxRedirects = 5
  public var connectTimeoutMilliseconds = 10_000
  public var readTimeoutMilliseconds = 30_000
  /// Retries after the first attempt (so `retries + 1` attempts at most).
  public var retries = 3
  /// First backoff step; doubles on each retry.
  public var retryBaseMilliseconds = 1000
  /// Longest wait before a retry, whatever `Retry-After` asks.
  public var maxRetryWaitMilliseconds = 120_000
  public var respectRobots = true
  public var allowPrivateAddresses = false
  /// A live URL fetched less than this many hours ago is not fetched again.
  public var refetchLiveAfterHours = 24.0
  /// Store an unchanged live page again as a `revisit` record (identical payload digest)
  /// pointing at the first full copy, instead of a second full response.
  public var revisitUnchanged = true
  /// Live URLs: `live:` then the lines of `live_file:`.
  public var live: [String] = []
  public var cdxServer = "https://web.archive.org/cdx/search/cdx"
  /// A capture's raw bytes are at `replayBase + TIMESTAMP + "id_/" + URL`.
  public var replayBase = "https://web.archive.org/web/"
  public var cdx: [CDXQuery] = []
  /// How the CDX server's answers are read (detected by default).
  public var cdxDialect = CDXDialect.auto
  /// A PEM file of certificate authorities trusted for HTTPS besides the system's (a site
  /// or archive behind a private authority); nil: the system's only.
  public var caFile: String?
  /// Connection failures in a row after which a host is skipped for the rest of the run
  /// (0: never skip).
  public var circuitBreaker = 5

  /// Where one query's captures are listed and replayed: a CDX server, its replay base and
  /// the form of its answers.
  public struct Archive: Sendable, Hashable {
    public var cdxServer: String
    /// A capture's raw bytes are at `replayBase + TIMESTAMP + "id_/" + URL`.
    public var replayBase: String
    public var dialect: CDXDialect
  }

  /// The archive `query` asks: its own settings, the section's for the ones it leaves out.
  /// Several archives (or pywb collections) in one pipeline are several queries.
  public func archive(for query: CDXQuery) -> Archive {
    Archive(
      cdxServer: query.cdxServer ?? cdxServer, replayBase: query.replayBase ?? replayBase,
      dialect: query.cdxDialect ?? cdxDialect)
  }

  /// A configuration with defaults, writing into `output`.
  public init(name: String, output: String) {
    self.name = name
    self.output = output
  }

  /// Reads `fetch:` from a pipeline folder (or a `pipeline.yml` path). `outFolder`
  /// overrides `out/NAME`; `output:` is resolved against it unless absolute.
  public static func load(pipeline: String, outFolder: String? = nil) throws(FetchError) -> FetchConfig {
    let ymlPath = pipeline.hasSuffix(".yml") || pipeline.hasSuffix(".yaml") ? pipeline : pipeline + "/pipeline.yml"
    let folder = FileSystem.parent(of: ymlPath)
    let text: String
    do {
      text = String(decoding: try FileSystem.readAll(ymlPath), as: UTF8.self)
    } catch {
      throw .config(file: ymlPath, line: nil, message: "cannot read the pipeline file: \(error)")
    }
    return try parse(yaml: text, file: ymlPath, pipelineFolder: folder, outFolder: outFolder)
  }

  /// Parses the YAML text of a pipeline file.
  public static func parse(
    yaml: String, file: String, pipelineFolder: String, outFolder: String? = nil
  ) throws(FetchError) -> FetchConfig {
    let root: Node?
    do {
      root = try Yams.compose(yaml: yaml)
    } catch {
      throw .config(file: file, line: nil, message: "not valid YAML: \(error)")
    }
    let reader = NodeReader(file: file)
    let top = try root.map { node throws(FetchError) in try reader.mapping(node, "the pipeline file") } ?? []
    var name = folderName(pipelineFolder)
    var fetchNode: Node?
    for (key, value) in top {
      switch key.string {
      case "name": name = try reader.string(value, "name")
      case "fetch": fetchNode = value
      default: continue  // other stages' keys
      }
    }
    let out = outFolder ?? "out/\(name)"
    var config = FetchConfig(name: name, output: out + "/raw")
    guard let fetchNode else { return config }
    var liveFile: String?
    var outputSetting: String?
    for (keyNode, value) in try reader.mapping(fetchNode, "fetch") {
      let key = keyNode.string ?? ""
      switch key {
      case "user_agent": config.userAgent = try reader.string(value, key)
      case "output": outputSetting = try reader.string(value, key)
      case "max_file_bytes": config.maxFileBytes = try reader.int(value, key, min: 1)
      case "per_host_delay_ms": config.perHostDelayMilliseconds = try reader.int(value, key, min: 0)
      case "per_host_concurrency": config.perHostConcurrency = try reader.int(value, key, min: 1)
      case "concurrency": config.concurrency = try reader.int(value, key, min: 1)
      case "max_body_bytes": config.maxBodyBytes = try reader.int(value, key, min: 1)
      case "max_redirects": config.maxRedirects = try reader.int(value, key, min: 0)
      case "retries": config.retries = try reader.int(value, key, min: 0)
      case "retry_base_ms": config.retryBaseMilliseconds = try reader.int(value, key, min: 0)
      case "max_retry_wait_ms": config.maxRetryWaitMilliseconds = try reader.int(value, key, min: 0)
      case "respect_robots": config.respectRobots = try reader.bool(value, key)
      case "allow_private_addresses": config.allowPrivateAddresses = try reader.bool(value, key)
      case "refetch_live_after_hours": config.refetchLiveAfterHours = try reader.double(value, key, min: 0)
      case "revisit_unchanged": config.revisitUnchanged = try reader.bool(value, key)
      case "live":
        config.live = try reader.sequence(value, key).map { item throws(FetchError) in try reader.string(item, key) }
      case "live_file": liveFile = try reader.string(value, key)
      case "cdx_server": config.cdxServer = try reader.string(value, key)
      case "replay_base": config.replayBase = try reader.string(value, key)
      case "cdx_dialect": config.cdxDialect = try reader.dialect(value, "fetch.cdx_dialect")
      case "circuit_breaker": config.circuitBreaker = try reader.int(value, key, min: 0)
      case "ca_file":
        let path = resolve(try reader.string(value, key), pipelineFolder: pipelineFolder)
        guard FileSystem.exists(path) else {
          throw .config(
            file: file, line: value.mark?.line,
            message: "fetch.ca_file: cannot read \(path) (a PEM file of certificate authorities)")
        }
        config.caFile = path
      case "timeouts":
        for (timeoutKey, timeoutValue) in try reader.mapping(value, key) {
          let name = timeoutKey.string ?? ""
          switch name {
          case "connect_ms": config.connectTimeoutMilliseconds = try reader.int(timeoutValue, name, min: 1)
          case "read_ms": config.readTimeoutMilliseconds = try reader.int(timeoutValue, name, min: 1)
          default: throw reader.unknownKey(timeoutKey, in: "fetch.timeouts", known: "connect_ms, read_ms")
          }
        }
      case "cdx":
        config.cdx = try reader.sequence(value, key).map { item throws(FetchError) in try cdxQuery(item, reader) }
      default:
        throw reader.unknownKey(keyNode, in: "fetch", known: knownKeys.joined(separator: ", "))
      }
    }
    if let outputSetting {
      config.output = outputSetting.hasPrefix("/") ? outputSetting : out + "/" + outputSetting
    }
    if let liveFile {
      let path = resolve(liveFile, pipelineFolder: pipelineFolder)
      guard let bytes = try? FileSystem.readAll(path) else {
        throw .config(file: file, line: nil, message: "fetch.live_file: cannot read \(path)")
      }
      for line in String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline) {
        let trimmed = line.trimmingSpaces()
        if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
        config.live.append(trimmed)
      }
    }
    return config
  }

  /// Keys allowed in `fetch:`.
  public static let knownKeys = [
    "user_agent", "output", "max_file_bytes", "per_host_delay_ms", "per_host_concurrency", "concurrency",
    "max_body_bytes", "max_redirects", "timeouts", "retries", "retry_base_ms", "max_retry_wait_ms", "respect_robots",
    "allow_private_addresses", "refetch_live_after_hours", "revisit_unchanged", "live", "live_file", "cdx_server",
    "replay_base", "cdx", "cdx_dialect", "circuit_breaker", "ca_file",
  ]

  private static func cdxQuery(_ node: Node, _ reader: NodeReader) throws(FetchError) -> CDXQuery {
    var url: String?
    var query = CDXQuery(url: "")
    for (keyNode, value) in try reader.mapping(node, "fetch.cdx item") {
      let key = keyNode.string ?? ""
      switch key {
      case "url": url = try reader.string(value, key)
      case "match":
        let text = try reader.string(value, key)
        guard let match = CDXQuery.Match(rawValue: text) else {
          throw .config(
            file: reader.file, line: value.mark?.line,
            message: "fetch.cdx match '\(text)' is not one of exact, prefix, host, domain")
        }
        query.match = match
      case "from": query.from = try reader.stamp(value, key)
      case "to": query.to = try reader.stamp(value, key)
      case "collapse_digest": query.collapseDigest = try reader.bool(value, key)
      case "limit": query.limit = try reader.int(value, key, min: 1)
      case "filter":
        let items = value.sequence.map { Array($0) } ?? [value]
        query.filters = try items.map { item throws(FetchError) in try reader.string(item, key) }
      case "cdx_server": query.cdxServer = try reader.string(value, key)
      case "replay_base": query.replayBase = try reader.string(value, key)
      case "cdx_dialect": query.cdxDialect = try reader.dialect(value, "fetch.cdx cdx_dialect")
      default:
        throw reader.unknownKey(
          keyNode, in: "fetch.cdx",
          known: "url, match, from, to, collapse_digest, limit, filter, cdx_server, replay_base, cdx_dialect")
      }
    }
    guard let url, !url.isEmpty else {
      throw .config(file: reader.file, line: node.mark?.line, message: "fetch.cdx: each query needs a 'url'")
    }
    query.url = url
    return query
  }

  /// Pipeline-relative path rule: the pipeline folder first, then the current directory.
  static func resolve(_ path: String, pipelineFolder: String) -> String {
    if path.hasPrefix("/") { return path }
    let inPipeline = pipelineFolder + "/" + path
    return FileSystem.exists(inPipeline) || !FileSystem.exists(path) ? inPipeline : path
  }

  private static func folderName(_ folder: String) -> String {
    let trimmed = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
    let name = trimmed.split(separator: "/").last.map(String.init) ?? "default"
    return name == "." || name.isEmpty ? "default" : name
  }
}

/// Typed reads of Yams nodes that name the file and line on failure.
struct NodeReader {
  let file: String

  func mapping(_ node: Node, _ what: String) throws(FetchError) -> [(Node, Node)] {
    guard let mapping = node.mapping else { throw wrong(node, what, "a mapping") }
    return mapping.map { ($0.key, $0.value) }
  }

  func sequence(_ node: Node, _ what: String) throws(FetchError) -> [Node] {
    guard let sequence = node.sequence else { throw wrong(node, what, "a list") }
    return Array(sequence)
  }

  func string(_ node: Node, _ what: String) throws(FetchError) -> String {
    guard let scalar = node.scalar else { throw wrong(node, what, "a string") }
    return scalar.string
  }

  func int(_ node: Node, _ what: String, min: Int) throws(FetchError) -> Int {
    guard let value = node.int, value >= min else { throw wrong(node, what, "a whole number >= \(min)") }
    return value
  }

  func double(_ node: Node, _ what: String, min: Double) throws(FetchError) -> Double {
    guard let value = node.float, value >= min else { throw wrong(node, what, "a number >= \(min)") }
    return value
  }

  func bool(_ node: Node, _ what: String) throws(FetchError) -> Bool {
    guard let value = node.bool else { throw wrong(node, what, "true or false") }
    return value
  }

  /// 4 to 14 digits (YAML may read `2024` as a number: the text is what counts).
  func stamp(_ node: Node, _ what: String) throws(FetchError) -> String {
    let text = try string(node, what).filter { $0 != "-" && $0 != ":" && $0 != " " && $0 != "T" }
    guard WARCDate.seconds(fromStamp: text) != nil else {
      throw wrong(node, what, "a date as YYYY[MM[DD[hhmmss]]] or YYYY-MM-DD")
    }
    return text
  }

  /// One of the ``CDXDialect`` names.
  func dialect(_ node: Node, _ what: String) throws(FetchError) -> CDXDialect {
    let text = try string(node, what)
    guard let dialect = CDXDialect(rawValue: text) else {
      throw .config(
        file: file, line: node.mark?.line,
        message: "\(what) '\(text)' is not one of " + CDXDialect.allCases.map(\.rawValue).joined(separator: ", "))
    }
    return dialect
  }

  func unknownKey(_ key: Node, in section: String, known: String) -> FetchError {
    .config(
      file: file, line: key.mark?.line, message: "unknown key '\(key.string ?? "?")' in \(section) (known: \(known))")
  }

  private func wrong(_ node: Node, _ what: String, _ expected: String) -> FetchError {
    .config(file: file, line: node.mark?.line, message: "\(what) must be \(expected)")
  }
}
