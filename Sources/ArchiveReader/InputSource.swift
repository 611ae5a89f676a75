import SlackscoreCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where a `FileInput`'s bytes come from: a file, or one entry of a ZIP file.
protocol InputSource: AnyObject {
  /// Reads up to `count` bytes into `buffer`; 0 at the end, a negative errno on failure.
  func read(into buffer: UnsafeMutableRawPointer, count: Int) -> Int
  /// Continues reading at `offset` of the source's bytes.
  func seek(to offset: Int)
  /// The source's length in bytes, when known.
  var size: Int? { get }
}

/// A file's bytes, or the byte range `[start, start + length)` of it (a stored ZIP entry).
final class FileSource: InputSource {
  private let fd: Int32
  private let ownsDescriptor: Bool
  private let range: Range<Int>?
  private var position = 0

  /// The whole file open at `fd` (closed in `deinit`).
  init(fd: Int32) {
    self.fd = fd
    ownsDescriptor = true
    range = nil
  }

  /// `range` of the file open at `fd` (which the caller keeps open).
  init(fd: Int32, range: Range<Int>, ownsDescriptor: Bool) {
    self.fd = fd
    self.ownsDescriptor = ownsDescriptor
    self.range = range
  }

  deinit { if ownsDescriptor { close(fd) } }

  var size: Int? {
    if let range { return range.count }
    var st = stat()
    return fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG ? Int(st.st_size) : nil
  }

  func read(into buffer: UnsafeMutableRawPointer, count: Int) -> Int {
    while true {
      let n: Int
      if let range {
        let wanted = min(count, range.count - position)
        if wanted <= 0 { return 0 }
        n = pread(fd, buffer, wanted, off_t(range.lowerBound + position))
      } else {
        n = systemRead(fd, buffer, count)
      }
      if n < 0 {
        if errno == EINTR { continue }
        return -Int(errno)
      }
      position += n
      return n
    }
  }

  func seek(to offset: Int) {
    position = offset
    if range == nil { lseek(fd, off_t(offset), SEEK_SET) }
  }
}

/// A deflated ZIP entry's bytes, inflated as they are read (raw deflate, zlib). Seeking
/// back starts again from the entry's start; memory stays bounded.
final class DeflatedSource: InputSource {
  private let compressed: FileSource
  private var inflater = ZlibInflater(windowBits: -15)
  private var pending: [UInt8] = []
  private var pendingStart = 0
  private var position = 0
  private var ended = false
  let size: Int?

  init(compressed: FileSource, uncompressedSize: Int) {
    self.compressed = compressed
    size = uncompressedSize
  }

  func read(into buffer: UnsafeMutableRawPointer, count: Int) -> Int {
    while !ended {
      if pendingStart == pending.count {
        pending = [UInt8](repeating: 0, count: 256 << 10)
        let n = pending.withUnsafeMutableBytes { compressed.read(into: $0.baseAddress!, count: $0.count) }
        if n < 0 { return n }
        pending.removeSubrange(n...)
        pendingStart = 0
        if n == 0 { return -Int(EIO) }
      }
      let step = pending.withUnsafeBytes {
        inflater.step(
          input: UnsafeRawBufferPointer(rebasing: $0[pendingStart...]),
          output: UnsafeMutableRawBufferPointer(start: buffer, count: count))
      }
      pendingStart += step.consumed
      position += step.produced
      switch step.status {
      case .streamEnd: ended = true
      case .dataError: return -Int(EIO)
      case .progress: break
      }
      if step.produced > 0 { return step.produced }
    }
    return 0
  }

  func seek(to offset: Int) {
    if offset < position {
      inflater = ZlibInflater(windowBits: -15)
      compressed.seek(to: 0)
      pending = []
      pendingStart = 0
      position = 0
      ended = false
    }
    var scratch = [UInt8](repeating: 0, count: 64 << 10)
    while position < offset {
      let n = scratch.withUnsafeMutableBytes { read(into: $0.baseAddress!, count: min($0.count, offset - position)) }
      if n <= 0 { return }
    }
  }
}

/// `read(2)` (the classes' own `read` hides it).
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
  read(fd, buffer, count)
}
