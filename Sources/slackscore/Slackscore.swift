import ArgumentParser
import SlackscoreCore

/// The `slackscore` command: a thin front that lists the pipeline's stages.
@main
struct Slackscore: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "slackscore",
    abstract: "Tell slacktivism from engagement in archived web campaigns.",
    discussion: """
      slackscore runs in stages, each reading the previous stage's files:

        fetch    live pages and archived captures -> WARC files
        index    WARC/ARC files                   -> one JSON line per record
        parse    WARC/ARC/HTML                    -> documents.jsonl, rejects.jsonl
        extract  documents.jsonl                  -> ctas.jsonl (calls to action)
        score    a pipeline folder + the above    -> campaigns.json, campaigns.csv
        report   campaigns.json                   -> report.html
        run      all of the above for one pipeline, in one process

      Logs go to stderr, data to stdout or the -o file. Quiet when stderr is not a \
      terminal (cron) unless something is wrong: problems met in the inputs are printed \
      as one block, a failure as one line; --verbose says more.
      """,
    version: SlackscoreVersion.current,
    subcommands: [
      IndexCommand.self, ParseCommand.self, ExtractCommand.self, TrainCTACommand.self, EvalCTACommand.self,
      EvalCountersCommand.self, ScoreCommand.self,
      ReportCommand.self, FetchCommand.self, RunCommand.self, InputsCommand.self, FinishRunCommand.self,
      ShowCommand.self, ExportCommand.self,
    ]
  )
}
