import ArchiveReader
import ArgumentParser
import DocumentParser
import Foundation
import Scoring
import SlackscoreCore

/// `slackscore show`: the archived bytes behind one figure.
struct ShowCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Print an archived record behind a figure: headers, decoded text around the raw string.",
    discussion: """
      EVIDENCE is an archive path with the record's byte offset (as in campaigns.json's evidence: \
      archive_path@offset), or a WARC-Record-ID. A record id is looked up in --campaigns (default \
      out/default/campaigns.json when it exists), else in the archives under --in.

      Prints the record's WARC headers and its HTTP headers as archived. A revisit is followed to \
      the record it refers to (by WARC-Refers-To, else target URI and payload digest, else digest), \
      searched in the same file, then --in, then the other archives of the same folder; that \
      record's headers are printed too. The body is de-chunked, its Content-Encoding (gzip, \
      deflate, br) undone and its charset decoded to UTF-8; the text around --raw is printed with \
      the string highlighted (default: the evidence's raw string when it came from campaigns.json).

      Examples:
        slackscore show corpus/warc/social.warc.gz@4012 --raw '18.945 orang'
        slackscore show '<urn:uuid:aa170c4b-f071-5088-85bc-43aeb2ce8d5b>' --html /tmp/page.html
      """
  )

  @Argument(help: "FILE@OFFSET, or a WARC-Record-ID.")
  var evidence: String

  @Option(help: "The string to find and highlight in the decoded text.")
  var raw: String?

  @Option(help: "Write the decoded page (UTF-8) to this file, for a browser.")
  var html: String?

  @Option(help: "Characters of context on each side of --raw.")
  var context: Int = 160

  @Option(help: "campaigns.json to look a record id up in.")
  var campaigns: String?

  @Option(name: .customLong("in"), help: "Archives or folders to search for a record id or a revisit's original.")
  var searchPaths: [String] = []

  func run() async throws {
    do {
      try show()
    } catch let error as ShowError {
      ProcessEnvironment.printError("error: \(error.message)")
      throw ExitCode.failure
    }
  }

  private func show() throws {
    var target = try resolveTarget()
    let raws = try RawLookup.find(in: target.path, where: { $0.offset == target.offset })
    guard let record = raws else {
      throw ShowError(message: "no record starts at offset \(target.offset) of \(target.path)")
    }
    var out = "record  \(target.path)@\(target.offset)\n"
    out += record.describe(title: "WARC headers")
    var decodeInputs = [target.path]
    if record.header.type == "revisit" {
      if let original = try findOriginal(of: record.header, near: target.path) {
        out += "\nrevisit → \(original.header.recordID ?? "?") in \(original.path)@\(original.offset)"
        out += " (matched by \(original.matchedBy))\n"
        out += original.describe(title: "WARC headers of the original")
        if original.path != target.path { decodeInputs.insert(original.path, at: 0) }
      } else {
        out += "\nrevisit: the original record was not found (give its archive with --in)\n"
      }
    }
    print(out, terminator: "")
    guard let decoded = try DecodedLookup.find(inputs: decodeInputs, path: target.path, offset: target.offset) else {
      print("\nno decodable payload (the record type carries no page, or its original is missing)")
      return
    }
    var lines = "\ndecoded payload: \(decoded.payload.count) bytes"
    if let encoding = decoded.http?.value(for: "Content-Encoding") { lines += "; content-encoding \(encoding) undone" }
    if let transfer = decoded.http?.value(for: "Transfer-Encoding") {
      lines += "; transfer-encoding \(transfer) undone"
    }
    let charsetParameter = decoded.contentType.flatMap(Self.charset)
    let prepared = CharsetDecoder.prepare(decoded.payload, httpCharset: charsetParameter)
    lines += "; charset \(prepared.decision.charset) (from \(prepared.decision.source))"
    if prepared.decision.repairedMojibake { lines += ", mojibake repaired" }
    for note in decoded.notes { lines += "\n  note: \(note)" }
    print(lines)
    let text = String(decoding: prepared.bytes, as: UTF8.self)
    if let file = html {
      try AtomicFileWriter.write(text, to: file)
      print("wrote the decoded page to \(file)")
    }
    if target.raw == nil { target.raw = raw }
    if let needle = raw ?? target.raw {
      print(Highlighter.excerpts(of: needle, in: text, context: context, colour: isatty(1) == 1))
    }
  }

  // MARK: Target

  struct Target {
    var path: String
    var offset: Int
    var raw: String?
  }

  private func resolveTarget() throws -> Target {
    if let at = evidence.lastIndex(of: "@"), let offset = Int(evidence[evidence.index(after: at)...]) {
      return Target(path: String(evidence[..<at]), offset: offset, raw: nil)
    }
    let id = evidence.hasPrefix("<") ? evidence : "<\(evidence)>"
    let campaignsFile = campaigns ?? "out/default/campaigns.json"
    if FileSystem.exists(campaignsFile), let found = try EvidenceLookup.find(recordID: id, in: campaignsFile) {
      return found
    }
    for path in try InputExpander.expand(searchPaths.isEmpty ? ["corpus/warc"] : searchPaths) {
      if let raw = try RawLookup.find(in: path, where: { $0.header.recordID == id }) {
        return Target(path: path, offset: raw.offset, raw: nil)
      }
    }
    throw ShowError(message: "\(evidence) is neither FILE@OFFSET nor a record id found in \(campaignsFile) or --in")
  }

  /// The response or resource record a revisit repeats.
  private func findOriginal(of header: WARCHeader, near path: String) throws -> RawLookup.Found? {
    var candidates = [path] + (try InputExpander.expand(searchPaths))
    let folder = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
    candidates += (try? InputExpander.expand([folder])) ?? []
    var seen: Set<String> = []
    let digest = header.payloadDigest
    let uri = header.refersToTargetURI ?? header.targetURI
    let rules: [(String, (RawLookup.Found) -> Bool)] = [
      ("WARC-Refers-To", { header.refersTo != nil && $0.header.recordID == header.refersTo }),
      (
        "target URI and payload digest",
        { digest != nil && $0.header.payloadDigest == digest && $0.header.targetURI == uri }
      ),
      ("payload digest", { digest != nil && $0.header.payloadDigest == digest }),
    ]
    for (name, rule) in rules {
      for file in candidates where !seen.contains(file + name) {
        seen.insert(file + name)
        if var found = try RawLookup.find(
          in: file, where: { ["response", "resource"].contains($0.header.type ?? "") && rule($0) })
        {
          found.matchedBy = name
          return found
        }
      }
    }
    return nil
  }

  static func charset(_ contentType: String) -> String? {
    for part in contentType.split(separator: ";") {
      let p = part.trimmingCharacters(in: .whitespaces)
      if p.lowercased().hasPrefix("charset=") { return String(p.dropFirst(8)).trimmingCharacters(in: ["\"", "'"]) }
    }
    return nil
  }
}

struct ShowError: Error {
  var message: String
}

/// Finds one raw record (headers and the HTTP head as archived) in an archive file.
enum RawLookup {
  struct Found {
    var path: String
    var offset: Int
    var header: WARCHeader
    /// The HTTP status line and headers as they are in the block.
    var httpHead: String?
    var matchedBy = ""

    func describe(title: String) -> String {
      var out = "\(title)\n"
      let h = header
      let fields: [(String, String?)] = [
        ("WARC-Type", h.type), ("WARC-Record-ID", h.recordID), ("WARC-Target-URI", h.targetURI),
        ("WARC-Date", h.date), ("Content-Type", h.contentType), ("Content-Length", h.contentLength.map(String.init)),
        ("WARC-Payload-Digest", h.payloadDigest), ("WARC-Block-Digest", h.blockDigest),
        ("WARC-Refers-To", h.refersTo), ("WARC-Refers-To-Target-URI", h.refersToTargetURI),
        ("WARC-Refers-To-Date", h.refersToDate), ("WARC-Profile", h.profile), ("WARC-Truncated", h.truncated),
        ("WARC-Identified-Payload-Type", h.identifiedPayloadType),
      ]
      for (name, value) in fields { if let value { out += "  \(name): \(value)\n" } }
      if let httpHead {
        out += "HTTP headers (as archived)\n"
        for line in httpHead.split(whereSeparator: \.isNewline) {
          out += "  " + line.trimmingCharacters(in: ["\r"]) + "\n"
        }
      }
      return out
    }
  }

  private struct Stop: Error {}

  static func find(in path: String, where matches: (Found) -> Bool) throws -> Found? {
    let reader = try ArchiveFileReader(path: path, diagnostics: DiagnosticCollector())
    guard reader.isArchive else { return nil }
    var result: Found?
    do {
      try reader.forEachRawRecord(blockNeed: { _ in .prefix(32 * 1024) }) { raw in
        var found = Found(path: path, offset: raw.offset, header: raw.header, httpHead: nil)
        guard matches(found) else { return }
        found.httpHead = httpHead(raw.block)
        result = found
        throw Stop()
      }
    } catch is Stop {}
    return result
  }

  /// The block's leading HTTP message head, up to the blank line, when it starts with `HTTP/`.
  static func httpHead(_ block: UnsafeRawBufferPointer) -> String? {
    guard block.count >= 5, Array(block.prefix(5)) == Array("HTTP/".utf8) else { return nil }
    var end = block.count
    for i in 0..<max(block.count - 1, 0) {
      if block[i] == 0x0A
        && (block[i + 1] == 0x0A || (i + 2 < block.count && block[i + 1] == 0x0D && block[i + 2] == 0x0A))
      {
        end = i
        break
      }
    }
    return String(decoding: UnsafeRawBufferPointer(rebasing: block[..<end]), as: UTF8.self)
  }
}

/// The decoded record (de-chunked, content-decoded, revisit resolved) through `ArchiveScan`.
enum DecodedLookup {
  private struct Stop: Error {}

  static func find(inputs: [String], path: String, offset: Int) throws -> ArchiveRecord? {
    var tally = RecordTally()
    var result: ArchiveRecord?
    do {
      try ArchiveScan.forEachRecord(in: inputs, diagnostics: DiagnosticCollector(), tally: &tally) { record in
        guard record.sourcePath == path, record.offset == offset else { return }
        result = record
        throw Stop()
      }
    } catch is Stop {}
    return result
  }
}

/// A record id's archive path and offset, from the evidence in campaigns.json.
enum EvidenceLookup {
  static func find(recordID: String, in campaignsFile: String) throws -> ShowCommand.Target? {
    let report = try JSONCoding.decoder().decode(
      CampaignsReport.self, from: Data(try FileSystem.readAll(campaignsFile)))
    for c in report.campaigns {
      let all =
        c.evidence.outcomeSources + c.evidence.ctas.map(\.evidence)
        + c.outcomes.flatMap { $0.sources.flatMap { $0.series.map(\.evidence) } }
      if let e = all.first(where: { $0.recordId == recordID }), let path = e.archivePath, let offset = e.offset {
        return ShowCommand.Target(path: path, offset: offset, raw: e.raw)
      }
    }
    return nil
  }
}

/// The text around each occurrence of a string, highlighted.
enum Highlighter {
  static func excerpts(of needle: String, in text: String, context: Int, colour: Bool, limit: Int = 3) -> String {
    var ranges: [Range<String.Index>] = []
    var searchStart = text.startIndex
    while let r = text.range(of: needle, range: searchStart..<text.endIndex) {
      ranges.append(r)
      searchStart = r.upperBound
    }
    guard !ranges.isEmpty else {
      return "\n--raw “\(needle)”: not found in the decoded page (it may have been read from the text "
        + "with tags removed, or from a JSON string with escapes)"
    }
    var out = "\n--raw “\(needle)”: \(ranges.count) match\(ranges.count == 1 ? "" : "es")"
    let (open, close) = colour ? ("\u{1B}[7m", "\u{1B}[0m") : ("»»", "««")
    for r in ranges.prefix(limit) {
      let from: String.Index =
        text.index(r.lowerBound, offsetBy: -context, limitedBy: text.startIndex) ?? text.startIndex
      let to: String.Index = text.index(r.upperBound, offsetBy: context, limitedBy: text.endIndex) ?? text.endIndex
      let before = text[from..<r.lowerBound]
      let after = text[r.upperBound..<to]
      out += "\n  …" + flat(before) + open + String(text[r]) + close + flat(after) + "…"
    }
    return out
  }

  private static func flat(_ s: Substring) -> String {
    String(s.map { $0.isNewline || $0 == "\t" ? " " : $0 })
  }
}
