import SlackscoreCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The decompressed bytes of a gzip file, member after member, as one logical stream.
///
/// Fast path: each member is decoded whole with libdeflate straight into the output
/// window (the member's end comes from `libdeflate_gzip_decompress_ex`). Members too big
/// for that (over `fastPathMaxOutput` decompressed, or `fastPathMaxInput` compressed),
/// corrupt or cut short are streamed with zlib instead, which also tells exactly where
/// the damage is. Memory stays bounded by the windows, whatever the file size.
///
/// Every member's file extent is remembered (while needed) so a record's logical
/// position maps back to the member it starts in: a CDX-style offset.
final class GzipMemberReader: ByteStream {
  private let input: FileInput
  private let diagnostics: DiagnosticCollector
  private let deflate = LibDeflateDecompressor()
  private var inflater: ZlibInflater?

  private var out: UnsafeMutableRawPointer
  private var outCapacity: Int
  private var head = 0
  private var tail = 0
  /// Logical position of `out[0]`.
  private var base = 0
  private var finished = false

  /// One member's logical and file extent. `fileEnd` and `logicalEnd` are `Int.max`
  /// while the member is still being streamed.
  private struct Member {
    var logicalStart: Int
    var logicalEnd: Int
    var fileStart: Int
    var fileEnd: Int
  }
  private var members: [Member] = []
  /// The logical output of each damaged member (see `damage(in:)`).
  private var damaged: [Range<Int>] = []

  static let fastPathMaxOutput = 64 << 20
  static let fastPathMaxInput = 64 << 20
  /// Refill the input window when fewer bytes than this remain, so members rarely straddle it.
  private static let refillWatermark = 1 << 20

  init(input: FileInput, diagnostics: DiagnosticCollector) {
    self.input = input
    self.diagnostics = diagnostics
    outCapacity = 4 << 20
    out = UnsafeMutableRawPointer.allocate(byteCount: outCapacity, alignment: 16)
    base = 0
  }

  deinit { out.deallocate() }

  var available: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: out + head, count: tail - head) }
  var position: Int { base + head }

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
    guard let first = member(containing: start) else { return (input.fileOffset, 0) }
    guard end > start, let last = member(containing: end - 1), last.fileEnd != Int.max else {
      return (first.fileStart, nil)
    }
    return (first.fileStart, last.fileEnd - first.fileStart)
  }

  func location(of position: Int) -> RecordLocation {
    guard let m = member(containing: position) else {
      return RecordLocation(path: input.path, fileOffset: input.fileOffset)
    }
    return RecordLocation(path: input.path, fileOffset: m.fileStart, skip: position - m.logicalStart)
  }

  func forget(before position: Int) {
    var drop = 0
    while drop < members.count - 1 && members[drop].logicalEnd <= position { drop += 1 }
    if drop > 0 { members.removeFirst(drop) }
  }

  func segmentEnd(containing position: Int) -> Int? {
    guard let m = member(containing: position), m.logicalEnd != Int.max else { return nil }
    return m.logicalEnd
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
    members.removeAll()
    damaged.removeAll { $0.upperBound > base }
    inflater = nil
    finished = false
    _ = skip(location.skip)
  }

  private func member(containing position: Int) -> Member? {
    for m in members.reversed() where m.logicalStart <= position && m.logicalEnd != m.logicalStart {
      return position < m.logicalEnd || m.logicalEnd == Int.max ? m : nil
    }
    return nil
  }

  // MARK: - Decoding

  /// Makes room for at least `bytes` more output bytes after `tail`.
  private func reserveOutput(_ bytes: Int) {
    if outCapacity - tail >= bytes { return }
    if head > 0 {
      let live = tail - head
      if live > 0 { memmove(out, out + head, live) }
      base += head
      tail = live
      head = 0
    }
    if outCapacity - tail >= bytes { return }
    var newCapacity = outCapacity
    while newCapacity - tail < bytes { newCapacity *= 2 }
    let fresh = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 16)
    if tail > 0 { fresh.copyMemory(from: out, byteCount: tail) }
    out.deallocate()
    out = fresh
    outCapacity = newCapacity
  }

  private func decodeMore(wanted: Int) {
    if inflater != nil {
      streamStep(wanted: wanted)
    } else {
      startMember(wanted: wanted)
    }
  }

  private func report(_ severity: Diagnostic.Severity, at offset: Int, _ code: String, _ message: String) {
    diagnostics.emit(
      Diagnostic(severity: severity, stage: "read", file: input.path, offset: offset, code: code, message: message))
  }

  private func startMember(wanted: Int) {
    if input.count < Self.refillWatermark && !input.reachedEOF { input.fill(minimum: Self.refillWatermark) }
    if input.count == 0 {
      finished = true
      return
    }
    let bytes = input.bytes
    guard bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B else {
      handleTrailingBytes()
      return
    }
    // Fast path: the whole member at once.
    var room = max(outCapacity - tail, 1 << 20)
    while room <= Self.fastPathMaxOutput {
      reserveOutput(room)
      room = outCapacity - tail
      let outcome = deflate.decompressGzipMember(
        input: input.bytes, output: UnsafeMutableRawBufferPointer(start: out + tail, count: room))
      switch outcome {
      case .success(let consumed, let produced):
        let fileStart = input.fileOffset
        members.append(
          Member(
            logicalStart: base + tail, logicalEnd: base + tail + produced, fileStart: fileStart,
            fileEnd: fileStart + consumed))
        tail += produced
        input.consume(consumed)
        return
      case .needsMoreSpace:
        room *= 2
      case .badData:
        // Maybe the member is just longer than the window: read more and retry.
        if !input.reachedEOF && input.count < Self.fastPathMaxInput {
          input.fill(minimum: min(input.count * 2, Self.fastPathMaxInput))
          continue
        }
        beginStreaming()
        return
      }
    }
    beginStreaming()
  }

  private func beginStreaming() {
    let z = ZlibInflater(windowBits: 15 + 16)
    inflater = z
    members.append(
      Member(logicalStart: base + tail, logicalEnd: Int.max, fileStart: input.fileOffset, fileEnd: Int.max))
  }

  private func streamStep(wanted: Int) {
    guard let z = inflater else { return }
    if input.count == 0 { input.readMore() }
    let memberStart = members.last?.fileStart ?? input.fileOffset
    if input.count == 0 {
      report(
        .error, at: memberStart, "truncated-gzip-member",
        "the file ends inside the gzip member starting here (cut short by a failed transfer or a crash?); "
          + "records before it are kept")
      endStreamingMember(fileEnd: input.fileOffset)
      finished = true
      return
    }
    reserveOutput(max(256 << 10, min(wanted, Self.fastPathMaxOutput)))
    let step = z.step(
      input: input.bytes, output: UnsafeMutableRawBufferPointer(start: out + tail, count: outCapacity - tail))
    input.consume(step.consumed)
    tail += step.produced
    switch step.status {
    case .progress:
      if step.consumed == 0 && step.produced == 0 && input.reachedEOF && input.count > 0 {
        // zlib wants more input than the file has.
        input.consume(input.count)
      }
    case .streamEnd:
      endStreamingMember(fileEnd: input.fileOffset)
    case .dataError(let message) where message == "incorrect length check":
      // The CRC matched, only the size field in the trailer lies: the data is intact.
      report(
        .warning, at: memberStart, "gzip-size-mismatch",
        "the gzip member starting here has a wrong size field (ISIZE) but a correct CRC; its data is kept")
      endStreamingMember(fileEnd: input.fileOffset)
    case .dataError(let message):
      report(
        .error, at: memberStart, "corrupt-gzip-member",
        "the gzip member starting here is damaged (\(message)); the record in it is rejected and reading "
          + "goes on at the next gzip member")
      let outputStart = members.last?.logicalStart ?? base + tail
      endStreamingMember(fileEnd: memberStart + 1)
      damaged.append(outputStart..<(base + tail))
      // zlib may have read into the next member: look for it from just after this one's start.
      input.seek(to: memberStart + 1)
      resyncToNextMember()
    }
  }

  private func endStreamingMember(fileEnd: Int) {
    inflater = nil
    if var last = members.popLast() {
      last.logicalEnd = base + tail
      last.fileEnd = fileEnd
      members.append(last)
    }
  }

  /// After a damaged member: skips to the next gzip header (`1f 8b 08`).
  private func resyncToNextMember() {
    let from = input.fileOffset
    while true {
      if input.count < 3 && !input.fill(minimum: 3) {
        input.consume(input.count)
        finished = true
        report(
          .warning, at: from, "gzip-resync",
          "no further gzip member after the damage; \(input.fileOffset - from) bytes skipped")
        return
      }
      let bytes = input.bytes
      var i = 0
      while i + 2 < bytes.count {
        if bytes[i] == 0x1F && bytes[i + 1] == 0x8B && bytes[i + 2] == 0x08 {
          input.consume(i)
          if input.fileOffset > from {
            report(
              .warning, at: from, "gzip-resync", "skipped \(input.fileOffset - from) bytes to the next gzip member")
          }
          return
        }
        i += 1
      }
      input.consume(i)
      input.readMore()
    }
  }

  /// Bytes after the last member that are not gzip: zero padding is ignored, anything
  /// else is reported and not read.
  private func handleTrailingBytes() {
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
        "\(total) bytes after the last gzip member are not gzip data and were not read")
    }
    finished = true
  }
}
