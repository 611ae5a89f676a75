import SlackscoreCore

/// Resolves the paths a pipeline config names.
///
/// Rule (shared with the fetch and parse stages): a relative path is tried against the
/// pipeline folder first; when nothing exists there, against the current directory (so
/// `corpus/…` and `out/…` name files from the repository root). Globs use `*` (within one
/// path segment) and `**` (any number of segments); matches are sorted bytewise.
public struct PipelinePaths: Sendable {
  /// The folder holding `pipeline.yml`.
  public var pipelineFolder: String

  public init(pipelineFolder: String) { self.pipelineFolder = pipelineFolder }

  /// One path: the pipeline-folder candidate when it exists, else the path as written.
  public func resolve(_ path: String) -> String {
    if path.hasPrefix("/") { return path }
    let local = joinPath(pipelineFolder, path)
    return FileSystem.exists(local) ? local : path
  }

  /// The paths ``resolve(_:)`` and ``expand(_:)`` try for an entry, in order (for errors
  /// that say where a file was looked for).
  public func candidates(_ entry: String) -> [String] {
    if entry.hasPrefix("/") { return [entry] }
    let local = joinPath(pipelineFolder, entry)
    return local == entry ? [entry] : [local, entry]
  }

  /// Expands one `inputs` entry: a file, a folder (every file below it) or a glob.
  public func expand(_ entry: String) -> [String] {
    if entry.contains("*") {
      if entry.hasPrefix("/") { return Glob.matches(entry) }
      let local = Glob.matches(joinPath(pipelineFolder, entry))
      return local.isEmpty ? Glob.matches(entry) : local
    }
    let path = resolve(entry)
    if FileSystem.isDirectory(path) { return Glob.matches(joinPath(path, "**/*")) }
    return FileSystem.exists(path) ? [path] : []
  }
}

/// `*` and `**` globbing over the file system.
package enum Glob {
  /// Files matching `pattern`, sorted bytewise.
  package static func matches(_ pattern: String) -> [String] {
    let absolute = pattern.hasPrefix("/")
    let segments = pattern.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    var results: Set<String> = []
    walk(base: absolute ? "/" : "", segments: segments[...], into: &results)
    return results.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
  }

  private static func walk(base: String, segments: ArraySlice<String>, into results: inout Set<String>) {
    guard let first = segments.first else {
      if !base.isEmpty && !FileSystem.isDirectory(base) && FileSystem.exists(base) { results.insert(base) }
      return
    }
    let rest = segments.dropFirst()
    let folder = base.isEmpty ? "." : base
    func child(_ name: String) -> String { base.isEmpty ? name : (base == "/" ? "/" + name : base + "/" + name) }
    if first == "**" {
      walk(base: base, segments: rest, into: &results)
      guard let names = try? FileSystem.contents(of: folder) else { return }
      for name in names where FileSystem.isDirectory(child(name)) && !name.hasPrefix(".") {
        walk(base: child(name), segments: segments, into: &results)
      }
      return
    }
    if !first.contains("*") {
      let next = child(first)
      if FileSystem.exists(next) { walk(base: next, segments: rest, into: &results) }
      return
    }
    guard let names = try? FileSystem.contents(of: folder) else { return }
    for name in names where !name.hasPrefix(".") && wildcardMatch(Array(first.utf8)[...], Array(name.utf8)[...]) {
      walk(base: child(name), segments: rest, into: &results)
    }
  }

  /// `*` matches any run of bytes (within the text given); everything else literally.
  package static func wildcardMatch(_ pattern: ArraySlice<UInt8>, _ text: ArraySlice<UInt8>) -> Bool {
    var p = pattern.startIndex
    var t = text.startIndex
    var star: Int? = nil
    var mark = text.startIndex
    while t < text.endIndex {
      if p < pattern.endIndex && pattern[p] == UInt8(ascii: "*") {
        star = p
        mark = t
        p += 1
      } else if p < pattern.endIndex && pattern[p] == text[t] {
        p += 1
        t += 1
      } else if let s = star {
        p = s + 1
        mark += 1
        t = mark
      } else {
        return false
      }
    }
    while p < pattern.endIndex && pattern[p] == UInt8(ascii: "*") { p += 1 }
    return p == pattern.endIndex
  }
}

/// `folder/name`, without doubling slashes; `name` is returned alone when absolute.
package func joinPath(_ folder: String, _ name: String) -> String {
  if name.hasPrefix("/") || folder.isEmpty || folder == "." { return name }
  return folder.hasSuffix("/") ? folder + name : folder + "/" + name
}
