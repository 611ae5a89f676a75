/// The MinHash signatures of many documents, kept in chunks of 65,536 signatures (16 MiB each)
/// instead of one small array per document: no allocation per document, no reallocation
/// of the whole table as it grows, and the memory goes back to the system when the table is
/// dropped (each chunk is one large allocation).
struct SignatureTable: Sendable {
  private static let size = NearDuplicates.signatureSize
  private static let chunkShift = 16
  private var chunks: [[UInt32]] = []
  /// Per document: its row in the chunks, or -1 for a document without a signature.
  private var rows: [Int32] = []
  private var filled = 0

  init() {}

  /// Signatures given as arrays (nil: none), in that order.
  init(_ signatures: [NearDuplicates.Signature?]) {
    for signature in signatures { append(signature) }
  }

  /// How many documents.
  var count: Int { rows.count }

  /// Adds the next document's signature (nil: its text is too short to have one).
  mutating func append(_ signature: NearDuplicates.Signature?) {
    guard let signature else {
      rows.append(-1)
      return
    }
    precondition(signature.count == Self.size, "a MinHash signature has \(Self.size) values")
    if filled & ((1 << Self.chunkShift) - 1) == 0 {
      var chunk: [UInt32] = []
      chunk.reserveCapacity(Self.size << Self.chunkShift)
      chunks.append(chunk)
    }
    chunks[chunks.count - 1] += signature
    rows.append(Int32(filled))
    filled += 1
  }

  /// The table for documents `places` of this one, in that order (the signatures are shared).
  func selecting(_ places: [Int]) -> SignatureTable {
    var table = self
    table.rows = places.map { rows[$0] }
    return table
  }

  /// Whether document `i` has a signature.
  func has(_ i: Int) -> Bool { rows[i] >= 0 }

  /// Value `p` of document `i`'s signature (which must exist).
  func value(_ i: Int, _ p: Int) -> UInt32 {
    let row = Int(rows[i])
    return chunks[row >> Self.chunkShift][(row & ((1 << Self.chunkShift) - 1)) * Self.size + p]
  }

  /// How many positions of documents `i`'s and `j`'s signatures agree.
  func agreeing(_ i: Int, _ j: Int) -> Int {
    let a = Int(rows[i])
    let b = Int(rows[j])
    let mask = (1 << Self.chunkShift) - 1
    let chunkA = chunks[a >> Self.chunkShift]
    let chunkB = chunks[b >> Self.chunkShift]
    let startA = (a & mask) * Self.size
    let startB = (b & mask) * Self.size
    var same = 0
    for p in 0..<Self.size where chunkA[startA + p] == chunkB[startB + p] { same += 1 }
    return same
  }
}
