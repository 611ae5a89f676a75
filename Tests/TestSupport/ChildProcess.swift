public import Foundation

/// Reads a test's child processes' pipes: both drained at once (a child that fills its stderr
/// pipe cannot block while its stdout is being read) and every `read` retried when a signal
/// interrupts it. Foundation's `readDataToEndOfFile()` traps on `EINTR`, which a `SIGCHLD` from another
/// test's child can cause on a busy machine.
public enum ChildProcess {
  /// Reads `first` and `second` to their ends at the same time.
  public static func readBoth(_ first: FileHandle, _ second: FileHandle) -> (Data, Data) {
    let box = DataBox()
    let group = DispatchGroup()
    DispatchQueue.global().async(group: group) { box.set(readAll(second)) }
    let firstData = readAll(first)
    group.wait()
    return (firstData, box.get())
  }

  /// Everything from `handle` until end of file; a read a signal interrupts is retried.
  public static func readAll(_ handle: FileHandle) -> Data {
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    let fd = handle.fileDescriptor
    while true {
      let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if n > 0 {
        data.append(contentsOf: buffer[0..<n])
      } else if n < 0 && errno == EINTR {
        continue
      } else {
        return data
      }
    }
  }
}

/// One `Data` handed from a reader thread to the waiting one.
private final class DataBox: @unchecked Sendable {
  private let lock = NSLock()
  private var data = Data()
  func set(_ value: Data) { lock.withLock { data = value } }
  func get() -> Data { lock.withLock { data } }
}
