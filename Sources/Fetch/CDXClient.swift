import Foundation

/// One capture listed by a CDX server.
public struct CDXCapture: Sendable, Hashable {
  /// 14-digit capture time.
  public var timestamp: String
  /// The URL as it was captured.
  public var original: String
  /// HTTP status of the capture (nil when the server wrote `-`).
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
}

/// Why a CDX answer could not be read.
public struct CDXParseError: Error, CustomStringConvertible, Sendable {
  public var line: Int
  public var reason: String
  public var description: String { "CDX answer line \(line): \(reason)" }
}

/// Asks a Wayback-style CDX server for the captures of a URL (or prefix, host, domain)
/// and reads either of its output forms: JSON (an array of rows, the first naming the
/// fields) or plain text (space-separated, the default field order
/// `urlkey timestamp original mimetype statuscode digest length`).
public enum CDXClient {
  /// The fields requested with `fl=`, in order.
  static let fields = ["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"]

  /// The query URL for `query` against `server`.
  public static func queryURL(server: String, query: FetchConfig.CDXQuery) -> String {
    var parameters: [(String, String)] = [("url", query.url), ("matchType", query.match.rawValue)]
    if let from = query.from { parameters.append(("from", from)) }
    if let to = query.to { parameters.append(("to", to)) }
    parameters.append(("filter", "statuscode:200"))
    if query.collapseDigest { parameters.append(("collapse", "digest")) }
    if let limit = query.limit { parameters.append(("limit", String(limit))) }
    parameters.append(("output", "json"))
    parameters.append(("fl", fields.joined(separator: ",")))
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~:,")
    let encoded = parameters.map { name, value in
      "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value)"
    }
    return server + (server.contains("?") ? "&" : "?") + encoded.joined(separator: "&")
  }

  /// Parses a CDX answer in either output form.
  public static func parse(_ body: [UInt8]) throws(CDXParseError) -> [CDXCapture] {
    let firstByte = body.first { $0 != 32 && $0 != 9 && $0 != 10 && $0 != 13 }
    if firstByte == UInt8(ascii: "[") { return try parseJSON(body) }
    return try parseText(body)
  }

  private static func parseJSON(_ body: [UInt8]) throws(CDXParseError) -> [CDXCapture] {
    guard let rows = try? JSONSerialization.jsonObject(with: Data(body)) as? [[Any]] else {
      throw CDXParseError(line: 1, reason: "not a JSON array of rows")
    }
    guard let header = rows.first else { return [] }
    let names = header.map { "\($0)" }
    var captures: [CDXCapture] = []
    for (number, row) in rows.dropFirst().enumerated() {
      var values: [String: String] = [:]
      for (name, value) in zip(names, row) { values[name] = "\(value)" }
      captures.append(try capture(values, line: number + 2))
    }
    return captures
  }

  private static func parseText(_ body: [UInt8]) throws(CDXParseError) -> [CDXCapture] {
    var captures: [CDXCapture] = []
    for (number, line) in body.split(separator: 10, omittingEmptySubsequences: false).enumerated() {
      let words = line.split(separator: 32).map { String(decoding: $0, as: UTF8.self).trimmingSpaces() }
        .filter { !$0.isEmpty }
      if words.isEmpty { continue }
      let names: [String]
      switch words.count {
      case fields.count: names = fields
      case 3...6 where words[0].allSatisfy(\.isNumber): names = Array(fields.dropFirst().prefix(words.count))
      default: throw CDXParseError(line: number + 1, reason: "expected \(fields.count) fields, found \(words.count)")
      }
      captures.append(try capture(Dictionary(uniqueKeysWithValues: zip(names, words)), line: number + 1))
    }
    return captures
  }

  private static func capture(_ values: [String: String], line: Int) throws(CDXParseError) -> CDXCapture {
    guard let timestamp = values["timestamp"], WARCDate.seconds(fromStamp: timestamp) != nil else {
      throw CDXParseError(line: line, reason: "no valid timestamp")
    }
    guard let original = values["original"], !original.isEmpty else {
      throw CDXParseError(line: line, reason: "no original URL")
    }
    let digest = values["digest"].flatMap { $0 == "-" || $0.isEmpty ? nil : $0 }
    return CDXCapture(
      timestamp: timestamp, original: original, status: values["statuscode"].flatMap { Int($0) },
      digest: digest.map { $0.hasPrefix("sha1:") ? String($0.dropFirst(5)) : $0 },
      mimetype: values["mimetype"])
  }

  /// Keeps status-200 captures that are not revisits, drops duplicates, and (when
  /// `collapseDigest`) drops a capture whose digest equals the previous kept capture of
  /// the same URL (a server that ignores `collapse=digest` gets the same result).
  public static func select(_ captures: [CDXCapture], collapseDigest: Bool) -> [CDXCapture] {
    var seen: Set<String> = []
    var lastDigest: [String: String] = [:]
    var kept: [CDXCapture] = []
    let ordered = captures.sorted { ($0.original, $0.timestamp) < ($1.original, $1.timestamp) }
    for capture in ordered {
      if let status = capture.status, status != 200 { continue }
      if capture.mimetype == "warc/revisit" { continue }
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
