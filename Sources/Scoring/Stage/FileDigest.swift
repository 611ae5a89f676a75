public import SlackscoreCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// SHA-256 of a file, streamed in 1 MiB chunks: memory stays at one chunk whatever the
/// file size (archives can be many GB).
public enum FileDigest {
  public static func sha256(_ path: String) throws(FileError) -> (hex: String, bytes: Int) {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    if fd < 0 { throw FileError(path: path, operation: "open", errno: errno) }
    defer { close(fd) }
    var hasher = ContentDigest.Hasher(.sha256)
    var total = 0
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw FileError(path: path, operation: "read", errno: errno)
      }
      if n == 0 { break }
      chunk.withUnsafeBytes { hasher.update(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
      total += n
    }
    return (hasher.finalize().hex, total)
  }
}
