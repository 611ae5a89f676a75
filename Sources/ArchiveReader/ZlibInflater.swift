import CZlib

/// Owns one zlib inflate stream (freed in `deinit`).
///
/// `windowBits` follows zlib: 15 + 16 for gzip, 15 + 32 for gzip or zlib (auto),
/// 15 for zlib, -15 for raw deflate.
final class ZlibInflater: StreamDecoder {
  private var stream = z_stream()
  private var initialised = false
  let windowBits: Int32

  init(windowBits: Int32) {
    self.windowBits = windowBits
    initialised = czlib_inflate_init2(&stream, windowBits) == Z_OK
  }

  deinit {
    if initialised { inflateEnd(&stream) }
  }

  /// Forgets the current stream so the next `step` starts a new one.
  func reset() {
    if initialised { inflateReset(&stream) }
  }

  /// Inflates from `input` into `output` as far as both allow.
  func step(input: UnsafeRawBufferPointer, output: UnsafeMutableRawBufferPointer) -> DecodeStep {
    guard initialised else { return DecodeStep(consumed: 0, produced: 0, status: .dataError("zlib init failed")) }
    let inCount = min(input.count, Int(UInt32.max))
    let outCount = min(output.count, Int(UInt32.max))
    stream.next_in = UnsafeMutablePointer(
      mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
    stream.avail_in = uInt(inCount)
    stream.next_out = output.baseAddress?.assumingMemoryBound(to: Bytef.self)
    stream.avail_out = uInt(outCount)
    let code = inflate(&stream, Z_NO_FLUSH)
    let consumed = inCount - Int(stream.avail_in)
    let produced = outCount - Int(stream.avail_out)
    switch code {
    case Z_STREAM_END:
      return DecodeStep(consumed: consumed, produced: produced, status: .streamEnd)
    case Z_OK, Z_BUF_ERROR:
      return DecodeStep(consumed: consumed, produced: produced, status: .progress)
    default:
      let message = stream.msg.map { String(cString: $0) } ?? "zlib error \(code)"
      return DecodeStep(consumed: consumed, produced: produced, status: .dataError(message))
    }
  }
}
