import CZlib
public import SlackscoreCore

#if canImport(Glibc)
  import Glibc
#endif

/// Why a gzip stream stopped before its end.
public enum GzipMemberError: Error, Equatable, Sendable {
  /// The file ends inside a member (a torn write).
  case truncated(offset: Int)
  /// The bytes at `offset` are not a valid gzip member.
  case corrupt(offset: Int, reason: String)
}

/// One gzip member of a file: where it starts, how many compressed bytes it takes and
/// (a prefix of) what it decompresses to.
public struct GzipMemberSlice: Sendable {
  /// Byte offset of the member in the file.
  public var offset: Int
  /// Compressed length of the member.
  public var length: Int
  /// The decompressed bytes, or their first `keepLimit` bytes.
  public var bytes: [UInt8]
  /// Full decompressed length (also when `bytes` is only a prefix).
  public var decompressedLength: Int
}

/// Reads a multi-member gzip file one member at a time, streaming (constant memory apart
/// from the kept bytes). It owns a zlib inflate stream and frees it in `deinit`.
public final class GzipMemberReader {
  private let fd: Int32
  private let path: String
  private var stream = z_stream()
  private var input: [UInt8]
  private var inputStart = 0
  private var inputEnd = 0
  private var fileOffsetOfInputStart = 0
  private var atEOF = false
  private var output = [UInt8](repeating: 0, count: 1 << 16)

  /// Opens `path` for reading.
  public init(path: String, chunkSize: Int = 1 << 20) throws(FileError) {
    self.path = path
    fd = open(path, O_RDONLY | O_CLOEXEC)
    if fd < 0 { throw FileError(path: path, operation: "open", errno: errno) }
    input = [UInt8](repeating: 0, count: chunkSize)
    guard czlib_inflate_init2(&stream, 15 + 16) == Z_OK else {
      close(fd)
      preconditionFailure("zlib inflateInit2 failed: out of memory")
    }
  }

  deinit {
    inflateEnd(&stream)
    close(fd)
  }

  /// The next member, or nil at a clean end of file. `keepLimit` caps how many
  /// decompressed bytes are kept (the member is still inflated to its end).
  public func next(keepLimit: Int = .max) throws -> GzipMemberSlice? {
    if inputStart == inputEnd { try refill() }
    if inputStart == inputEnd { return nil }
    let memberOffset = fileOffsetOfInputStart + inputStart
    inflateReset(&stream)
    var kept: [UInt8] = []
    var total = 0
    var compressed = 0
    while true {
      if inputStart == inputEnd {
        try refill()
        if inputStart == inputEnd { throw GzipMemberError.truncated(offset: memberOffset) }
      }
      let available = inputEnd - inputStart
      var status: Int32 = Z_OK
      var produced = 0
      var consumed = 0
      input.withUnsafeMutableBufferPointer { inBuffer in
        output.withUnsafeMutableBufferPointer { outBuffer in
          stream.next_in = inBuffer.baseAddress! + inputStart
          stream.avail_in = uInt(available)
          stream.next_out = outBuffer.baseAddress
          stream.avail_out = uInt(outBuffer.count)
          status = inflate(&stream, Z_NO_FLUSH)
          consumed = available - Int(stream.avail_in)
          produced = outBuffer.count - Int(stream.avail_out)
        }
      }
      inputStart += consumed
      compressed += consumed
      total += produced
      if kept.count < keepLimit && produced > 0 {
        kept.append(contentsOf: output[0..<min(produced, keepLimit - kept.count)])
      }
      switch status {
      case Z_STREAM_END:
        return GzipMemberSlice(offset: memberOffset, length: compressed, bytes: kept, decompressedLength: total)
      case Z_OK, Z_BUF_ERROR:
        continue
      default:
        let reason = stream.msg.map { String(cString: $0) } ?? "zlib status \(status)"
        throw GzipMemberError.corrupt(offset: memberOffset, reason: reason)
      }
    }
  }

  private func refill() throws(FileError) {
    if atEOF { return }
    if inputStart < inputEnd {
      // Keep the unread tail at the front.
      input.replaceSubrange(0..<(inputEnd - inputStart), with: input[inputStart..<inputEnd])
    }
    fileOffsetOfInputStart += inputStart
    inputEnd -= inputStart
    inputStart = 0
    while inputEnd < input.count {
      let n = input.withUnsafeMutableBytes { read(fd, $0.baseAddress! + inputEnd, $0.count - inputEnd) }
      if n < 0 {
        if errno == EINTR { continue }
        throw FileError(path: path, operation: "read", errno: errno)
      }
      if n == 0 {
        atEOF = true
        break
      }
      inputEnd += n
    }
  }
}
