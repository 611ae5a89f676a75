public import SlackscoreCore

/// Checks, before any stage reads an archive, that every file a pipeline names is there:
/// each `inputs` entry matches at least one file (unless marked `optional: true`), and each
/// outcome and interaction CSV exists. A problem is a ``ConfigError`` naming the line of
/// `pipeline.yml` that names the file, the paths tried and, when one is close, the file the
/// user probably meant.
public struct PipelineCheck: Sendable {
  /// The input files, in config order, globs expanded, each once.
  public var inputs: [String]
  /// The outcome CSVs as resolved, with the entry as written.
  public var outcomes: [(entry: String, path: String)]
  /// The interaction CSVs as resolved, with the entry as written.
  public var interactions: [(entry: String, path: String)]
  /// Notes about optional entries that matched nothing.
  public var notes: [Diagnostic]

  /// Checks `config` (loaded from `configFile`, shown in errors as `shownConfig`).
  ///
  /// With `inputs` false only the CSVs are checked (the score stage, which reads no archive).
  public static func run(
    _ config: PipelineConfig, configFile: String, shownConfig: String? = nil, inputs checkInputs: Bool = true
  ) throws(ConfigError) -> PipelineCheck {
    let shown = shownConfig ?? configFile
    let paths = PipelinePaths(pipelineFolder: FileSystem.parent(of: configFile))
    var check = PipelineCheck(inputs: [], outcomes: [], interactions: [], notes: [])
    var seen: Set<String> = []
    for (index, entry) in config.inputs.enumerated() where checkInputs {
      let matches = paths.expand(entry)
      if matches.isEmpty {
        let key = "inputs[\(index)]"
        if config.optionalInputs.contains(entry) {
          check.notes.append(
            Diagnostic(
              severity: .note, stage: "config", file: shown, line: config.lines[key], code: "optional-input-missing",
              message: "\(key) \(quoted(entry)) matches no file; it is marked optional, so the run goes on"))
          continue
        }
        throw notFound(
          entry, key: key, what: entry.contains("*") ? "matches no file" : "not found", line: config.lines[key],
          file: shown, paths: paths,
          hint: "mark the entry `{ path: \(quoted(entry)), optional: true }` if it may be absent")
      }
      for path in matches where seen.insert(path).inserted { check.inputs.append(path) }
    }
    for (index, entry) in config.outcomes.enumerated() {
      let path = paths.resolve(entry)
      guard FileSystem.exists(path), !FileSystem.isDirectory(path) else {
        throw notFound(
          entry, key: "outcomes[\(index)]", what: "not found", line: config.lines["outcomes[\(index)]"], file: shown,
          paths: paths, hint: nil)
      }
      check.outcomes.append((entry, path))
    }
    for (index, entry) in config.interactions.enumerated() {
      let path = paths.resolve(entry)
      guard FileSystem.exists(path), !FileSystem.isDirectory(path) else {
        throw notFound(
          entry, key: "interactions[\(index)]", what: "not found", line: config.lines["interactions[\(index)]"],
          file: shown, paths: paths, hint: nil)
      }
      check.interactions.append((entry, path))
    }
    return check
  }

  /// `pipeline.yml:5: inputs[0]: "corpus/warc/*.warcgz" matches no file (tried …); did you mean …?`
  static func notFound(
    _ entry: String, key: String, what: String, line: Int?, file: String, paths: PipelinePaths, hint: String?
  ) -> ConfigError {
    let tried = paths.candidates(entry)
    var message = "\(quoted(entry)) \(what) (tried \(tried.joined(separator: ", ")))"
    if let guess = guess(entry, paths: paths) { message += "; did you mean \(quoted(guess))?" }
    if let hint { message += "; \(hint)" }
    return ConfigError(file: file, line: line, key: key, message: message)
  }

  /// The existing path closest to `entry`: the first segment that does not exist is
  /// replaced by the closest name in its folder (for a glob segment, by a name it nearly
  /// matches once its `*` are ignored).
  static func guess(_ entry: String, paths: PipelinePaths) -> String? {
    for base in paths.candidates(entry).reversed() {
      let absolute = base.hasPrefix("/")
      let segments = base.split(separator: "/").map(String.init)
      var folder = absolute ? "/" : "."
      var built: [String] = []
      for (i, segment) in segments.enumerated() {
        let next = (folder == "." ? "" : folder == "/" ? "/" : folder + "/") + segment
        let isLast = i == segments.count - 1
        if segment.contains("*") {
          guard let names = try? FileSystem.contents(of: folder) else { break }
          if !Glob.matches(next).isEmpty {
            folder = next
            built.append(segment)
            continue
          }
          // Which names does the pattern nearly match? Compare with the `*` as the name's own text.
          let fixed = segment.split(separator: "*", omittingEmptySubsequences: true)
          guard let tail = fixed.last.map(String.init), !tail.isEmpty else { break }
          var best: (Int, String)?
          for name in names.sorted() where !name.hasPrefix(".") {
            for length in [tail.count - 1, tail.count, tail.count + 1] where length > 0 && length <= name.count {
              let suffix = String(name.suffix(length))
              let d = Suggestion.distance(Array(tail.unicodeScalars), Array(suffix.unicodeScalars))
              if d > 0, d <= max(1, tail.count / 3), best.map({ d < $0.0 }) ?? true { best = (d, suffix) }
            }
          }
          guard let newTail = best?.1 else { break }
          var pattern = segment
          pattern.removeLast(tail.count)
          let rebuilt = (built + [pattern + newTail] + segments[(i + 1)...]).joined(separator: "/")
          return shorten(absolute ? "/" + rebuilt : rebuilt, paths: paths)
        }
        if FileSystem.exists(next) {
          folder = next
          built.append(segment)
          continue
        }
        guard let names = try? FileSystem.contents(of: folder),
          let closest = Suggestion.closest(to: segment, in: names.filter { !$0.hasPrefix(".") })
        else { break }
        let rebuilt = (built + [closest] + (isLast ? [] : Array(segments[(i + 1)...]))).joined(separator: "/")
        return shorten(absolute ? "/" + rebuilt : rebuilt, paths: paths)
      }
    }
    return nil
  }

  /// A guess under the pipeline folder is shown as written in the config (relative to it).
  private static func shorten(_ path: String, paths: PipelinePaths) -> String {
    let prefix = paths.pipelineFolder.hasSuffix("/") ? paths.pipelineFolder : paths.pipelineFolder + "/"
    return path.hasPrefix(prefix) && paths.pipelineFolder != "." ? String(path.dropFirst(prefix.count)) : path
  }
}
