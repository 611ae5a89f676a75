import SlackscoreCore

/// The decompressed bytes of a `.warc.zst` file (the IIPC WARC zstd profile: one zstd
/// frame per record), frame after frame, as one logical stream.
///
/// A dictionary in a skippable frame with magic `0x184D2A5D` at the start of the file is
/// loaded first (zstd-compressed or not) and used for every frame. Frames are streamed
/// with libzstd, so memory stays bounded by the windows whatever the file size; a record's
/// offset is the start of the frame it starts in, like a gzip member's.
final class ZstdFrameReader: SegmentedStream {
  private let zstd = ZstdDecompressor()
  private var inFrame = false

  /// A zstd frame: `28 b5 2f fd`.
  static let frameMagic: [UInt8] = [0x28, 0xB5, 0x2F, 0xFD]
  /// The WARC zstd profile's dictionary frame: skippable frame `0x184D2A5D`.
  static let dictionaryMagic: [UInt8] = [0x5D, 0x2A, 0x4D, 0x18]
  /// Largest dictionary accepted (compressed or not); bigger ones are reported and not used.
  static let maxDictionaryBytes = 32 << 20
  /// Refill the input window when fewer bytes than this remain.
  private static let refillWatermark = 1 << 20

  /// Starts reading at `input`'s current position; loads the dictionary when the file starts with one.
  init(input: FileInput, diagnostics: DiagnosticCollector) {
    super.init(
      input: input, diagnostics: diagnostics,
      kind: Kind(
        format: "zstd", unit: "zstd frame", magic: ZstdFrameReader.frameMagic, damageCode: "corrupt-zstd-frame"))
    input.fill(minimum: 8)
    if input.fileOffset == 0 && Self.hasMagic(input.bytes, at: 0, Self.dictionaryMagic) { loadDictionary() }
  }

  /// Whether `bytes` start like a `.warc.zst` file (a zstd frame or the dictionary frame).
  static func looksLikeZstd(_ bytes: UnsafeRawBufferPointer) -> Bool {
    hasMagic(bytes, at: 0, frameMagic) || hasMagic(bytes, at: 0, dictionaryMagic)
  }

  override func resetDecoder() {
    zstd.resetFrame()
    inFrame = false
  }

  override func decodeMore(wanted: Int) {
    if input.count < Self.refillWatermark && !input.reachedEOF { input.fill(minimum: Self.refillWatermark) }
    if !inFrame {
      if input.count == 0 {
        finished = true
        return
      }
      let bytes = input.bytes
      if Self.isSkippableFrame(bytes) {
        // Skippable frames (`0x184D2A5?`: metadata, a dictionary not at the start) give no output.
        input.fill(minimum: 8)
        let size = Self.frameSizeField(input.bytes)
        if input.skip(8 + size) < 8 + size { finished = true }
        return
      }
      guard Self.hasMagic(bytes, at: 0, Self.frameMagic) else {
        handleTrailingBytes()
        return
      }
      beginSegment(fileStart: input.fileOffset)
      inFrame = true
    }
    switch streamStep(zstd, wanted: wanted) {
    case nil, .streamEnd?:
      resetDecoder()
    case .progress?:
      break
    case .dataError(let message)?:
      abandonDamagedSegment(message)
    }
  }

  /// The little-endian size after a skippable frame's magic (0 when cut short).
  private static func frameSizeField(_ bytes: UnsafeRawBufferPointer) -> Int {
    guard bytes.count >= 8 else { return 0 }
    return Int(bytes[4]) | Int(bytes[5]) << 8 | Int(bytes[6]) << 16 | Int(bytes[7]) << 24
  }

  private static func isSkippableFrame(_ bytes: UnsafeRawBufferPointer) -> Bool {
    bytes.count >= 4 && bytes[0] & 0xF0 == 0x50 && bytes[1] == 0x2A && bytes[2] == 0x4D && bytes[3] == 0x18
  }

  /// Reads the dictionary frame at the start of the file and loads it; problems are
  /// reported, and reading goes on after the frame without a dictionary.
  private func loadDictionary() {
    let bytes = input.bytes
    guard bytes.count >= 8 else { return }
    let size = Self.frameSizeField(bytes)
    guard size <= Self.maxDictionaryBytes else {
      report(
        .error, at: 0, "zstd-dictionary-unusable",
        "the dictionary frame says \(size) bytes, over the \(Self.maxDictionaryBytes)-byte limit; it is skipped, "
          + "and the frames that need it are rejected")
      _ = input.skip(8 + size)
      return
    }
    guard input.fill(minimum: 8 + size) else {
      report(.error, at: 0, "zstd-dictionary-unusable", "the file ends inside the dictionary frame")
      input.consume(input.count)
      return
    }
    let content = UnsafeRawBufferPointer(rebasing: input.bytes[8..<(8 + size)])
    var failure: String?
    if Self.hasMagic(content, at: 0, Self.frameMagic) {
      switch decompressDictionary(content) {
      case .success(let dictionary): failure = dictionary.withUnsafeBytes { zstd.useDictionary($0) }
      case .failure(let error): failure = error.message
      }
    } else {
      failure = zstd.useDictionary(content)
    }
    if let failure {
      report(
        .error, at: 0, "zstd-dictionary-unusable",
        "the dictionary at the start of the file cannot be used (\(failure)); the frames that need it are rejected")
    }
    input.consume(8 + size)
  }

  private struct DictionaryError: Error {
    var message: String
  }

  /// The zstd-compressed dictionary `frame` decompressed, up to `maxDictionaryBytes`.
  private func decompressDictionary(_ frame: UnsafeRawBufferPointer) -> Result<[UInt8], DictionaryError> {
    let decoder = ZstdDecompressor()
    var dictionary: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    var offset = 0
    while true {
      let step = chunk.withUnsafeMutableBytes {
        decoder.step(input: UnsafeRawBufferPointer(rebasing: frame[offset...]), output: $0)
      }
      offset += step.consumed
      dictionary += chunk[..<step.produced]
      if dictionary.count > Self.maxDictionaryBytes {
        return .failure(DictionaryError(message: "over \(Self.maxDictionaryBytes) bytes decompressed"))
      }
      switch step.status {
      case .streamEnd: return .success(dictionary)
      case .dataError(let message): return .failure(DictionaryError(message: message))
      case .progress:
        if step.consumed == 0 && step.produced == 0 {
          return .failure(DictionaryError(message: "the compressed dictionary is cut short"))
        }
      }
    }
  }
}
