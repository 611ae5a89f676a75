import ArgumentParser
import Export
import Foundation
import Logging
import Scoring
import SlackscoreCore

/// `slackscore export`.
struct ExportCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Export a run's figures: one SQLite file for Datasette, or a spreadsheet CSV.",
    discussion: """
      --sqlite FILE writes campaigns, ratios, indices, outcomes and outcome points, interactions per \
      document, documents, counters, calls to action, evidence, caveats and diagnostics into one SQLite \
      file with primary and foreign keys and indexes, and a Datasette metadata file beside it \
      (FILE without .sqlite/.db + .metadata.json). Reads FOLDER/campaigns.json, documents.jsonl, \
      ctas.jsonl and run.json.

      --csv FILE writes campaigns.csv again with the spreadsheet options: --csv-bom starts it with a \
      UTF-8 byte order mark (Excel then reads it as UTF-8); --csv-delimiter ';' separates cells with \
      semicolons and writes decimals with a comma, as spreadsheets in Indonesian locales expect.

      Examples:
        slackscore export out/default --sqlite out/default/slackscore.sqlite
        datasette out/default/slackscore.sqlite -m out/default/slackscore.metadata.json
        slackscore export out/default --csv out/default/campaigns-id.csv --csv-bom --csv-delimiter ';'
      """
  )

  @Argument(help: "The run's output folder (out/NAME).")
  var folder: String

  @Option(help: "Write the SQLite database here.")
  var sqlite: String?

  @Option(help: "Write campaigns.csv with the spreadsheet options here.")
  var csv: String?

  @Flag(help: "Start the CSV with a UTF-8 byte order mark.")
  var csvBom = false

  @Option(help: "CSV cell separator: ',' (default) or ';' (then decimals use a comma).")
  var csvDelimiter: String = ","

  @OptionGroup var logging: LoggingOptions

  func validate() throws {
    if sqlite == nil && csv == nil { throw ValidationError("Give --sqlite FILE and/or --csv FILE (see --help).") }
    if csvDelimiter != "," && csvDelimiter != ";" { throw ValidationError("--csv-delimiter is ',' or ';'.") }
  }

  func run() async throws {
    let logger = logging.makeLogger()
    let campaigns = folder + "/campaigns.json"
    guard FileSystem.exists(campaigns) else {
      ProcessEnvironment.printError("error: \(campaigns) does not exist; run `slackscore run` first")
      throw ExitCode.failure
    }
    do {
      if let sqlite {
        let summary = try SQLiteExport.run(inputs: .init(folder: folder), database: sqlite, logger: logger)
        let counts = summary.rows.keys.sorted().map { "\($0) \(summary.rows[$0]!)" }.joined(separator: ", ")
        print("wrote \(summary.database) (\(counts)) and \(summary.metadata)")
      }
      if let csv {
        let report = try JSONCoding.decoder().decode(
          CampaignsReport.self, from: Data(try FileSystem.readAll(campaigns)))
        let options = CampaignsCSV.Options(byteOrderMark: csvBom, delimiter: csvDelimiter == ";" ? ";" : ",")
        try AtomicFileWriter.write(CampaignsCSV.render(report, options: options), to: csv)
        print("wrote \(csv)")
      }
    } catch {
      logger.error("export failed: \(error)")
      throw ExitCode.failure
    }
  }
}
