#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// JSON Lines as every stage reads them (documents.jsonl, ctas.jsonl, rejects.jsonl, labels):
/// streamed in 1 MiB chunks, so memory is bounded by the longest line allowed, not by the
/// file. One reader for the whole project.
public enum JSONLines {
  /// The longest line read by default, in bytes (a stage may ask for less).
  public static let defaultMaxLineBytes = 64 << 20

  /// Calls `body` with each non-blank line of `path` (`-`: standard input) and its 1-based number,
  /// reading 1 MiB at a time. A line longer than `maxLineBytes` is not kept in memory: `body` gets
  /// nil for it, and reading goes on after its end.
  public static func forEachLine(
    in path: String, maxLineBytes: Int = defaultMaxLineBytes, _ body: (ArraySlice<UInt8>?, Int) throws -> Void
  ) throws {
    let opened = path == "-" ? fdopen(dup(0), "rb") : fopen(path, "rb")
    guard let file = opened else { throw FileError(path: path, operation: "open", errno: errno) }
    defer { fclose(file) }
    try forEachLine(
      reading: { buffer in
        let count = fread(buffer.baseAddress, 1, buffer.count, file)
        if count == 0 && ferror(file) != 0 { throw FileError(path: path, operation: "read", errno: errno) }
        return count
      }, maxLineBytes: maxLineBytes, body)
  }

  /// The same for bytes from any source (a decompressor): `read` fills a buffer and returns how
  /// many bytes it wrote, 0 at the end.
  public static func forEachLine(
    reading read: (UnsafeMutableRawBufferPointer) throws -> Int, maxLineBytes: Int = defaultMaxLineBytes,
    _ body: (ArraySlice<UInt8>?, Int) throws -> Void
  ) throws {
    var number = 0
    var pending: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    var skipping = false  // inside a line already reported as too long
    func emit(_ line: ArraySlice<UInt8>) throws {
      number += 1
      var slice = line
      if slice.last == 0x0D { slice = slice.dropLast() }
      if !slice.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { try body(slice, number) }
    }
    while true {
      let count = try chunk.withUnsafeMutableBytes { try read($0) }
      if count == 0 { break }
      var view = chunk[0..<count]
      if skipping {
        guard let newline = view.firstIndex(of: 0x0A) else { continue }
        skipping = false
        view = view[(newline + 1)...]
      }
      pending.append(contentsOf: view)
      var start = 0
      while let newline = pending.withUnsafeBytes({ ByteSearch.index(of: 0x0A, in: $0, from: start) }) {
        if newline - start > maxLineBytes {
          number += 1
          try body(nil, number)
        } else {
          try emit(pending[start..<newline])
        }
        start = newline + 1
      }
      pending.removeFirst(start)
      if pending.count > maxLineBytes {
        number += 1
        try body(nil, number)
        pending.removeAll(keepingCapacity: false)
        skipping = true
      }
    }
    if !pending.isEmpty && !skipping { try emit(pending[...]) }
  }

}
