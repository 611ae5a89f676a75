import SlackscoreCore

/// Where a record can be found again: the file offset to start reading at (for gzip,
/// the start of the member) and how many decompressed bytes to skip from there.
public struct RecordLocation: Sendable, Hashable {
  public var path: String
  public var fileOffset: Int
  public var skip: Int

  public init(path: String, fileOffset: Int, skip: Int = 0) {
    self.path = path
    self.fileOffset = fileOffset
    self.skip = skip
  }
}

/// The archive's logical bytes (a plain file, or the concatenated output of its gzip
/// members or zstd frames), read forward through a window. Record framing is written once against
/// this protocol.
protocol ByteStream: AnyObject {
  /// The buffered bytes from `position` on. Valid until the next `fill`, `consume` or `skip`.
  var available: UnsafeRawBufferPointer { get }
  /// Logical position of `available`'s first byte.
  var position: Int { get }
  /// Buffers at least `n` bytes unless the stream ends first; returns whether it did.
  func fill(atLeast n: Int) -> Bool
  /// Marks `n` available bytes as read.
  func consume(_ n: Int)
  /// Skips `n` bytes, buffered or not; returns how many there were.
  func skip(_ n: Int) -> Int
  /// The file byte range holding logical bytes `[start, end)`: offset and length
  /// (length nil when not known yet, e.g. inside a gzip member still being read).
  func fileSpan(from start: Int, to end: Int) -> (offset: Int, length: Int?)
  /// Where to find logical position `position` again.
  func location(of position: Int) -> RecordLocation
  /// Position-to-file mappings before `position` will not be asked for again.
  func forget(before position: Int)
  /// The end of the stretch holding `position` that an intact record does not run past
  /// when the next stretch starts with a record header: a plain file's size; for gzip, the
  /// end of the member holding `position` once it is decoded. Nil when not known.
  func segmentEnd(containing position: Int) -> Int?
  /// Where the first stretch of damaged output that overlaps `range` ends (the output of a
  /// corrupt gzip member; one that gave no output counts when it falls inside `range`): no
  /// record overlapping it is intact, and the next record may start right after it. Nil
  /// when there is none.
  func damage(in range: Range<Int>) -> Int?
  /// Why a record overlapping damaged output is rejected (`corrupt-gzip-member`,
  /// `corrupt-zstd-frame`).
  var damageReason: String { get }
  /// Starts reading again at `location`, whose logical position is `position` (after a
  /// lying length sent the reader past a record it must go back to).
  func rewind(to location: RecordLocation, position: Int)
}

/// An uncompressed archive: logical bytes are file bytes.
final class PlainByteStream: ByteStream {
  let input: FileInput

  init(input: FileInput) {
    self.input = input
  }

  var available: UnsafeRawBufferPointer { input.bytes }
  var position: Int { input.fileOffset }

  func fill(atLeast n: Int) -> Bool { input.fill(minimum: n) }
  func consume(_ n: Int) { input.consume(n) }
  func skip(_ n: Int) -> Int { input.skip(n) }

  func fileSpan(from start: Int, to end: Int) -> (offset: Int, length: Int?) { (start, end - start) }
  func location(of position: Int) -> RecordLocation { RecordLocation(path: input.path, fileOffset: position) }
  func forget(before position: Int) {}

  func segmentEnd(containing position: Int) -> Int? { input.size }
  func damage(in range: Range<Int>) -> Int? { nil }
  var damageReason: String { "damaged-data" }
  func rewind(to location: RecordLocation, position: Int) { input.seek(to: location.fileOffset) }
}
