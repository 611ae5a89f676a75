#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An error from a file-system call, with the path and the C `errno` text.
public struct FileError: Error, CustomStringConvertible, Sendable {
  public var path: String
  public var operation: String
  public var errno: Int32

  public init(path: String, operation: String, errno: Int32) {
    self.path = path
    self.operation = operation
    self.errno = errno
  }

  public var description: String {
    "\(path): cannot \(operation): \(String(cString: strerror(errno)))"
  }
}

/// Writes a file so that readers never see it half-written: bytes go to a temporary file
/// beside the target (`NAME.tmp-PID`), which is flushed and renamed over the target on
/// `commit()`. If the writer is dropped without `commit()`, the temporary file is removed.
///
/// `path` `-` writes to standard output instead (no rename).
public final class AtomicFileWriter {
  public let path: String
  /// Where the bytes go until `commit()` (`NAME.tmp-PID`; `-` for standard output). Readable after
  /// `flush()`, so an uncommitted writer doubles as a scratch file that removes itself.
  public let temporaryPath: String
  private var fd: Int32
  private var buffer: [UInt8] = []
  private var committed = false
  private let isStandardOutput: Bool

  /// Opens the temporary file. Parent folders are created when missing.
  public init(path: String) throws(FileError) {
    self.path = path
    if path == "-" {
      isStandardOutput = true
      temporaryPath = "-"
      fd = 1
      buffer.reserveCapacity(1 << 16)
      return
    }
    isStandardOutput = false
    temporaryPath = "\(path).tmp-\(getpid())"
    try FileSystem.createDirectories(FileSystem.parent(of: path))
    fd = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    if fd < 0 { throw FileError(path: temporaryPath, operation: "create", errno: errno) }
    buffer.reserveCapacity(1 << 16)
  }

  deinit {
    if !committed && !isStandardOutput {
      close(fd)
      unlink(temporaryPath)
    }
  }

  /// Appends bytes.
  public func write(_ bytes: some Sequence<UInt8>) throws(FileError) {
    buffer.append(contentsOf: bytes)
    if buffer.count >= 1 << 16 { try flush() }
  }

  /// Appends a string as UTF-8.
  public func write(_ string: String) throws(FileError) {
    var s = string
    s.withUTF8 { buffer.append(contentsOf: $0) }
    if buffer.count >= 1 << 16 { try flush() }
  }

  /// Appends a byte array; large ones go to the file directly, without the staging copy.
  public func write(_ bytes: [UInt8]) throws(FileError) {
    guard bytes.count >= 1 << 15 else {
      buffer.append(contentsOf: bytes)
      if buffer.count >= 1 << 16 { try flush() }
      return
    }
    try flush()
    try FileSystem.writeAll(fd: fd, bytes, path: temporaryPath)
  }

  /// Writes the buffered bytes to the temporary file (or standard output).
  public func flush() throws(FileError) {
    guard !buffer.isEmpty else { return }
    defer { buffer.removeAll(keepingCapacity: true) }
    try FileSystem.writeAll(fd: fd, buffer, path: temporaryPath)
  }

  /// Flushes, syncs and renames the temporary file over the target.
  public func commit() throws(FileError) {
    try flush()
    guard !isStandardOutput else {
      committed = true
      return
    }
    if fsync(fd) != 0 { throw FileError(path: temporaryPath, operation: "sync", errno: errno) }
    close(fd)
    committed = true
    if rename(temporaryPath, path) != 0 {
      let e = errno
      unlink(temporaryPath)
      throw FileError(path: path, operation: "rename into place", errno: e)
    }
  }

  /// Writes `bytes` to `path` atomically in one call.
  public static func write(_ bytes: some Sequence<UInt8>, to path: String) throws(FileError) {
    let writer = try AtomicFileWriter(path: path)
    try writer.write(bytes)
    try writer.commit()
  }

  /// Writes `string` to `path` atomically in one call.
  public static func write(_ string: String, to path: String) throws(FileError) {
    try write(Array(string.utf8), to: path)
  }
}
