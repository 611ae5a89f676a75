/// Document ids and their places in id order, so that an id is found by binary search: an
/// array of places (8 bytes a document) instead of a dictionary or set of strings.
struct IDIndex: Sendable {
  /// The ids, in their given order (an id may repeat).
  let ids: [String]
  /// Places of `ids` ordered by (id, place): the identity when they already are in order.
  /// Repeated ids are neighbours.
  let order: [Int]

  init(_ ids: [String]) {
    self.ids = ids
    var order = Array(ids.indices)
    if !ids.indices.dropFirst().allSatisfy({ ids[$0 - 1] <= ids[$0] }) {
      order.sort { (ids[$0], $0) < (ids[$1], $1) }
    }
    self.order = order
  }

  /// The first place of `id` in `ids`, nil when it is not there.
  func firstPlace(of id: String) -> Int? {
    var low = 0
    var high = order.count
    while low < high {
      let mid = (low + high) / 2
      if ids[order[mid]] < id { low = mid + 1 } else { high = mid }
    }
    return low < order.count && ids[order[low]] == id ? order[low] : nil
  }
}
