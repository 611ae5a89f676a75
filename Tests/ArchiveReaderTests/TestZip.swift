import CZlib

/// Writes small ZIP files for the tests (stored or deflated entries, real zlib, real CRC-32),
/// so the WACZ reader is checked against the format rather than against itself.
enum TestZip {
  struct Entry {
    var name: String
    var bytes: [UInt8]
    var deflated = false
  }

  static func make(_ entries: [Entry]) -> [UInt8] {
    var out: [UInt8] = []
    var directory: [UInt8] = []
    for entry in entries {
      let data = entry.deflated ? TestArchive.gzip(entry.bytes, windowBits: -15) : entry.bytes
      let crc = entry.bytes.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
      let name = Array(entry.name.utf8)
      let method: UInt16 = entry.deflated ? 8 : 0
      let offset = out.count
      out += le32(0x0403_4B50) + le16(20) + le16(0) + le16(method) + le16(0) + le16(0x21) + le32(crc)
      out += le32(UInt32(data.count)) + le32(UInt32(entry.bytes.count)) + le16(UInt16(name.count)) + le16(0)
      out += name + data
      directory += le32(0x0201_4B50) + le16(20) + le16(20) + le16(0) + le16(method) + le16(0) + le16(0x21)
      directory += le32(crc) + le32(UInt32(data.count)) + le32(UInt32(entry.bytes.count))
      directory += le16(UInt16(name.count)) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(UInt32(offset))
      directory += name
    }
    let directoryOffset = out.count
    out += directory
    out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(UInt16(entries.count)) + le16(UInt16(entries.count))
    out += le32(UInt32(directory.count)) + le32(UInt32(directoryOffset)) + le16(0)
    return out
  }

  private static func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
  private static func le32(_ v: UInt32) -> [UInt8] { le16(UInt16(v & 0xFFFF)) + le16(UInt16(v >> 16)) }
}
