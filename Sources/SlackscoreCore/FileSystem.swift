#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Small POSIX helpers that keep Foundation out of the hot paths.
public enum FileSystem {
  /// The folder part of a path (`.` when there is none).
  public static func parent(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    if slash == path.startIndex { return "/" }
    return String(path[..<slash])
  }

  /// Whether `path` exists and is a directory.
  public static func isDirectory(_ path: String) -> Bool {
    var st = stat()
    return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
  }

  /// Whether `path` exists.
  public static func exists(_ path: String) -> Bool {
    var st = stat()
    return stat(path, &st) == 0
  }

  /// Size of a file in bytes, or nil when it cannot be read.
  public static func size(of path: String) -> Int? {
    var st = stat()
    return stat(path, &st) == 0 ? Int(st.st_size) : nil
  }

  /// `mkdir -p`.
  public static func createDirectories(_ path: String) throws(FileError) {
    if path.isEmpty || path == "." || path == "/" || isDirectory(path) { return }
    try createDirectories(parent(of: path))
    if mkdir(path, 0o755) != 0 && errno != EEXIST {
      throw FileError(path: path, operation: "create directory", errno: errno)
    }
  }

  /// The entries of a directory, sorted by name (bytewise), without `.` and `..`.
  public static func contents(of path: String) throws(FileError) -> [String] {
    guard let dir = opendir(path) else { throw FileError(path: path, operation: "list", errno: errno) }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
      let name = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
  }

  /// Reads a whole file into memory. Meant for small files (configs, CSVs, JSON Lines);
  /// archives are streamed by `ArchiveReader` instead.
  /// Writes all of `bytes` to `fd` (retrying short writes and `EINTR`).
  /// - Throws: `FileError` naming `path` with the failing `errno`.
  public static func writeAll(fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws(FileError) {
    var written = 0
    while written < bytes.count {
      let n = write(fd, bytes.baseAddress! + written, bytes.count - written)
      if n < 0 {
        if errno == EINTR { continue }
        throw FileError(path: path, operation: "write", errno: errno)
      }
      written += n
    }
  }

  /// The same for a byte array.
  public static func writeAll(fd: Int32, _ bytes: [UInt8], path: String) throws(FileError) {
    let result = bytes.withUnsafeBytes { raw in
      Result { () throws(FileError) in try writeAll(fd: fd, raw, path: path) }
    }
    try result.get()
  }

  public static func readAll(_ path: String) throws(FileError) -> [UInt8] {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    if fd < 0 { throw FileError(path: path, operation: "open", errno: errno) }
    defer { close(fd) }
    var result: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw FileError(path: path, operation: "read", errno: errno)
      }
      if n == 0 { break }
      result.append(contentsOf: chunk[0..<n])
    }
    return result
  }
}
