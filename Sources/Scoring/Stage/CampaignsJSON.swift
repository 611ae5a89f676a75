import Foundation
import SlackscoreCore

/// The bytes of `campaigns.json` (pretty, sorted keys, trailing newline), made in parts so that
/// no large part of the report is ever one encoded value: the report is encoded without its
/// campaigns, each campaign is encoded alone without its list of documents, and each list is
/// encoded ``chunk`` documents at a time; every part is put in its place, indented as one
/// encoding of the whole report would indent it. The bytes are those of
/// `JSONCoding.prettyEncoder()` on the whole report; memory holds one campaign's encoding at a
/// time, not the report's (tens of MB at a million documents, several times that inside the
/// encoder).
enum CampaignsJSON {
  /// Documents of a list encoded at a time.
  static let chunk = 2048

  /// Gives the bytes of `report`'s `campaigns.json` to `sink`, in order, in parts.
  static func write(_ report: CampaignsReport, to sink: ([UInt8]) throws -> Void) throws {
    var shell = report
    shell.campaigns = []
    let encoder = JSONCoding.prettyEncoder()
    let bytes = try encoder.encode(shell)
    // The top-level key (two spaces in; quotes and line breaks inside strings are escaped, so
    // this can only be the key itself).
    let emptyCampaigns = Array("\n  \"campaigns\" : [\n\n  ]".utf8)
    guard let hit = find(emptyCampaigns, in: bytes, from: 0) else {
      throw ScoreError("campaigns.json: the campaigns have no place in the encoded report")
    }
    try sink(Array(bytes[..<hit]))
    if report.campaigns.isEmpty {
      try sink(emptyCampaigns)
    } else {
      try sink(Array("\n  \"campaigns\" : [\n".utf8))
      for (i, campaign) in report.campaigns.enumerated() {
        if i > 0 { try sink(Array(",\n".utf8)) }
        try writeCampaign(campaign, encoder: encoder, to: sink)
      }
      try sink(Array("\n  ]".utf8))
    }
    try sink(Array(bytes[(hit + emptyCampaigns.count)...]) + [0x0A])
  }

  /// One element of `campaigns`, four spaces in, with its list of documents in place.
  private static func writeCampaign(
    _ campaign: CampaignScore, encoder: JSONEncoder, to sink: ([UInt8]) throws -> Void
  ) throws {
    var bare = campaign
    bare.documents.list = []
    let bytes = try encoder.encode(bare)
    // `documents.list` of a campaign encoded alone: four spaces in (eight in the report).
    let emptyList = Array("\n    \"list\" : [\n\n    ]".utf8)
    guard let hit = find(emptyList, in: bytes, from: 0) else {
      throw ScoreError("campaigns.json: the list of \(campaign.id)'s documents has no place in the encoded report")
    }
    try sink(indented(bytes[..<hit], by: 4, first: true))
    try writeList(campaign.documents.list, encoder: encoder, to: sink)
    try sink(indented(bytes[(hit + emptyList.count)...], by: 4, first: false))
  }

  /// `bytes` with `width` more spaces at the start of every line that is not empty (the
  /// encoder leaves the blank line of an empty array or object without spaces), the first line
  /// included when `first`.
  private static func indented<Bytes: Collection<UInt8>>(_ bytes: Bytes, by width: Int, first: Bool) -> [UInt8] {
    let indent = [UInt8](repeating: 0x20, count: width)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + bytes.count / 4)
    var lineStart = first
    for byte in bytes {
      if lineStart && byte != 0x0A { out += indent }
      out.append(byte)
      lineStart = byte == 0x0A
    }
    return out
  }

  private static func find(_ needle: [UInt8], in bytes: Data, from: Int) -> Int? {
    bytes.withUnsafeBytes { b in needle.withUnsafeBytes { CampaignMatcher.find(b, from: from, $0) } }
  }

  /// `"list" : [...]` at the place of an empty list (starting with its line break).
  private static func writeList(
    _ list: [DocumentRef], encoder: JSONEncoder, to sink: ([UInt8]) throws -> Void
  ) throws {
    try sink(Array("\n        \"list\" : [\n".utf8))
    var start = 0
    while start < list.count {
      let end = min(list.count, start + chunk)
      // `[\n  {...},\n  {...}\n]`: the elements, two spaces in; here they are ten.
      let encoded = [UInt8](try encoder.encode(Array(list[start..<end])))
      var part: [UInt8] = start > 0 ? Array(",\n".utf8) : []
      part += indented(encoded[2..<(encoded.count - 2)], by: 8, first: true)
      try sink(part)
      start = end
    }
    try sink(Array("\n        ]".utf8))
  }
}
