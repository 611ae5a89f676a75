/// Politeness per host: at most `concurrency` requests in flight to one host, and request
/// starts at least `delay` apart. Waiters are served first come, first served.
public actor HostScheduler {
  private struct HostState {
    var active = 0
    var lastStart: ContinuousClock.Instant?
    var waiters: [CheckedContinuation<Void, Never>] = []
  }

  private let delay: Duration
  private let concurrency: Int
  private var hosts: [String: HostState] = [:]
  private let clock = ContinuousClock()

  public init(delay: Duration, concurrency: Int) {
    self.delay = delay
    self.concurrency = max(1, concurrency)
  }

  /// Waits for a slot on `host` and for the delay since the previous start. Pair with ``release(_:)``.
  public func acquire(_ host: String) async {
    var state = hosts[host, default: HostState()]
    if state.active >= concurrency || !state.waiters.isEmpty {
      await withCheckedContinuation { continuation in
        hosts[host, default: HostState()].waiters.append(continuation)
      }
      // `release` handed its slot over; `active` already counts it.
    } else {
      state.active += 1
      hosts[host] = state
    }
    let now = clock.now
    let earliest = hosts[host]?.lastStart.map { $0 + delay } ?? now
    let start = max(now, earliest)
    hosts[host, default: HostState()].lastStart = start
    if start > now {
      try? await Task.sleep(until: start, clock: clock)
      // Sleeps overshoot: count the delay from the real start, not the planned one.
      let actual = clock.now
      if let planned = hosts[host]?.lastStart, actual > planned { hosts[host]?.lastStart = actual }
    }
  }

  /// Gives the slot back (to the next waiter, if any).
  public func release(_ host: String) {
    guard var state = hosts[host] else { return }
    if state.waiters.isEmpty {
      state.active = max(0, state.active - 1)
      hosts[host] = state
    } else {
      let next = state.waiters.removeFirst()
      hosts[host] = state
      next.resume()
    }
  }
}
