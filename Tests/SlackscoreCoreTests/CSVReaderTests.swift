import SlackscoreCore
import Testing

/// The CSV reader every table of the project goes through (outcome tables, exports, labelled data):
/// a byte-order mark, quotes, doubled quotes, line breaks inside quotes, CRLF, blank lines, and an
/// unclosed quote reported with its line.
@Suite struct CSVReaderTests {
  @Test func csvHandlesBOMQuotesAndCRLF() {
    let text = "\u{FEFF}a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n\r\n2,\"multi\nline\",3\n4,,\n"
    let (rows, problems) = CSVReader.rows(Array(text.utf8))
    #expect(problems.isEmpty)
    #expect(
      rows.map(\.fields) == [
        ["a", "b", "c"], ["1", "x, y", "say \"hi\""], ["2", "multi\nline", "3"], ["4", "", ""],
      ])
    #expect(rows.map(\.line) == [1, 2, 4, 6])
  }

  @Test func csvReportsAnUnclosedQuote() {
    let (rows, problems) = CSVReader.rows(Array("a,b\n1,\"open\n2,3\n".utf8))
    #expect(rows.count == 1)
    #expect(problems.map(\.line) == [2])
    #expect(problems.first?.message == "a quoted field opened here is never closed")
  }
}
