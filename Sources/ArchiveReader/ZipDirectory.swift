import SlackscoreCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The table of contents of a ZIP file (a WACZ): its central directory, ZIP64 included.
///
/// Sizes and offsets come from the central directory, never from the local headers
/// (which streaming writers may leave empty). Everything is bounds-checked against the
/// file's size; a damaged directory is an error with the offset, never a crash.
struct ZipDirectory {
  /// One file in the ZIP.
  struct Entry: Sendable, Hashable {
    var name: String
    /// 0 stored, 8 deflated; anything else is not read.
    var method: Int
    var compressedSize: Int
    var uncompressedSize: Int
    var localHeaderOffset: Int
    var crc32: UInt32
    var isEncrypted: Bool
  }

  /// Why a ZIP file's directory cannot be read.
  struct Failure: Error {
    var offset: Int
    var message: String
  }

  var entries: [Entry]

  /// Largest central directory read (about 600,000 entries of 100-byte names).
  static let maxDirectoryBytes = 64 << 20

  /// Reads the central directory of the open file `fd`, `fileSize` bytes long.
  static func read(fd: Int32, fileSize: Int) -> Result<ZipDirectory, Failure> {
    let tailLength = min(fileSize, 22 + 0xFFFF)
    let tail = readBytes(fd: fd, at: fileSize - tailLength, count: tailLength)
    guard let eocdIndex = lastIndex(of: 0x0605_4B50, in: tail, before: tail.count - 21) else {
      return .failure(
        Failure(offset: fileSize, message: "no end of central directory record (not a ZIP file, or cut short)"))
    }
    let eocdOffset = fileSize - tailLength + eocdIndex
    var count = Int(le16(tail, eocdIndex + 10))
    var directorySize = Int(le32(tail, eocdIndex + 12))
    var directoryOffset = Int(le32(tail, eocdIndex + 16))
    if count == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
      let locator = readBytes(fd: fd, at: eocdOffset - 20, count: 20)
      guard locator.count == 20, le32(locator, 0) == 0x0706_4B50 else {
        return .failure(Failure(offset: eocdOffset, message: "ZIP64 sizes without a ZIP64 locator"))
      }
      let zip64Offset = Int(clamping: le64(locator, 8))
      let zip64 = readBytes(fd: fd, at: zip64Offset, count: 56)
      guard zip64.count == 56, le32(zip64, 0) == 0x0606_4B50 else {
        return .failure(Failure(offset: zip64Offset, message: "the ZIP64 end of central directory record is missing"))
      }
      count = Int(clamping: le64(zip64, 32))
      directorySize = Int(clamping: le64(zip64, 40))
      directoryOffset = Int(clamping: le64(zip64, 48))
    }
    guard directorySize <= maxDirectoryBytes, directoryOffset <= fileSize - directorySize else {
      return .failure(
        Failure(
          offset: eocdOffset,
          message:
            "the central directory (\(directorySize) bytes at \(directoryOffset)) is too large or outside the file"))
    }
    let directory = readBytes(fd: fd, at: directoryOffset, count: directorySize)
    guard directory.count == directorySize else {
      return .failure(Failure(offset: directoryOffset, message: "cannot read the central directory"))
    }
    var entries: [Entry] = []
    var p = 0
    for _ in 0..<count {
      guard p + 46 <= directory.count, le32(directory, p) == 0x0201_4B50 else {
        return .failure(Failure(offset: directoryOffset + p, message: "damaged central directory entry"))
      }
      let nameLength = Int(le16(directory, p + 28))
      let extraLength = Int(le16(directory, p + 30))
      let commentLength = Int(le16(directory, p + 32))
      let end = p + 46 + nameLength + extraLength + commentLength
      guard end <= directory.count else {
        return .failure(
          Failure(offset: directoryOffset + p, message: "central directory entry runs past the directory"))
      }
      var entry = Entry(
        name: String(decoding: directory[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self),
        method: Int(le16(directory, p + 10)), compressedSize: Int(le32(directory, p + 20)),
        uncompressedSize: Int(le32(directory, p + 24)), localHeaderOffset: Int(le32(directory, p + 42)),
        crc32: le32(directory, p + 16), isEncrypted: le16(directory, p + 8) & 1 != 0)
      applyZip64(directory[(p + 46 + nameLength)..<(p + 46 + nameLength + extraLength)], to: &entry)
      entries.append(entry)
      p = end
    }
    return .success(ZipDirectory(entries: entries))
  }

  /// The file offset where `entry`'s data starts (after its local header), when the local
  /// header is there and the data fits in the file.
  static func dataOffset(of entry: Entry, fd: Int32, fileSize: Int) -> Int? {
    let header = readBytes(fd: fd, at: entry.localHeaderOffset, count: 30)
    guard header.count == 30, le32(header, 0) == 0x0403_4B50 else { return nil }
    let start = entry.localHeaderOffset + 30 + Int(le16(header, 26)) + Int(le16(header, 28))
    return start <= fileSize - entry.compressedSize ? start : nil
  }

  /// Replaces the 32-bit fields marked `0xFFFFFFFF` with the ZIP64 extra field's values
  /// (in the order the format gives: uncompressed size, compressed size, header offset).
  private static func applyZip64(_ extra: ArraySlice<UInt8>, to entry: inout Entry) {
    let bytes = Array(extra)
    var p = 0
    while p + 4 <= bytes.count {
      let id = le16(bytes, p)
      let size = Int(le16(bytes, p + 2))
      guard p + 4 + size <= bytes.count else { return }
      if id == 0x0001 {
        var q = p + 4
        func next() -> Int? {
          guard q + 8 <= p + 4 + size else { return nil }
          defer { q += 8 }
          return Int(clamping: le64(bytes, q))
        }
        if entry.uncompressedSize == 0xFFFF_FFFF, let v = next() { entry.uncompressedSize = v }
        if entry.compressedSize == 0xFFFF_FFFF, let v = next() { entry.compressedSize = v }
        if entry.localHeaderOffset == 0xFFFF_FFFF, let v = next() { entry.localHeaderOffset = v }
        return
      }
      p += 4 + size
    }
  }

  private static func lastIndex(of signature: UInt32, in bytes: [UInt8], before limit: Int) -> Int? {
    var i = limit - 1
    while i >= 0 {
      if le32(bytes, i) == signature { return i }
      i -= 1
    }
    return nil
  }

  /// Up to `count` bytes at `offset` (fewer at the end of the file).
  static func readBytes(fd: Int32, at offset: Int, count: Int) -> [UInt8] {
    guard offset >= 0, count > 0 else { return [] }
    var bytes = [UInt8](repeating: 0, count: count)
    var done = 0
    while done < count {
      let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, count - done, off_t(offset + done)) }
      if n < 0 && errno == EINTR { continue }
      if n <= 0 { break }
      done += n
    }
    return Array(bytes[..<done])
  }

  private static func le16(_ b: [UInt8], _ i: Int) -> UInt16 { UInt16(b[i]) | UInt16(b[i + 1]) << 8 }
  private static func le32(_ b: [UInt8], _ i: Int) -> UInt32 { UInt32(le16(b, i)) | UInt32(le16(b, i + 2)) << 16 }
  private static func le64(_ b: [UInt8], _ i: Int) -> UInt64 { UInt64(le32(b, i)) | UInt64(le32(b, i + 4)) << 32 }
}
