import Foundation
import SlackscoreCore

/// The documents score reads, by their place in the input, and their ids. Either held in memory
/// (documents given to ``ScoreInputs``), or spilled to a scratch file (``RecordSpill``) with
/// only the ids and file offsets in memory: what ``ScoreStage`` does with documents.jsonl, so
/// that score's memory does not grow with each document's URLs, counters and links. The scorer
/// reads documents back in batches when a step needs them (matching, discovery, a campaign's
/// members) and lets them go; it never holds them all.
final class ScoreDocuments: @unchecked Sendable {
  /// The id of every document, in input order, indexed.
  let index: IDIndex
  /// The id of every document, in input order.
  var ids: [String] { index.ids }
  /// Places of the documents ordered by (id, place).
  var byID: [Int] { index.order }
  // Immutable after init; the spill is read with pread, safe from any thread.
  private let inMemory: [Document]?
  private let spill: RecordSpill?

  /// Documents held in memory.
  init(_ documents: [Document]) {
    index = IDIndex(documents.map(\.id))
    inMemory = documents
    spill = nil
  }

  /// Documents written to `spill` (finished), whose ids are `ids`.
  init(spill: RecordSpill, ids: [String]) {
    index = IDIndex(ids)
    inMemory = nil
    self.spill = spill
  }

  /// The first place (in the input) of a document whose id is `id`, nil when none has it.
  func firstIndex(of id: String) -> Int? { index.firstPlace(of: id) }

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
      decoder.decode(Document.self, spill, indices[i])
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
}
