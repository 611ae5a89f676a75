/// Rows of `width` weights for the few features that have any, the others implicitly zero: a bitmap
/// over the features and a running count per 64 features find a row, so a lookup touches about 48 KB
/// of index (for 2^18 features) and the rows that exist instead of a dense `dimension × width` array.
/// The category heads have about 18,000 non-zero rows of 2^18: 0.8 MB instead of 11.5 MB, which
/// keeps them in cache.
struct SparseRows: Sendable {
  /// Weights per row.
  let width: Int
  /// Bit `f % 64` of word `f / 64` is set when feature `f` has a row.
  private let present: [UInt64]
  /// Rows before word `w` of `present`.
  private let rowsBefore: [Int32]
  /// The rows, `width` weights each, in feature order.
  private let weights: [Float]

  /// Rows of `dimension` features, column `c` holding the weights of `columns[c]` (parallel indices
  /// and weights); indices outside `0..<dimension` are ignored. Two passes over the indices and no
  /// other storage: the model's heads (about 280,000 weights) take a few milliseconds at start-up.
  init(dimension: Int, columns: [(indices: [Int], weights: [Double])]) {
    width = columns.count
    var present = [UInt64](repeating: 0, count: (dimension + 63) / 64)
    for column in columns {
      for f in column.indices where f >= 0 && f < dimension { present[f >> 6] |= 1 << UInt64(f & 63) }
    }
    var rowsBefore = [Int32](repeating: 0, count: present.count)
    var rows: Int32 = 0
    for (w, bits) in present.enumerated() {
      rowsBefore[w] = rows
      rows += Int32(bits.nonzeroBitCount)
    }
    var weights = [Float](repeating: 0, count: Int(rows) * width)
    for (c, column) in columns.enumerated() {
      for (f, w) in zip(column.indices, column.weights) {
        if let row = Self.row(f, present, rowsBefore) { weights[row * width + c] = Float(w) }
      }
    }
    self.present = present
    self.rowsBefore = rowsBefore
    self.weights = weights
  }

  /// Adds feature `f`'s row to `sums` (`width` values); nothing when it has none.
  @inline(__always) func add(row f: Int, to sums: inout [Double]) {
    guard let row = Self.row(f, present, rowsBefore) else { return }
    let base = row * width
    for c in 0..<width { sums[c] += Double(weights[base + c]) }
  }

  @inline(__always) private static func row(_ f: Int, _ present: [UInt64], _ rowsBefore: [Int32]) -> Int? {
    let word = f >> 6
    guard word >= 0 && word < present.count else { return nil }
    let bit: UInt64 = 1 << UInt64(f & 63)
    let bits = present[word]
    guard bits & bit != 0 else { return nil }
    return Int(rowsBefore[word]) + (bits & (bit &- 1)).nonzeroBitCount
  }
}
