import SlackscoreCore

/// Parses the HTTP response head at the start of a WARC response block: status line
/// and header fields, tolerating LF-only or `\r\r\n` line ends, a missing reason phrase
/// (`HTTP/1.1 200 `), `HTTP/2`, odd protocol names (`HTTPX/1.1`), lower-case names and
/// folded lines.
enum HTTPMessageParser {
  /// The head and the index where the body starts, or nil when `bytes` does not start
  /// with an HTTP status line.
  static func parseResponseHead(_ bytes: UnsafeRawBufferPointer) -> (head: HTTPResponseHead, bodyStart: Int)? {
    guard ByteScanning.hasPrefix(bytes, "HTTP") else { return nil }
    guard let firstNL = ByteSearch.index(of: 0x0A, in: bytes) else {
      return statusLine(bytes, 0, bytes.count).map { ($0, bytes.count) }
    }
    guard var head = statusLine(bytes, 0, firstNL) else { return nil }
    var lineStart = firstNL + 1
    var headers: [HTTPHeaderField] = []
    while lineStart < bytes.count {
      let nl = ByteSearch.index(of: 0x0A, in: bytes, from: lineStart) ?? bytes.count
      var lineEnd = nl
      while lineEnd > lineStart && bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
      if lineEnd == lineStart {
        lineStart = nl + 1
        break
      }
      let lead = bytes[lineStart]
      if (lead == 0x20 || lead == 0x09), !headers.isEmpty {
        let (s, e) = ByteScanning.trim(bytes, lineStart, lineEnd)
        if s < e { headers[headers.count - 1].value += " " + ByteScanning.string(bytes, s, e) }
      } else if let colon = ByteSearch.index(
        of: 0x3A, in: UnsafeRawBufferPointer(rebasing: bytes[..<lineEnd]), from: lineStart)
      {
        let (ns, ne) = ByteScanning.trim(bytes, lineStart, colon)
        let (vs, ve) = ByteScanning.trim(bytes, colon + 1, lineEnd)
        if ns < ne {
          headers.append(
            HTTPHeaderField(name: ByteScanning.string(bytes, ns, ne), value: ByteScanning.string(bytes, vs, ve)))
        }
      }
      lineStart = nl + 1
    }
    head.headers = headers
    return (head, min(lineStart, bytes.count))
  }

  /// `HTTP/x[.y] NNN [reason]`.
  private static func statusLine(_ bytes: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> HTTPResponseHead? {
    let (s, e) = ByteScanning.trim(bytes, start, end)
    guard let space = ByteSearch.index(of: 0x20, in: UnsafeRawBufferPointer(rebasing: bytes[..<e]), from: s) else {
      return nil
    }
    var i = space
    while i < e && bytes[i] == 0x20 { i += 1 }
    let codeStart = i
    while i < e && (bytes[i] &- 0x30) < 10 { i += 1 }
    guard i - codeStart == 3, let status = ByteScanning.decimal(bytes, codeStart, i) else { return nil }
    let (rs, re) = ByteScanning.trim(bytes, i, e)
    return HTTPResponseHead(status: status, reason: ByteScanning.string(bytes, rs, re), headers: [])
  }

  /// Status code and `Content-Type` only, without building the header list: the
  /// index command's fast path.
  static func statusAndContentType(_ bytes: UnsafeRawBufferPointer) -> (status: Int, contentType: String?)? {
    guard ByteScanning.hasPrefix(bytes, "HTTP") else { return nil }
    let firstNL = ByteSearch.index(of: 0x0A, in: bytes) ?? bytes.count
    guard let head = statusLine(bytes, 0, firstNL) else { return nil }
    var lineStart = firstNL + 1
    while lineStart < bytes.count {
      let nl = ByteSearch.index(of: 0x0A, in: bytes, from: lineStart) ?? bytes.count
      var lineEnd = nl
      while lineEnd > lineStart && bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
      if lineEnd == lineStart { break }
      if ByteScanning.hasPrefix(bytes, at: lineStart, "content-type"),
        let colon = ByteSearch.index(
          of: 0x3A, in: UnsafeRawBufferPointer(rebasing: bytes[..<lineEnd]), from: lineStart)
      {
        let (ns, ne) = ByteScanning.trim(bytes, lineStart, colon)
        if ByteScanning.equalsIgnoringCase(bytes, ns, ne, "content-type") {
          let (vs, ve) = ByteScanning.trim(bytes, colon + 1, lineEnd)
          return (head.status, ByteScanning.string(bytes, vs, ve))
        }
      }
      lineStart = nl + 1
    }
    return (head.status, nil)
  }
}
