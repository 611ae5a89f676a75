import CZstd

/// Owns one zstd decompression context (freed in `deinit`), streamed frame by frame.
///
/// The window a frame may ask for is capped by libzstd's default (`ZSTD_WINDOWLOG_LIMIT_DEFAULT`,
/// 128 MiB): a frame that wants more is an error, so memory stays bounded whatever the file says.
final class ZstdDecompressor: StreamDecoder {
  private let context: OpaquePointer?

  init() {
    context = ZSTD_createDCtx()
  }

  deinit {
    if let context { ZSTD_freeDCtx(context) }
  }

  /// Forgets the frame being decoded (the dictionary stays loaded).
  func resetFrame() {
    if let context { ZSTD_DCtx_reset(context, ZSTD_reset_session_only) }
  }

  /// Uses `dictionary` (a zstd dictionary or raw content) for every following frame.
  /// Returns libzstd's error message, or nil on success.
  func useDictionary(_ dictionary: UnsafeRawBufferPointer) -> String? {
    guard let context else { return "zstd context allocation failed" }
    let code = ZSTD_DCtx_loadDictionary(context, dictionary.baseAddress, dictionary.count)
    return ZSTD_isError(code) != 0 ? String(cString: ZSTD_getErrorName(code)) : nil
  }

  /// Decompresses from `input` into `output` as far as both allow, stopping at the end of a frame.
  func step(input: UnsafeRawBufferPointer, output: UnsafeMutableRawBufferPointer) -> DecodeStep {
    guard let context else {
      return DecodeStep(consumed: 0, produced: 0, status: .dataError("zstd context allocation failed"))
    }
    var inBuffer = ZSTD_inBuffer(src: input.baseAddress, size: input.count, pos: 0)
    var outBuffer = ZSTD_outBuffer(dst: output.baseAddress, size: output.count, pos: 0)
    let code = ZSTD_decompressStream(context, &outBuffer, &inBuffer)
    if ZSTD_isError(code) != 0 {
      return DecodeStep(
        consumed: inBuffer.pos, produced: outBuffer.pos, status: .dataError(String(cString: ZSTD_getErrorName(code))))
    }
    return DecodeStep(consumed: inBuffer.pos, produced: outBuffer.pos, status: code == 0 ? .streamEnd : .progress)
  }
}
