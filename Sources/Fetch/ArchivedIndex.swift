import ArchiveReader
import Foundation
public import SlackscoreCore

/// What the archived index knows about one stored response: enough to decide whether a
/// rerun must fetch a URL or a capture again.
public struct ArchivedEntry: Codable, Sendable, Hashable {
  /// Where the bytes came from.
  public enum Kind: String, Codable, Sendable {
    /// Fetched from the live web.
    case live
    /// An archived capture fetched from a replay server (`id_` form).
    case capture
  }

  /// `WARC-Target-URI`: the page's own URL (for captures: the original URL).
  public var uri: String
  /// The capture time as 14 digits (`WARC-Date`).
  public var timestamp: String
  /// `WARC-Payload-Digest` (`sha1:BASE32`).
  public var payloadDigest: String?
  public var kind: Kind
  /// HTTP status of the stored response, when known.
  public var status: Int?
  /// The WARC file holding it (name only).
  public var file: String
  /// `WARC-Record-ID` of the record, when known.
  public var recordID: String?
  /// True for a `revisit` record (same payload as an earlier response, stored without it).
  public var revisit: Bool?

  private enum CodingKeys: String, CodingKey {
    case uri, timestamp, kind, status, file, revisit
    case payloadDigest = "payload_digest"
    case recordID = "record_id"
  }

  public init(
    uri: String, timestamp: String, payloadDigest: String?, kind: Kind, status: Int?, file: String = "",
    recordID: String? = nil, revisit: Bool? = nil
  ) {
    self.uri = uri
    self.timestamp = timestamp
    self.payloadDigest = payloadDigest
    self.kind = kind
    self.status = status
    self.file = file
    self.recordID = recordID
    self.revisit = revisit
  }
}

/// Everything already archived in an output folder: URL + capture date + digest.
///
/// The WARC files are the truth. Each closed file has a small sidecar cache,
/// `.index/NAME.warc.gz.json`, holding its entries and the file size they belong to; a
/// file without a matching sidecar (written by another tool, or the sidecar lost) is
/// scanned and its sidecar rewritten.
public struct ArchivedIndex: Sendable {
  /// All entries, in file order.
  public private(set) var entries: [ArchivedEntry] = []
  private var captureKeys: Set<String> = []
  private var digestsByURI: [String: Set<String>] = [:]
  private var latestLiveByURI: [String: String] = [:]
  private var originals: [String: ArchivedEntry] = [:]

  /// An empty index.
  public init() {}

  /// The name of the hidden folder holding the sidecars.
  public static let sidecarFolder = ".index"

  /// Adds one entry.
  public mutating func add(_ entry: ArchivedEntry) {
    entries.append(entry)
    captureKeys.insert(entry.uri + " " + entry.timestamp)
    if let digest = entry.payloadDigest {
      digestsByURI[entry.uri, default: []].insert(digest)
      let successful = entry.status.map { (200...299).contains($0) } ?? true
      if entry.revisit != true, successful, entry.recordID != nil, originals[entry.uri + " " + digest] == nil {
        originals[entry.uri + " " + digest] = entry
      }
    }
    if entry.kind == .live, latestLiveByURI[entry.uri].map({ $0 < entry.timestamp }) ?? true {
      latestLiveByURI[entry.uri] = entry.timestamp
    }
  }

  /// Whether a response for `uri` at `timestamp` (14 digits) is stored.
  public func contains(uri: String, timestamp: String) -> Bool {
    captureKeys.contains(uri + " " + timestamp)
  }

  /// Whether a response for `uri` with this payload digest is stored (`sha1:` prefix optional).
  public func contains(uri: String, digest: String) -> Bool {
    let normalized = digest.hasPrefix("sha1:") ? digest : "sha1:" + digest
    return digestsByURI[uri]?.contains(normalized) ?? false
  }

  /// The first full response (not a revisit) stored for `uri` with this payload digest,
  /// when its record ID is known: what a revisit record can refer to.
  public func original(uri: String, digest: String) -> ArchivedEntry? { originals[uri + " " + digest] }

  /// The 14-digit timestamp of the latest live fetch of `uri`, if any.
  public func latestLiveFetch(of uri: String) -> String? { latestLiveByURI[uri] }

  /// Loads the index of every `*.warc.gz` file in `folder` (none when it does not exist).
  public static func load(folder: String, diagnostics: DiagnosticCollector) -> ArchivedIndex {
    var index = ArchivedIndex()
    guard FileSystem.isDirectory(folder), let names = try? FileSystem.contents(of: folder) else { return index }
    for name in names where name.hasSuffix(".warc.gz") {
      let path = folder + "/" + name
      let size = FileSystem.size(of: path) ?? -1
      if let cached = loadSidecar(forFile: name, size: size, in: folder) {
        cached.forEach { index.add($0) }
        continue
      }
      let scanned = scan(path: path, name: name, diagnostics: diagnostics)
      scanned.forEach { index.add($0) }
      try? saveSidecar(entries: scanned, forFile: name, size: size, in: folder)
    }
    return index
  }

  /// Reads the entries of one WARC file from its records (through ``ArchiveFileReader``).
  /// Problems become one diagnostic naming the first of them; every intact record is kept.
  static func scan(path: String, name: String, diagnostics: DiagnosticCollector) -> [ArchivedEntry] {
    var entries: [ArchivedEntry] = []
    let problems = DiagnosticCollector()
    do {
      let reader = try ArchiveFileReader(path: path, diagnostics: problems)
      reader.forEachRawRecord(blockNeed: { ArchiveScan.keptTypes.contains($0) ? .prefix(64) : .none }) { record in
        if record.damage == nil, let entry = entry(from: record, file: name) { entries.append(entry) }
      }
    } catch {
      problems.emit(
        Diagnostic(severity: .warning, stage: "fetch", file: path, code: "archive-index-scan", message: "\(error)"))
    }
    if let first = problems.diagnostics.first(where: { $0.severity >= .warning }) {
      diagnostics.emit(
        Diagnostic(
          severity: .warning, stage: "fetch", file: path, offset: first.offset, code: "archive-index-scan",
          message: "could not read the whole file while indexing it (\(first.message)); damaged records are ignored",
          hint: "check the file with `slackscore index \(path)`"))
    }
    return entries
  }

  /// The index entry for a response, resource or revisit record with a target URI.
  static func entry(from record: RawArchiveRecord, file: String) -> ArchivedEntry? {
    let header = record.header
    guard ArchiveScan.keptTypes.contains(record.type), let uri = header.targetURI, let date = header.date,
      let stamp = WARCDate.stamp(fromWARCDate: date)
    else { return nil }
    var status: Int?
    if record.type == "response" || record.type == "revisit" {
      let words = String(decoding: record.block.prefix(64), as: UTF8.self).split(separator: " ", maxSplits: 2)
      if words.count >= 2, words[0].hasPrefix("HTTP/") { status = Int(words[1]) }
    }
    return ArchivedEntry(
      uri: uri, timestamp: stamp, payloadDigest: header.payloadDigest,
      kind: header["WARC-Source-URI"] == nil ? .live : .capture, status: status, file: file,
      recordID: header.recordID, revisit: record.type == "revisit" ? true : nil)
  }

  private struct Sidecar: Codable {
    var file: String
    var size: Int
    var entries: [ArchivedEntry]
  }

  static func sidecarPath(forFile name: String, in folder: String) -> String {
    folder + "/" + sidecarFolder + "/" + name + ".json"
  }

  static func loadSidecar(forFile name: String, size: Int, in folder: String) -> [ArchivedEntry]? {
    guard let bytes = try? FileSystem.readAll(sidecarPath(forFile: name, in: folder)),
      let sidecar = try? JSONDecoder().decode(Sidecar.self, from: Data(bytes)),
      sidecar.size == size, sidecar.file == name
    else { return nil }
    return sidecar.entries
  }

  static func saveSidecar(entries: [ArchivedEntry], forFile name: String, size: Int, in folder: String) throws {
    // Plain coders with explicit snake_case keys: a key strategy would turn `record_id` back into `recordId`.
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let data = try encoder.encode(Sidecar(file: name, size: size, entries: entries))
    try AtomicFileWriter.write(Array(data), to: sidecarPath(forFile: name, in: folder))
  }
}
