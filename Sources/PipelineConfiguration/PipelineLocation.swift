import SlackscoreCore

/// Where a pipeline's config is and where its outputs go, the same for every command and
/// for make: `pipelines/FOLDER/pipeline.yml` writes to `out/FOLDER/` whatever the config's
/// `name` says, so one pipeline has one output folder and one lock.
public struct PipelineLocation: Sendable, Hashable {
  /// The `pipeline.yml` file.
  public var configFile: String
  /// The folder holding it.
  public var folder: String

  /// `pipeline` is the folder or its `pipeline.yml` (`.yaml`).
  public init(_ pipeline: String) {
    if pipeline.hasSuffix(".yml") || pipeline.hasSuffix(".yaml") {
      configFile = pipeline
      folder = FileSystem.parent(of: pipeline)
    } else {
      let trimmed = pipeline.count > 1 && pipeline.hasSuffix("/") ? String(pipeline.dropLast()) : pipeline
      configFile = joinPath(trimmed, "pipeline.yml")
      folder = trimmed
    }
  }

  /// The folder's last component (`default` for `pipelines/default`), or nil for `.`.
  public var folderName: String? {
    let name = folder.split(separator: "/").last.map(String.init)
    return name == "." || name == ".." ? nil : name
  }

  /// `out/FOLDER` (falls back to the config's name when the folder has no usable name).
  public func defaultOutput(name: String) -> String { "out/" + (folderName ?? name) }
}
