import SlackscoreCore
import Testing

@Suite struct RecordTallyTests {
  @Test func everyRecordIsCountedOnce() {
    var a = RecordTally()
    a.parsed = 3
    a.skip("request", count: 2)
    var b = RecordTally()
    b.reject("truncated-record")
    b.skip("request")
    a.merge(b)
    #expect(a.total == 7)
    #expect(a.summary == "7 records: 3 parsed, 3 skipped (request 3), 1 rejected (truncated-record 1)")
  }
}
