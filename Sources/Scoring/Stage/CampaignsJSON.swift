import Foundation
import SlackscoreCore

/// The bytes of `campaigns.json` (pretty, sorted keys, trailing newline), made in parts so that
/// the campaigns' lists of documents, most of the file on a large archive, are never one encoded
/// value: the report is encoded without them, then each list is encoded ``chunk`` documents at
/// a time and put in its place, indented as one encoding of the whole report would indent it.
/// The bytes are those of `JSONCoding.prettyEncoder()` on the whole report.
enum CampaignsJSON {
  /// Documents of a list encoded at a time.
  static let chunk = 2048

  /// Gives the bytes of `report`'s `campaigns.json` to `sink`, in order, in parts.
  static func write(_ report: CampaignsReport, to sink: ([UInt8]) throws -> Void) throws {
    var shell = report
    for i in shell.campaigns.indices { shell.campaigns[i].documents.list = [] }
    let encoder = JSONCoding.prettyEncoder()
    // Searched and written from the encoder's own buffer: the report without its lists is still
    // tens of MB on a large archive, and a copy would double that.
    let bytes = try encoder.encode(shell)
    // An empty list of a campaign (`campaigns[i].documents.list`, at 8 spaces); quotes and line
    // breaks inside strings are escaped, so this can only be the key itself.
    let emptyList = Array("\n        \"list\" : [\n\n        ]".utf8)
    var from = 0
    for campaign in report.campaigns {
      let place = bytes.withUnsafeBytes { b in emptyList.withUnsafeBytes { CampaignMatcher.find(b, from: from, $0) } }
      guard let hit = place else {
        throw ScoreError("campaigns.json: the list of \(campaign.id)'s documents has no place in the encoded report")
      }
      try sink(Array(bytes[from..<hit]))
      try writeList(campaign.documents.list, encoder: encoder, to: sink)
      from = hit + emptyList.count
    }
    try sink(Array(bytes[from...]) + [0x0A])
  }

  /// `"list" : [...]` at the place of an empty list (starting with its line break).
  private static func writeList(
    _ list: [DocumentRef], encoder: JSONEncoder, to sink: ([UInt8]) throws -> Void
  ) throws {
    let indent = [UInt8](repeating: 0x20, count: 8)
    try sink(Array("\n        \"list\" : [\n".utf8))
    var start = 0
    while start < list.count {
      let end = min(list.count, start + chunk)
      // `[\n  {...},\n  {...}\n]`: the elements, two spaces in; here they are ten.
      let encoded = [UInt8](try encoder.encode(Array(list[start..<end])))
      var part: [UInt8] = []
      part.reserveCapacity(encoded.count + encoded.count / 8)
      if start > 0 { part += Array(",\n".utf8) }
      part += indent
      for byte in encoded[2..<(encoded.count - 2)] {
        part.append(byte)
        if byte == 0x0A { part += indent }
      }
      try sink(part)
      start = end
    }
    try sink(Array("\n        ]".utf8))
  }
}
