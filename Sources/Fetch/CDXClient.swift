import ArchiveReader
import Foundation

/// One capture listed by a CDX server.
public struct CDXCapture: Sendable, Hashable {
  /// What kind of archived record the capture is.
  public enum Kind: String, Sendable, Hashable {
    /// An HTTP response (the CDX row has a status).
    case response
    /// A `revisit` record: same payload as an earlier capture (mimetype `warc/revisit`).
    case revisit
    /// A `resource` record: bytes without an HTTP head (no status in the row).
    case resource
  }

  /// 14-digit capture time.
  public var timestamp: String
  /// The URL as it was captured.
  public var original: String
  /// HTTP status of the capture (nil when the server wrote `-` or left it out).
  public var status: Int?
  /// SHA-1 of the payload, base32 (without `sha1:`), when listed.
  public var digest: String?
  public var mimetype: String?

  public init(timestamp: String, original: String, status: Int?, digest: String?, mimetype: String?) {
    self.timestamp = timestamp
    self.original = original
    self.status = status
    self.digest = digest
    self.mimetype = mimetype
  }

  /// Revisit when the mimetype says so, resource when no status is listed, else response.
  public var kind: Kind {
    if mimetype == "warc/revisit" { return .revisit }
    return status == nil ? .resource : .response
  }
}

/// Why a CDX answer could not be read.
public struct CDXParseError: Error, CustomStringConvertible, Sendable {
  public var line: Int
  public var reason: String
  public var description: String { "CDX answer line \(line): \(reason)" }
}

/// One answer of a CDX server: its captures and, when the listing goes on, the key to ask
/// for the rest (the Internet Archive's `showResumeKey`).
public struct CDXPage: Sendable, Equatable {
  public var captures: [CDXCapture]
  public var resumeKey: String?
}

/// The output forms of Wayback-style CDX servers.
public enum CDXDialect: String, Sendable, Equatable, CaseIterable {
  /// Detected from the first bytes of each answer.
  case auto
  /// pywb's `output=json`: one JSON object per line (`url`, `mime`, `status`, …).
  case ndjson
  /// The Internet Archive's `output=json`: a JSON array of rows, the first naming the fields
  /// (`original`, `mimetype`, `statuscode`, …).
  case jsonArray = "json-array"
  /// Space-separated lines: `urlkey timestamp original mimetype statuscode digest length …`
  /// (CDX) or `urlkey timestamp {json}` (CDXJ).
  case text
}

/// Asks a Wayback-style CDX server for the captures of a URL (or prefix, host, domain) and
/// reads the answer in any of the dialects of pywb, the Internet Archive and OpenWayback
/// (see ``CDXDialect``). Field names of each are mapped to one model: `url`/`original`,
/// `mime`/`mimetype`, `status`/`statuscode`.
public enum CDXClient {
  /// The default field order of space-separated CDX lines (IA, OpenWayback).
  static let textFields = ["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"]

  /// Which request of a query: the first, one page of a paged index, or the rest of a
  /// listing after a resume key.
  public enum Request: Sendable, Equatable {
    /// The listing with `showNumPages=true`: a paged server answers with its page count
    /// instead, any other server ignores it.
    case first
    case page(Int)
    case resume(String)
  }

  /// The query URL for `query` against `server`. No `fl=` is sent: pywb ignores field names
  /// it does not know, and every server's default fields are enough.
  public static func queryURL(server: String, query: FetchConfig.CDXQuery, request: Request = .first) -> String {
    var parameters: [(String, String)] = [("url", query.url), ("matchType", query.match.rawValue)]
    if let from = query.from { parameters.append(("from", from)) }
    if let to = query.to { parameters.append(("to", to)) }
    for filter in query.filters { parameters.append(("filter", filter)) }
    if query.collapseDigest { parameters.append(("collapse", "digest")) }
    if let limit = query.limit { parameters.append(("limit", String(limit))) }
    parameters.append(("output", "json"))
    switch request {
    case .first: parameters += [("showNumPages", "true"), ("showResumeKey", "true")]
    case .page(let number): parameters.append(("page", String(number)))
    case .resume(let key): parameters += [("showResumeKey", "true"), ("resumeKey", key)]
    }
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~:,")
    let encoded = parameters.map { name, value in
      "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value)"
    }
    return server + (server.contains("?") ? "&" : "?") + encoded.joined(separator: "&")
  }

  /// The page count when `body` is a paged server's answer to `showNumPages=true`: a bare
  /// number (Internet Archive) or `{"pages": N, …}` (pywb's zipnum index); nil for a listing.
  public static func pageCount(_ body: [UInt8]) -> Int? {
    let text = String(decoding: body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    if let number = Int(text), number >= 0 { return number }
    guard text.hasPrefix("{"), !text.contains("\n"),
      let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
      let pages = object["pages"] as? Int, pages >= 0
    else { return nil }
    return pages
  }

  /// Parses a CDX answer; `.auto` detects the dialect from the first bytes.
  public static func parse(_ body: [UInt8], dialect: CDXDialect = .auto) throws(CDXParseError) -> CDXPage {
    switch dialect == .auto ? detect(body) : dialect {
    case .jsonArray: return try parseJSONArray(body)
    case .ndjson: return try parseNDJSON(body)
    case .text, .auto: return try parseText(body)
    }
  }

  /// The dialect of `body`: `[` a JSON array, `{` one object per line, else text.
  public static func detect(_ body: [UInt8]) -> CDXDialect {
    switch body.first(where: { $0 != 32 && $0 != 9 && $0 != 10 && $0 != 13 }) {
    case UInt8(ascii: "["): .jsonArray
    case UInt8(ascii: "{"): .ndjson
    default: .text
    }
  }

  private static func parseJSONArray(_ body: [UInt8]) throws(CDXParseError) -> CDXPage {
    guard let rows = try? JSONSerialization.jsonObject(with: Data(body)) as? [[Any]] else {
      throw CDXParseError(
        line: 1, reason: "not a JSON array of rows (set fetch.cdx_dialect if the server is not IA-like)")
    }
    guard let header = rows.first else { return CDXPage(captures: [], resumeKey: nil) }
    let names = header.map { "\($0)" }
    var captures: [CDXCapture] = []
    var resumeKey: String?
    var rest = rows.dropFirst()
    // With showResumeKey the listing ends with an empty row and a one-value row: the key.
    if rest.count >= 2, rest[rest.endIndex - 2].isEmpty, let last = rest.last, last.count == 1 {
      resumeKey = "\(last[0])"
      rest = rest.dropLast(2)
    }
    for (number, row) in rest.enumerated() where !row.isEmpty {
      var values: [String: String] = [:]
      for (name, value) in zip(names, row) { values[name] = "\(value)" }
      captures.append(try capture(values, line: number + 2))
    }
    return CDXPage(captures: captures, resumeKey: resumeKey)
  }

  private static func parseNDJSON(_ body: [UInt8]) throws(CDXParseError) -> CDXPage {
    var captures: [CDXCapture] = []
    for (number, line) in body.split(separator: 10, omittingEmptySubsequences: false).enumerated() {
      guard line.contains(where: { $0 != 32 && $0 != 13 && $0 != 9 }) else { continue }
      guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
        throw CDXParseError(line: number + 1, reason: "not a JSON object (pywb's output=json has one per line)")
      }
      captures.append(try capture(object.mapValues { "\($0)" }, line: number + 1))
    }
    return CDXPage(captures: captures, resumeKey: nil)
  }

  private static func parseText(_ body: [UInt8]) throws(CDXParseError) -> CDXPage {
    var captures: [CDXCapture] = []
    let lines = body.split(separator: 10, omittingEmptySubsequences: false).map {
      String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
    var resumeKey: String?
    // With showResumeKey the listing ends with a blank line and the key alone on a line.
    let content = lines.lastIndex { !$0.isEmpty }.map { lines[...$0] } ?? []
    var rows = Array(content)
    if rows.count >= 2, rows[rows.count - 2].isEmpty, !rows[rows.count - 1].contains(" ") {
      resumeKey = rows.removeLast()
    }
    for (number, line) in rows.enumerated() where !line.isEmpty {
      let words = line.split(separator: " ", maxSplits: 2).map(String.init)
      if words.count == 3, words[2].hasPrefix("{") {
        // CDXJ: `urlkey timestamp {json}`.
        guard let object = try? JSONSerialization.jsonObject(with: Data(words[2].utf8)) as? [String: Any] else {
          throw CDXParseError(line: number + 1, reason: "CDXJ line without a valid JSON object")
        }
        var values = object.mapValues { "\($0)" }
        values["timestamp"] = values["timestamp"] ?? words[1]
        captures.append(try capture(values, line: number + 1))
        continue
      }
      let fields = line.split(separator: " ").map(String.init)
      let names: [String]
      switch fields.count {
      case textFields.count...: names = textFields
      case 3...6 where fields[0].allSatisfy(\.isNumber): names = Array(textFields.dropFirst().prefix(fields.count))
      default:
        throw CDXParseError(
          line: number + 1,
          reason: "expected \(textFields.count) or more space-separated fields, found \(fields.count)")
      }
      captures.append(try capture(Dictionary(uniqueKeysWithValues: zip(names, fields)), line: number + 1))
    }
    return CDXPage(captures: captures, resumeKey: resumeKey)
  }

  /// One capture from named values, whichever server's names they carry.
  private static func capture(_ values: [String: String], line: Int) throws(CDXParseError) -> CDXCapture {
    func value(_ names: String...) -> String? {
      for name in names {
        if let value = values[name], !value.isEmpty, value != "-" { return value }
      }
      return nil
    }
    guard let timestamp = value("timestamp"), WARCDate.seconds(fromStamp: timestamp) != nil else {
      throw CDXParseError(line: line, reason: "no valid timestamp")
    }
    guard let original = value("original", "url") else {
      throw CDXParseError(line: line, reason: "no original URL (field 'original' or 'url')")
    }
    let digest = value("digest")
    return CDXCapture(
      timestamp: timestamp, original: original, status: value("statuscode", "status").flatMap { Int($0) },
      digest: digest.map { $0.hasPrefix("sha1:") ? String($0.dropFirst(5)) : $0 },
      mimetype: value("mimetype", "mime"))
  }

  /// Keeps captures worth fetching and drops duplicates: responses with a status below 400,
  /// revisits and resources. With `collapseDigest`, a capture whose digest equals the
  /// previous kept capture of the same URL is dropped too (a server that ignores
  /// `collapse=digest` gets the same result).
  public static func select(_ captures: [CDXCapture], collapseDigest: Bool) -> [CDXCapture] {
    var seen: Set<String> = []
    var lastDigest: [String: String] = [:]
    var kept: [CDXCapture] = []
    let ordered = captures.sorted { ($0.original, $0.timestamp) < ($1.original, $1.timestamp) }
    for capture in ordered {
      if let status = capture.status, status >= 400 { continue }
      guard seen.insert(capture.original + " " + capture.timestamp).inserted else { continue }
      if collapseDigest, let digest = capture.digest {
        if lastDigest[capture.original] == digest { continue }
        lastDigest[capture.original] = digest
      }
      kept.append(capture)
    }
    return kept.sorted { ($0.timestamp, $0.original) < ($1.timestamp, $1.original) }
  }
}
