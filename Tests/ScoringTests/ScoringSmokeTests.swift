import Scoring
import Testing

@Suite struct ScoringSmokeTests {
  @Test func moduleLoads() {
    #expect(Bool(true))
  }
}
