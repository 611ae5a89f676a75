import CTAExtraction
import Testing

@Suite struct CTAExtractionSmokeTests {
  @Test func moduleLoads() {
    #expect(Bool(true))
  }
}
