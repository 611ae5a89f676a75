import ArgumentParser
import Pipeline
import PipelineConfiguration
import SlackscoreCore

/// `slackscore inputs`: what a pipeline reads, for make and scripts; also the check that
/// every file the config names is there.
struct InputsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "inputs",
    abstract: "Check a pipeline's config and print the files it reads, one per line (globs resolved).",
    discussion: """
      The Makefile uses it to check the config before anything runs and to know what each \
      stage reads:
        slackscore inputs --pipeline pipelines/default           # archives (parse)
        slackscore inputs --pipeline pipelines/default --score   # pipeline.yml and CSVs (score)
      A bad config or a file it names that is missing prints one line and exits 78. \
      With --fetch, print nothing and exit 0 when the pipeline has live or CDX sources \
      to fetch, 1 when it has none.
      """
  )

  @Option(help: "The pipeline folder (holding pipeline.yml).")
  var pipeline: String = "pipelines/default"

  @Flag(help: "Only say (by exit code) whether the pipeline has a fetch: section.")
  var fetch = false

  @Flag(help: "Print what the score stage reads instead: pipeline.yml, outcome and interaction CSVs.")
  var score = false

  @Flag(help: "Print the output folder (out/FOLDER) instead.")
  var outputFolder = false

  func run() async throws {
    do {
      let location = PipelineLocation(pipeline)
      let config = try PipelineConfigLoader.load(path: location.configFile)
      if fetch {
        throw config.fetch == nil ? ExitCode.failure : ExitCode.success
      }
      let check = try PipelineCheck.run(config, configFile: location.configFile)
      if outputFolder {
        print(location.defaultOutput(name: config.name))
      } else if score {
        print(location.configFile)
        for file in check.outcomes + check.interactions { print(file.path) }
      } else {
        for file in check.inputs { print(file) }
      }
    } catch {
      throw DiagnosticsOutput.fail(error)
    }
  }
}
