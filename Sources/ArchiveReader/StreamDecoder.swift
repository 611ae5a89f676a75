/// A streaming decompressor (zlib, zstd): decodes as far as its input and output allow,
/// stopping at the end of a compressed stream (a gzip member, a zstd frame).
protocol StreamDecoder: AnyObject {
  /// Decodes from `input` into `output`.
  func step(input: UnsafeRawBufferPointer, output: UnsafeMutableRawBufferPointer) -> DecodeStep
}

/// What one decoding step did.
struct DecodeStep {
  /// How a step ended.
  enum Status {
    /// More input or output room is needed.
    case progress
    /// The compressed stream (gzip member, zstd frame) ended and its output is all written.
    case streamEnd
    /// The data is not valid; the message is the library's.
    case dataError(String)
  }

  var consumed: Int
  var produced: Int
  var status: Status
}
