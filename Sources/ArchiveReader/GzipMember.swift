import CZlib

/// Compresses a buffer into exactly one complete gzip member (RFC 1952), the unit WARC
/// files use per record so that readers can seek to any record and a torn tail costs
/// only the last member.
public enum GzipMember {
  /// The gzip member holding `bytes`. `level` is zlib's 0...9 (6 is zlib's default).
  public static func compress(_ bytes: [UInt8], level: Int32 = 6) -> [UInt8] {
    deflate(bytes, windowBits: 15 + 16, level: level)
  }

  /// `bytes` compressed with zlib's deflate in one go: `windowBits` 15 + 16 makes a gzip
  /// member, 15 a zlib stream, -15 raw deflate (what `Content-Encoding` variants carry).
  public static func deflate(_ bytes: [UInt8], windowBits: Int32, level: Int32 = 6) -> [UInt8] {
    var stream = z_stream()
    guard czlib_deflate_init2(&stream, level, windowBits) == Z_OK else {
      preconditionFailure("zlib deflateInit2 failed: out of memory or a bad windowBits")
    }
    defer { deflateEnd(&stream) }
    let bound = Int(deflateBound(&stream, uLong(bytes.count))) + 32
    var output = [UInt8](repeating: 0, count: bound)
    var input = bytes
    let produced = input.withUnsafeMutableBufferPointer { inBuffer in
      output.withUnsafeMutableBufferPointer { outBuffer in
        stream.next_in = inBuffer.baseAddress
        stream.avail_in = uInt(inBuffer.count)
        stream.next_out = outBuffer.baseAddress
        stream.avail_out = uInt(outBuffer.count)
        let status = CZlib.deflate(&stream, Z_FINISH)
        precondition(status == Z_STREAM_END, "zlib deflate with a deflateBound-sized buffer did not finish")
        return outBuffer.count - Int(stream.avail_out)
      }
    }
    output.removeSubrange(produced...)
    return output
  }
}
