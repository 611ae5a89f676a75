import Testing

@testable import SlackscoreCore

/// The word-at-a-time byte searches agree with a plain scan at every alignment.
@Suite struct ByteSearchTests {
  @Test(arguments: [UInt8(0x23), 0x40, 0xEF, 0x00, 0x7F, 0x80, 0xFF])
  func findsEveryPlacementOfATargetByte(target: UInt8) {
    for length in 0..<40 {
      for position in -1..<length {
        var bytes = [UInt8](repeating: 0x61, count: length)
        if position >= 0 { bytes[position] = target }
        bytes.withUnsafeBufferPointer { buffer in
          let expected = position >= 0
          #expect(ByteSearch.containsEither(buffer, target, 0x7E) == expected)
          let skipped = ByteSearch.skipWords(buffer, from: 0, until: target, 0x7E, 0x7E)
          // Never skips past the first hit.
          if position >= 0 { #expect(skipped <= position) }
        }
      }
    }
  }

  @Test func wordHoldsIsExact() {
    for byte in UInt8.min...UInt8.max {
      let word = UInt64(byte) << 24 | 0x6161_6161_0061_6161
      #expect(ByteSearch.wordHolds(word, byte))
      #expect(ByteSearch.wordHolds(0x6262_6262_6262_6262, byte) == (byte == 0x62))
    }
  }
}
