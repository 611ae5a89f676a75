import SlackscoreCore

/// Parses the named fields of a WARC header block, tolerating what real writers do:
/// LF-only and `\r\r\n` line ends, folded (continued) lines, repeated fields, any case
/// in names, `<uri>` in angle brackets and spaces inside URIs.
enum WARCHeaderParser {
  /// Parses `bytes`, which start at the `WARC/` version line and end at (or after) the
  /// blank line closing the header.
  static func parse(_ bytes: UnsafeRawBufferPointer) -> WARCHeader {
    var header = WARCHeader()
    var lineStart = 0
    var first = true
    // The field being read, so folded lines can extend it.
    var pendingName: (Int, Int)? = nil
    var pendingValue: [UInt8] = []
    var pendingValueRange: (Int, Int) = (0, 0)
    var pendingFolded = false

    func flush() {
      guard let name = pendingName else { return }
      let value: String
      if pendingFolded {
        value = String(decoding: pendingValue, as: UTF8.self)
      } else {
        value = ByteScanning.string(bytes, pendingValueRange.0, pendingValueRange.1)
      }
      assign(&header, bytes, name.0, name.1, value)
      pendingName = nil
      pendingFolded = false
    }

    while lineStart < bytes.count {
      let nl = ByteSearch.index(of: 0x0A, in: bytes, from: lineStart) ?? bytes.count
      var lineEnd = nl
      while lineEnd > lineStart && bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
      defer { lineStart = nl + 1 }
      if first {
        first = false
        let (s, e) = ByteScanning.trim(bytes, lineStart, lineEnd)
        if ByteScanning.hasPrefix(bytes, at: s, "WARC/") {
          header.version = ByteScanning.string(bytes, s + 5, e)
        }
        continue
      }
      if lineEnd == lineStart { break }  // blank line: end of header
      let lead = bytes[lineStart]
      if lead == 0x20 || lead == 0x09 {
        // Folded line: continues the previous field's value.
        guard pendingName != nil else { continue }
        let (s, e) = ByteScanning.trim(bytes, lineStart, lineEnd)
        if !pendingFolded {
          pendingValue = Array(UnsafeRawBufferPointer(rebasing: bytes[pendingValueRange.0..<pendingValueRange.1]))
          pendingFolded = true
        }
        if s < e {
          if !pendingValue.isEmpty { pendingValue.append(0x20) }
          pendingValue.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[s..<e]))
        }
        continue
      }
      flush()
      guard
        let colon = ByteSearch.index(
          of: 0x3A, in: UnsafeRawBufferPointer(rebasing: bytes[..<lineEnd]), from: lineStart)
      else { continue }
      let (ns, ne) = ByteScanning.trim(bytes, lineStart, colon)
      pendingName = (ns, ne)
      pendingValueRange = ByteScanning.trim(bytes, colon + 1, lineEnd)
    }
    flush()
    return header
  }

  private static func assign(
    _ header: inout WARCHeader, _ bytes: UnsafeRawBufferPointer, _ s: Int, _ e: Int, _ value: String
  ) {
    func set(_ field: inout String?, _ name: String) {
      if field == nil { field = value } else { header.repeatedFields.append(name) }
    }
    switch e - s {
    case 9 where ByteScanning.equalsIgnoringCase(bytes, s, e, "warc-type"):
      if header.type == nil { header.type = value.lowercased() } else { header.repeatedFields.append("WARC-Type") }
    case 9 where ByteScanning.equalsIgnoringCase(bytes, s, e, "warc-date"): set(&header.date, "WARC-Date")
    case 12 where ByteScanning.equalsIgnoringCase(bytes, s, e, "content-type"):
      set(&header.contentType, "Content-Type")
    case 14 where ByteScanning.equalsIgnoringCase(bytes, s, e, "content-length"):
      if header.contentLength == nil {
        var v = value
        header.contentLength = v.withUTF8 { ByteScanning.decimal(UnsafeRawBufferPointer($0), 0, $0.count) }
      } else {
        header.repeatedFields.append("Content-Length")
      }
    case 14 where ByteScanning.equalsIgnoringCase(bytes, s, e, "warc-record-id"):
      set(&header.recordID, "WARC-Record-ID")
    case 15 where ByteScanning.equalsIgnoringCase(bytes, s, e, "warc-target-uri"):
      if header.targetURI == nil {
        header.targetURI = URINormalizer.normalize(value)
      } else {
        header.repeatedFields.append("WARC-Target-URI")
      }
    case 19 where ByteScanning.equalsIgnoringCase(bytes, s, e, "warc-payload-digest"):
      set(&header.payloadDigest, "WARC-Payload-Digest")
    case 17 where ByteScanning.equalsIgnoringCase(bytes, s, e, "warc-block-digest"):
      set(&header.blockDigest, "WARC-Block-Digest")
    case 14 where ByteScanning.equalsIgnoringCase(bytes, s, e, "warc-refers-to"):
      set(&header.refersTo, "WARC-Refers-To")
    case 25 where ByteScanning.equalsIgnoringCase(bytes, s, e, "warc-refers-to-target-uri"):
      if header.refersToTargetURI == nil { header.refersToTargetURI = URINormalizer.normalize(value) }
    case 19 where ByteScanning.equalsIgnoringCase(bytes, s, e, "warc-refers-to-date"):
      set(&header.refersToDate, "WARC-Refers-To-Date")
    case 12 where ByteScanning.equalsIgnoringCase(bytes, s, e, "warc-profile"): set(&header.profile, "WARC-Profile")
    case 14 where ByteScanning.equalsIgnoringCase(bytes, s, e, "warc-truncated"):
      set(&header.truncated, "WARC-Truncated")
    case 28 where ByteScanning.equalsIgnoringCase(bytes, s, e, "warc-identified-payload-type"):
      set(&header.identifiedPayloadType, "WARC-Identified-Payload-Type")
    default:
      header.otherFields.append(HTTPHeaderField(name: ByteScanning.string(bytes, s, e), value: value))
    }
  }
}

/// Cleans URIs as archives write them: `<uri>` brackets removed, surrounding space
/// trimmed, inner spaces percent-encoded (as warcio does).
public enum URINormalizer {
  /// The cleaned URI, or nil when nothing is left.
  public static func normalize(_ raw: String) -> String? {
    var s = Substring(raw).drop { $0 == " " || $0 == "\t" }
    while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
    if s.hasPrefix("<") && s.hasSuffix(">") && s.count >= 2 { s = s.dropFirst().dropLast() }
    if s.isEmpty { return nil }
    if !s.utf8.contains(0x20) { return String(s) }
    return String(s).replacingSpaces()
  }
}

extension String {
  fileprivate func replacingSpaces() -> String {
    var out: [UInt8] = []
    out.reserveCapacity(utf8.count + 8)
    for b in utf8 {
      if b == 0x20 {
        out.append(contentsOf: [0x25, 0x32, 0x30])
      } else {
        out.append(b)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }
}
