import SlackscoreCore
import Testing

@Suite(.enabled(if: SharedData.isAvailable, "set SLACKSCORE_SHARED (make conformance does)"))
struct SharedDataConformance {
  @Test func sharedFolderHasTheWARCProvenanceTable() {
    #expect(FileSystem.exists(SharedData.root! + "/data/warc/PROVENANCE.md"))
  }
}
