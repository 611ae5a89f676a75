public import ArchiveReader
import PageSignals
public import SlackscoreCore

/// Limits against hostile pages.
public struct ParseLimits: Sendable, Hashable {
  /// Pages larger than this are rejected (`payload-too-large`).
  public var maxPayloadBytes: Int
  /// Limits handed to the archive reader.
  public var reader: ReaderLimits

  /// Defaults: 32 MiB pages. The reader decodes no body (and no `.html.gz` page) further
  /// than one byte past `maxPayloadBytes`, since a longer one is rejected anyway: a gzip
  /// bomb costs that much memory, not the reader's general limit.
  public init(maxPayloadBytes: Int = 32 << 20, reader: ReaderLimits? = nil) {
    self.maxPayloadBytes = maxPayloadBytes
    var limits = reader ?? ReaderLimits()
    if reader == nil { limits.maxDecompressedBytes = min(limits.maxDecompressedBytes, maxPayloadBytes + 1) }
    self.reader = limits
  }
}

/// What became of one record.
public enum ParseOutcome: Sendable {
  /// A document (possibly with empty text and an `emptyReason`).
  case document(Document)
  /// Not a page to parse (not HTML, a redirect…), with the reason.
  case skipped(reason: String)
  /// A page that could not be parsed, with the reason.
  case rejected(reason: String)
}

/// Turns one archive record into a ``Document``: charset, libxml2 parse, main-text
/// selection, metadata, links, hashtags, mentions and counters.
public enum DocumentBuilder {
  /// Parses one record.
  public static func build(_ record: ArchiveRecord, limits: ParseLimits = ParseLimits()) -> ParseOutcome {
    if let reason = skipReason(record) { return .skipped(reason: reason) }
    guard record.payload.count <= limits.maxPayloadBytes else {
      return .rejected(reason: "payload-too-large (\(record.payload.count) bytes)")
    }
    let digest = record.payloadDigest ?? ContentDigest.sha1(record.payload).description
    let source = DocumentSource(
      path: record.sourcePath, offset: record.kind == .file ? nil : record.offset, recordId: record.recordID,
      payloadDigest: digest, revisitOf: record.revisitOf)
    var document = Document(
      id: documentID(record, digest: digest), url: record.targetURI, source: source)
    document.capturedAt = record.date
    guard !record.payload.isEmpty else {
      document.emptyReason = "empty-payload"
      return .document(document)
    }
    let prepared = CharsetDecoder.prepare(record.payload, httpCharset: httpCharset(record))
    let page: HTMLDocument
    do {
      page = try HTMLDocument(prepared: prepared, cuttingUnreadRawText: true)
    } catch {
      return .rejected(reason: error.description)
    }
    let model = NoscriptFallback.model(
      for: page, walked: PageWalker.model(of: page), minimumCharacters: MainContentSelector.enoughCharacters)
    fill(&document, from: model, record: record)
    return .document(document)
  }

  /// Fills text and metadata from a page model.
  static func fill(_ document: inout Document, from model: PageModel, record: ArchiveRecord) {
    var selector = MainContentSelector(model: model)
    let selection = selector.select()
    let baseURL =
      model.metadata.baseHref.flatMap { URLResolver(base: record.targetURI).resolve($0) }
      ?? record.targetURI ?? model.metadata.canonical
    let resolver = URLResolver(base: baseURL)
    let metadata = MetadataResolver.resolve(model.metadata, resolver: resolver)
    document.title = metadata.title
    document.author = metadata.author
    document.siteName = metadata.siteName
    document.publishedAt = metadata.publishedAt
    document.canonicalUrl = metadata.canonicalURL
    if document.url == nil { document.url = metadata.canonicalURL }

    document.text = CanonicalComposition.composed(
      MainText.assemble(model: model, blocks: selection.blocks, title: metadata.title))
    if document.text.isEmpty {
      document.emptyReason = model.blocks.isEmpty ? "no-visible-text" : "no-main-content"
    }
    document.lang = language(declared: metadata.lang, text: document.text)
    (document.hashtags, document.mentions) = SocialTokens.scan(document.text)
    document.links = links(model: model, inMain: selection.inMain, resolver: resolver)
    document.counters = CounterCollector.collect(
      model, selection: selection, protected: selector.protected, lang: document.lang)
  }

  /// The page's declared language, unless the text is long enough for the detector and the
  /// detector disagrees (Indonesian sites often keep a template's `lang="en"`).
  static func language(declared: String?, text: String) -> String? {
    let detected = LanguageDetector.detect(text)
    guard let declared else { return detected }
    if let detected, detected != declared, text.utf8.count >= 400 { return detected }
    return declared
  }

  private static func links(model: PageModel, inMain: [Bool], resolver: URLResolver) -> [DocumentLink] {
    var result: [DocumentLink] = []
    result.reserveCapacity(model.links.count)
    var seen = Set<DocumentLink>(minimumCapacity: model.links.count)
    for link in model.links {
      guard let url = resolver.resolve(link.href) else { continue }
      let text = model.anchorText.withUnsafeBufferPointer {
        String(decoding: UnsafeBufferPointer(rebasing: $0[link.textStart..<link.textEnd]), as: UTF8.self)
      }.collapsingWhitespace()
      let main = Int(link.block) < inMain.count && inMain[Int(link.block)]
      let documentLink = DocumentLink(url: url, text: text, inMain: main)
      guard seen.insert(documentLink).inserted else { continue }
      result.append(documentLink)
    }
    return result
  }

  /// Why a record is not a page to parse, or nil.
  static func skipReason(_ record: ArchiveRecord) -> String? {
    if let uri = record.targetURI {
      if uri.hasPrefix("metadata:") || uri.hasPrefix("dns:") { return "crawler-metadata" }
      if isRobotsFile(uri) { return "robots-txt" }
    }
    if let status = record.http?.status {
      if (300..<400).contains(status) { return "http-redirect" }
      if status >= 400 || status < 200 { return "http-error" }
    }
    if let type = record.contentType?.lowercased() {
      let media = type.split(separator: ";").first.map { $0.trimmingCharacters() } ?? ""
      let htmlish =
        media.isEmpty || media.containsBytes("html") || media == "text/plain" || media == "application/octet-stream"
        || media == "unk" || media == "no-type" || media == "text/xml" && looksLikeHTML(record.payload)
      if !htmlish { return "not-html" }
    }
    if ContainerSniffer.looksBinary(record.payload) || hasControlBytesAndNoMarkup(record.payload) { return "not-html" }
    return nil
  }

  /// A site's `/robots.txt` (crawlers fetch it for every host; it asks nothing of readers): a URL
  /// with a host whose path, without query or fragment, is `/robots.txt` in any case.
  static func isRobotsFile(_ uri: String) -> Bool {
    guard let parts = URLResolver.split(uri), parts.authority != nil else { return false }
    return parts.path.lowercased() == "/robots.txt"
  }

  /// Bytes no page starts with: a control byte (NUL, or below TAB, or between CR and ESC) in the
  /// first 512 bytes, and no `<` there. Catches fonts, media and other binaries served as
  /// `application/octet-stream` or untyped that no signature names; UTF-16 pages, whose NULs pair
  /// with `<`, are left to the charset decoder.
  static func hasControlBytesAndNoMarkup(_ payload: [UInt8]) -> Bool {
    let head = payload.prefix(512)
    guard !head.contains(0x3C) else { return false }
    return head.contains { $0 < 0x09 || ($0 > 0x0D && $0 < 0x1B) }
  }

  private static func looksLikeHTML(_ payload: [UInt8]) -> Bool {
    let head = payload.prefix(1024).map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
    return head.withUnsafeBufferPointer { buffer in
      let s = String(decoding: buffer, as: UTF8.self)
      return s.containsBytes("<html") || s.containsBytes("<!doctype html") || s.containsBytes("<body")
    }
  }

  /// The `charset` parameter of the HTTP Content-Type.
  static func httpCharset(_ record: ArchiveRecord) -> String? {
    guard let type = record.http?.value(for: "content-type") ?? record.contentType else { return nil }
    for parameter in type.split(separator: ";").dropFirst() {
      let pair = parameter.split(separator: "=", maxSplits: 1)
      if pair.count == 2, pair[0].trimmingCharacters().lowercased() == "charset" {
        let value = pair[1].trimmingCharacters().filter { $0 != "\"" && $0 != "'" }
        return value.isEmpty ? nil : value
      }
    }
    return nil
  }

  /// A stable id: SHA-256 over what identifies the capture (record id, or target URI and
  /// capture date, or for loose files the file name) and the payload digest, 32 hex digits.
  /// It does not depend on the input path's folder or on the thread count.
  static func documentID(_ record: ArchiveRecord, digest: String) -> String {
    var hasher = ContentDigest.Hasher(.sha256)
    if let recordID = record.recordID {
      hasher.update("record\n" + recordID)
    } else if let uri = record.targetURI {
      hasher.update("capture\n" + uri + "\n" + (record.date ?? ""))
    } else {
      let name = record.sourcePath.split(separator: "/").last.map(String.init) ?? record.sourcePath
      hasher.update("file\n" + name)
    }
    hasher.update("\n" + digest)
    return Hex.encode(hasher.finalize().bytes.prefix(16))
  }
}

extension Substring {
  /// Trims spaces and tabs.
  func trimmingCharacters() -> String {
    String(self).trimmingWhitespace()
  }
}
