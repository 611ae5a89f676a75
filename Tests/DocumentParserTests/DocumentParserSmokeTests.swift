import DocumentParser
import Testing

@Suite struct DocumentParserSmokeTests {
  @Test func moduleLoads() {
    #expect(Bool(true))
  }
}
