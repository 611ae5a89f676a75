import ArgumentParser
import PipelineConfiguration
import SlackscoreCore

/// `slackscore inputs`: what a pipeline reads, for make and scripts.
struct InputsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "inputs",
    abstract: "Print the input files a pipeline reads, one per line (globs resolved).",
    discussion: """
      The Makefile uses it to know when documents.jsonl is out of date:
        slackscore inputs --pipeline pipelines/default
      With --fetch, print nothing and exit 0 when the pipeline has live or CDX sources
      to fetch, 1 when it has none.
      """
  )

  @Option(help: "The pipeline folder (holding pipeline.yml).")
  var pipeline: String = "pipelines/default"

  @Flag(help: "Only say (by exit code) whether the pipeline has a fetch: section.")
  var fetch = false

  func run() async throws {
    let configPath = pipeline.hasSuffix(".yml") ? pipeline : pipeline + "/pipeline.yml"
    let config: PipelineConfig
    do {
      config = try PipelineConfigLoader.load(path: configPath)
    } catch {
      throw ValidationError("\(error)")
    }
    if fetch {
      throw config.fetch == nil ? ExitCode.failure : ExitCode.success
    }
    let paths = PipelinePaths(pipelineFolder: FileSystem.parent(of: configPath))
    for entry in config.inputs {
      for file in paths.expand(entry) { print(file) }
    }
  }
}
