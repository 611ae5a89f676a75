import SlackscoreCore

/// Unicode scalars back to UTF-8, for the extract hot path (a sentence's text is a slice of its
/// document's scalars).
enum ScalarText {
  /// Replaces `bytes` with the UTF-8 encoding of `scalars`: the bytes of the `String` made of them.
  /// Written out rather than calling `UTF8.encode` per scalar: that measured about 3 % more of
  /// extract's CPU on the reference generator's pages (11 paired runs, 4 December 2026).
  @inline(__always)
  static func utf8(of scalars: ArraySlice<Unicode.Scalar>, into bytes: inout [UInt8]) {
    bytes.removeAll(keepingCapacity: true)
    bytes.reserveCapacity(scalars.count * 4)
    for scalar in scalars {
      let v = scalar.value
      if v < 0x80 {
        bytes.append(UInt8(truncatingIfNeeded: v))
      } else if v < 0x800 {
        bytes.append(UInt8(truncatingIfNeeded: 0xC0 | (v >> 6)))
        bytes.append(UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F)))
      } else if v < 0x1_0000 {
        bytes.append(UInt8(truncatingIfNeeded: 0xE0 | (v >> 12)))
        bytes.append(UInt8(truncatingIfNeeded: 0x80 | ((v >> 6) & 0x3F)))
        bytes.append(UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F)))
      } else {
        bytes.append(UInt8(truncatingIfNeeded: 0xF0 | (v >> 18)))
        bytes.append(UInt8(truncatingIfNeeded: 0x80 | ((v >> 12) & 0x3F)))
        bytes.append(UInt8(truncatingIfNeeded: 0x80 | ((v >> 6) & 0x3F)))
        bytes.append(UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F)))
      }
    }
  }

  /// The string of `scalars` (as `String.UnicodeScalarView.append(contentsOf:)` makes it, faster).
  static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
    var bytes: [UInt8] = []
    utf8(of: scalars, into: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The scalars of `text` (what `Array(text.unicodeScalars)` gives), decoded in one pass over its
  /// UTF-8 bytes.
  static func scalars(of text: String) -> [Unicode.Scalar] {
    var text = text
    return text.withUTF8 { utf8 in
      [Unicode.Scalar](unsafeUninitializedCapacity: utf8.count) { out, count in
        var i = 0
        let n = utf8.count
        while i < n {
          // Eight ASCII bytes at once: most text is ASCII.
          if n - i >= 8, Self.isASCII(UnsafeRawPointer(utf8.baseAddress! + i)) {
            for k in 0..<8 { out.initializeElement(at: count + k, to: Unicode.Scalar(utf8[i + k])) }
            count += 8
            i += 8
            continue
          }
          let b = UInt32(utf8[i])
          let v: UInt32
          if b < 0x80 {
            v = b
            i += 1
          } else if b < 0xE0 {
            v = (b & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F)
            i += 2
          } else if b < 0xF0 {
            v = (b & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F)
            i += 3
          } else {
            v =
              (b & 0x07) << 18 | UInt32(utf8[i + 1] & 0x3F) << 12 | UInt32(utf8[i + 2] & 0x3F) << 6
              | UInt32(utf8[i + 3] & 0x3F)
            i += 4
          }
          // A native string's bytes are valid UTF-8, so every value is a scalar.
          out.initializeElement(at: count, to: Unicode.Scalar(v) ?? "\u{FFFD}")
          count += 1
        }
      }
    }
  }

  /// Whether the eight bytes at `bytes` are all ASCII.
  @inline(__always) static func isASCII(_ bytes: UnsafeRawPointer) -> Bool {
    bytes.loadUnaligned(as: UInt64.self) & ByteSearch.highs == 0
  }

  /// The byte offsets of ascending scalar offsets in valid UTF-8, found by stepping on from the
  /// offset asked before (one pass over the bytes for a whole text).
  struct ByteCursor {
    private let utf8: UnsafeBufferPointer<UInt8>
    private var scalar = 0
    private var byte = 0

    /// A cursor at the start of `utf8`.
    init(_ utf8: UnsafeBufferPointer<UInt8>) { self.utf8 = utf8 }

    /// The offset of the first byte of scalar `target` (at least the scalar asked for before).
    mutating func byteOffset(ofScalar target: Int) -> Int {
      precondition(target >= scalar, "scalar offsets must ascend")
      while scalar < target {
        // Eight ASCII bytes are eight scalars.
        if target - scalar >= 8 && utf8.count - byte >= 8
          && ScalarText.isASCII(UnsafeRawPointer(utf8.baseAddress! + byte))
        {
          byte += 8
          scalar += 8
          continue
        }
        let lead = utf8[byte]
        byte += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        scalar += 1
      }
      return byte
    }
  }
}
