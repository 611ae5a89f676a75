import PipelineConfiguration
import Scoring
import SlackscoreCore
import Testing

/// Path resolution and globbing for `inputs`.
@Suite struct PathTests {
  @Test func globsAndFolders() throws {
    let root = try Fixtures.temporaryFolder()
    defer { Fixtures.remove(root) }
    for file in ["p/warc/a.warc.gz", "p/warc/b.warc.gz", "p/warc/sub/c.warc.gz", "p/warc/notes.txt"] {
      try AtomicFileWriter.write("x", to: root + "/" + file)
    }
    let paths = PipelinePaths(pipelineFolder: root + "/p")
    #expect(paths.expand("warc/*.warc.gz") == [root + "/p/warc/a.warc.gz", root + "/p/warc/b.warc.gz"])
    #expect(paths.expand("warc/**/*.warc.gz").count == 3)
    #expect(paths.expand("warc").count == 4)
    #expect(paths.expand("warc/a.warc.gz") == [root + "/p/warc/a.warc.gz"])
    #expect(paths.expand("missing/*.gz").isEmpty)
    #expect(paths.resolve("corpus/x.csv") == "corpus/x.csv")
    #expect(paths.resolve("warc/a.warc.gz") == root + "/p/warc/a.warc.gz")
  }
}
