import ArchiveReader
import DocumentParser
import Foundation
import SlackscoreCore
import Testing

@Suite(.enabled(if: getenv("XDEBUG") != nil)) struct DebugOne {
  @Test func one() throws {
    let path = String(cString: getenv("XDEBUG"))
    let bytes = try ExtractionScoring.gunzip(path)
    if case .document(let d) = DocumentBuilder.build(ArchiveRecord(sourcePath: path, offset: 0, kind: .file, payload: bytes)) {
      print("TITLE:", d.title ?? "-")
      print(d.text)
    }
  }
}
