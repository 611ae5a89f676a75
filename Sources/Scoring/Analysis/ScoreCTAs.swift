import Foundation
import SlackscoreCore

/// The calls to action score reads, found by document id. Either held in memory (calls to action
/// given to ``ScoreInputs``), or spilled to a scratch file (``RecordSpill``) by ``ScoreStage``,
/// with 16 bytes a call to action in memory (its document, its place in the spill and where it
/// ends there), so that score's memory does not grow with the sentences, targets and ids of every
/// call to action.
/// A document's calls to action are read back when a step asks for them, and let go.
final class ScoreCTAs: @unchecked Sendable {
  /// Calls to action read (boilerplate included).
  let count: Int
  /// Calls to action marked boilerplate.
  let boilerplate: Int
  /// Calls to action whose document id is not among the documents.
  let withoutDocument: Int
  // Immutable after init; the spill is read with pread, safe from any thread.
  private let documents: ScoreDocuments
  private let inMemory: [CallToAction]?
  private let spill: RecordSpill?
  /// The document of each call to action that has one (its id's first place among `documents`),
  /// ascending, and the call to action's place (in `inMemory` or `spill`) beside it.
  private let documentOf: [Int32]
  private let record: [Int32]

  /// Calls to action held in memory, found among `documents`.
  convenience init(_ ctas: [CallToAction], documents: ScoreDocuments) {
    self.init(
      documents: documents, inMemory: ctas, spill: nil, documentOf: ctas.map { documents.firstIndex(of: $0.docId) },
      boilerplate: ctas.filter(\.boilerplate).count)
  }

  /// Calls to action written to `spill` (finished); `documentOf[i]` is the place among
  /// `documents` of record i's document id (``ScoreDocuments/firstIndex(of:)``), nil when none.
  convenience init(spill: RecordSpill, documentOf: [Int?], boilerplate: Int, documents: ScoreDocuments) {
    self.init(documents: documents, inMemory: nil, spill: spill, documentOf: documentOf, boilerplate: boilerplate)
  }

  private init(
    documents: ScoreDocuments, inMemory: [CallToAction]?, spill: RecordSpill?, documentOf: [Int?], boilerplate: Int
  ) {
    var pairs: [(document: Int32, record: Int32)] = []
    pairs.reserveCapacity(documentOf.count)
    for (record, document) in documentOf.enumerated() {
      if let document { pairs.append((Int32(document), Int32(record))) }
    }
    pairs.sort { ($0.document, $0.record) < ($1.document, $1.record) }
    self.documents = documents
    self.inMemory = inMemory
    self.spill = spill
    self.documentOf = pairs.map(\.document)
    self.record = pairs.map(\.record)
    count = documentOf.count
    self.boilerplate = boilerplate
    withoutDocument = documentOf.count - pairs.count
  }

  /// The calls to action of document `id`, in document order (``isOrdered(_:_:)``); empty when
  /// it has none.
  subscript(id: String) -> [CallToAction] {
    guard let document = documents.firstIndex(of: id).map(Int32.init) else { return [] }
    var low = 0
    var high = documentOf.count
    while low < high {
      let mid = (low + high) / 2
      if documentOf[mid] < document { low = mid + 1 } else { high = mid }
    }
    var found: [CallToAction] = []
    var decoder: SpillDecoder? = nil
    while low < documentOf.count && documentOf[low] == document {
      let place = Int(record[low])
      if let inMemory {
        found.append(inMemory[place])
      } else if let spill {
        if decoder == nil { decoder = SpillDecoder() }
        found.append(decoder!.decode(CallToAction.self, spill, place))
      }
      low += 1
    }
    return found.count > 1 ? found.sorted(by: Self.isOrdered) : found
  }

  /// Every call to action, in the order read (read back from the spill when spilled).
  var all: [CallToAction] {
    if let inMemory { return inMemory }
    guard let spill else { return [] }
    let decoder = SpillDecoder()
    return (0..<spill.count).map { decoder.decode(CallToAction.self, spill, $0) }
  }

  /// The order of one document's calls to action: id, then place in the document.
  static func isOrdered(_ a: CallToAction, _ b: CallToAction) -> Bool {
    (a.docId, a.start, a.end, a.category, a.sentence) < (b.docId, b.start, b.end, b.category, b.sentence)
  }
}
