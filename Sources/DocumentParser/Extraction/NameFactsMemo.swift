import CLibXML2
import SlackscoreCore

/// The marker facts (``BoilerplateMarkers/NameFacts``) of the `class`, `id` and label values
/// one page has already read. A page repeats a few hundred distinct class values over
/// thousands of elements, and reading one is a scan for some 150 marker needles; a repeat
/// costs a hash and a comparison instead. Holds at most ``capacity`` values and
/// ``byteBudget`` bytes of them; past that, values are read every time (with the same result).
struct NameFactsMemo {
  /// The most values kept for one page.
  static let capacity = 4096
  /// The most value bytes kept for one page.
  static let byteBudget = 1 << 18

  private struct Slot {
    var hash: UInt32 = 0
    var start: Int32 = -1
    var length: Int32 = 0
    var facts = BoilerplateMarkers.NameFacts()
  }

  private var slots: [Slot] = []
  private var stored: [UInt8] = []
  private var count = 0
  /// Reused buffer for a value's lower-cased bytes.
  private var scratch = LowercasedBytes(lowercased: [])

  /// The facts of an attribute value (its first `limit` bytes, as written: upper case is
  /// folded before reading).
  mutating func facts(of value: UnsafePointer<xmlChar>, limit: Int) -> BoilerplateMarkers.NameFacts {
    let length = Int(xmlStrlen(value))
    let bytes = UnsafeBufferPointer(start: value, count: min(length, limit))
    if slots.isEmpty { slots = Array(repeating: Slot(), count: 256) }
    let hash = FNV1a.hash32(bytes)
    let mask = slots.count - 1
    var index = Int(hash) & mask
    while slots[index].start >= 0 {
      let slot = slots[index]
      if slot.hash == hash && Int(slot.length) == bytes.count && equals(slot, bytes) { return slot.facts }
      index = (index + 1) & mask
    }
    scratch.replace(with: bytes)
    let facts = scratch.bytes.withUnsafeBufferPointer { BoilerplateMarkers.facts(of: $0) }
    guard count < Self.capacity, stored.count + bytes.count <= Self.byteBudget else { return facts }
    slots[index] = Slot(hash: hash, start: Int32(stored.count), length: Int32(bytes.count), facts: facts)
    stored.append(contentsOf: bytes)
    count += 1
    if count * 2 > slots.count { grow() }
    return facts
  }

  private func equals(_ slot: Slot, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = Int(slot.start)
    for k in 0..<bytes.count where stored[start + k] != bytes[k] { return false }
    return true
  }

  /// Doubles the table (kept at most half full, so a probe ends soon).
  private mutating func grow() {
    var bigger = Array(repeating: Slot(), count: slots.count * 2)
    let mask = bigger.count - 1
    for slot in slots where slot.start >= 0 {
      var index = Int(slot.hash) & mask
      while bigger[index].start >= 0 { index = (index + 1) & mask }
      bigger[index] = slot
    }
    slots = bigger
  }
}
