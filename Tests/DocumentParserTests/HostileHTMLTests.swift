import ArchiveReader
import SlackscoreCore
import Testing

@testable import DocumentParser

/// Pages built to attack the parser: entity declarations, huge nesting.
@Suite struct HostileHTMLTests {
  @Test(arguments: [
    "<!DOCTYPE html [<!ENTITY lol \"lol\"><!ENTITY lol1 \"&lol;&lol;&lol;&lol;\">]>",
    "<!doctype html [\n<!ENTITY lol1 \"&lol;&lol;\">\n] >",
    "\u{FEFF}  <!DOCTYPE html [<!ENTITY lol1 \"&lol;&lol;\">",
  ])
  func internalSubsetNeverBecomesText(doctype: String) throws {
    let page =
      doctype + "<html><head><title>Judul</title></head><body><article><p>"
      + String(repeating: "Warga desa menandatangani petisi tentang sungai mereka. ", count: 6)
      + "</p></article></body></html>"
    let doc = try #require(document(makeRecord(Array(page.utf8))))
    #expect(!doc.text.contains("ENTITY"))
    #expect(!doc.text.contains("&lol"))
    if !doctype.hasSuffix("\">") { #expect(doc.text.contains("Warga desa")) }
  }

  @Test func ordinaryDoctypeIsNotCopied() {
    let page = Array("<!DOCTYPE html><html><body><p>x</p></body></html>".utf8)
    #expect(page.withUnsafeBytes { DoctypeSubset.removed(from: $0) } == nil)
  }
}
