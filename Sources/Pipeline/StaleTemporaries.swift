import SlackscoreCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Temporaries (`NAME.tmp-PID`) left by a writer that was killed before it could rename or
/// remove them. A run removes those of processes that no longer exist, under the folder's
/// lock; a live writer's temporary is left alone.
public enum StaleTemporaries {
  /// Removes stale temporaries directly in `folder`; returns the names removed.
  @discardableResult
  public static func remove(in folder: String) -> [String] {
    guard let names = try? FileSystem.contents(of: folder) else { return [] }
    var removed: [String] = []
    for name in names.sorted() {
      guard let pid = pid(of: name), pid != getpid(), !isAlive(pid) else { continue }
      let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
      if unlink(path) == 0 { removed.append(name) }
    }
    return removed
  }

  /// The PID in `NAME.tmp-PID`, or nil for any other name.
  static func pid(of name: String) -> Int32? {
    guard let dash = name.lastIndex(of: "-"), name[..<dash].hasSuffix(".tmp") else { return nil }
    let digits = name[name.index(after: dash)...]
    guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let pid = Int32(digits), pid > 0 else {
      return nil
    }
    return pid
  }

  static func isAlive(_ pid: Int32) -> Bool { kill(pid, 0) == 0 || errno == EPERM }
}
