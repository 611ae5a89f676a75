/// Every record of an archive as the framing layer sees it, before any HTTP decoding:
/// including the types the pipeline skips (request, metadata, warcinfo, …).
///
/// `block` points into the reader's window and is valid only inside the callback that
/// receives the record; copy what you keep.
public struct RawArchiveRecord {
  /// The file's container format.
  public enum Format: String, Sendable {
    case warc, arc
  }

  public var format: Format
  /// The header fields. For ARC records they are filled from the ARC header line
  /// (`type` is `filedesc`, `response` or `resource`).
  public var header: WARCHeader
  /// `header.type`, or `unknown` when the record has none.
  public var type: String
  /// Byte offset of the record in the file; for gzip, of the member it starts in.
  public var offset: Int
  /// Bytes the record takes in the file (for gzip: through the end of the member it
  /// ends in), when known.
  public var length: Int?
  /// Where to read this record again (see `ArchiveFileReader.readRecord(at:)`).
  public var location: RecordLocation
  /// The loaded part of the block: all of it, a prefix, or nothing, as asked.
  public var block: UnsafeRawBufferPointer
  /// The block's length as the record declares it (`Content-Length` or ARC length).
  public var declaredLength: Int
  /// The block's real length, when repairs (a lying Content-Length) changed it.
  public var blockLength: Int
  /// Whether `block` holds the entire block.
  public var blockIsComplete: Bool
  /// Whether the file ended before the block did (the record is cut short).
  public var isTruncated: Bool
  /// Repairs and oddities met while framing this record.
  public var notes: [String]
  /// Why the record is unusable when its framing is broken (`bad-content-length`,
  /// `corrupt-gzip-member`); such a record is counted as rejected. Nil for intact records.
  public var damage: String? = nil
}

/// How much of a record's block the caller wants in memory.
public enum BlockNeed: Sendable, Hashable {
  /// Nothing: the block is skipped (streamed past).
  case none
  /// The first bytes (e.g. for HTTP headers).
  case prefix(Int)
  /// The whole block, up to `ReaderLimits.maxRecordBytes`.
  case whole
}
