import CLibXML2

/// What a `class` or `id` value says an element counts: `<span class="disqus-comment-count">0</span>`,
/// `<span class="util-bar-share-count-facebook">5347</span>`, `<b id="donorCount">12</b>`. A bare
/// number in such an element is a count of that kind even with no word beside it; the walker
/// gives it its word ("5347 shares") and the text reader reads it as any other.
enum CountClassNames {
  /// Normalised name part (lower case, `-`, `_`, `.` removed) → the word the text reader knows.
  private static let parts: [(name: [UInt8], word: String)] = [
    ("commentcount", "comments"), ("commentscount", "comments"), ("sharecount", "shares"),
    ("sharescount", "shares"), ("likecount", "likes"), ("likescount", "likes"), ("viewcount", "views"),
    ("viewscount", "views"), ("donorcount", "donors"), ("donorscount", "donors"), ("backercount", "backers"),
    ("backerscount", "backers"), ("signaturecount", "signatures"), ("signaturescount", "signatures"),
    ("signercount", "signatures"), ("signerscount", "signatures"),
  ].map { (Array($0.0.utf8), $0.1) }

  /// The count word an attribute value names, or nil. Cheap for the usual value: only one with
  /// "count" in it (any case) is looked at further.
  static func word(of value: UnsafePointer<xmlChar>) -> String? {
    guard mentionsCount(value) else { return nil }
    var bytes: [UInt8] = []
    var p = value
    while p.pointee != 0 && bytes.count < 256 {
      let b = p.pointee
      p += 1
      if b == 0x2D || b == 0x5F || b == 0x2E { continue }
      bytes.append(b >= 0x41 && b <= 0x5A ? b + 32 : b)
    }
    let name = LowercasedBytes(lowercased: bytes)
    for part in parts where name.contains(part.name) {
      // A share bar's slot for comments: `inline-share-count-comments`.
      if part.word == "shares" && name.contains(Array("comment".utf8)) { return "comments" }
      return part.word
    }
    return nil
  }

  /// Whether the value holds an ASCII digit (an id numbered per row: `comment-count-4812`).
  static func hasDigit(_ value: UnsafePointer<xmlChar>) -> Bool {
    var p = value
    var read = 0
    while p.pointee != 0 && read < 512 {
      if p.pointee >= 0x30 && p.pointee <= 0x39 { return true }
      p += 1
      read += 1
    }
    return false
  }

  /// Whether the value holds "ount" in any case, without copying it.
  private static func mentionsCount(_ value: UnsafePointer<xmlChar>) -> Bool {
    var p = value
    var matched = 0
    let needle: [UInt8] = [0x6F, 0x75, 0x6E, 0x74]  // o u n t
    var read = 0
    while p.pointee != 0 && read < 512 {
      let b = p.pointee | 0x20
      matched = b == needle[matched] ? matched + 1 : (b == needle[0] ? 1 : 0)
      if matched == 4 { return true }
      p += 1
      read += 1
    }
    return false
  }

  /// The number an element holds when that is all it holds ("5347", "1.2K", "(32)"), or nil.
  static func bareNumber(_ text: ArraySlice<UInt8>) -> String? {
    var digits = 0
    var letters = 0
    for byte in text {
      switch byte {
      case 0x30...0x39: digits += 1
      case 0x2E, 0x2C, 0x20, 0x28, 0x29, 0x2B: break
      case 0x4B, 0x6B, 0x4D, 0x6D: letters += 1  // K k M m
      default: return nil
      }
    }
    guard digits > 0, letters <= 1, text.count <= 16 else { return nil }
    let string = String(decoding: text, as: UTF8.self)
    let trimmed = string.drop { $0 == " " || $0 == "(" }.reversed().drop { $0 == " " || $0 == ")" }.reversed()
    return String(trimmed)
  }
}
