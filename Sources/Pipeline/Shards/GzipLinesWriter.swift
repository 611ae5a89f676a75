import ArchiveReader
import SlackscoreCore

/// Writes a gzip file atomically (``AtomicFileWriter``) in pieces: every MiB of input becomes one
/// gzip member (``GzipMember``), so memory stays bounded and any gzip reader reads the members as
/// one stream.
final class GzipLinesWriter {
  private let file: AtomicFileWriter
  private var pending: [UInt8] = []
  private static let memberBytes = 1 << 20

  /// Opens the temporary file beside `path`.
  init(path: String) throws(FileError) {
    file = try AtomicFileWriter(path: path)
    pending.reserveCapacity(Self.memberBytes)
  }

  /// Appends uncompressed bytes.
  func write(_ bytes: some Collection<UInt8>) throws(FileError) {
    pending.append(contentsOf: bytes)
    if pending.count >= Self.memberBytes { try flush() }
  }

  /// Compresses what is left and renames the file into place.
  func commit() throws(FileError) {
    try flush()
    try file.commit()
  }

  private func flush() throws(FileError) {
    guard !pending.isEmpty else { return }
    try file.write(GzipMember.compress(pending))
    pending.removeAll(keepingCapacity: true)
  }
}
