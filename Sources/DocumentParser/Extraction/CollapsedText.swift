import SlackscoreCore

/// A word-at-a-time survey of a text node's bytes for the common case, text that is
/// already collapsed (single spaces between words, nothing to rewrite): then the walker
/// copies the bytes in one `memcpy` and takes its counts from here, instead of looking at
/// every byte.
struct CollapsedText {
  /// Unicode scalars (bytes that are not UTF-8 continuation bytes), spaces included.
  var characters: Int
  /// Spaces.
  var spaces: Int
  /// ASCII commas.
  var commas: Int

  /// Surveys `core`, which must not start or end with whitespace. Nil when the text needs
  /// the byte-by-byte path: a control byte (tab, line break…), two spaces in a row, a 0xC2
  /// byte (maybe a no-break space or a soft hyphen), or a lead byte of the fullwidth or ideographic comma
  /// (0xEF, 0xE3).
  static func survey(_ core: UnsafeBufferPointer<UInt8>) -> CollapsedText? {
    guard let base = core.baseAddress else { return CollapsedText(characters: 0, spaces: 0, commas: 0) }
    let n = core.count
    var continuation = 0
    var spaces = 0
    var commas = 0
    var previousEndsInSpace = false
    var i = 0
    while i < n {
      var word: UInt64
      if i + 8 <= n {
        word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
      } else {
        // The tail, padded with `a` (no space, comma or continuation byte).
        word = ByteSearch.ones &* 0x61
        withUnsafeMutableBytes(of: &word) { raw in
          for k in 0..<(n - i) { raw[k] = base[i + k] }
        }
      }
      i += 8
      if ByteSearch.controlMask(word) != 0 { return nil }
      if word & ByteSearch.highs != 0 {
        // Non-ASCII bytes: rule out the ones that need a closer look, count continuations.
        if ByteSearch.equalMask(word, 0xC2) | ByteSearch.equalMask(word, 0xEF) | ByteSearch.equalMask(word, 0xE3) != 0 {
          return nil
        }
        continuation += (word & ~(word << 1) & ByteSearch.highs).nonzeroBitCount
      }
      let space = ByteSearch.equalMask(word, 0x20)
      if space & (space << 8) != 0 || (previousEndsInSpace && space & 0x80 != 0) { return nil }
      previousEndsInSpace = space >> 63 != 0
      spaces += space.nonzeroBitCount
      commas += ByteSearch.equalMask(word, 0x2C).nonzeroBitCount
    }
    return CollapsedText(characters: n - continuation, spaces: spaces, commas: commas)
  }
}
