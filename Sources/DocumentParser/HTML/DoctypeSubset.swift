/// A DOCTYPE with an internal subset (`<!DOCTYPE html [<!ENTITY …>]>`): HTML has none, and
/// libxml2's HTML parser ends the DOCTYPE at the first `>`, so the entity declarations
/// would become the page's text. Hostile pages use it; real ones almost never do.
enum DoctypeSubset {
  /// How far into the page the DOCTYPE and its subset are looked for.
  static let maxSubsetBytes = 1 << 20

  /// The page with the internal subset cut out (`<!DOCTYPE html>` and the rest), or nil
  /// when the page has none (the usual case: no copy).
  static func removed(from bytes: UnsafeRawBufferPointer) -> [UInt8]? {
    var i = 0
    if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { i = 3 }
    while i < bytes.count && (bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D) { i += 1 }
    let keyword = Array("<!doctype".utf8)
    guard i + keyword.count < bytes.count else { return nil }
    for k in 0..<keyword.count where bytes[i + k] | (k >= 2 ? 0x20 : 0) != keyword[k] { return nil }
    let start = i
    var j = i + keyword.count
    let limit = min(bytes.count, start + maxSubsetBytes)
    while j < limit && bytes[j] != 0x3E && bytes[j] != 0x5B { j += 1 }  // '>' or '['
    guard j < limit, bytes[j] == 0x5B else { return nil }
    // The subset ends at the first "]" followed (after spaces) by ">".
    var k = j + 1
    while k < limit {
      if bytes[k] == 0x5D {
        var m = k + 1
        while m < limit && (bytes[m] == 0x20 || bytes[m] == 0x09 || bytes[m] == 0x0A || bytes[m] == 0x0D) { m += 1 }
        if m < limit && bytes[m] == 0x3E {
          return Array(bytes[..<j]) + [0x3E] + Array(bytes[(m + 1)...])
        }
      }
      k += 1
    }
    // Unterminated: drop everything up to the limit rather than read declarations as text.
    return Array(bytes[..<j]) + [0x3E] + Array(bytes[limit...])
  }
}
