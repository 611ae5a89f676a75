import SlackscoreCore

/// What a file holds, decided from its first bytes (never from its name, except to
/// tell a saved page from unknown bytes).
public enum Container: String, Sendable, Hashable {
  /// WARC, uncompressed.
  case warc
  /// WARC in gzip members (one per record, one for the whole file, or unaligned).
  case warcGzip = "warc.gz"
  /// ARC, uncompressed.
  case arc
  /// ARC in gzip members.
  case arcGzip = "arc.gz"
  /// A saved page.
  case html
  /// A gzip-compressed saved page.
  case htmlGzip = "html.gz"
  /// LZ4 frames (FastWARC's `.warc.lz4`): not read.
  case lz4
  /// WARC in zstd frames (`.warc.zst`, the IIPC WARC zstd profile, maybe with a dictionary).
  case warcZstd = "warc.zst"
  /// zstd frames that do not hold a WARC: not read.
  case zstd
  /// A ZIP file, e.g. WACZ: not read.
  case zip
  /// An empty file.
  case empty
  /// Bytes of no known format.
  case unknown
}

/// Sniffs a file's container, or a record's payload, from its first bytes.
public enum ContainerSniffer {
  /// Classifies raw (compressed or not) leading bytes. `decompressed` is the start of
  /// the decompressed output when the file is gzip or zstd.
  static func sniff(
    raw: UnsafeRawBufferPointer, decompressed: UnsafeRawBufferPointer?, path: String
  ) -> Container {
    if raw.isEmpty { return .empty }
    if raw.count >= 2 && raw[0] == 0x1F && raw[1] == 0x8B {
      guard let inner = decompressed else { return .unknown }
      switch classifyText(inner, path: stripGz(path)) {
      case .warc: return .warcGzip
      case .arc: return .arcGzip
      case .html: return .htmlGzip
      default: return .unknown
      }
    }
    if raw.count >= 4 && raw[0] == 0x04 && raw[1] == 0x22 && raw[2] == 0x4D && raw[3] == 0x18 { return .lz4 }
    if ZstdFrameReader.looksLikeZstd(raw) {
      guard let inner = decompressed else { return .zstd }
      return classifyText(inner, path: "") == .warc ? .warcZstd : .zstd
    }
    if raw.count >= 4 && raw[0] == 0x50 && raw[1] == 0x4B && raw[2] == 0x03 && raw[3] == 0x04 { return .zip }
    return classifyText(raw, path: path)
  }

  private static func stripGz(_ path: String) -> String {
    path.lowercased().hasSuffix(".gz") ? String(path.dropLast(3)) : path
  }

  /// WARC, ARC, HTML or unknown, for uncompressed leading bytes.
  static func classifyText(_ bytes: UnsafeRawBufferPointer, path: String) -> Container {
    var i = 0
    if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { i = 3 }
    while i < bytes.count && ByteScanning.isSpace(bytes[i]) { i += 1 }
    if ByteScanning.hasPrefix(bytes, at: i, "WARC/") { return .warc }
    if ByteScanning.hasPrefix(bytes, at: i, "filedesc:") { return .arc }
    let lower = path.lowercased()
    if lower.hasSuffix(".html") || lower.hasSuffix(".htm") { return .html }
    if i < bytes.count && bytes[i] == 0x3C { return .html }
    if bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)) {
      return .html
    }
    if ARCHeaderParser.parseLine(bytes, 0, ByteSearch.index(of: 0x0A, in: bytes) ?? bytes.count, version: nil)
      != nil
    {
      return .arc
    }
    return .unknown
  }

  /// Signatures of images (PNG, GIF, JPEG, ICO), PDF, ZIP, gzip and fonts (WOFF, TrueType,
  /// OpenType CFF, TrueType collections).
  private static let binarySignatures: [[UInt8]] = [
    [0x89, 0x50, 0x4E, 0x47], [0x47, 0x49, 0x46, 0x38], [0xFF, 0xD8, 0xFF], [0x25, 0x50, 0x44, 0x46],
    [0x50, 0x4B, 0x03, 0x04], [0x1F, 0x8B], [0x00, 0x00, 0x01, 0x00], [0x77, 0x4F, 0x46],
    [0x00, 0x01, 0x00, 0x00], Array("OTTO".utf8), Array("ttcf".utf8),
  ]

  /// Whether a record's payload starts with the signature of a binary format no page is
  /// (image, PDF, archive, font), whatever its declared type says.
  public static func looksBinary(_ payload: [UInt8]) -> Bool {
    binarySignatures.contains { payload.starts(with: $0) }
  }
}
