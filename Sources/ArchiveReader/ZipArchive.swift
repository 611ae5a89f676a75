import SlackscoreCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An open ZIP file (a WACZ): its entries, and each entry's bytes as an `InputSource`
/// (stored entries read in place, deflated ones inflated as they are read).
final class ZipArchive {
  let path: String
  let entries: [ZipDirectory.Entry]
  private let fd: Int32
  private let fileSize: Int

  /// Opens `path` and reads its central directory.
  ///
  /// - Throws: `FileError` when the file cannot be opened or its directory is unreadable
  ///   (the error's operation says what is wrong).
  init(path: String) throws(FileError) {
    self.path = path
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    if fd < 0 { throw FileError(path: path, operation: "open", errno: errno) }
    var st = stat()
    guard fstat(fd, &st) == 0 else {
      let code = errno
      close(fd)
      throw FileError(path: path, operation: "stat", errno: code)
    }
    switch ZipDirectory.read(fd: fd, fileSize: Int(st.st_size)) {
    case .success(let directory):
      entries = directory.entries
    case .failure(let failure):
      close(fd)
      throw FileError(
        path: path, operation: "read the ZIP directory (\(failure.message), offset \(failure.offset))", errno: EINVAL)
    }
    self.fd = fd
    fileSize = Int(st.st_size)
  }

  deinit { close(fd) }

  /// The bytes of the entry named `name`.
  ///
  /// - Throws: `FileError` when there is no such entry, or it is encrypted, compressed
  ///   with a method other than stored or deflate, or outside the file.
  func source(for name: String) throws(FileError) -> any InputSource {
    let display = path + "#" + name
    guard let entry = entries.first(where: { $0.name == name }) else {
      throw FileError(path: display, operation: "find the entry in the ZIP file", errno: ENOENT)
    }
    guard !entry.isEncrypted, entry.method == 0 || entry.method == 8 else {
      throw FileError(
        path: display,
        operation: "read the entry (encrypted, or compression method \(entry.method); "
          + "only stored and deflate are read)", errno: ENOTSUP)
    }
    guard let start = ZipDirectory.dataOffset(of: entry, fd: fd, fileSize: fileSize) else {
      throw FileError(path: display, operation: "find the entry's data (damaged local header)", errno: EINVAL)
    }
    let duplicate = dup(fd)
    guard duplicate >= 0 else { throw FileError(path: display, operation: "open", errno: errno) }
    let raw = FileSource(fd: duplicate, range: start..<(start + entry.compressedSize), ownsDescriptor: true)
    return entry.method == 0 ? raw : DeflatedSource(compressed: raw, uncompressedSize: entry.uncompressedSize)
  }
}
