/// "Did you mean …?" for names people type: config keys, campaign ids, file names.
public enum Suggestion {
  /// The candidate closest to `text` by edit distance (case-insensitive), when it is close
  /// enough to be a likely typo: at most a third of the longer name's characters (and at
  /// least 1) differ. Ties go to the candidate that sorts first.
  public static func closest(to text: String, in candidates: some Sequence<String>) -> String? {
    let typed = Array(text.lowercased().unicodeScalars)
    var best: (distance: Int, name: String)?
    for candidate in candidates {
      let other = Array(candidate.lowercased().unicodeScalars)
      let limit = max(1, max(typed.count, other.count) / 3)
      guard abs(typed.count - other.count) <= limit else { continue }
      let d = distance(typed, other)
      guard d <= limit, d > 0 || candidate != text else { continue }
      if best == nil || (d, candidate) < (best!.distance, best!.name) { best = (d, candidate) }
    }
    return best?.name
  }

  /// Levenshtein distance with adjacent transpositions counted as one edit.
  public static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { value = min(value, previous2[j - 2] + 1) }
        current[j] = value
      }
      (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[b.count]
  }
}
