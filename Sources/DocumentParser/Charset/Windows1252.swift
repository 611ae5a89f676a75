/// The windows-1252 code page, which HTML uses for every `iso-8859-1`, `latin1` and
/// `us-ascii` label (WHATWG Encoding Standard).
enum Windows1252 {
  /// Unicode scalars for bytes 0x80...0x9F; the rest of the page maps byte = scalar.
  /// The five bytes the code page leaves undefined map to the C1 control of the same value.
  static let highControls: [UInt32] = [
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
  ]

  /// The scalar for one byte.
  @inline(__always)
  static func scalar(for byte: UInt8) -> UInt32 {
    byte >= 0x80 && byte <= 0x9F ? highControls[Int(byte - 0x80)] : UInt32(byte)
  }

  /// The byte a scalar came from, if the scalar is in the code page (inverse of `scalar(for:)`,
  /// also accepting the raw C1 controls that ISO-8859-1 readers produce).
  @inline(__always)
  static func byte(for scalar: UInt32) -> UInt8? {
    if scalar <= 0xFF { return UInt8(scalar) }
    switch scalar {
    case 0x20AC: return 0x80
    case 0x201A: return 0x82
    case 0x0192: return 0x83
    case 0x201E: return 0x84
    case 0x2026: return 0x85
    case 0x2020: return 0x86
    case 0x2021: return 0x87
    case 0x02C6: return 0x88
    case 0x2030: return 0x89
    case 0x0160: return 0x8A
    case 0x2039: return 0x8B
    case 0x0152: return 0x8C
    case 0x017D: return 0x8E
    case 0x2018: return 0x91
    case 0x2019: return 0x92
    case 0x201C: return 0x93
    case 0x201D: return 0x94
    case 0x2022: return 0x95
    case 0x2013: return 0x96
    case 0x2014: return 0x97
    case 0x02DC: return 0x98
    case 0x2122: return 0x99
    case 0x0161: return 0x9A
    case 0x203A: return 0x9B
    case 0x0153: return 0x9C
    case 0x017E: return 0x9E
    case 0x0178: return 0x9F
    default: return nil
    }
  }

  /// Transcodes windows-1252 bytes to UTF-8.
  static func decode(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + bytes.count / 8)
    for byte in bytes {
      if byte < 0x80 {
        out.append(byte)
      } else {
        UTF8Bytes.append(scalar(for: byte), to: &out)
      }
    }
    return out
  }
}

/// UTF-8 helpers over raw bytes.
enum UTF8Bytes {
  /// Appends the UTF-8 encoding of a scalar value.
  @inline(__always)
  static func append(_ scalar: UInt32, to out: inout [UInt8]) {
    switch scalar {
    case 0..<0x80:
      out.append(UInt8(scalar))
    case 0x80..<0x800:
      out.append(UInt8(0xC0 | (scalar >> 6)))
      out.append(UInt8(0x80 | (scalar & 0x3F)))
    case 0x800..<0x10000:
      out.append(UInt8(0xE0 | (scalar >> 12)))
      out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
      out.append(UInt8(0x80 | (scalar & 0x3F)))
    default:
      out.append(UInt8(0xF0 | (scalar >> 18)))
      out.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
      out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
      out.append(UInt8(0x80 | (scalar & 0x3F)))
    }
  }

  /// The length of the valid UTF-8 sequence starting at `i`, or 0 when it is invalid
  /// (truncated, overlong, surrogate, above U+10FFFF).
  @inline(__always)
  static func sequenceLength(_ b: UnsafeRawBufferPointer, at i: Int) -> Int {
    let lead = b[i]
    if lead < 0x80 { return 1 }
    let n = b.count
    @inline(__always) func cont(_ k: Int) -> Bool { k < n && b[k] & 0xC0 == 0x80 }
    switch lead {
    case 0xC2...0xDF:
      return cont(i + 1) ? 2 : 0
    case 0xE0...0xEF:
      guard cont(i + 1), cont(i + 2) else { return 0 }
      let second = b[i + 1]
      if lead == 0xE0 && second < 0xA0 { return 0 }
      if lead == 0xED && second > 0x9F { return 0 }
      return 3
    case 0xF0...0xF4:
      guard cont(i + 1), cont(i + 2), cont(i + 3) else { return 0 }
      let second = b[i + 1]
      if lead == 0xF0 && second < 0x90 { return 0 }
      if lead == 0xF4 && second > 0x8F { return 0 }
      return 4
    default:
      return 0
    }
  }

  /// Counts valid multi-byte sequences and invalid bytes (stops early once both are
  /// known to matter).
  static func survey(_ b: UnsafeRawBufferPointer) -> (multibyte: Int, invalid: Int) {
    var i = 0
    var multibyte = 0
    var invalid = 0
    let n = b.count
    while i < n {
      // ASCII runs eight bytes at a time.
      while i + 8 <= n && b.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
      guard i < n else { break }
      if b[i] < 0x80 {
        i += 1
        continue
      }
      let length = sequenceLength(b, at: i)
      if length == 0 {
        invalid += 1
        i += 1
      } else {
        multibyte += 1
        i += length
      }
    }
    return (multibyte, invalid)
  }
}
