import SlackscoreCore

extension String {
  /// Whether the UTF-8 bytes contain `needle`'s bytes: for the ASCII markers the walker
  /// looks for in attribute values, where the generic `contains` (a Unicode-aware search)
  /// costs far more than the test is worth.
  func containsBytes(_ needle: StaticString) -> Bool {
    var copy = self
    return copy.withUTF8 { hay in
      let m = needle.utf8CodeUnitCount
      guard m > 0 else { return true }
      guard m <= hay.count else { return false }
      let pin = needle.utf8Start
      for i in 0...(hay.count - m) where hay[i] == pin[0] {
        var k = 1
        while k < m && hay[i + k] == pin[k] { k += 1 }
        if k == m { return true }
      }
      return false
    }
  }
}

/// ASCII-case-insensitive matching over UTF-8 bytes: the hot paths compare class names and
/// short lines against fixed vocabularies, where `String.contains` is far too slow.
struct LowercasedBytes {
  /// The bytes with ASCII letters lower-cased.
  private(set) var bytes: [UInt8]

  init(_ string: String) {
    var out = Array(string.utf8)
    for i in out.indices where out[i] >= 65 && out[i] <= 90 { out[i] += 32 }
    bytes = out
  }

  init(lowercased bytes: [UInt8]) { self.bytes = bytes }

  /// Replaces the contents with `source`, lower-cased, reusing the storage (for scratch
  /// buffers in per-line loops).
  mutating func replace(with source: UnsafeBufferPointer<UInt8>) {
    bytes.removeAll(keepingCapacity: true)
    bytes.append(contentsOf: source)
    bytes.withUnsafeMutableBufferPointer { buffer in
      for i in buffer.indices where buffer[i] &- 65 < 26 { buffer[i] |= 0x20 }
    }
  }

  /// Whether `needle` (lower case) occurs anywhere.
  @inline(__always)
  func contains(_ needle: [UInt8]) -> Bool {
    let n = bytes.count
    let m = needle.count
    guard m > 0, m <= n else { return m == 0 }
    let first = needle[0]
    return bytes.withUnsafeBufferPointer { hay in
      needle.withUnsafeBufferPointer { pin in
        var i = 0
        let last = n - m
        while i <= last {
          if hay[i] == first {
            var k = 1
            while k < m && hay[i + k] == pin[k] { k += 1 }
            if k == m { return true }
          }
          i += 1
        }
        return false
      }
    }
  }

}

/// A fixed vocabulary searched in one pass, ignoring ASCII case: a bitmap of the needles' first two bytes
/// rules out almost every position before any comparison. The needles live in one flat
/// byte array, grouped by a hash of their first two bytes, so a probe compares only the
/// needles of its bucket (about one) and touches no reference counts.
final class NeedleSet: Sendable {
  /// All needles, concatenated, ordered by bucket.
  private let flat: [UInt8]
  /// Per needle (same order): start in `flat` and length.
  private let starts: [Int32]
  private let lengths: [Int32]
  /// Needle index range per bucket (``bucket(_:_:)`` of the first two bytes):
  /// `groups[k] ..< groups[k + 1]`.
  private let groups: [Int32]
  /// Bit per two-byte key (`b0 << 8 | b1`) that begins some needle.
  private let bigrams: [UInt64]
  /// The shortest needle's length.
  private let shortest: Int
  /// Wu–Manber shifts per hashed block of `block` bytes (2, or 3 when every needle has six
  /// bytes or more), used when every needle has four bytes or more: how far a window may
  /// move when the block ending at its `shortest`-th byte is this one. On running text
  /// (phrase needles checked against whole lines) most windows move by nearly `shortest`
  /// bytes at once.
  private let shifts: [UInt8]
  private let block: Int
  /// Up to two punctuation bytes of which every needle holds one (`(` and `:` for photo
  /// credits): text without either is ruled out in a word-at-a-time scan.
  private let anchors: (UInt8, UInt8)?

  /// Per needle (same order): the tag bits it stands for (see `tags(in:)`).
  private let tagBits: [UInt32]

  /// A set of needles (ASCII case ignored; needles shorter than two bytes are dropped).
  convenience init(_ words: [String]) {
    self.init(tagged: words.map { ($0, 1) })
  }

  /// Needles with tag bits, for ``tags(in:)``: several vocabularies searched in one pass.
  init(tagged words: [(String, UInt32)]) {
    let sorted = words.map { ($0.0.utf8.map(Self.fold), $0.1) }.filter { $0.0.count >= 2 }.enumerated()
      .sorted {
        (Self.bucket($0.element.0[0], $0.element.0[1]), $0.offset) < (
          Self.bucket($1.element.0[0], $1.element.0[1]), $1.offset
        )
      }.map(\.element)
    let needles = sorted.map(\.0)
    tagBits = sorted.map(\.1)
    var flat: [UInt8] = []
    var starts: [Int32] = []
    var lengths: [Int32] = []
    var groups = [Int32](repeating: 0, count: Self.bucketCount + 1)
    var bigrams = [UInt64](repeating: 0, count: 1024)
    let shortest = min(needles.map(\.count).min() ?? 0, 255)
    var shifts: [UInt8] = []
    let block = shortest >= 6 ? 3 : 2
    if shortest >= 4 {
      shifts = [UInt8](repeating: UInt8(shortest - block + 1), count: 1 << Self.shiftBits)
      for needle in needles {
        for q in 0...(shortest - block) {
          let key =
            block == 3
            ? Self.key3(UInt32(needle[q]) | UInt32(needle[q + 1]) << 8 | UInt32(needle[q + 2]) << 16)
            : Self.shiftKey(needle, at: q + 1, block: 2)
          shifts[key] = min(shifts[key], UInt8(shortest - block - q))
        }
      }
    }
    self.block = block
    for needle in needles {
      starts.append(Int32(flat.count))
      lengths.append(Int32(needle.count))
      flat.append(contentsOf: needle)
      groups[Self.bucket(needle[0], needle[1]) + 1] += 1
      let key = Int(needle[0]) << 8 | Int(needle[1])
      bigrams[key >> 6] |= 1 << UInt64(key & 63)
    }
    self.shortest = shortest
    self.shifts = shifts
    self.anchors = Self.anchors(for: needles)
    for k in 0..<Self.bucketCount { groups[k + 1] += groups[k] }
    self.flat = flat
    self.starts = starts
    self.lengths = lengths
    self.groups = groups
    self.bigrams = bigrams
  }

  /// Whether `bytes` starts with one of the needles.
  func startsAny(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer { startsAny($0) }
  }

  /// Whether `bytes` starts with one of the needles.
  func startsAny(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard bytes.count >= 2 else { return false }
    return match(at: 0, in: bytes)
  }

  /// Whether any needle occurs in `bytes`.
  func occurs(in bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer { occurs(in: $0) }
  }

  /// Whether any needle occurs in `bytes`.
  func occurs(in hay: UnsafeBufferPointer<UInt8>) -> Bool {
    let n = hay.count
    guard n >= 2 else { return false }
    if let (a, b) = anchors, !ByteSearch.containsEither(hay, a, b) { return false }
    if !shifts.isEmpty {
      guard n >= shortest else { return false }
      let m = shortest
      let threeBytes = block == 3
      return shifts.withUnsafeBufferPointer { shifts in
        var start = 0
        let last = n - m
        while start <= last {
          let end = start + m - 1
          // Three bytes in one load (the window is at least six bytes long, so `end - 3` is
          // inside it).
          let key =
            threeBytes
            ? Self.key3(UnsafeRawPointer(hay.baseAddress! + end - 3).loadUnaligned(as: UInt32.self) >> 8)
            : Self.shiftKey(hay, at: end, block: 2)
          let shift = Int(shifts[key])
          if shift > 0 {
            start += shift
            continue
          }
          if match(at: start, in: hay) { return true }
          start += 1
        }
        return false
      }
    }
    return tags(in: hay, stopAtFirst: true) != 0
  }

  private static let shiftBits = 12

  /// Buckets of needles by their first two (folded) bytes: more than there are needles in the
  /// largest vocabulary, so a bucket holds one needle or two.
  private static let bucketCount = 1024

  /// The bucket of a needle or text position that starts with folded bytes `b0`, `b1`.
  @inline(__always)
  private static func bucket(_ b0: UInt8, _ b1: UInt8) -> Int {
    Int(truncatingIfNeeded: ((UInt32(b0) << 8 | UInt32(b1)) &* 0x9E37_79B1) >> 22) & (bucketCount - 1)
  }

  /// Two ASCII punctuation bytes that together occur in every needle, if there are such.
  private static func anchors(for needles: [[UInt8]]) -> (UInt8, UInt8)? {
    func isPunctuation(_ b: UInt8) -> Bool {
      b > 0x20 && b < 0x7F && !(b >= 0x30 && b <= 0x39) && !((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A)
        && b != 0x2D && b != 0x2E && b != 0x2C
    }
    guard !needles.isEmpty else { return nil }
    var counts = [Int](repeating: 0, count: 128)
    for needle in needles {
      for b in Set(needle) where isPunctuation(b) { counts[Int(b)] += 1 }
    }
    guard let first = counts.indices.max(by: { counts[$0] < counts[$1] }), counts[first] > 0 else { return nil }
    let rest = needles.filter { !$0.contains(UInt8(first)) }
    if rest.isEmpty { return (UInt8(first), UInt8(first)) }
    for b in 0..<128 where isPunctuation(UInt8(b)) && rest.allSatisfy({ $0.contains(UInt8(b)) }) {
      return (UInt8(first), UInt8(b))
    }
    return nil
  }

  /// ASCII upper case to lower case; needles are stored folded, and text is folded as it
  /// is read, so callers need not lower-case lines first.
  @inline(__always)
  private static func fold(_ b: UInt8) -> UInt8 { b &- 65 < 26 ? b | 0x20 : b }

  @inline(__always)
  private func fold(_ b: UInt8) -> UInt8 { Self.fold(b) }

  /// A 12-bit hash of the `block` bytes ending at `end`. Bytes are folded with `| 0x20`, which
  /// lower-cases letters and merges a few punctuation pairs: a coarser key only makes some
  /// shifts shorter, never wrong, and costs one instruction per byte.
  @inline(__always)
  private static func shiftKey<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at end: Int, block: Int) -> Int
  where Bytes.Index == Int {
    var key = Int(bytes[end] | 0x20) ^ Int(bytes[end - 1] | 0x20) << 4
    if block == 3 { key ^= Int(bytes[end - 2] | 0x20) << 8 }
    return (key ^ key >> 12) & ((1 << shiftBits) - 1)
  }

  /// A 12-bit hash of three bytes packed little-endian, folded with `| 0x20` like `shiftKey`.
  @inline(__always)
  private static func key3(_ bytes: UInt32) -> Int {
    Int(truncatingIfNeeded: ((bytes | 0x20_2020) &* 0x9E37_79B1) >> 20) & ((1 << shiftBits) - 1)
  }

  /// The union of the tag bits of every needle that occurs in `hay`.
  func tags(in hay: UnsafeBufferPointer<UInt8>) -> UInt32 { tags(in: hay, stopAtFirst: false) }

  /// The bigram scan behind `tags(in:)` and the short-needle case of `occurs(in:)`.
  private func tags(in hay: UnsafeBufferPointer<UInt8>, stopAtFirst: Bool) -> UInt32 {
    let n = hay.count
    guard n >= 2 else { return 0 }
    var found: UInt32 = 0
    bigrams.withUnsafeBufferPointer { bigrams in
      for i in 0..<(n - 1) {
        let key = Int(fold(hay[i])) << 8 | Int(fold(hay[i + 1]))
        guard bigrams[key >> 6] & (1 << UInt64(key & 63)) != 0 else { continue }
        found |= tags(at: i, in: hay, besides: found)
        if stopAtFirst && found != 0 { return }
      }
    }
    return found
  }

  /// Whether a needle starts at `i`.
  @inline(__always)
  private func match(at i: Int, in hay: UnsafeBufferPointer<UInt8>) -> Bool {
    tags(at: i, in: hay, besides: 0) != 0
  }

  /// The union of the tag bits of the needles that start at `i`, leaving out needles whose
  /// bits are all in `known` already.
  @inline(__always)
  private func tags(at i: Int, in hay: UnsafeBufferPointer<UInt8>, besides known: UInt32) -> UInt32 {
    let remaining = hay.count - i
    guard remaining >= 2 else { return 0 }  // every needle has two bytes or more
    let key = Self.bucket(fold(hay[i]), fold(hay[i + 1]))
    var found: UInt32 = 0
    flat.withUnsafeBufferPointer { flat in
      for needle in Int(groups[key])..<Int(groups[key + 1]) where tagBits[needle] & ~(known | found) != 0 {
        let length = Int(lengths[needle])
        guard length <= remaining else { continue }
        let start = Int(starts[needle])
        var k = 1
        while k < length && fold(hay[i + k]) == flat[start + k] { k += 1 }
        if k == length { found |= tagBits[needle] }
      }
    }
    return found
  }
}
