import Foundation
import PipelineConfiguration
import SlackscoreCore
import Testing

@testable import Scoring

/// Number syntax and row diagnostics of the outcome tables (the CSV shape: `CSVReaderTests`).
@Suite struct TableReaderTests {
  static func write(_ text: String) throws -> String {
    let folder = try Fixtures.temporaryFolder()
    let path = folder + "/t.csv"
    try AtomicFileWriter.write(text, to: path)
    return path
  }

  @Test func outcomeRowsKeepGoodRowsAndNameBadOnes() throws {
    let path = try Self.write(
      """
      campaign,kind,value,unit_or_currency,as_of,source_url,note
      a,signatures,"12,500",signatures,2024-01-02,https://x.example/p,
      a,funds,250.5,usd,2024-01-02,,
      a,turnout,5000-12000,people,2024-01-03,,
      a,turnout,4000,people,2024-01-04,,low: police
      a,turnout,9000,people,2024-01-04,,high: organisers
      a,signatures,1.234.567,signatures,2024-01-02,,
      a,signatures,-5,signatures,2024-01-02,,
      a,donors,10-20,people,2024-01-02,,
      a,funds,10,rupiah,2024-01-02,,
      a,votes,10,people,2024-01-02,,
      a,policy,Bill withdrawn,,2024-02-01,,
      """)
    defer { Fixtures.remove(FileSystem.parent(of: path)) }
    let diagnostics = DiagnosticCollector()
    let rows = try TableReader.outcomes(path: path, displayPath: "o.csv", diagnostics: diagnostics)
    #expect(rows.map(\.kind) == ["signatures", "funds", "turnout", "turnout", "turnout", "policy"])
    #expect(rows[0].value == 12500 && rows[1].unit == "USD" && rows[1].value == 250.5)
    #expect(rows[2].value == 5000 && rows[2].high == 12000)
    #expect(rows[3].bound == "low" && rows[4].bound == "high")
    #expect(rows[5].text == "Bill withdrawn")
    let lines = diagnostics.diagnostics.compactMap(\.line).sorted()
    #expect(lines == [7, 8, 9, 10, 11])
    // The cell is named: line 7 column 3 is the value.
    #expect(diagnostics.diagnostics.first { $0.line == 7 }?.column == 3)
    #expect(diagnostics.diagnostics.allSatisfy { $0.file == "o.csv" })
  }

  @Test func interactionRowsTreatEmptyAsUnknown() throws {
    let path = try Self.write(
      "url,posted_at,platform,likes,shares,comments,views,retweets\r\nhttps://a.example/1,2024-01-01,X,\"1,200\",,3,,7\r\nhttps://a.example/2,yesterday,x,1,,,,\r\nhttps://a.example/3,,x,1.5,,,,\r\n"
    )
    defer { Fixtures.remove(FileSystem.parent(of: path)) }
    let diagnostics = DiagnosticCollector()
    let rows = try TableReader.interactions(path: path, displayPath: "i.csv", diagnostics: diagnostics)
    #expect(rows.count == 1)
    // `retweets` is the platform's name for a share: one act, one type.
    #expect(rows[0].counts == ["likes": 1200, "comments": 3, "shares": 7])
    #expect(rows[0].platform == "x")
    #expect(diagnostics.diagnostics.count == 2)
  }

  @Test func missingHeaderColumnsSkipTheFile() throws {
    let path = try Self.write("campaign,kind\na,signatures\n")
    defer { Fixtures.remove(FileSystem.parent(of: path)) }
    let diagnostics = DiagnosticCollector()
    #expect(try TableReader.outcomes(path: path, displayPath: "o.csv", diagnostics: diagnostics).isEmpty)
    #expect(diagnostics.diagnostics.first?.code == "bad-csv-header")
  }

  @Test func groupedNumbersAreReadByTheDeclaredStyleNeverGuessed() throws {
    let path = try Self.write(
      """
      campaign,kind,value,unit_or_currency,as_of,source_url,note
      a,signatures,2.910,signatures,2024-01-02,,
      a,signatures,"1,500",signatures,2024-01-03,,
      a,volunteers,12.5,people,2024-01-04,,
      a,funds,"1.500.000,50",IDR,2024-01-05,,
      a,signatures,2910,signatures,2024-01-06,,
      """)
    defer { Fixtures.remove(FileSystem.parent(of: path)) }
    let indonesian = DiagnosticCollector()
    let id = try TableReader.outcomes(path: path, displayPath: "o.csv", style: .id, diagnostics: indonesian)
    // id: 2.910 is 2910; "1,500" and 12.5 are not whole counts under id (`,` is the decimal
    // mark; 12.5 is a bad grouping), rejected at line:column.
    #expect(id.map(\.value) == [2910, 1_500_000.5, 2910])
    #expect(indonesian.diagnostics.map { "\($0.line!):\($0.column!)" } == ["3:3", "4:3"])
    let english = DiagnosticCollector()
    let en = try TableReader.outcomes(path: path, displayPath: "o.csv", style: .en, diagnostics: english)
    // en: 2.910 is never 2.91 (a count is whole), "1,500" is 1500.
    #expect(en.map(\.value) == [1500, 2910])
    #expect(english.diagnostics.map(\.line) == [2, 4, 5])
    #expect(english.diagnostics[0].message.contains("number_style: id"))
  }

  @Test func anOverlongFieldSkipsItsRowOnly() throws {
    let long = String(repeating: "a", count: TableReader.maxFieldBytes + 1)
    let path = try Self.write(
      """
      campaign,kind,value,unit_or_currency,as_of,source_url,note
      a,signatures,10,signatures,2024-01-02,,\(long)
      a,signatures,20,signatures,2024-01-03,,
      """)
    defer { Fixtures.remove(FileSystem.parent(of: path)) }
    let diagnostics = DiagnosticCollector()
    let rows = try TableReader.outcomes(path: path, displayPath: "o.csv", diagnostics: diagnostics)
    #expect(rows.map(\.value) == [20])
    #expect(diagnostics.diagnostics.map { "\($0.line!):\($0.column!)" } == ["2:7"])
  }
}
