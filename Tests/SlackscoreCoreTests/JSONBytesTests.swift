import Foundation
import SlackscoreCore
import Testing

/// `JSONBytes.appendString`, the one JSON string escaper of `ctas.jsonl` and `documents.jsonl`:
/// pinned byte for byte, and equal to what `JSONCoding.lineEncoder()` writes.
@Suite struct JSONBytesTests {
  static func escaped(_ s: String) -> String {
    var bytes: [UInt8] = []
    JSONBytes.appendString(s, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Every control character, by name where JSON has one, else `\u00XX` in lower-case hex.
  @Test func controlCharacters() {
    let named: [UInt8: String] = [0x08: #"\b"#, 0x09: #"\t"#, 0x0A: #"\n"#, 0x0C: #"\f"#, 0x0D: #"\r"#]
    for byte in UInt8(0)..<0x20 {
      let expected = named[byte] ?? #"\u00"# + String(format: "%02x", byte)
      #expect(Self.escaped(String(UnicodeScalar(byte))) == "\"" + expected + "\"", "byte \(byte)")
    }
    #expect(Self.escaped("\u{1F}\u{1B}") == #""\u001f\u001b""#)
  }

  @Test func quotesAndBackslashes() {
    #expect(Self.escaped(#"say "hi" \ bye"#) == #""say \"hi\" \\ bye""#)
    #expect(Self.escaped(#"\\""#) == #""\\\\\"""#)
  }

  /// Written as their UTF-8 bytes: `/`, DEL, U+2028/2029, non-ASCII, a byte-order mark.
  @Test func everythingElseIsRaw() {
    for s in ["a/b", "\u{7F}", "\u{2028}\u{2029}", "é e\u{301} 🙏 Rp 1,2 M", "\u{FEFF}", "", "plain text"] {
      #expect(Self.escaped(s) == "\"" + s + "\"")
    }
  }

  /// An escape at every position relative to the eight-byte steps, before and after clean runs.
  @Test(arguments: ["\"", "\\", "\n", "\u{0}", "\u{1F}", "é", "\u{7F}", "\u{2028}"])
  func escapesAtEveryAlignment(special: String) {
    for prefix in 0..<17 {
      for suffix in [0, 1, 7, 8, 9] {
        let s = String(repeating: "a", count: prefix) + special + String(repeating: "b", count: suffix)
        let expected =
          "\"" + String(repeating: "a", count: prefix) + Self.escaped(special).dropFirst().dropLast()
          + String(repeating: "b", count: suffix) + "\""
        #expect(Self.escaped(s) == expected)
      }
    }
  }

  static let awkward: [String] = {
    var strings = [
      "", "plain", "quote \" and backslash \\ and slash /", "tab\there\nnewline\r\u{8}\u{C}",
      "controls \u{0}\u{1}\u{1F}\u{7F}", "emoji 🙏 #SelamatkanTamanKota", "e\u{301} \u{2028} \u{2029} \u{FEFF}",
      "https://www.change.org/p/x?a=1&b=2", String(repeating: "\\\"", count: 9),
    ]
    strings += (0..<0x80).map { String(repeating: "x", count: $0 % 11) + String(UnicodeScalar(UInt8($0))) + "yz" }
    return strings
  }()

  /// The same bytes as `JSONEncoder` with the project's line settings (here in an array of strings).
  @Test func matchesTheLineEncoder() throws {
    let encoder = JSONCoding.lineEncoder()
    for s in Self.awkward {
      var bytes: [UInt8] = []
      JSONBytes.appendStrings([s, s + "!"], to: &bytes)
      #expect(bytes == Array(try encoder.encode([s, s + "!"])), "\(s.debugDescription)")
    }
  }
}
