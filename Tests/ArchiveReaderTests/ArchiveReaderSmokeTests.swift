import ArchiveReader
import Testing

@Suite struct ArchiveReaderSmokeTests {
  @Test func moduleLoads() {
    #expect(Bool(true))
  }
}
