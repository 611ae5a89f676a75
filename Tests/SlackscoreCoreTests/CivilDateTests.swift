import SlackscoreCore
import Testing

@Suite struct CivilDateTests {
  @Test(arguments: [("1970-01-01", 0), ("2024-03-02", 19784), ("2000-02-29", 11016), ("1969-12-31", -1)])
  func dayNumbersRoundTrip(date: String, day: Int) {
    #expect(CivilDate.dayNumber(date) == day)
    #expect(CivilDate.label(forDay: day) == date)
  }

  @Test func onlyRealDaysHaveANumber() {
    #expect(CivilDate.dayNumber("2008-10-294T") == CivilDate.dayNumber("2008-10-29"))
    #expect(CivilDate.dayNumber("2024-02-30") == nil)
    #expect(CivilDate.dayNumber("2023-02-29") == nil)
    #expect(CivilDate.dayNumber("Jan 2024") == nil)
    #expect(CivilDate.dayNumber("2024-13-01") == nil)
  }
}
