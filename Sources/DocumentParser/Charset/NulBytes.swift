#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// NUL bytes in a UTF-8 page: libxml2's HTML parser reads one as the end of its input, so a
/// run of them (padding left by a broken server or archiver) cuts the page off there. No
/// browser shows them; they are dropped before parsing.
enum NulBytes {
  /// The bytes without their NULs, or nil when there are none (the usual case: one `memchr`,
  /// no copy).
  static func removed(from bytes: [UInt8]) -> [UInt8]? {
    let found = bytes.withUnsafeBytes { raw -> Bool in
      guard let base = raw.baseAddress, raw.count > 0 else { return false }
      return memchr(base, 0, raw.count) != nil
    }
    guard found else { return nil }
    return bytes.filter { $0 != 0 }
  }
}
