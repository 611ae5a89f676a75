import ArchiveReader

/// A replay server's answer to a raw (`id_`) capture request, split into what the site sent
/// when it was archived and what the replay server added.
///
/// Replay servers (pywb, the Wayback Machine) send the archived headers they must not apply
/// themselves as `X-Archive-Orig-NAME` and add their own: `Memento-Datetime` (the capture's
/// date), `Content-Location` (the capture's replay URL), `Link`, their own `Date`. The site's
/// head is rebuilt from the headers in the order received: `X-Archive-Orig-` prefixes
/// removed, the replay server's own headers left out. Those go to a `metadata` record.
struct ReplayResponse {
  /// The archived status line and headers (the site's), in the order received.
  var archivedHeaders: [(name: String, value: String)]
  /// Headers the replay server added, in the order received.
  var replayHeaders: [(name: String, value: String)]
  /// The capture's date from `Memento-Datetime`, as 14 digits, when sent and readable.
  var mementoStamp: String?
  /// Whether the server marked this as an archived response (`Memento-Datetime`): an archived
  /// 3xx is then the site's redirect, not the archive's.
  var isMemento: Bool

  /// Headers a replay server adds of its own, whatever the archived response had (its own
  /// copies of the site's, if any, come as `X-Archive-Orig-…`).
  static let replayOwned: Set<String> = [
    "memento-datetime", "link", "content-location", "date", "server", "connection", "keep-alive",
    "transfer-encoding", "set-cookie", "server-timing", "x-app-server", "x-ts", "x-tr", "x-location",
    "x-rl", "x-na", "x-page-cache", "x-nid", "x-archive-src", "x-archive-screenname", "permissions-policy",
    "referrer-policy", "content-security-policy", "x-frame-options", "strict-transport-security",
  ]

  static let originalPrefix = "x-archive-orig-"

  /// Splits `headers`. Without any sign of a replay server (no `Memento-Datetime`, no
  /// `X-Archive-Orig-*`) every header is taken as the site's.
  init(headers: [(name: String, value: String)]) {
    let mementoDate = headers.first { $0.name.lowercased() == "memento-datetime" }?.value
    isMemento = mementoDate != nil
    mementoStamp = mementoDate.flatMap(HTTPDate.seconds).map(WARCDate.stamp(seconds:))
    let fromReplay = isMemento || headers.contains { $0.name.lowercased().hasPrefix(Self.originalPrefix) }
    guard fromReplay else {
      archivedHeaders = headers
      replayHeaders = []
      return
    }
    // Body headers the server passed through describe the body it sent; an archived copy
    // of the same name described another form of it and is kept with the replay's headers.
    let passedThrough = Set(
      headers.map { $0.name.lowercased() }.filter {
        !$0.hasPrefix(Self.originalPrefix) && !Self.replayOwned.contains($0)
      })
    var archived: [(name: String, value: String)] = []
    var replay: [(name: String, value: String)] = []
    for (name, value) in headers {
      let lowered = name.lowercased()
      if lowered.hasPrefix(Self.originalPrefix) {
        let original = String(name.dropFirst(Self.originalPrefix.count))
        if passedThrough.contains(original.lowercased()) {
          replay.append((name, value))
        } else {
          archived.append((original, value))
        }
      } else if Self.replayOwned.contains(lowered) || lowered.hasPrefix("x-archive-") {
        replay.append((name, value))
      } else {
        archived.append((name, value))
      }
    }
    archivedHeaders = archived
    replayHeaders = replay
  }

  /// The capture's URL and 14-digit timestamp from a replay URL (`Content-Location` or the
  /// URL asked): `BASE` + digits + modifier + `/` + URL. Nil when `url` is not under `base`.
  static func capture(inReplayURL url: String, base: String) -> (stamp: String, original: String)? {
    guard url.hasPrefix(base) else { return nil }
    let rest = url.dropFirst(base.count)
    let digits = rest.prefix { $0.isNumber }
    guard digits.count >= 4, let slash = rest[digits.endIndex...].firstIndex(of: "/") else { return nil }
    let original = String(rest[rest.index(after: slash)...])
    return original.isEmpty ? nil : (String(digits), original)
  }
}
