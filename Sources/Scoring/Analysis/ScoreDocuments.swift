import Foundation
import SlackscoreCore
import Synchronization

/// The documents score reads, by their place in the input, and their ids. Either held in memory
/// (documents given to ``ScoreInputs``), or spilled to a scratch file (``DocumentSpill``) with
/// only the ids and file offsets in memory: what ``ScoreStage`` does with documents.jsonl, so
/// that score's memory does not grow with each document's URLs, counters and links. The scorer
/// reads documents back in batches when a step needs them (matching, discovery, a campaign's
/// members) and lets them go; it never holds them all.
final class ScoreDocuments: @unchecked Sendable {
  /// The id of every document, in input order.
  let ids: [String]
  // Immutable after init; the spill is read with pread, safe from any thread.
  private let inMemory: [Document]?
  private let spill: DocumentSpill?

  /// Documents held in memory.
  init(_ documents: [Document]) {
    ids = documents.map(\.id)
    inMemory = documents
    spill = nil
  }

  /// Documents written to `spill` (finished), whose ids are `ids`.
  init(spill: DocumentSpill, ids: [String]) {
    self.ids = ids
    inMemory = nil
    self.spill = spill
  }

  /// How many documents.
  var count: Int { ids.count }

  /// Every document, in input order (read back from the spill when spilled).
  var all: [Document] { inMemory ?? documents(Array(ids.indices)) }

  /// Documents `indices` (places in the input), in that order.
  func documents(_ indices: [Int]) -> [Document] {
    if let inMemory { return indices.map { inMemory[$0] } }
    guard let spill else { return [] }
    return ParallelMap.map(indices.count, jobs: 0, state: SpillDecoder(), replica: { _ in SpillDecoder() }) {
      i, decoder in
      decoder.decode(spill.bytes(indices[i]), index: indices[i])
    }
  }

  /// Calls `body` with each of documents `indices` and its position in `indices`, in that order,
  /// reading at most ``batch`` documents at a time.
  func forEach(_ indices: [Int], _ body: (Int, Document) -> Void) {
    var start = 0
    while start < indices.count {
      let end = min(indices.count, start + Self.batch)
      for (offset, doc) in documents(Array(indices[start..<end])).enumerated() { body(start + offset, doc) }
      start = end
    }
  }

  /// Documents read back from the spill at a time by ``forEach(_:_:)``.
  static let batch = 4096

  /// A JSON decoder for one thread.
  private struct SpillDecoder: @unchecked Sendable {
    // Used only by the thread that made it.
    let decoder = JSONCoding.decoder()

    func decode(_ bytes: [UInt8], index: Int) -> Document {
      do {
        return try decoder.decode(Document.self, from: Data(bytes))
      } catch {
        // The spill holds what this process encoded a moment ago: not input, a broken invariant.
        fatalError("score: document \(index) read back from its scratch file does not decode: \(error)")
      }
    }
  }
}

/// Documents written to a scratch file (`score-documents-N.tmp-PID` in a folder, N counting the
/// process's spills; removed when the spill is dropped, and a killed run's by the next run's
/// `StaleTemporaries`), one JSON value each, and read back by index.
final class DocumentSpill: @unchecked Sendable {
  private let file: AtomicFileWriter
  // Written on one thread until `finish()`; read-only (pread) afterwards.
  private var readFD: Int32 = -1
  private var ends: [Int] = []

  /// A new, empty spill in `folder`.
  init(folder: String) throws(FileError) {
    file = try AtomicFileWriter(path: folder + "/score-documents-\(Self.made.add(1, ordering: .relaxed).oldValue)")
  }

  /// Spills made by this process so far (several scores may run at once, as tests do).
  private static let made = Atomic<Int>(0)

  deinit {
    if readFD >= 0 { close(readFD) }
  }

  /// Appends one document's bytes.
  func append(_ bytes: [UInt8]) throws(FileError) {
    try file.write(bytes)
    ends.append((ends.last ?? 0) + bytes.count)
  }

  /// Ends writing; documents can be read from now on.
  func finish() throws(FileError) {
    try file.flush()
    readFD = open(file.temporaryPath, O_RDONLY | O_CLOEXEC)
    if readFD < 0 { throw FileError(path: file.temporaryPath, operation: "open for reading", errno: errno) }
  }

  /// The bytes of document `index`.
  func bytes(_ index: Int) -> [UInt8] {
    let start = index == 0 ? 0 : ends[index - 1]
    let count = ends[index] - start
    var bytes = [UInt8](repeating: 0, count: count)
    var done = 0
    while done < count {
      let n = bytes.withUnsafeMutableBytes { pread(readFD, $0.baseAddress! + done, count - done, off_t(start + done)) }
      if n <= 0 {
        if n < 0 && errno == EINTR { continue }
        fatalError("score: cannot read document \(index) back from \(file.temporaryPath) (errno \(errno))")
      }
      done += n
    }
    return bytes
  }
}
