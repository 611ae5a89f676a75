import SlackscoreCore

/// The decompressed bytes of a gzip file, member after member, as one logical stream.
///
/// Fast path: each member is decoded whole with libdeflate straight into the output
/// window (the member's end comes from `libdeflate_gzip_decompress_ex`). Members too big
/// for that (over `maxStepOutput` decompressed, or `fastPathMaxInput` compressed),
/// corrupt or cut short are streamed with zlib instead, which also tells exactly where
/// the damage is. Memory stays bounded by the windows, whatever the file size.
final class GzipMemberReader: SegmentedStream {
  private let deflate = LibDeflateDecompressor()
  private var inflater: ZlibInflater?

  /// Largest member decoded whole (compressed); its output is capped by `maxStepOutput`.
  static let fastPathMaxInput = 64 << 20
  /// Refill the input window when fewer bytes than this remain, so members rarely straddle it.
  private static let refillWatermark = 1 << 20

  init(input: FileInput, diagnostics: DiagnosticCollector) {
    super.init(
      input: input, diagnostics: diagnostics,
      kind: Kind(format: "gzip", unit: "gzip member", magic: [0x1F, 0x8B, 0x08], damageCode: "corrupt-gzip-member"))
  }

  override func resetDecoder() { inflater = nil }

  override func decodeMore(wanted: Int) {
    if inflater != nil {
      streamStep(wanted: wanted)
    } else {
      startMember(wanted: wanted)
    }
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
    var room = 1 << 20
    while room <= Self.maxStepOutput {
      let space = reserveOutput(room)
      room = space.count
      let outcome = deflate.decompressGzipMember(input: input.bytes, output: space)
      switch outcome {
      case .success(let consumed, let produced):
        let fileStart = input.fileOffset
        commitOutput(produced)
        appendSegment(produced: produced, fileStart: fileStart, fileEnd: fileStart + consumed)
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
    inflater = ZlibInflater(windowBits: 15 + 16)
    beginSegment(fileStart: input.fileOffset)
  }

  private func streamStep(wanted: Int) {
    guard let z = inflater else { return }
    let memberStart = openSegmentFileStart
    switch streamStep(z, wanted: wanted) {
    case nil, .streamEnd?:
      inflater = nil
    case .progress?:
      break
    case .dataError(let message)? where message == "incorrect length check":
      // The CRC matched, only the size field in the trailer lies: the data is intact.
      report(
        .warning, at: memberStart, "gzip-size-mismatch",
        "the gzip member starting here has a wrong size field (ISIZE) but a correct CRC; its data is kept")
      inflater = nil
      endSegment(fileEnd: input.fileOffset)
    case .dataError(let message)?:
      abandonDamagedSegment(message)
    }
  }
}
