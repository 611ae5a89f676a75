import Foundation
import SlackscoreCore
import Synchronization

/// Records (documents, calls to action) written to a scratch file (`score-KIND-N.tmp-PID` in a
/// folder, N counting the process's spills; removed when the spill is dropped, and a killed run's
/// by the next run's `StaleTemporaries`), one JSON value each, and read back by index.
final class RecordSpill: @unchecked Sendable {
  private let file: AtomicFileWriter
  // Written on one thread until `finish()`; read-only (pread) afterwards.
  private var readFD: Int32 = -1
  private var ends: [Int] = []

  /// A new, empty spill of `kind` (a word for the file name: `documents`, `ctas`) in `folder`.
  init(folder: String, kind: String) throws(FileError) {
    file = try AtomicFileWriter(path: folder + "/score-\(kind)-\(Self.made.add(1, ordering: .relaxed).oldValue)")
  }

  /// An encoder for the records of a spill: plain JSON with the types' own key names (no
  /// snake-case conversion, which would cost a key rewrite for every field read back).
  static func encoder() -> JSONEncoder { JSONEncoder() }

  /// Spills made by this process so far (several scores may run at once, as tests do).
  private static let made = Atomic<Int>(0)

  deinit {
    if readFD >= 0 { close(readFD) }
  }

  /// How many records were appended.
  var count: Int { ends.count }

  /// Appends one record's bytes.
  func append(_ bytes: [UInt8]) throws(FileError) {
    try file.write(bytes)
    ends.append((ends.last ?? 0) + bytes.count)
  }

  /// Ends writing; records can be read from now on.
  func finish() throws(FileError) {
    try file.flush()
    readFD = open(file.temporaryPath, O_RDONLY | O_CLOEXEC)
    if readFD < 0 { throw FileError(path: file.temporaryPath, operation: "open for reading", errno: errno) }
  }

  /// The bytes of record `index`.
  func bytes(_ index: Int) -> [UInt8] {
    let start = index == 0 ? 0 : ends[index - 1]
    let count = ends[index] - start
    var bytes = [UInt8](repeating: 0, count: count)
    var done = 0
    while done < count {
      let n = bytes.withUnsafeMutableBytes { pread(readFD, $0.baseAddress! + done, count - done, off_t(start + done)) }
      if n <= 0 {
        if n < 0 && errno == EINTR { continue }
        fatalError("score: cannot read record \(index) back from \(file.temporaryPath) (errno \(errno))")
      }
      done += n
    }
    return bytes
  }
}

/// A JSON decoder for one thread, for records read back from a ``RecordSpill``.
struct SpillDecoder: @unchecked Sendable {
  // Used only by the thread that made it. Plain keys, as ``RecordSpill/encoder()`` writes them.
  private let decoder = JSONDecoder()

  /// Record `index` of `spill`, decoded. The spill holds what this process encoded a moment
  /// ago: a record that does not decode is a broken invariant, not bad input.
  func decode<T: Decodable>(_ type: T.Type, _ spill: RecordSpill, _ index: Int) -> T {
    do {
      return try decoder.decode(T.self, from: Data(spill.bytes(index)))
    } catch {
      fatalError("score: record \(index) read back from its scratch file does not decode as \(T.self): \(error)")
    }
  }
}
