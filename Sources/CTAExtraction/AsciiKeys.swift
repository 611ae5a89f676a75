import Foundation
import SlackscoreCore

/// A read-only map from ASCII texts to values, looked up by the text's bytes (FNV-1a, open
/// addressing) instead of `String` hashing: for per-token lookups in the hot loop.
///
/// Built from a `[String: Value]`: its ASCII keys, and the others whose canonical composition is
/// ASCII (a key `String` equality would match to an ASCII text), so an ASCII text finds here
/// exactly what the dictionary gives it. Other texts are the caller's (`.notASCII`).
struct AsciiKeys<Value: Sendable>: Sendable {
  /// What a lookup found.
  enum Lookup {
    case found(Value)
    /// An ASCII text that no key equals.
    case absent
    /// The text is not ASCII: ask the dictionary.
    case notASCII
  }

  /// Key bytes, one after another; key `k` is `bytes[starts[k]..<starts[k + 1]]`.
  private let bytes: [UInt8]
  private let starts: [Int]
  private let values: [Value]
  /// Key number per slot, -1 when empty; a power of two at least twice the keys.
  private let slots: [Int32]

  init(_ dictionary: [String: Value]) {
    var bytes: [UInt8] = []
    var starts: [Int] = [0]
    var values: [Value] = []
    // Sorted, so the table is the same in every process.
    for (key, value) in dictionary.sorted(by: { $0.key < $1.key }) {
      let text = key.utf8.allSatisfy { $0 < 0x80 } ? key : key.precomposedStringWithCanonicalMapping
      guard text.utf8.allSatisfy({ $0 < 0x80 }) else { continue }
      bytes.append(contentsOf: text.utf8)
      starts.append(bytes.count)
      values.append(value)
    }
    var capacity = 16
    while capacity < values.count * 2 { capacity *= 2 }
    var slots = [Int32](repeating: -1, count: capacity)
    for k in values.indices {
      var slot = Self.hash(bytes[starts[k]..<starts[k + 1]]) & (capacity - 1)
      while slots[slot] >= 0 { slot = (slot + 1) & (capacity - 1) }
      slots[slot] = Int32(k)
    }
    self.bytes = bytes
    self.starts = starts
    self.values = values
    self.slots = slots
  }

  /// The value of `text` when it is ASCII.
  @inline(__always) func value(for text: String) -> Lookup {
    var text = text
    return text.withUTF8 { utf8 in
      var hash = FNV1a.offsetBasis64
      for byte in utf8 {
        if byte >= 0x80 { return .notASCII }
        hash = FNV1a.step(hash, byte)
      }
      let mask = slots.count - 1
      var slot = Self.finish(hash) & mask
      while true {
        let k = Int(slots[slot])
        if k < 0 { return .absent }
        if bytes[starts[k]..<starts[k + 1]].elementsEqual(utf8) { return .found(values[k]) }
        slot = (slot + 1) & mask
      }
    }
  }

  private static func hash(_ key: ArraySlice<UInt8>) -> Int {
    finish(FNV1a.hash64(key))
  }

  @inline(__always) private static func finish(_ hash: UInt64) -> Int {
    Int(truncatingIfNeeded: hash ^ (hash >> 29))
  }
}
