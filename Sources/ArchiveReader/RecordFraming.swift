import SlackscoreCore

/// Splits a logical byte stream into records (WARC or ARC), checking each record's
/// end, repairing small `Content-Length` lies and re-synchronising on the next record
/// header after bigger damage. Every skip and repair becomes a diagnostic with the file
/// and offset.
struct RecordFraming<S: ByteStream> {
  let stream: S
  let path: String
  let format: RawArchiveRecord.Format
  let limits: ReaderLimits
  let diagnostics: DiagnosticCollector

  /// Longest header block accepted before the bytes are treated as damage.
  static var maxHeaderBytes: Int { 1 << 20 }
  /// Blocks up to this size are loaded whole even when the caller wants less, so their
  /// end can be checked and repaired.
  static var checkedBlockBytes: Int { 1 << 20 }
  /// How far past a record's declared end a nearby record start is looked for.
  static var repairWindow: Int { 96 }
  /// How far into a gzip member's output its end is checked for a record that a lying
  /// length would swallow.
  static var memberCheckBytes: Int { 64 << 20 }

  private func report(_ severity: Diagnostic.Severity, _ offset: Int, _ code: String, _ message: String) {
    diagnostics.emit(
      Diagnostic(severity: severity, stage: "read", file: path, offset: offset, code: code, message: message))
  }

  /// File offset for messages about logical position `position`.
  private func fileOffset(_ position: Int) -> Int { stream.fileSpan(from: position, to: position).offset }

  // MARK: - Between records

  /// Skips CR, LF, spaces, tabs and NULs. Returns false at the end of the stream.
  private func skipSeparators() -> Bool {
    while true {
      if stream.available.isEmpty && !stream.fill(atLeast: 1) { return false }
      let a = stream.available
      var i = 0
      while i < a.count {
        let b = a[i]
        guard b == 0x0A || b == 0x0D || b == 0x20 || b == 0x09 || b == 0 else { break }
        i += 1
      }
      stream.consume(i)
      if i < a.count { return true }
    }
  }

  /// Whether a record header starts at the current position (after filling enough).
  private func atRecordStart(arcVersion: Int?) -> Bool {
    _ = stream.fill(atLeast: format == .warc ? 32 : 1024)
    let a = stream.available
    switch format {
    case .warc:
      return ByteScanning.warcVersionLine(a, at: 0) != nil
    case .arc:
      guard let nl = ByteSearch.index(of: 0x0A, in: a) else { return false }
      return ARCHeaderParser.parseLine(a, 0, nl, version: arcVersion) != nil
    }
  }

  /// Whether a record header line starts at index `p` of `a`; nil when more bytes are needed.
  private func recordLine(in a: UnsafeRawBufferPointer, at p: Int, atEnd: Bool, arcVersion: Int?) -> Bool? {
    switch format {
    case .warc:
      if ByteScanning.warcVersionLine(a, at: p) != nil { return true }
      return p + 24 <= a.count || atEnd ? false : nil
    case .arc:
      guard let nl = ByteSearch.index(of: 0x0A, in: a, from: p) else { return atEnd ? false : nil }
      return ARCHeaderParser.parseLine(a, p, nl, version: arcVersion) != nil
    }
  }

  /// Skips to the next line that starts a record. Returns false at the end of the stream.
  private func resync(arcVersion: Int?) -> Bool {
    let from = stream.position
    let fromOffset = fileOffset(from)
    defer {
      let skipped = stream.position - from
      if skipped > 0 {
        report(
          .warning, fromOffset, "resync",
          "skipped \(skipped) bytes that do not belong to any record (bad Content-Length or damage) "
            + "to reach the next record header")
      }
    }
    var searchFrom = 1
    while true {
      let atEnd = !stream.fill(atLeast: stream.available.count + 1)
      let a = stream.available
      // Where damaged gzip data ends, the next member's bytes start: a record may start
      // there without a line break before it.
      if a.count > 1, let mark = stream.damage(in: stream.position..<(stream.position + a.count)),
        mark > stream.position
      {
        let m = mark - stream.position
        if recordStart(in: a, from: searchFrom, to: m, arcVersion: arcVersion) == nil {
          stream.consume(m)
          if recordLine(in: stream.available, at: 0, atEnd: true, arcVersion: arcVersion) == true { return true }
          searchFrom = 0
          continue
        }
      }
      var i = searchFrom
      var needMore = false
      while let nl = ByteSearch.index(of: 0x0A, in: a, from: i) {
        switch recordLine(in: a, at: nl + 1, atEnd: atEnd, arcVersion: arcVersion) {
        case .some(true):
          stream.consume(nl + 1)
          return true
        case .some(false):
          i = nl + 1
          continue
        case .none:
          stream.consume(nl)
          needMore = true
        }
        break
      }
      if needMore {
        searchFrom = 0
        if atEnd { return false }
        continue
      }
      if atEnd {
        stream.consume(a.count)
        return false
      }
      let keep = min(a.count, 1)
      stream.consume(a.count - keep)
      searchFrom = 0
    }
  }

  // MARK: - Records

  /// Reads every record, calling `body` with each.
  func run(
    limit: Int = Int.max, blockNeed: (String) -> BlockNeed, _ body: (RawArchiveRecord) throws -> Void
  ) rethrows {
    var arcVersion: Int? = nil
    var delivered = 0
    while delivered < limit {
      guard skipSeparators() else { return }
      if !atRecordStart(arcVersion: arcVersion) {
        guard resync(arcVersion: arcVersion) else { return }
      }
      let start = stream.position
      stream.forget(before: start)
      let location = stream.location(of: start)
      let offset = location.fileOffset

      // Header.
      var header: WARCHeader
      var headerLength: Int
      var notes: [String] = []
      switch format {
      case .warc:
        var end = ByteScanning.headerEnd(in: stream.available)
        while end == nil {
          let have = stream.available.count
          if have > Self.maxHeaderBytes {
            report(.error, offset, "bad-header", "no end of the WARC header within 1 MB; looking for the next record")
            stream.consume(5)
            break
          }
          if !stream.fill(atLeast: have + 4096) && stream.available.count == have {
            report(
              .error, offset, "truncated-header",
              "the file ends inside this record's header; the records before it are kept")
            _ = stream.skip(have)
            return
          }
          end = ByteScanning.headerEnd(in: stream.available, from: max(0, have - 8))
        }
        guard let headerEnd = end else { continue }
        headerLength = headerEnd
        header = WARCHeaderParser.parse(UnsafeRawBufferPointer(rebasing: stream.available[..<headerEnd]))
        if header.contentLength == nil {
          report(
            .warning, offset, "missing-content-length",
            "the record has no valid Content-Length; looking for the next record header instead")
          notes.append("no Content-Length")
        }
        if !header.repeatedFields.isEmpty {
          notes.append("repeated fields: " + header.repeatedFields.joined(separator: ", "))
        }
      case .arc:
        let a = stream.available
        guard let nl = ByteSearch.index(of: 0x0A, in: a),
          let line = ARCHeaderParser.parseLine(a, 0, nl, version: arcVersion)
        else {
          stream.consume(1)
          continue
        }
        headerLength = nl + 1
        header = WARCHeader()
        header.version = "ARC/\(arcVersion ?? 1)"
        header.targetURI = URINormalizer.normalize(line.url)
        header.date = line.date
        header.contentType = line.mime
        header.contentLength = line.length
        if line.url.hasPrefix("filedesc:") {
          header.type = "filedesc"
        } else {
          header.type = line.url.hasPrefix("http:") || line.url.hasPrefix("https:") ? "response" : "resource"
        }
        if line.length == nil {
          report(
            .warning, offset, "bad-arc-length",
            "the ARC length field '\(line.rawLength)' is not a number; looking for the next record header")
          notes.append("bad ARC length '\(line.rawLength)'")
        }
      }
      let declared = header.contentLength ?? 0
      var type = header.type ?? "unknown"
      if type.isEmpty { type = "unknown" }
      // Where the block would end. Lengths come from the file: all arithmetic on them saturates.
      let declaredEnd = Self.sum(start, headerLength, declared)

      // Block.
      // What the caller wants to see, and what is loaded: small blocks are loaded whole
      // whatever the caller wants, so the record's end is checked (and framing is the
      // same for every caller); big ones only as far as asked.
      var expose: Int
      var exposeWhole = false
      switch blockNeed(type) {
      case .none: expose = 0
      case .prefix(let n): expose = min(n, declared)
      case .whole:
        exposeWhole = declared <= limits.maxRecordBytes
        expose = exposeWhole ? declared : min(64 << 10, declared)
      }
      let want = declared <= Self.checkedBlockBytes ? declared : expose
      let wantsAll = want == declared
      _ = stream.fill(atLeast: Self.sum(headerLength, want, wantsAll ? Self.repairWindow : 0))
      var a = stream.available
      var loaded = min(want, a.count - headerLength)
      var blockLength = declared
      var truncated = loaded < want
      var trailer = 0
      var cleanlyEnded = !wantsAll
      if wantsAll && !truncated {
        let end = headerLength + declared
        if let t = cleanEnd(a, at: end, arcVersion: arcVersion) {
          cleanlyEnded = true
          trailer = t
          let missing = format == .warc ? Self.overrun(a, blockStart: headerLength, end: end, trailer: t) : 0
          if missing > 0 {
            // Content-Length a little too large: it swallowed part of the CRLFCRLF trailer.
            blockLength -= missing
            loaded = blockLength
            trailer += missing
            report(
              .warning, offset, "content-length-mismatch",
              "Content-Length says \(declared) bytes but the record's trailer starts after \(blockLength); used \(blockLength)"
            )
            notes.append("Content-Length \(declared) corrected to \(blockLength)")
          }
        } else if format == .warc, !Self.hasTrailer(a, at: end),
          let (fixedEnd, fixedTrailer) = nearbyRecordStart(a, blockStart: headerLength, declaredEnd: end)
        {
          cleanlyEnded = true
          blockLength = fixedEnd - headerLength
          loaded = blockLength
          trailer = fixedTrailer
          report(
            .warning, offset, "content-length-mismatch",
            "Content-Length says \(declared) bytes but the next record starts after \(blockLength); used \(blockLength)"
          )
          notes.append("Content-Length \(declared) corrected to \(blockLength)")
        }
      }

      // Damage: the block runs across a corrupt gzip member, or its declared end is not a
      // record end (past the end of the file, or inside other bytes) while another record
      // header starts inside it. The record is rejected and reading goes on at that point.
      let loadedEnd = start + headerLength + loaded
      if let mark = stream.damage(in: start..<Self.sum(loadedEnd, trailer)) {
        try deliverDamaged(
          header: header, type: type, start: start, location: location, headerLength: headerLength,
          declared: declared, until: mark - start, reason: stream.damageReason, notes: notes, body)
        delivered += 1
        stream.consume(mark - start)
        continue
      }
      // A length past the end of its stretch (the file, or for gzip the record's member when
      // a record header starts the next member) is damage too.
      var resumeAt: Int? = nil
      var pastEnd = truncated
      if let segmentEnd = stream.segmentEnd(containing: start), declaredEnd > segmentEnd {
        if stream is PlainByteStream {
          pastEnd = true
        } else if format == .warc && segmentEnd - start <= Self.memberCheckBytes {
          var p = segmentEnd - start
          _ = stream.fill(atLeast: p + 64)
          let b = stream.available
          while p < b.count && p - (segmentEnd - start) < 8 && (b[p] == 0x0D || b[p] == 0x0A) { p += 1 }
          if recordLine(in: b, at: p, atEnd: true, arcVersion: arcVersion) == true {
            pastEnd = true
            resumeAt = p
          }
        }
      }
      // (ARC header lines are too loose to look for inside a block: an ARC record that runs
      // past the end is kept as a truncated record instead.)
      if resumeAt == nil && (pastEnd || !cleanlyEnded) && format == .warc {
        let b = stream.available
        let searchEnd = pastEnd ? b.count : min(b.count, headerLength + declared)
        resumeAt = recordStart(in: b, from: headerLength, to: searchEnd, arcVersion: arcVersion)
      }
      if let p = resumeAt {
        report(
          .error, offset, "bad-content-length",
          "the \(type) record's length (\(declared) bytes) runs "
            + (pastEnd ? "past the end of its file or gzip member" : "into other bytes")
            + " and another record starts \(p - headerLength) bytes into it: the record is rejected and reading "
            + "goes on at that record")
        try deliverDamaged(
          header: header, type: type, start: start, location: location, headerLength: headerLength,
          declared: declared, until: p, reason: "bad-content-length", notes: notes, body)
        delivered += 1
        stream.consume(p)
        continue
      }
      a = stream.available

      if format == .arc && type == "filedesc" && loaded > 0 {
        arcVersion = ARCHeaderParser.version(
          fromFiledesc: UnsafeRawBufferPointer(rebasing: a[headerLength..<headerLength + loaded]))
      }
      if format == .arc && type == "response"
        && !(loaded >= 5 && ByteScanning.hasPrefix(UnsafeRawBufferPointer(rebasing: a[headerLength...]), "HTTP/"))
        && (loaded > 0 || declared == 0)
      {
        type = "resource"
        header.type = "resource"
      }
      let span = stream.fileSpan(from: start, to: Self.sum(start, headerLength, blockLength, trailer))
      var length = span.length
      if truncated || (!wantsAll && stream is PlainByteStream) {
        length = truncated ? nil : Self.sum(headerLength, declared, 4)
      }
      let exposed = exposeWhole ? loaded : min(expose, loaded)
      let record = RawArchiveRecord(
        format: format, header: header, type: type, offset: span.offset, length: length, location: location,
        block: UnsafeRawBufferPointer(rebasing: a[headerLength..<headerLength + exposed]), declaredLength: declared,
        blockLength: blockLength, blockIsComplete: exposed == blockLength && !truncated, isTruncated: truncated,
        notes: notes)
      try body(record)
      delivered += 1

      // Move past the block. In case its length turns out to run past the end of the file,
      // note the first record header in the loaded part first.
      var early: (position: Int, location: RecordLocation)? = nil
      if !truncated && loaded < blockLength && format == .warc,
        let p = recordStart(in: a, from: headerLength, to: headerLength + loaded, arcVersion: arcVersion)
      {
        early = (start + p, stream.location(of: start + p))
      }
      stream.consume(headerLength + loaded)
      if !truncated && loaded < blockLength {
        switch skipBlock(blockLength - loaded, candidate: early, arcVersion: arcVersion) {
        case .skipped: break
        case .endedEarly(nil): truncated = true
        case .endedEarly(let candidate?):
          report(
            .error, offset, "bad-content-length",
            "the \(type) record's length (\(declared) bytes) runs past the end of the file; reading goes on at "
              + "the next record header found inside it")
          stream.rewind(to: candidate.location, position: candidate.position)
          continue
        }
      }
      if truncated {
        report(
          .error, offset, "truncated-record",
          "the file ends inside this \(type) record (\(declared) bytes declared); the records before it are kept")
        return
      }
    }
  }

  /// `a + b + …`, or `Int.max` when that overflows (lengths in headers can be anything).
  static func sum(_ values: Int...) -> Int {
    var total = 0
    for v in values {
      let (r, overflow) = total.addingReportingOverflow(v)
      if overflow || r < 0 { return Int.max }
      total = r
    }
    return total
  }

  /// Delivers a record whose framing is broken, so the caller counts it as rejected.
  private func deliverDamaged(
    header: WARCHeader, type: String, start: Int, location: RecordLocation, headerLength: Int, declared: Int,
    until end: Int, reason: String, notes: [String], _ body: (RawArchiveRecord) throws -> Void
  ) rethrows {
    let a = stream.available
    let blockEnd = min(max(end, headerLength), a.count)
    let span = stream.fileSpan(from: start, to: start + blockEnd)
    var record = RawArchiveRecord(
      format: format, header: header, type: type, offset: span.offset, length: span.length, location: location,
      block: UnsafeRawBufferPointer(rebasing: a[headerLength..<blockEnd]), declaredLength: declared,
      blockLength: blockEnd - headerLength, blockIsComplete: false, isTruncated: false, notes: notes)
    record.damage = reason
    try body(record)
  }

  /// Index in `a` of the first record header line that starts in `[from, to)` (at a line start).
  private func recordStart(in a: UnsafeRawBufferPointer, from: Int, to: Int, arcVersion: Int?) -> Int? {
    var i = from
    if i < to && i > 0 && a[i - 1] == 0x0A, recordLine(in: a, at: i, atEnd: true, arcVersion: arcVersion) == true {
      return i
    }
    while i < to, let nl = ByteSearch.index(of: 0x0A, in: UnsafeRawBufferPointer(rebasing: a[..<to]), from: i) {
      let p = nl + 1
      if p < to, recordLine(in: a, at: p, atEnd: true, arcVersion: arcVersion) == true { return p }
      i = p
    }
    return nil
  }

  /// How skipping a block ended.
  enum SkipOutcome {
    case skipped
    /// The stream ended first; the first record header seen inside the skipped bytes, if any.
    case endedEarly((position: Int, location: RecordLocation)?)
  }

  /// Skips `count` bytes of a block that is not loaded, noting the first record header
  /// inside it in case the length turns out to run past the end of the stream.
  private func skipBlock(
    _ count: Int, candidate early: (position: Int, location: RecordLocation)?, arcVersion: Int?
  ) -> SkipOutcome {
    var remaining = count
    var candidate = early
    var lineStart = false
    while remaining > 0 {
      let more = stream.fill(atLeast: 256)
      let a = stream.available
      if a.isEmpty { return .endedEarly(candidate) }
      // Keep a little lookahead so a header line is never split between two steps.
      let step = min(remaining, more && a.count > 512 ? a.count - 256 : a.count)
      if candidate == nil && format == .warc {
        let probeEnd = min(a.count, step)
        var found: Int? = nil
        if lineStart, recordLine(in: a, at: 0, atEnd: true, arcVersion: arcVersion) == true { found = 0 }
        if found == nil { found = recordStart(in: a, from: 0, to: probeEnd, arcVersion: arcVersion) }
        if let p = found {
          let position = stream.position + p
          candidate = (position, stream.location(of: position))
        }
      }
      lineStart = a[step - 1] == 0x0A
      stream.consume(step)
      remaining -= step
    }
    return .skipped
  }
  /// The number of separator bytes (CR/LF) after a block ending at `end` when a clean
  /// record end follows (the stream's end or a record header); nil otherwise.
  private func cleanEnd(_ a: UnsafeRawBufferPointer, at end: Int, arcVersion: Int?) -> Int? {
    var i = end
    while i < a.count && (a[i] == 0x0D || a[i] == 0x0A) && i - end < 8 { i += 1 }
    if i >= a.count { return i - end }  // end of buffered data: the stream decides later
    switch format {
    case .warc: return ByteScanning.warcVersionLine(a, at: i) != nil ? i - end : nil
    case .arc:
      return (recordLine(in: a, at: i, atEnd: true, arcVersion: arcVersion) ?? false) ? i - end : nil
    }
  }

  /// Whether the standard `\r\n\r\n` record trailer starts at `end`.
  private static func hasTrailer(_ a: UnsafeRawBufferPointer, at end: Int) -> Bool {
    end + 4 <= a.count && a[end] == 0x0D && a[end + 1] == 0x0A && a[end + 2] == 0x0D && a[end + 3] == 0x0A
  }

  /// How many bytes of the `\r\n\r\n` trailer a block ending at `end` swallowed, when
  /// only `trailer` (< 4) separator bytes follow it and the block's last bytes complete
  /// the trailer; 0 otherwise.
  private static func overrun(_ a: UnsafeRawBufferPointer, blockStart: Int, end: Int, trailer: Int) -> Int {
    guard trailer < 4, end + trailer < a.count || trailer > 0 else { return 0 }
    let missing = 4 - trailer
    guard end - blockStart >= missing else { return 0 }
    let pattern: [UInt8] = [0x0D, 0x0A, 0x0D, 0x0A]
    for k in 0..<4 where a[end - missing + k] != pattern[k] { return 0 }
    return missing
  }

  /// A record start near the declared end (within `repairWindow` bytes either side),
  /// for a Content-Length that is off by a little: returns the corrected block end and
  /// the separator bytes before the new record.
  private func nearbyRecordStart(
    _ a: UnsafeRawBufferPointer, blockStart: Int, declaredEnd: Int
  ) -> (Int, Int)? {
    let low = max(blockStart, declaredEnd - Self.repairWindow)
    let high = min(a.count, declaredEnd + Self.repairWindow)
    var best: Int? = nil
    var i = low
    while i < high, let nl = ByteSearch.index(of: 0x0A, in: UnsafeRawBufferPointer(rebasing: a[..<high]), from: i) {
      let p = nl + 1
      if ByteScanning.warcVersionLine(a, at: p) != nil {
        if best == nil || abs(p - declaredEnd) < abs(best! - declaredEnd) { best = p }
      }
      i = p
    }
    guard let p = best else { return nil }
    var end = p
    var trailer = 0
    while end > blockStart && (a[end - 1] == 0x0A || a[end - 1] == 0x0D) && trailer < 4 {
      end -= 1
      trailer += 1
    }
    return (end, trailer)
  }
}
