import SlackscoreCore
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct AtomicFileTests {
  @Test func commitRenamesAndDropRemoves() throws {
    let temporary = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
    let dir = "\(temporary)/slackscore-tests-\(UInt32.random(in: 0...UInt32.max))"
    let path = dir + "/sub/out.txt"
    try AtomicFileWriter.write("hello\n", to: path)
    #expect(try FileSystem.readAll(path) == Array("hello\n".utf8))
    do {
      let w = try AtomicFileWriter(path: dir + "/never.txt")
      try w.write("x")
    }
    #expect(!FileSystem.exists(dir + "/never.txt"))
    #expect(try FileSystem.contents(of: dir + "/sub") == ["out.txt"])
  }
}
