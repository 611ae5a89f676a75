import ArchiveReader
public import SlackscoreCore

#if canImport(Glibc)
  import Glibc
#endif

/// Carries on after a killed run: every `NAME.warc.gz.part` left in the output folder is
/// cut back to its last complete record (a trailing request without its response goes
/// too) and renamed to `NAME.warc.gz`; a file with nothing worth keeping is removed.
///
/// Only call this while holding the folder's ``FetchLock``: a running fetch's own `.part`
/// file would otherwise be taken for a leftover.
public enum PartFileRecovery {
  /// What happened to one leftover file.
  public struct Outcome: Sendable, Hashable {
    /// The `.part` file's name.
    public var partFile: String
    /// The final name it got, or nil when it was removed.
    public var recoveredAs: String?
    /// Records kept (the `warcinfo` record included).
    public var recordsKept: Int
    /// Bytes cut from the end.
    public var bytesCut: Int
  }

  /// Recovers every `.part` file in `folder`.
  public static func recover(folder: String, diagnostics: DiagnosticCollector) -> [Outcome] {
    guard FileSystem.isDirectory(folder), let names = try? FileSystem.contents(of: folder) else { return [] }
    var outcomes: [Outcome] = []
    for name in names where name.hasSuffix(".warc.gz.part") {
      outcomes.append(recover(path: folder + "/" + name, name: name, diagnostics: diagnostics))
    }
    return outcomes
  }

  static func recover(path: String, name: String, diagnostics: DiagnosticCollector) -> Outcome {
    let size = FileSystem.size(of: path) ?? 0
    var keptEnd = 0
    var kept: [(end: Int, type: String)] = []
    var stopReason: String?
    // Read through ArchiveReader, quietly: its findings only decide where the file is cut.
    let problems = DiagnosticCollector()
    do {
      let reader = try ArchiveFileReader(path: path, diagnostics: problems)
      reader.forEachRawRecord(blockNeed: { _ in .none }) { record in
        guard stopReason == nil else { return }
        guard record.damage == nil, !record.isTruncated, let length = record.length else {
          stopReason = "the record at offset \(record.offset) is damaged or cut short"
          return
        }
        kept.append((record.offset + length, record.type))
      }
    } catch {
      stopReason = "\(error)"
    }
    // Nothing after the first problem the reader met is trusted, even when it resynchronised.
    if let first = problems.diagnostics.filter({ $0.severity >= .warning }).min(by: {
      ($0.offset ?? 0) < ($1.offset ?? 0)
    }) {
      let offset = first.offset ?? 0
      kept.removeAll { $0.end > offset }
      stopReason = "offset \(offset): \(first.message)"
    }
    // A request without the response that follows it is half a fetch: drop it.
    while let last = kept.last, last.type == "request" { kept.removeLast() }
    keptEnd = kept.last?.end ?? 0
    let worthKeeping = kept.contains { $0.type != "warcinfo" }
    let finalName = String(name.dropLast(".part".count))
    let finalPath = FileSystem.parent(of: path) + "/" + finalName
    if worthKeeping && !FileSystem.exists(finalPath) && truncateAndSync(path: path, length: keptEnd)
      && rename(path, finalPath) == 0
    {
      diagnostics.emit(
        Diagnostic(
          severity: .warning, stage: "fetch", file: path, offset: keptEnd, code: "recovered-interrupted-warc",
          message: "an earlier run stopped while writing this file; kept \(kept.count) complete records as "
            + "\(finalName)" + (size > keptEnd ? ", cut \(size - keptEnd) bytes" : "")
            + (stopReason.map { " (\($0))" } ?? "")))
      return Outcome(partFile: name, recoveredAs: finalName, recordsKept: kept.count, bytesCut: size - keptEnd)
    }
    unlink(path)
    diagnostics.emit(
      Diagnostic(
        severity: .warning, stage: "fetch", file: path, code: "removed-interrupted-warc",
        message: "an earlier run stopped while writing this file before any complete fetch; removed it"))
    return Outcome(partFile: name, recoveredAs: nil, recordsKept: 0, bytesCut: size)
  }

  private static func truncateAndSync(path: String, length: Int) -> Bool {
    let fd = open(path, O_WRONLY | O_CLOEXEC)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    return ftruncate(fd, off_t(length)) == 0 && fsync(fd) == 0
  }
}

/// An exclusive lock on an output folder (`flock` on `.index/lock`), so that two runs
/// (say, an overlapping cron run) never write or recover the same folder at once. The
/// kernel releases it when the process dies.
public final class FetchLock {
  private let fd: Int32

  /// Takes the lock, or throws when another process holds it.
  public init(folder: String) throws {
    let lockFolder = folder + "/" + ArchivedIndex.sidecarFolder
    try FileSystem.createDirectories(lockFolder)
    let path = lockFolder + "/lock"
    fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    if fd < 0 { throw FileError(path: path, operation: "open", errno: errno) }
    if flock(fd, LOCK_EX | LOCK_NB) != 0 {
      close(fd)
      throw FetchError.folderBusy(folder)
    }
  }

  deinit {
    flock(fd, LOCK_UN)
    close(fd)
  }
}
