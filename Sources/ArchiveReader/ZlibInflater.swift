import CZlib

/// Owns one zlib inflate stream (freed in `deinit`).
///
/// `windowBits` follows zlib: 15 + 16 for gzip, 15 + 32 for gzip or zlib (auto),
/// 15 for zlib, -15 for raw deflate.
final class ZlibInflater {
  private var stream = z_stream()
  private var initialised = false
  let windowBits: Int32

  /// What one `inflate` step did.
  struct Step {
    var consumed: Int
    var produced: Int
    var status: Status
  }

  /// How a step ended.
  enum Status {
    /// More input or output room is needed.
    case progress
    /// The compressed stream (one gzip member) ended.
    case streamEnd
    /// The data is not valid compressed data; the message is zlib's.
    case dataError(String)
  }

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
  func step(input: UnsafeRawBufferPointer, output: UnsafeMutableRawBufferPointer) -> Step {
    guard initialised else { return Step(consumed: 0, produced: 0, status: .dataError("zlib init failed")) }
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
      return Step(consumed: consumed, produced: produced, status: .streamEnd)
    case Z_OK, Z_BUF_ERROR:
      return Step(consumed: consumed, produced: produced, status: .progress)
    default:
      let message = stream.msg.map { String(cString: $0) } ?? "zlib error \(code)"
      return Step(consumed: consumed, produced: produced, status: .dataError(message))
    }
  }
}
