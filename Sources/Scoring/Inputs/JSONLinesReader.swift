import SlackscoreCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a JSON Lines file in chunks, one line at a time, so that memory is bounded by the
/// longest line allowed, not by the file: a line longer than `maxLineBytes` is skipped
/// (reported through `tooLong`) and the rest of the file is read.
enum JSONLinesReader {
  /// Largest line score reads from documents.jsonl or ctas.jsonl, in bytes. A parsed page
  /// is far smaller (parse caps a page at 32 MiB of HTML, its text is a fraction of that).
  static let maxLineBytes = 16 << 20

  static func forEachLine(
    in path: String, maxLineBytes: Int = maxLineBytes, _ body: (ArraySlice<UInt8>, Int) throws -> Void,
    tooLong: (_ line: Int, _ bytes: Int) -> Void
  ) throws {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    if fd < 0 { throw FileError(path: path, operation: "open", errno: errno) }
    defer { close(fd) }
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    var line: [UInt8] = []
    var number = 0
    var skipping = 0  // bytes of an over-long line seen so far (0: not skipping)
    func finish() throws {
      number += 1
      if skipping > 0 {
        tooLong(number, skipping)
        skipping = 0
        return
      }
      var slice = line[...]
      if slice.last == 0x0D { slice = slice.dropLast() }
      if !slice.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { try body(slice, number) }
      line.removeAll(keepingCapacity: line.capacity <= 1 << 22)
    }
    while true {
      let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw FileError(path: path, operation: "read", errno: errno)
      }
      if n == 0 { break }
      var start = 0
      while start < n {
        let newline = chunk[start..<n].firstIndex(of: 0x0A)
        let end = newline ?? n
        if skipping > 0 {
          skipping += end - start
        } else if line.count + (end - start) > maxLineBytes {
          skipping = line.count + (end - start)
          line.removeAll()
        } else {
          line.append(contentsOf: chunk[start..<end])
        }
        if newline != nil { try finish() }
        start = end + 1
      }
    }
    if !line.isEmpty || skipping > 0 { try finish() }
  }
}
