import ArchiveReader
import SlackscoreCore
import Synchronization

/// What a revisit record points at: the original capture's record (when written or already
/// archived), URL and WARC date.
struct RevisitTarget: Sendable {
  var recordID: String?
  var uri: String
  var date: String
}

/// The originals revisit captures can point at, by URL + digest and by digest alone (a
/// URL-agnostic revisit repeats a payload archived under another URL).
struct RevisitTargets: Sendable {
  private var byURIAndDigest: [String: RevisitTarget] = [:]
  private var byDigest: [String: RevisitTarget] = [:]

  /// A capture the CDX server listed (not a revisit): a target until its record is written.
  mutating func addListed(_ capture: CDXCapture) {
    guard capture.kind != .revisit, let digest = capture.digest, let date = WARCDate.fromStamp(capture.timestamp)
    else { return }
    let target = RevisitTarget(recordID: nil, uri: capture.original, date: date)
    let key = "sha1:" + digest.uppercased()
    if byURIAndDigest[capture.original + " " + key] == nil { byURIAndDigest[capture.original + " " + key] = target }
    if byDigest[key] == nil { byDigest[key] = target }
  }

  /// A record written (or found archived) with this payload digest (`sha1:…`).
  mutating func addWritten(_ target: RevisitTarget, digest: String) {
    if byURIAndDigest[target.uri + " " + digest]?.recordID == nil { byURIAndDigest[target.uri + " " + digest] = target }
    if byDigest[digest]?.recordID == nil { byDigest[digest] = target }
  }

  /// The original for a revisit of `uri` with payload `digest`: the same URL first.
  func target(uri: String, digest: String) -> RevisitTarget? { byURIAndDigest[uri + " " + digest] ?? byDigest[digest] }
}

extension FetchStage {
  /// Fetches one capture raw (`id_`) from the replay server and writes it as the record it
  /// was archived as: response (any status, a 3xx included), revisit or resource.
  ///
  /// Redirects without `Memento-Datetime` are the replay server's own (to the nearest
  /// capture, or to its canonical form of the URL) and are followed only inside
  /// `replay_base`. The capture's date and URL are the ones the server says it served
  /// (`Memento-Datetime`, `Content-Location`), not the ones asked for.
  func fetchCapture(
    _ capture: CDXCapture, replayBase: String, fetcher: HTTPFetcher, writer: WARCWriter, index: ArchivedIndex
  ) async throws {
    let first = replayBase + capture.timestamp + "id_/" + capture.original
    guard var replay = WebURL(first) else {
      fail(first, code: "bad-url", "fetch.replay_base does not give an absolute http(s) URL")
      return
    }
    var hops = 0
    while true {
      let exchange: HTTPExchange
      switch await fetcher.get(replay, acceptEncoding: true) {
      case .failure(let failure):
        failed(replay.string, failure, context: "capture of \(capture.original): ")
        return
      case .success(let value): exchange = value
      }
      let split = ReplayResponse(headers: exchange.headers)
      if (300...399).contains(exchange.status), !split.isMemento {
        guard let location = exchange.header("Location"), let next = replay.resolving(location) else {
          fail(replay.string, code: "bad-redirect", "the replay server redirected without a usable Location")
          return
        }
        guard next.string.hasPrefix(replayBase) else {
          fail(
            replay.string, code: "capture-redirect-off-replay",
            "the replay server redirected to \(next), outside fetch.replay_base; not followed")
          return
        }
        guard hops < config.maxRedirects else {
          fail(replay.string, code: "too-many-redirects", "more than \(config.maxRedirects) replay redirects")
          return
        }
        hops += 1
        replay = next
        continue
      }
      guard split.isMemento || exchange.status == 200 else {
        fail(
          replay.string, code: "capture-http-error",
          "the replay server answered HTTP \(exchange.status) \(exchange.reason)")
        return
      }
      try await store(
        capture, exchange: exchange, split: split, replay: replay, replayBase: replayBase, writer: writer, index: index)
      return
    }
  }

  private func store(
    _ capture: CDXCapture, exchange: HTTPExchange, split: ReplayResponse, replay: WebURL, replayBase: String,
    writer: WARCWriter,
    index: ArchivedIndex
  ) async throws {
    let located = exchange.header("Content-Location").flatMap { replay.resolving($0)?.string }
      .flatMap { ReplayResponse.capture(inReplayURL: $0, base: replayBase) }
    let asked = ReplayResponse.capture(inReplayURL: replay.string, base: replayBase)
    let stamp = split.mementoStamp ?? located?.stamp ?? asked?.stamp ?? capture.timestamp
    let original = located?.original ?? capture.original
    let payloadDigest = ContentDigest.sha1(exchange.body).description
    // Each capture once: a replay server may serve another capture than the one asked for
    // (the nearest one, or pywb's target of an archived redirect to the same page).
    let key = original + " " + stamp
    let substituted = stamp != capture.timestamp || original != capture.original
    if substituted {
      diagnostics.emit(
        Diagnostic(
          severity: .warning, stage: "fetch", file: replay.string, code: "capture-substituted",
          message: "asked for \(capture.original) at \(capture.timestamp), the replay server served "
            + "\(original) at \(stamp); stored under the latter unless it is archived already"))
    }
    guard !(substituted && index.contains(uri: original, timestamp: stamp)),
      writtenKeys.withLock({ $0.insert(key).inserted })
    else {
      update { $0.skippedArchived += 1 }
      return
    }
    if !substituted, let listed = capture.digest, !exchange.truncated {
      let chunked = split.archivedHeaders.contains {
        $0.name.lowercased() == "transfer-encoding" && $0.value.lowercased().contains("chunked")
      }
      if "sha1:" + listed.uppercased() == payloadDigest {
        update { $0.digestsMatched += 1 }
      } else if chunked {
        // The archive digested the chunked bytes; replay servers send them de-chunked, and
        // the chunk boundaries are lost: the difference is expected, not a fault.
        update { $0.digestsDechunked += 1 }
        diagnostics.emit(
          Diagnostic(
            severity: .note, stage: "fetch", file: replay.string, code: "capture-digest-dechunked",
            message: "payload digest \(payloadDigest) differs from the CDX digest sha1:\(listed) because the archived "
              + "body was chunked and the replay server sent it de-chunked"))
      } else {
        update { $0.digestMismatches += 1 }
        diagnostics.emit(
          Diagnostic(
            severity: .warning, stage: "fetch", file: replay.string, code: "capture-digest-mismatch",
            message: "payload digest \(payloadDigest) differs from the CDX digest sha1:\(listed): the replay "
              + "server changed the bytes or its index is wrong; stored as received"))
      }
    }
    let date = WARCDate.fromStamp(stamp) ?? exchange.date
    var archived = exchange
    archived.headers = split.archivedHeaders
    var fields: [(name: String, value: String)] = [("WARC-Target-URI", original), ("WARC-Source-URI", replay.string)]
    let kind: WARCRecord.Kind
    let contentType: String
    var block: [UInt8]
    let target =
      capture.kind == .revisit ? revisitTargets.withLock { $0.target(uri: original, digest: payloadDigest) } : nil
    if capture.kind == .resource {
      // A resource record has no HTTP head: the replay server made up the one it sent.
      kind = .resource
      contentType = exchange.header("Content-Type") ?? "application/octet-stream"
      block = exchange.body
    } else if let target, target.uri != original || target.date != date {
      kind = .revisit
      contentType = "application/http;msgtype=response"
      block = archived.responseBlock
      block.removeLast(exchange.body.count)
      fields.append(("WARC-Profile", "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"))
      if let id = target.recordID { fields.append(("WARC-Refers-To", id)) }
      fields += [("WARC-Refers-To-Target-URI", target.uri), ("WARC-Refers-To-Date", target.date)]
    } else {
      kind = .response
      contentType = "application/http;msgtype=response"
      block = archived.responseBlock
    }
    fields.append(("WARC-Payload-Digest", payloadDigest))
    if exchange.truncated { fields.append(("WARC-Truncated", "length")) }
    let record = WARCRecord(kind: kind, date: date, fields: fields, contentType: contentType, block: block)
    var records = [record]
    if !split.replayHeaders.isEmpty {
      records.append(Self.replayMetadata(split, exchange: exchange, replay: replay, of: record, original: original))
    }
    let entry = ArchivedEntry(
      uri: original, timestamp: WARCDate.stamp(fromWARCDate: date) ?? stamp, payloadDigest: payloadDigest,
      kind: .capture, status: kind == .resource ? nil : exchange.status, recordID: record.recordID,
      revisit: kind == .revisit ? true : nil)
    try await writer.write(records, entries: [entry])
    if kind != .revisit {
      revisitTargets.withLock {
        $0.addWritten(RevisitTarget(recordID: record.recordID, uri: original, date: date), digest: payloadDigest)
      }
    }
    update {
      if kind == .revisit { $0.revisits += 1 }
      if kind == .resource { $0.resources += 1 }
    }
    finished(exchange, kind: .capture)
  }

  /// The replay server's own headers, kept beside the capture (`metadata`, concurrent to it)
  /// as `application/warc-fields`: `replay-url`, `replay-status`, then each header as sent.
  static func replayMetadata(
    _ split: ReplayResponse, exchange: HTTPExchange, replay: WebURL, of record: WARCRecord, original: String
  ) -> WARCRecord {
    var text = "replay-url: \(replay.string)\r\nreplay-status: \(exchange.status) \(exchange.reason)\r\n"
    for (name, value) in split.replayHeaders { text += "\(name): \(WARCRecord.sanitized(value))\r\n" }
    return WARCRecord(
      kind: .metadata, date: record.date,
      fields: [("WARC-Target-URI", original), ("WARC-Concurrent-To", record.recordID)],
      contentType: "application/warc-fields", block: Array(text.utf8))
  }
}
