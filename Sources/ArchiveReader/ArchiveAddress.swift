import SlackscoreCore

/// A path that may name a file inside a ZIP (WACZ) file: `crawl.wacz#archive/data.warc.gz`.
///
/// Records read from a WACZ carry such a path with offsets inside the entry, so
/// `slackscore show crawl.wacz#archive/data.warc.gz@OFFSET` finds the same bytes again.
public struct ArchiveAddress: Sendable, Hashable, CustomStringConvertible {
  /// The file on disk.
  public var file: String
  /// The entry inside it, or nil for the file itself.
  public var entry: String?

  /// Splits `path` at the first `#` whose left side is an existing file (a path that
  /// exists as given is never split).
  public init(_ path: String) {
    file = path
    entry = nil
    guard !FileSystem.exists(path) else { return }
    var search = path.startIndex
    while let hash = path[search...].firstIndex(of: "#") {
      let left = String(path[..<hash])
      if FileSystem.exists(left) && !FileSystem.isDirectory(left) {
        file = left
        entry = String(path[path.index(after: hash)...])
        return
      }
      search = path.index(after: hash)
    }
  }

  /// The address of `entry` inside `file`.
  public init(file: String, entry: String) {
    self.file = file
    self.entry = entry
  }

  /// `FILE#ENTRY`, or `FILE`.
  public var description: String { entry.map { file + "#" + $0 } ?? file }
}
