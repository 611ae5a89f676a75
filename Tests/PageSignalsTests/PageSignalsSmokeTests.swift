import PageSignals
import Testing

@Suite struct PageSignalsSmokeTests {
  @Test func moduleLoads() { #expect(Bool(true)) }
}
