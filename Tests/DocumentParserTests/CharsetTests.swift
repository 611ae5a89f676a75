import ArchiveReader
import SlackscoreCore
import Testing

@testable import DocumentParser

/// Charset decisions and conversions, including mojibake repair.
@Suite struct CharsetTests {
  private func decoded(_ bytes: [UInt8], http: String? = nil) -> (String, CharsetDecoder.Decision) {
    let prepared = CharsetDecoder.prepare(bytes, httpCharset: http)
    return (String(decoding: prepared.bytes, as: UTF8.self), prepared.decision)
  }

  private func pageText(_ bytes: [UInt8], http: String? = nil) -> String {
    let record = ArchiveRecordFactory.response(bytes, charset: http)
    guard case .document(let d) = DocumentBuilder.build(record) else { return "" }
    return d.text
  }

  @Test func utf8ByteOrderMarkWinsOverMeta() {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("<meta charset=windows-1252><p>caf".utf8) + [0xC3, 0xA9]
    let (text, decision) = decoded(bytes)
    #expect(decision.source == "bom")
    #expect(text.contains("café"))
  }

  @Test func httpHeaderCharsetIsUsed() {
    let bytes = Array("<p>caf".utf8) + [0xE9] + Array(" ".utf8) + [0x80]
    let (text, decision) = decoded(bytes, http: "windows-1252")
    #expect(decision.source == "http")
    #expect(text.contains("café €"))
  }

  @Test(arguments: ["iso-8859-1", "ISO_8859-1", "latin1", "us-ascii"])
  func latinLabelsMeanWindows1252(label: String) {
    let bytes = Array("<p>".utf8) + [0x93, 0x61, 0x94, 0x20, 0x96, 0x20, 0x99]
    let (text, decision) = decoded(bytes, http: label)
    #expect(decision.charset == "windows-1252")
    #expect(text.contains("“a” – ™"))
  }

  @Test func validUTF8BeatsALatinHeader() {
    let bytes = Array("<p>Rp 1,2 miliar — “kampanye”</p>".utf8)
    let (text, decision) = decoded(bytes, http: "iso-8859-1")
    #expect(decision.charset == "utf-8")
    #expect(text.contains("“kampanye”"))
  }

  @Test func metaCharsetIsUsedWhenBytesAreNotUTF8() {
    let bytes =
      Array("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">".utf8)
      + Array("</head><body><p>Pr".utf8) + [0xE9, 0x73, 0x69, 0x64, 0x65, 0x6E, 0x74] + Array("</p></body></html>".utf8)
    let (text, decision) = decoded(bytes)
    #expect(decision.source == "meta")
    #expect(text.contains("Président"))
  }

  @Test func undeclaredLatinBytesFallBackToWindows1252() {
    let bytes = Array("<p>na".utf8) + [0xEF] + Array("ve r".utf8) + [0xE9, 0x73, 0x75, 0x6D, 0xE9] + Array("</p>".utf8)
    let (text, decision) = decoded(bytes)
    #expect(decision.source == "fallback")
    #expect(text.contains("naïve résumé"))
  }

  @Test func mostlyUTF8WithAStrayByteStaysUTF8() {
    let bytes = Array("<p>Jakarta — ".utf8) + [0xFF] + Array(" “warga” é</p>".utf8)
    let (text, decision) = decoded(bytes)
    #expect(decision.charset == "utf-8")
    #expect(text.contains("“warga” é"))
  }

  @Test(arguments: [
    ("Harga naik 10%Â\u{A0}lagi", "Harga naik 10%\u{A0}lagi"),
    ("Itâ€™s a campaign", "It’s a campaign"),
    ("cafÃ© and rÃ©sumÃ©", "café and résumé"),
    ("â€œKutipanâ€\u{9D} katanya", "“Kutipan” katanya"),
    ("emdash â€” here", "emdash — here"),
  ])
  func mojibakeIsRepaired(broken: String, fixed: String) {
    let (text, decision) = decoded(Array(broken.utf8))
    #expect(text == fixed)
    #expect(decision.repairedMojibake)
  }

  @Test(arguments: ["São Paulo", "Ã la carte? no: Ãgua", "Â", "Ação", "naïve ÂB"])
  func realTextIsLeftAlone(text: String) {
    let (out, decision) = decoded(Array(text.utf8))
    #expect(out == text)
    #expect(!decision.repairedMojibake)
  }

  @Test func utf16WithBOMGoesToLibxml2() {
    var bytes: [UInt8] = [0xFF, 0xFE]
    for unit in "<html><body><p>Halo dunia, ini teks UTF-16 yang cukup panjang.</p></body></html>".utf16 {
      bytes.append(UInt8(unit & 0xFF))
      bytes.append(UInt8(unit >> 8))
    }
    let prepared = CharsetDecoder.prepare(bytes, httpCharset: nil)
    #expect(prepared.decision.charset == "utf-16le")
    #expect(pageText(bytes).contains("Halo dunia"))
  }

  @Test func shiftJISViaMetaIsConvertedByLibxml2() {
    let bytes =
      Array("<html><head><meta charset=\"shift_jis\"></head><body><p>".utf8) + [0x93, 0xFA, 0x96, 0x7B]
      + Array("</p></body></html>".utf8)
    let prepared = CharsetDecoder.prepare(bytes, httpCharset: nil)
    #expect(prepared.decision.source == "meta")
    let page = try? HTMLDocument(prepared: prepared)
    #expect(page.map { String(decoding: PageWalker.model(of: $0).text, as: UTF8.self) } == "日本")
  }

  @Test func windows1252TableCoversTheHighControls() {
    #expect(Windows1252.scalar(for: 0x80) == 0x20AC)
    #expect(Windows1252.scalar(for: 0x9F) == 0x0178)
    #expect(Windows1252.scalar(for: 0x81) == 0x81)
    for byte in UInt8(0x80)...UInt8(0xFF) {
      #expect(Windows1252.byte(for: Windows1252.scalar(for: byte)) == byte)
    }
  }
}

/// Records for charset tests (raw bytes, optional header charset).
enum ArchiveRecordFactory {
  static func response(_ bytes: [UInt8], charset: String?) -> ArchiveRecord {
    var record = makeResponse("", charset: charset)
    record.payload = bytes
    return record
  }
}
