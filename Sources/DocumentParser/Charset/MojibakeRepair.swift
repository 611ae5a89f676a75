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
  /// Returns repaired UTF-8 bytes, or nil when nothing needed repair (the common case,
  /// decided by a quick scan for the UTF-8 encodings of `Â`…`ô`).
  static func repair(_ bytes: UnsafeRawBufferPointer) -> [UInt8]? {
    guard mightContainMojibake(bytes) else { return nil }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var changed = false
    var i = 0
    let n = bytes.count
    while i < n {
      if bytes[i] == 0xC3, i + 1 < n, let (length, decoded) = decodeMojibake(bytes, at: i) {
        out.append(contentsOf: decoded)
        i += length
        changed = true
        continue
      }
      out.append(bytes[i])
      i += 1
    }
    return changed ? out : nil
  }

  private static func mightContainMojibake(_ b: UnsafeRawBufferPointer) -> Bool {
    guard let base = b.baseAddress, b.count >= 2 else { return false }
    var i = 0
    let n = b.count - 1
    while i < n {
      // memchr is vectorised; 0xC3 is rare outside Latin-script accents.
      guard let hit = memchr(base + i, 0xC3, n - i) else { return false }
      i = base.distance(to: UnsafeRawPointer(hit))
      let next = b[i + 1]
      if next >= 0x82 && next <= 0xB4 { return true }
      i += 1
    }
    return false
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

  /// If the characters at `i` spell a mojibake sequence, how many bytes they take and
  /// the UTF-8 bytes they stand for.
  private static func decodeMojibake(_ b: UnsafeRawBufferPointer, at i: Int) -> (Int, [UInt8])? {
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
    var original: [UInt8] = [lead]
    var position = i + leadLength
    for _ in 0..<needed {
      guard position < b.count, let (s, l) = scalar(b, at: position), let byte = Windows1252.byte(for: s),
        byte >= 0x80, byte <= 0xBF
      else { return nil }
      original.append(byte)
      position += l
    }
    let valid = original.withUnsafeBytes { UTF8Bytes.sequenceLength($0, at: 0) == original.count }
    return valid ? (position - i, original) : nil
  }
}
