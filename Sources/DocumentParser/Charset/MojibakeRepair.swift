#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Repairs UTF-8 text that was once read as windows-1252/Latin-1 and written back as
/// UTF-8: `Ã©` → `é`, `â€™` → `’`, `Â` + no-break space → no-break space.
///
/// A run is repaired only when the characters map back (through windows-1252) to one
/// complete, valid UTF-8 sequence: a lead byte C2–F4 followed by exactly the continuation
/// bytes it announces. Real text almost never has that shape, so the repair is safe to run
/// on every page.
enum MojibakeRepair {
  /// Returns repaired UTF-8 bytes, or nil when nothing needed repair (the common case).
  /// Candidates are found with `memchr` (every sequence starts with 0xC3 once re-encoded),
  /// and the output is allocated only at the first real repair: pages with ordinary
  /// accented letters (`é` is also C3 …) cost a scan, not a copy.
  static func repair(_ bytes: UnsafeRawBufferPointer) -> [UInt8]? {
    guard let base = bytes.baseAddress, bytes.count >= 2 else { return nil }
    let n = bytes.count
    var out: [UInt8]?
    var copied = 0
    var i = 0
    while i < n - 1 {
      guard let hit = memchr(base + i, 0xC3, n - 1 - i) else { break }
      i = base.distance(to: UnsafeRawPointer(hit))
      guard let (length, decoded, count) = decodeMojibake(bytes, at: i) else {
        i += 1
        continue
      }
      if out == nil {
        out = []
        out!.reserveCapacity(n)
      }
      out!.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[copied..<i]))
      withUnsafeBytes(of: decoded) { out!.append(contentsOf: $0.prefix(count)) }
      i += length
      copied = i
    }
    guard var result = out else { return nil }
    result.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[copied..<n]))
    return result
  }

  /// One UTF-8 scalar at `i`: its value and encoded length.
  @inline(__always)
  private static func scalar(_ b: UnsafeRawBufferPointer, at i: Int) -> (UInt32, Int)? {
    let length = UTF8Bytes.sequenceLength(b, at: i)
    guard length > 0 else { return nil }
    var value: UInt32
    switch length {
    case 1: return (UInt32(b[i]), 1)
    case 2: value = UInt32(b[i] & 0x1F)
    case 3: value = UInt32(b[i] & 0x0F)
    default: value = UInt32(b[i] & 0x07)
    }
    for k in 1..<length { value = value << 6 | UInt32(b[i + k] & 0x3F) }
    return (value, length)
  }

  /// If the characters at `i` spell a mojibake sequence: how many bytes they take, and the
  /// UTF-8 bytes they stand for (packed little-endian, `count` of them). No allocation.
  private static func decodeMojibake(_ b: UnsafeRawBufferPointer, at i: Int) -> (Int, UInt32, Int)? {
    guard let (leadScalar, leadLength) = scalar(b, at: i), let lead = Windows1252.byte(for: leadScalar) else {
      return nil
    }
    let needed: Int
    switch lead {
    case 0xC2...0xDF: needed = 1
    case 0xE0...0xEF: needed = 2
    case 0xF0...0xF4: needed = 3
    default: return nil
    }
    var original = UInt32(lead)
    var position = i + leadLength
    for k in 0..<needed {
      guard position < b.count, let (s, l) = scalar(b, at: position), let byte = Windows1252.byte(for: s),
        byte >= 0x80, byte <= 0xBF
      else { return nil }
      original |= UInt32(byte) << UInt32(8 * (k + 1))
      position += l
    }
    let valid = withUnsafeBytes(of: original) {
      UTF8Bytes.sequenceLength(UnsafeRawBufferPointer(rebasing: $0.prefix(needed + 1)), at: 0) == needed + 1
    }
    return valid ? (position - i, original, needed + 1) : nil
  }
}
