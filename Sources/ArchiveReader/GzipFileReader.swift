public import SlackscoreCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a gzip file (one member or several, as written in pieces) as a stream of its
/// uncompressed bytes, 1 MiB of input at a time: memory stays bounded whatever the file size.
public final class GzipFileReader {
  public let path: String
  private let fd: Int32
  private let inflater = ZlibInflater(windowBits: 15 + 16)
  private var input = [UInt8](repeating: 0, count: 1 << 20)
  private var inputStart = 0
  private var inputEnd = 0
  private var inputOffset = 0
  private var atEnd = false
  private var inMember = false

  /// Opens `path`.
  public init(path: String) throws(FileError) {
    self.path = path
    fd = open(path, O_RDONLY | O_CLOEXEC)
    if fd < 0 { throw FileError(path: path, operation: "open", errno: errno) }
  }

  deinit { close(fd) }

  /// Fills `buffer` with the next uncompressed bytes and returns how many; 0 at the end of the
  /// file. Throws on damage (naming the compressed offset) and on a file cut inside a member.
  public func read(into buffer: UnsafeMutableRawBufferPointer) throws(FileError) -> Int {
    while true {
      if inputStart == inputEnd && !atEnd { try refill() }
      if inputStart == inputEnd && atEnd {
        if inMember {
          throw FileError(path: path, operation: "decompress (the file ends inside a gzip member)", errno: EIO)
        }
        return 0
      }
      let step = input.withUnsafeBytes { bytes in
        inflater.step(input: UnsafeRawBufferPointer(rebasing: bytes[inputStart..<inputEnd]), output: buffer)
      }
      inputStart += step.consumed
      inMember = true
      switch step.status {
      case .streamEnd:
        inflater.reset()
        inMember = false
      case .dataError(let message):
        throw FileError(
          path: path, operation: "decompress (\(message) near byte \(inputOffset + inputStart))", errno: EIO)
      case .progress:
        break
      }
      if step.produced > 0 { return step.produced }
    }
  }

  private func refill() throws(FileError) {
    inputOffset += inputEnd
    inputStart = 0
    inputEnd = 0
    while true {
      let n = input.withUnsafeMutableBytes { systemRead(fd, $0) }
      if n < 0 && errno == EINTR { continue }
      if n < 0 { throw FileError(path: path, operation: "read", errno: errno) }
      if n == 0 { atEnd = true }
      inputEnd = n
      return
    }
  }
}

extension JSONLines {
  /// Calls `body` with each non-blank line of the gzip file at `path` and its 1-based number,
  /// as ``JSONLines/forEachLine(in:maxLineBytes:_:)`` does for a plain file.
  public static func forEachLine(
    inGzip path: String, maxLineBytes: Int = defaultMaxLineBytes, _ body: (ArraySlice<UInt8>?, Int) throws -> Void
  ) throws {
    let reader = try GzipFileReader(path: path)
    try forEachLine(reading: { try reader.read(into: $0) }, maxLineBytes: maxLineBytes, body)
  }
}

/// `read(2)`, under a name the reader's own `read` does not hide.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer) -> Int {
  read(fd, buffer.baseAddress, buffer.count)
}
