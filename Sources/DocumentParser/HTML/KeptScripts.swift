/// The contents of the scripts ``UnreadRawText`` moved out of libxml2's way because a reader
/// reads them: in the parsed tree each such `<script>` holds only a placeholder, `#` and the
/// index of its range here, and its bytes stay in the page the tree was parsed from (shared,
/// not copied).
///
/// Every other script in a cut page is empty or holds its own text with a control byte in it
/// (``UnreadRawText/libxml2Alters(_:)``), so a script text that is exactly a placeholder is one.
struct KeptScripts {
  /// The page as it was before the cut.
  let page: [UInt8]
  /// The scripts' contents in `page`, in placeholder order.
  let ranges: [Range<Int>]

  /// Appends the placeholder for range `index`.
  static func appendPlaceholder(_ index: Int, to out: inout [UInt8]) {
    out.append(UInt8(ascii: "#"))
    out.append(contentsOf: String(index).utf8)
  }

  /// The longest placeholder, in bytes.
  static let longestPlaceholder = 12

  /// The script content a placeholder (a script element's text) stands for, or nil when the
  /// text is not a placeholder.
  func content(standingFor text: [UInt8]) -> ArraySlice<UInt8>? {
    guard text.count >= 2, text.count <= Self.longestPlaceholder, text[0] == UInt8(ascii: "#") else { return nil }
    var index = 0
    for byte in text.dropFirst() {
      guard byte >= 0x30 && byte <= 0x39 else { return nil }
      index = index * 10 + Int(byte - 0x30)
    }
    guard index < ranges.count else { return nil }
    return page[ranges[index]]
  }
}
