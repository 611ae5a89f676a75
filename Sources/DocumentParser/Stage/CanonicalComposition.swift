import Foundation

/// Unicode NFC for the document text: a page that writes "é" as `e` + U+0301 (Mac-made
/// files, some CMSs, Korean Jamo, Japanese voiced-sound marks) gives the same text, offsets
/// and search hits as one that writes U+00E9.
enum CanonicalComposition {
  /// `text` in NFC. Only text holding a byte that can start a combining sequence is
  /// normalised (a byte scan); other text is returned as it is.
  static func composed(_ text: String) -> String {
    guard mayNeedComposition(text.utf8) else { return text }
    return text.precomposedStringWithCanonicalMapping
  }

  /// Whether `bytes` hold a combining mark (U+0300–036F: lead bytes CC, CD; U+1DC0–1DFF,
  /// U+20D0–20FF, Hangul Jamo U+1100–11FF: E1 84–87, E1 B7, E2 83), a kana voiced-sound mark
  /// (U+3099, U+309A: E3 82 99/9A) or a half-width one (U+FF9E, U+FF9F: EF BE 9E/9F).
  static func mayNeedComposition(_ bytes: String.UTF8View) -> Bool {
    var iterator = bytes.makeIterator()
    var previous: UInt8 = 0
    var beforePrevious: UInt8 = 0
    while let b = iterator.next() {
      switch b {
      case 0xCC, 0xCD: return true
      case 0x84...0x87 where previous == 0xE1: return true
      case 0xB7 where previous == 0xE1: return true
      case 0x83 where previous == 0xE2: return true
      case 0x99...0x9A where previous == 0x82 && beforePrevious == 0xE3: return true
      case 0x9E...0x9F where previous == 0xBE && beforePrevious == 0xEF: return true
      default: break
      }
      beforePrevious = previous
      previous = b
    }
    return false
  }
}
