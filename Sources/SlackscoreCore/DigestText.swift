/// The text forms of digest bytes: hex and base32, encoded and decoded.

/// Lower-case hexadecimal.
public enum Hex {
  public static func encode(_ bytes: some Sequence<UInt8>) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    for b in bytes {
      out.append(digits[Int(b >> 4)])
      out.append(digits[Int(b & 0xF)])
    }
    return String(decoding: out, as: UTF8.self)
  }
}

/// RFC 4648 base32 (upper case, with `=` padding), as WARC digests use it.
public enum Base32 {
  public static func encode(_ bytes: [UInt8]) -> String {
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)
    var out: [UInt8] = []
    var buffer: UInt64 = 0
    var bits = 0
    for b in bytes {
      buffer = buffer << 8 | UInt64(b)
      bits += 8
      while bits >= 5 {
        out.append(alphabet[Int((buffer >> UInt64(bits - 5)) & 31)])
        bits -= 5
      }
    }
    if bits > 0 { out.append(alphabet[Int((buffer << UInt64(5 - bits)) & 31)]) }
    while out.count % 8 != 0 { out.append(UInt8(ascii: "=")) }
    return String(decoding: out, as: UTF8.self)
  }
}

extension Base32 {
  /// Decodes RFC 4648 base32 (either case, padding optional); nil for other characters.
  public static func decode(_ text: String) -> [UInt8]? {
    var out: [UInt8] = []
    var buffer: UInt64 = 0
    var bits = 0
    for c in text.utf8 where c != UInt8(ascii: "=") {
      let value: UInt8
      switch c {
      case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = c - UInt8(ascii: "A")
      case UInt8(ascii: "a")...UInt8(ascii: "z"): value = c - UInt8(ascii: "a")
      case UInt8(ascii: "2")...UInt8(ascii: "7"): value = c - UInt8(ascii: "2") + 26
      default: return nil
      }
      buffer = buffer << 5 | UInt64(value)
      bits += 5
      if bits >= 8 {
        out.append(UInt8(truncatingIfNeeded: buffer >> UInt64(bits - 8)))
        bits -= 8
      }
    }
    return out
  }
}

extension Hex {
  /// Decodes hex (either case); nil for odd lengths or other characters.
  public static func decode(_ text: String) -> [UInt8]? {
    let digits = Array(text.utf8)
    guard digits.count % 2 == 0 else { return nil }
    func nibble(_ c: UInt8) -> UInt8? {
      switch c {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
      default: nil
      }
    }
    var out: [UInt8] = []
    out.reserveCapacity(digits.count / 2)
    for i in stride(from: 0, to: digits.count, by: 2) {
      guard let high = nibble(digits[i]), let low = nibble(digits[i + 1]) else { return nil }
      out.append(high << 4 | low)
    }
    return out
  }
}
