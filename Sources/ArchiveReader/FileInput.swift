import SlackscoreCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file (or ZIP entry) read through one large, reusable window: the bytes
/// `[start, end)` of `buffer` are the file's bytes from `fileOffset` on.
///
/// Owns its descriptor and buffer and frees both in `deinit`. The window only grows
/// when a caller asks for more contiguous bytes than it holds.
final class FileInput {
  let path: String
  private let source: any InputSource
  private(set) var buffer: UnsafeMutableRawPointer
  private(set) var capacity: Int
  private(set) var start = 0
  private(set) var end = 0
  /// File offset of `buffer[start]`.
  private(set) var fileOffset = 0
  /// Whether `read(2)` has returned 0 (or failed).
  private(set) var reachedEOF = false
  /// Set when a read failed with an error other than EINTR.
  private(set) var readError: Int32?

  static let defaultCapacity = 4 << 20

  /// Opens `path` for reading: a file, or an entry of a ZIP file (`crawl.wacz#archive/a.warc.gz`).
  init(path: String, capacity: Int = FileInput.defaultCapacity) throws(FileError) {
    self.path = path
    let address = ArchiveAddress(path)
    if let entry = address.entry {
      source = try ZipArchive(path: address.file).source(for: entry)
    } else {
      let fd = open(path, O_RDONLY | O_CLOEXEC)
      if fd < 0 { throw FileError(path: path, operation: "open", errno: errno) }
      var st = stat()
      if fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR {
        close(fd)
        throw FileError(path: path, operation: "read (is a directory)", errno: EISDIR)
      }
      source = FileSource(fd: fd)
    }
    self.capacity = capacity
    self.buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
  }

  deinit {
    buffer.deallocate()
  }

  /// The input's length in bytes (a ZIP entry's uncompressed size), when known.
  private(set) lazy var size: Int? = source.size

  /// Bytes buffered and not consumed.
  var count: Int { end - start }

  /// The buffered bytes.
  var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: buffer + start, count: end - start) }

  /// Marks `n` buffered bytes as used.
  func consume(_ n: Int) {
    start += n
    fileOffset += n
  }

  /// Reads until at least `minimum` bytes are buffered or the file ends. Returns whether
  /// `minimum` bytes are available.
  @discardableResult
  func fill(minimum: Int) -> Bool {
    if count >= minimum { return true }
    if reachedEOF { return false }
    if minimum > capacity { grow(to: max(minimum, capacity * 2)) }
    if start + minimum > capacity || (start > 0 && capacity - end < capacity / 4) { compact() }
    while count < minimum && !reachedEOF { readOnce() }
    return count >= minimum
  }

  /// Reads once into the free space (compacting first), whatever is buffered.
  func readMore() {
    if reachedEOF { return }
    if start > 0 { compact() }
    if end == capacity { grow(to: capacity * 2) }
    readOnce()
  }

  /// Ensures the window can hold `bytes` contiguous bytes.
  func reserve(_ bytes: Int) {
    if bytes > capacity { grow(to: bytes) }
  }

  /// Drops the buffered bytes and continues reading at `offset`.
  func seek(to offset: Int) {
    source.seek(to: offset)
    start = 0
    end = 0
    fileOffset = offset
    reachedEOF = false
  }

  /// Skips `n` bytes (buffered or not); returns how many could be skipped.
  func skip(_ n: Int) -> Int {
    if n <= count {
      consume(n)
      return n
    }
    var skipped = count
    consume(count)
    while skipped < n {
      if !fill(minimum: 1) { break }
      let step = min(count, n - skipped)
      consume(step)
      skipped += step
    }
    return skipped
  }

  private func compact() {
    if start == 0 { return }
    if end > start { memmove(buffer, buffer + start, end - start) }
    end -= start
    start = 0
  }

  private func grow(to newCapacity: Int) {
    let fresh = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 16)
    if end > start { fresh.copyMemory(from: buffer + start, byteCount: end - start) }
    buffer.deallocate()
    buffer = fresh
    end -= start
    start = 0
    capacity = newCapacity
  }

  private func readOnce() {
    if end == capacity { compact() }
    if end == capacity { grow(to: capacity * 2) }
    let n = source.read(into: buffer + end, count: capacity - end)
    if n < 0 {
      readError = Int32(-n)
      reachedEOF = true
      return
    }
    if n == 0 { reachedEOF = true }
    end += n
  }
}
