import Report
import Testing

@Suite struct ReportSmokeTests {
  @Test func moduleLoads() {
    #expect(Bool(true))
  }
}
