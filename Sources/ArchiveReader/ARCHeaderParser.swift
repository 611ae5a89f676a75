import SlackscoreCore

/// Parses ARC header lines.
///
/// ARC v1: `URL IP-address Archive-date Content-type Archive-length`; v2 adds result
/// code, checksum, location, offset and filename before the length. URLs may contain
/// spaces, so fields are taken from the right.
enum ARCHeaderParser {
  /// One parsed ARC header line.
  struct Line {
    var url: String
    var date: String
    var mime: String
    /// nil when the length field is not a number (`-1`, `-`, `abc`).
    var length: Int?
    var rawLength: String
  }

  /// Parses `bytes[start..<end]` (the line without its `\n`). `version` is 1 or 2 when
  /// the file's filedesc said so; nil guesses from the number of fields.
  static func parseLine(_ bytes: UnsafeRawBufferPointer, _ start: Int, _ end: Int, version: Int?) -> Line? {
    var (s, e) = ByteScanning.trim(bytes, start, end)
    guard e - s >= 9, e - s < 16384 else { return nil }
    var tokens: [(Int, Int)] = []
    var i = s
    while i < e {
      while i < e && bytes[i] == 0x20 { i += 1 }
      let t = i
      while i < e && bytes[i] != 0x20 { i += 1 }
      if i > t { tokens.append((t, i)) }
    }
    let trailing: Int
    switch version {
    case 2: trailing = 9
    case 1: trailing = 4
    default: trailing = tokens.count >= 10 && isDigits(bytes, tokens[tokens.count - 6]) ? 9 : 4
    }
    guard tokens.count >= trailing + 1 else { return nil }
    let urlEnd = tokens.count - trailing
    let url = (tokens[0].0, tokens[urlEnd - 1].1)
    let dateToken = tokens[urlEnd + 1]
    guard isDigits(bytes, dateToken), dateToken.1 - dateToken.0 >= 8 else { return nil }
    guard ByteSearch.index(of: 0x3A, in: UnsafeRawBufferPointer(rebasing: bytes[..<url.1]), from: url.0) != nil
    else { return nil }
    s = url.0
    let lengthToken = tokens[tokens.count - 1]
    return Line(
      url: ByteScanning.string(bytes, url.0, url.1),
      date: ByteScanning.string(bytes, dateToken.0, dateToken.1),
      mime: ByteScanning.string(bytes, tokens[urlEnd + 2].0, tokens[urlEnd + 2].1),
      length: ByteScanning.decimal(bytes, lengthToken.0, lengthToken.1),
      rawLength: ByteScanning.string(bytes, lengthToken.0, lengthToken.1))
  }

  private static func isDigits(_ bytes: UnsafeRawBufferPointer, _ token: (Int, Int)) -> Bool {
    for i in token.0..<token.1 where (bytes[i] &- 0x30) >= 10 { return false }
    return token.1 > token.0
  }

  /// The ARC version a filedesc block declares on its first line (`1 0 …` → 1, `2 0 …` → 2).
  static func version(fromFiledesc block: UnsafeRawBufferPointer) -> Int? {
    guard let first = block.first else { return nil }
    switch first {
    case 0x31: return 1
    case 0x32: return 2
    default: return nil
    }
  }
}
