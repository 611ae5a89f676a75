import SlackscoreCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An exclusive lock on `out/NAME/.lock`, so an overlapping cron run exits at once instead
/// of racing the running one. The kernel drops the lock when the process ends, even on a
/// crash or `kill -9`, so a stale lock file never blocks the next run.
public final class RunLock {
  /// Thrown when another run holds the lock.
  public struct Busy: Error, CustomStringConvertible {
    public var path: String
    public var holder: String?
    public var description: String {
      "another slackscore run holds \(path)\(holder.map { " (\($0))" } ?? ""); exiting without doing anything"
    }
  }

  public let path: String
  private let fd: Int32

  /// Takes the lock or throws `Busy` immediately (never waits).
  public init(path: String) throws {
    self.path = path
    fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw LockError(path: path, errno: errno) }
    if flock(fd, LOCK_EX | LOCK_NB) != 0 {
      let holder = RunLock.readHolder(fd)
      close(fd)
      throw Busy(path: path, holder: holder)
    }
    let note = "pid \(getpid())\n"
    _ = ftruncate(fd, 0)
    _ = note.withCString { pwrite(fd, $0, strlen($0), 0) }
  }

  deinit {
    flock(fd, LOCK_UN)
    close(fd)
  }

  private static func readHolder(_ fd: Int32) -> String? {
    var buffer = [UInt8](repeating: 0, count: 64)
    let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 64, 0) }
    guard n > 0 else { return nil }
    let text = String(decoding: buffer[0..<n], as: UTF8.self)
    return text.split(separator: "\n").first.map(String.init)
  }

  /// The lock file could not be opened.
  public struct LockError: Error, CustomStringConvertible {
    public var path: String
    public var errno: Int32
    public var description: String { "\(path): cannot open lock file: \(String(cString: strerror(errno)))" }
  }
}

/// The lock a stage command takes before writing into a pipeline's output folder, so a
/// standalone `slackscore score` never writes into a folder a run holds.
public enum StageLock {
  /// The environment variable make sets to the lock it holds (`flock out/NAME/.lock make …`),
  /// so the stages it starts do not try to take it again.
  public static let heldByParent = "SLACKSCORE_LOCK_HELD"

  /// Takes `folder/.lock` (creating the folder), or returns nil when the parent process
  /// holds it. Throws ``RunLock/Busy`` when another process does.
  public static func acquire(folder: String) throws -> RunLock? {
    let path = (folder.hasSuffix("/") ? folder : folder + "/") + ".lock"
    if let held = getenv(heldByParent).map({ String(cString: $0) }), held == path { return nil }
    try FileSystem.createDirectories(folder)
    return try RunLock(path: path)
  }
}
