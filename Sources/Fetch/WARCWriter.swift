public import ArchiveReader
public import SlackscoreCore

#if canImport(Glibc)
  import Glibc
#endif

/// Writes WARC/1.1 records (ArchiveReader's ``WARCRecord``, each as its own gzip member)
/// into `.warc.gz` files, rotating to a new file once a file reaches `maxFileBytes`.
///
/// Each file is written as `NAME.warc.gz.part` and renamed to `NAME.warc.gz` only after it
/// has been flushed and synced, so a killed run never leaves a torn file under a final
/// name. Every file starts with its own `warcinfo` record; the other records carry
/// `WARC-Warcinfo-ID` pointing at it. Files are opened lazily: a run that writes nothing
/// creates nothing.
public actor WARCWriter {
  /// Where and how files are written.
  public struct Options: Sendable {
    /// Folder for the files (created when missing).
    public var folder: String
    /// File name prefix, e.g. the pipeline name.
    public var prefix: String
    /// A file is closed once it holds at least this many bytes (compressed).
    public var maxFileBytes: Int
    /// Fields of each file's `warcinfo` record (`software`, `format`, …), in order.
    public var warcinfoFields: [(name: String, value: String)]
    /// zlib level, 0...9.
    public var compressionLevel: Int32

    public init(
      folder: String, prefix: String, maxFileBytes: Int, warcinfoFields: [(name: String, value: String)],
      compressionLevel: Int32 = 6
    ) {
      self.folder = folder
      self.prefix = prefix
      self.maxFileBytes = maxFileBytes
      self.warcinfoFields = warcinfoFields
      self.compressionLevel = compressionLevel
    }
  }

  /// Where a record landed.
  public struct Placement: Sendable, Hashable {
    /// Final file name (without folder and without `.part`).
    public var file: String
    /// Offset of the record's gzip member in the file.
    public var offset: Int
    /// Compressed length of the member.
    public var length: Int
  }

  private struct OpenFile {
    var fd: Int32
    var name: String
    var partPath: String
    var size: Int
    var warcinfoID: String
    var entries: [ArchivedEntry]
  }

  private let options: Options
  private let runStamp: String
  private var sequence = 0
  private var current: OpenFile?
  /// Final names of the files closed so far, in order.
  public private(set) var closedFiles: [String] = []
  /// Compressed bytes written so far (all files).
  public private(set) var bytesWritten = 0
  /// Records written so far (all files, `warcinfo` included).
  public private(set) var recordsWritten = 0

  /// A writer; `runStamp` (14 digits, UTC) names this run's files.
  public init(options: Options, runStamp: String) {
    self.options = options
    self.runStamp = runStamp
  }

  /// Writes `records` back to back with a single `write(2)` (a fetch's request and
  /// response records stay together), then rotates if the file is full. `entries` are
  /// what the archived index learns from these records; they are saved beside the file
  /// when it is closed.
  @discardableResult
  public func write(_ records: [WARCRecord], entries: [ArchivedEntry] = []) throws(FileError) -> [Placement] {
    guard !records.isEmpty else { return [] }
    if current == nil { try openNextFile() }
    guard var file = current else { return [] }
    var bytes: [UInt8] = []
    var placements: [Placement] = []
    for record in records {
      let member = record.gzipMember(warcinfoID: file.warcinfoID, level: options.compressionLevel)
      placements.append(Placement(file: file.name, offset: file.size + bytes.count, length: member.count))
      bytes.append(contentsOf: member)
    }
    try FileSystem.writeAll(fd: file.fd, bytes, path: file.partPath)
    file.size += bytes.count
    file.entries.append(
      contentsOf: entries.map { entry in
        var entry = entry
        entry.file = file.name
        return entry
      })
    current = file
    bytesWritten += bytes.count
    recordsWritten += records.count
    if file.size >= options.maxFileBytes { try closeCurrentFile() }
    return placements
  }

  /// Closes the open file, if any: sync, rename into place, save its index entries.
  public func close() throws(FileError) {
    try closeCurrentFile()
  }

  private func openNextFile() throws(FileError) {
    try FileSystem.createDirectories(options.folder)
    while true {
      let name =
        "\(options.prefix)-\(runStamp)-\(String(repeating: "0", count: max(0, 5 - String(sequence).count)))\(sequence).warc.gz"
      sequence += 1
      let finalPath = options.folder + "/" + name
      let partPath = finalPath + ".part"
      if FileSystem.exists(finalPath) { continue }
      let fd = open(partPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
      if fd < 0 {
        if errno == EEXIST { continue }
        throw FileError(path: partPath, operation: "create", errno: errno)
      }
      let info = WARCRecord(
        kind: .warcinfo, date: WARCDate.now(),
        fields: [("WARC-Filename", name)], contentType: "application/warc-fields",
        block: Array(options.warcinfoFields.map { "\($0.name): \(WARCRecord.sanitized($0.value))\r\n" }.joined().utf8))
      let member = info.gzipMember(level: options.compressionLevel)
      do {
        try FileSystem.writeAll(fd: fd, member, path: partPath)
      } catch {
        Glibc.close(fd)
        unlink(partPath)
        throw error
      }
      current = OpenFile(
        fd: fd, name: name, partPath: partPath, size: member.count, warcinfoID: info.recordID, entries: [])
      bytesWritten += member.count
      recordsWritten += 1
      return
    }
  }

  private func closeCurrentFile() throws(FileError) {
    guard let file = current else { return }
    current = nil
    if fsync(file.fd) != 0 {
      let e = errno
      Glibc.close(file.fd)
      throw FileError(path: file.partPath, operation: "sync", errno: e)
    }
    Glibc.close(file.fd)
    let finalPath = options.folder + "/" + file.name
    if rename(file.partPath, finalPath) != 0 {
      throw FileError(path: file.partPath, operation: "rename into place", errno: errno)
    }
    closedFiles.append(file.name)
    // The sidecar is a cache: if this fails, the next run rebuilds it from the WARC.
    try? ArchivedIndex.saveSidecar(entries: file.entries, forFile: file.name, size: file.size, in: options.folder)
  }
}
