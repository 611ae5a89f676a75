/// A set of categories as bits of their index in `CTAResources.categories`: what the analyzer
/// collects per sentence instead of a `Set<String>`, named once at the end.
struct CategoryBits: Sendable, Equatable {
  private var bits: UInt64 = 0

  /// The empty set.
  init() {}

  /// Whether no category is in the set.
  var isEmpty: Bool { bits == 0 }

  /// How many categories the set holds.
  var count: Int { bits.nonzeroBitCount }

  /// Adds the category with index `category`.
  mutating func insert(_ category: Int) {
    precondition(category >= 0 && category < 64, "category index \(category) out of range")
    bits |= 1 << UInt64(category)
  }

  /// Whether the category with index `category` is in the set.
  func contains(_ category: Int) -> Bool {
    category >= 0 && category < 64 && bits & (1 << UInt64(category)) != 0
  }

  /// Removes the category with index `category`.
  mutating func remove(_ category: Int) {
    if category >= 0 && category < 64 { bits &= ~(1 << UInt64(category)) }
  }

  /// Adds the categories of `other`.
  mutating func formUnion(_ other: CategoryBits) { bits |= other.bits }

  /// Calls `body` with the index of each category in the set, in index order.
  func forEach(_ body: (Int) -> Void) {
    var rest = bits
    while rest != 0 {
      body(rest.trailingZeroBitCount)
      rest &= rest - 1
    }
  }

  /// The names of the categories in the set.
  var names: Set<String> {
    var out: Set<String> = []
    forEach { out.insert(CTAResources.categories[$0]) }
    return out
  }
}
