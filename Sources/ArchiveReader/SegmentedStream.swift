import SlackscoreCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The decompressed bytes of a file made of independently compressed segments (gzip
/// members, zstd frames) as one logical stream, read forward through a bounded window.
///
/// This class keeps what every such format shares: the output window, the file extent of
/// each segment (so a record's logical position maps back to the segment it starts in: a
/// CDX-style offset), the damaged stretches, and the resync after damage. Subclasses
/// decode (`decodeMore(wanted:)`) and forget their decoder state (`resetDecoder()`).
class SegmentedStream: ByteStream {
  /// What a segment is called in diagnostics and damage codes.
  struct Kind {
    /// `gzip` or `zstd`: the diagnostic code prefix (`gzip-resync`, `zstd-resync`).
    var format: String
    /// `gzip member`, `zstd frame`.
    var unit: String
    /// The first bytes of a segment, looked for when resynchronising after damage.
    var magic: [UInt8]
    /// Why a record overlapping a damaged segment is rejected (`corrupt-gzip-member`).
    var damageCode: String
  }

  let input: FileInput
  let diagnostics: DiagnosticCollector
  let kind: Kind

  private var out: UnsafeMutableRawPointer
  private var outCapacity: Int
  private var head = 0
  private var tail = 0
  /// Logical position of `out[0]`.
  private var base = 0
  /// Set when the file has no more segments to decode.
  var finished = false

  /// One segment's logical and file extent. `fileEnd` and `logicalEnd` are `Int.max`
  /// while the segment is still being streamed.
  private struct Segment {
    var logicalStart: Int
    var logicalEnd: Int
    var fileStart: Int
    var fileEnd: Int
  }
  private var segments: [Segment] = []
  /// The logical output of each damaged segment (see `damage(in:)`).
  private var damaged: [Range<Int>] = []

  init(input: FileInput, diagnostics: DiagnosticCollector, kind: Kind) {
    self.input = input
    self.diagnostics = diagnostics
    self.kind = kind
    outCapacity = 4 << 20
    out = UnsafeMutableRawPointer.allocate(byteCount: outCapacity, alignment: 16)
  }

  deinit { out.deallocate() }

  // MARK: - For subclasses

  /// Decodes some more output (at least one step); sets `finished` at the end of the file.
  func decodeMore(wanted: Int) { finished = true }

  /// Drops the decoder's state for the segment being streamed (before a rewind).
  func resetDecoder() {}

  /// Makes room for at least `bytes` more output bytes and returns the free space.
  func reserveOutput(_ bytes: Int) -> UnsafeMutableRawBufferPointer {
    if outCapacity - tail < bytes && head > 0 {
      let live = tail - head
      if live > 0 { memmove(out, out + head, live) }
      base += head
      tail = live
      head = 0
    }
    if outCapacity - tail < bytes {
      var newCapacity = outCapacity
      while newCapacity - tail < bytes { newCapacity *= 2 }
      let fresh = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 16)
      if tail > 0 { fresh.copyMemory(from: out, byteCount: tail) }
      out.deallocate()
      out = fresh
      outCapacity = newCapacity
    }
    return UnsafeMutableRawBufferPointer(start: out + tail, count: outCapacity - tail)
  }

  /// Marks `n` bytes written into the space `reserveOutput` returned as output.
  func commitOutput(_ n: Int) { tail += n }

  /// Records a whole segment decoded at once: `produced` bytes just committed, from file
  /// bytes `[fileStart, fileEnd)`.
  func appendSegment(produced: Int, fileStart: Int, fileEnd: Int) {
    let end = base + tail
    segments.append(Segment(logicalStart: end - produced, logicalEnd: end, fileStart: fileStart, fileEnd: fileEnd))
  }

  /// Opens a segment whose output is streamed from now on, starting at file offset `fileStart`.
  func beginSegment(fileStart: Int) {
    segments.append(Segment(logicalStart: base + tail, logicalEnd: Int.max, fileStart: fileStart, fileEnd: Int.max))
  }

  /// The file offset where the segment being streamed starts.
  var openSegmentFileStart: Int { segments.last?.fileStart ?? input.fileOffset }

  /// Closes the segment being streamed at file offset `fileEnd`.
  func endSegment(fileEnd: Int) {
    if var last = segments.popLast() {
      last.logicalEnd = base + tail
      last.fileEnd = fileEnd
      segments.append(last)
    }
  }

  /// Largest output step while streaming a segment.
  static let maxStepOutput = 64 << 20

  /// Streams one step of the open segment through `decoder` into the output window. At the
  /// end of the segment it is closed; when the file ends inside it, that is reported and nil
  /// returned. Damage (`dataError`) is left to the caller.
  func streamStep(_ decoder: some StreamDecoder, wanted: Int) -> DecodeStep.Status? {
    if input.count == 0 { input.readMore() }
    if input.count == 0 {
      endTruncated()
      return nil
    }
    let space = reserveOutput(max(256 << 10, min(wanted, Self.maxStepOutput)))
    let step = decoder.step(input: input.bytes, output: space)
    input.consume(step.consumed)
    commitOutput(step.produced)
    switch step.status {
    case .progress:
      if step.consumed == 0 && step.produced == 0 && input.reachedEOF && input.count > 0 {
        // The decoder wants more input than the file has.
        input.consume(input.count)
      }
    case .streamEnd:
      endSegment(fileEnd: input.fileOffset)
    case .dataError:
      break
    }
    return step.status
  }

  /// Reports a diagnostic at file offset `offset`.
  func report(_ severity: Diagnostic.Severity, at offset: Int, _ code: String, _ message: String) {
    diagnostics.emit(
      Diagnostic(severity: severity, stage: "read", file: input.path, offset: offset, code: code, message: message))
  }

  /// The segment being streamed is damaged (`detail` says how): reports it, marks its
  /// output as damaged and looks for the next segment from just after its start (the
  /// decoder may have read into it).
  func abandonDamagedSegment(_ detail: String) {
    let segmentStart = openSegmentFileStart
    report(
      .error, at: segmentStart, kind.damageCode,
      "the \(kind.unit) starting here is damaged (\(detail)); the record in it is rejected and reading "
        + "goes on at the next \(kind.unit)")
    let outputStart = segments.last?.logicalStart ?? base + tail
    endSegment(fileEnd: segmentStart + 1)
    damaged.append(outputStart..<(base + tail))
    resetDecoder()
    input.seek(to: segmentStart + 1)
    resyncToNextSegment()
  }

  /// The file ends inside the segment being streamed.
  func endTruncated() {
    report(
      .error, at: openSegmentFileStart, "truncated-" + String(kind.unit.map { $0 == " " ? "-" : $0 }),
      "the file ends inside the \(kind.unit) starting here (cut short by a failed transfer or a crash?); "
        + "records before it are kept")
    endSegment(fileEnd: input.fileOffset)
    finished = true
  }

  /// Skips to the next segment start (`kind.magic`).
  private func resyncToNextSegment() {
    let from = input.fileOffset
    let magic = kind.magic
    while true {
      if input.count < magic.count && !input.fill(minimum: magic.count) {
        input.consume(input.count)
        finished = true
        report(
          .warning, at: from, "\(kind.format)-resync",
          "no further \(kind.unit) after the damage; \(input.fileOffset - from) bytes skipped")
        return
      }
      let bytes = input.bytes
      var i = 0
      while i + magic.count <= bytes.count {
        if Self.hasMagic(bytes, at: i, magic) {
          input.consume(i)
          if input.fileOffset > from {
            report(
              .warning, at: from, "\(kind.format)-resync",
              "skipped \(input.fileOffset - from) bytes to the next \(kind.unit)")
          }
          return
        }
        i += 1
      }
      input.consume(i)
      input.readMore()
    }
  }

  /// Whether `magic` is at index `i` of `bytes`.
  static func hasMagic(_ bytes: UnsafeRawBufferPointer, at i: Int, _ magic: [UInt8]) -> Bool {
    guard i + magic.count <= bytes.count else { return false }
    for (k, b) in magic.enumerated() where bytes[i + k] != b { return false }
    return true
  }

  /// Bytes after the last segment that do not start one: zero padding is ignored,
  /// anything else is reported and not read.
  func handleTrailingBytes() {
    let offset = input.fileOffset
    var allZero = true
    var total = 0
    while input.count > 0 || input.fill(minimum: 1) {
      let bytes = input.bytes
      if allZero { allZero = !bytes.contains { $0 != 0 } }
      total += bytes.count
      input.consume(bytes.count)
    }
    if !allZero {
      report(
        .warning, at: offset, "trailing-garbage",
        "\(total) bytes after the last \(kind.unit) are not \(kind.format) data and were not read")
    }
    finished = true
  }

  // MARK: - ByteStream

  var available: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: out + head, count: tail - head) }
  var position: Int { base + head }
  var damageReason: String { kind.damageCode }

  func fill(atLeast n: Int) -> Bool {
    while tail - head < n && !finished { decodeMore(wanted: n - (tail - head)) }
    return tail - head >= n
  }

  func consume(_ n: Int) { head += n }

  func skip(_ n: Int) -> Int {
    var skipped = 0
    while skipped < n {
      if head == tail && !fill(atLeast: 1) { break }
      let step = min(tail - head, n - skipped)
      head += step
      skipped += step
    }
    return skipped
  }

  func fileSpan(from start: Int, to end: Int) -> (offset: Int, length: Int?) {
    guard let first = segment(containing: start) else { return (input.fileOffset, 0) }
    guard end > start, let last = segment(containing: end - 1), last.fileEnd != Int.max else {
      return (first.fileStart, nil)
    }
    return (first.fileStart, last.fileEnd - first.fileStart)
  }

  func location(of position: Int) -> RecordLocation {
    guard let s = segment(containing: position) else {
      return RecordLocation(path: input.path, fileOffset: input.fileOffset)
    }
    return RecordLocation(path: input.path, fileOffset: s.fileStart, skip: position - s.logicalStart)
  }

  func forget(before position: Int) {
    var drop = 0
    while drop < segments.count - 1 && segments[drop].logicalEnd <= position { drop += 1 }
    if drop > 0 { segments.removeFirst(drop) }
  }

  func segmentEnd(containing position: Int) -> Int? {
    guard let s = segment(containing: position), s.logicalEnd != Int.max else { return nil }
    return s.logicalEnd
  }

  func damage(in range: Range<Int>) -> Int? {
    damaged.first { span in
      span.isEmpty ? range.lowerBound < span.lowerBound && span.lowerBound < range.upperBound : span.overlaps(range)
    }?.upperBound
  }

  func rewind(to location: RecordLocation, position: Int) {
    input.seek(to: location.fileOffset)
    head = 0
    tail = 0
    base = position - location.skip
    segments.removeAll()
    damaged.removeAll { $0.upperBound > base }
    resetDecoder()
    finished = false
    _ = skip(location.skip)
  }

  private func segment(containing position: Int) -> Segment? {
    for s in segments.reversed() where s.logicalStart <= position && s.logicalEnd != s.logicalStart {
      return position < s.logicalEnd || s.logicalEnd == Int.max ? s : nil
    }
    return nil
  }
}
