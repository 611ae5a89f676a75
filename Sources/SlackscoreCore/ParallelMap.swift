import Dispatch
import Foundation
import Synchronization

/// Work spread over threads with results in input order, for the stages that decode and
/// analyse JSON Lines in batches (extract, score).
public enum ParallelMap {
  /// `body(i, state)` for every `i` in `0..<count`, in index order, on up to `jobs` threads
  /// (0: all cores) taking chunks of `chunk` indices. One thread works with `state` itself; with
  /// more, each makes its own with `replica(state)` (a detector's own storage, a decoder), so
  /// that threads share nothing mutable.
  public static func map<State: Sendable, T: Sendable>(
    _ count: Int, jobs: Int, chunk: Int = 32, state: State, replica: @escaping @Sendable (State) -> State,
    _ body: @escaping @Sendable (Int, State) -> T
  ) -> [T] {
    let chunks = (count + chunk - 1) / chunk
    let threads = jobs > 0 ? jobs : ProcessInfo.processInfo.activeProcessorCount
    if threads <= 1 || chunks <= 1 { return (0..<count).map { body($0, state) } }
    let results = Mutex<[Int: [T]]>([:])
    let next = Atomic<Int>(0)
    // Plain threads, not concurrentPerform: the latter may run inline when called from a Swift
    // concurrency task (the CLI's async run), which leaves the other cores idle.
    let done = DispatchSemaphore(value: 0)
    let workers = min(threads, chunks)
    for _ in 0..<workers {
      let thread = Thread {
        let own = replica(state)
        while true {
          let c = next.add(1, ordering: .relaxed).oldValue
          guard c < chunks else { break }
          let part = ((c * chunk)..<min(count, (c + 1) * chunk)).map { body($0, own) }
          results.withLock { $0[c] = part }
        }
        done.signal()
      }
      thread.stackSize = 8 << 20
      thread.start()
    }
    for _ in 0..<workers { done.wait() }
    let parts = results.withLock { $0 }
    return (0..<chunks).flatMap { parts[$0] ?? [] }
  }
}
