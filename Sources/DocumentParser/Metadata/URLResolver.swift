/// Resolves link targets against a base URL (RFC 3986, section 5.2) without Foundation.
struct URLResolver {
  /// `scheme://authority` of the base, e.g. `https://example.org`.
  private let origin: String?
  private let scheme: String?
  /// The base path (starting with `/`), without query or fragment.
  private let basePath: String
  private let baseWithoutFragment: String?

  init(base: String?) {
    guard let base, let parts = Self.split(base), let authority = parts.authority else {
      origin = nil
      scheme = nil
      basePath = "/"
      baseWithoutFragment = nil
      return
    }
    scheme = parts.scheme
    origin = parts.scheme + "://" + authority
    basePath = parts.path.isEmpty ? "/" : parts.path
    baseWithoutFragment = base.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(
      String.init)
  }

  private static let https = Array("https://".utf8)
  private static let http = Array("http://".utf8)

  /// The absolute `http(s)` URL for `reference`, or nil when it is not a web link
  /// (`javascript:`, `mailto:`, a bare fragment) or cannot be made absolute.
  func resolve(_ reference: String) -> String? {
    let trimmed = reference.trimmingWhitespace()
    guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { return nil }
    // Fast path: already absolute http(s) with an authority.
    let utf8 = trimmed.utf8
    if utf8.starts(with: Self.https) && utf8.count > 8 && utf8[utf8.index(utf8.startIndex, offsetBy: 8)] != 0x2F {
      return trimmed
    }
    if utf8.starts(with: Self.http) && utf8.count > 7 && utf8[utf8.index(utf8.startIndex, offsetBy: 7)] != 0x2F {
      return trimmed
    }
    if let parts = Self.split(trimmed) {
      guard parts.scheme == "http" || parts.scheme == "https", parts.authority != nil else { return nil }
      return trimmed
    }
    if let colon = utf8.firstIndex(of: 0x3A), colon > utf8.startIndex,
      utf8[..<colon].allSatisfy({
        $0 & 0x80 != 0 || ByteClass.isASCIILetter($0) || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E
      })
    {
      return nil  // another scheme (mailto:, javascript:, tel:, data:)
    }
    guard let origin, let scheme else { return nil }
    if utf8.starts(with: Self.twoSlashes) { return scheme + ":" + trimmed }
    if utf8.first == 0x2F { return origin + Self.removeDotSegments(trimmed) }
    if utf8.first == 0x3F {
      return origin + basePath + trimmed
    }
    let directory = basePath.lastIndex(of: "/").map { String(basePath[...$0]) } ?? "/"
    return origin + Self.removeDotSegments(directory + trimmed)
  }

  private static let twoSlashes = Array("//".utf8)

  /// The lower-cased scheme, the authority (nil when there is none or it is empty) and the path
  /// without query or fragment of an absolute URL; nil when `url` has no scheme.
  static func split(_ url: String) -> (scheme: String, authority: String?, path: String)? {
    guard let colon = url.utf8.firstIndex(of: 0x3A) else { return nil }
    // A scheme is ASCII: a letter, then letters, digits, `+`, `-`, `.` (RFC 3986, 3.1).
    let head = url.utf8[..<colon]
    guard let first = head.first, ByteClass.isASCIILetter(first),
      head.allSatisfy({ ByteClass.isASCIILetter($0) || ByteClass.isDigit($0) || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E }
      )
    else { return nil }
    let scheme = String(url[..<colon]).lowercased()
    let rest = url[url.index(after: colon)...]
    guard rest.hasPrefix("//") else { return (scheme, nil, String(rest)) }
    let afterSlashes = rest.dropFirst(2)
    let end = afterSlashes.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? afterSlashes.endIndex
    let authority = String(afterSlashes[..<end])
    var path = String(afterSlashes[end...])
    if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = String(path[..<cut]) }
    return (scheme, authority.isEmpty ? nil : authority, path)
  }

  /// Removes `.` and `..` segments from the path part (query and fragment kept as is).
  static func removeDotSegments(_ reference: String) -> String {
    let bytes = reference.utf8
    let cut = bytes.firstIndex { $0 == 0x3F || $0 == 0x23 } ?? bytes.endIndex
    // Nothing to remove unless the path has a segment starting with a dot.
    let pathBytes = bytes[..<cut]
    var hasDotSegment = pathBytes.first == 0x2E
    var previous: UInt8 = 0
    for b in pathBytes {
      if previous == 0x2F && b == 0x2E {
        hasDotSegment = true
        break
      }
      previous = b
    }
    guard hasDotSegment else { return reference }
    let path = String(reference[..<cut])
    let tail = String(reference[cut...])
    var output: [Substring] = []
    let segments = path.split(separator: "/", omittingEmptySubsequences: false)
    for (i, segment) in segments.enumerated() {
      if segment == "." {
        if i == segments.count - 1 { output.append("") }
        continue
      }
      if segment == ".." {
        if output.count > 1 { output.removeLast() }
        if i == segments.count - 1 { output.append("") }
        continue
      }
      output.append(segment)
    }
    var joined = output.joined(separator: "/")
    if !joined.hasPrefix("/") { joined = "/" + joined }
    return joined + tail
  }
}

extension String {
  /// Trims ASCII whitespace and no-break spaces at both ends.
  func trimmingWhitespace() -> String {
    // Most strings have nothing to trim: look at the two end bytes first.
    guard let head = utf8.first, let tail = utf8.last else { return self }
    @inline(__always) func plain(_ b: UInt8) -> Bool {
      b != 0x20 && b != 0x0A && b != 0x09 && b != 0x0D && b != 0x0C && b != 0xC2 && b != 0xA0
    }
    if plain(head) && plain(tail) { return self }
    let scalars = unicodeScalars
    func isSpace(_ s: Unicode.Scalar) -> Bool {
      s == " " || s == "\n" || s == "\t" || s == "\r" || s == "\u{A0}" || s == "\u{0C}"
    }
    guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
    let last = scalars.lastIndex(where: { !isSpace($0) })!
    if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return self }
    return String(scalars[first...last])
  }

  /// Collapses runs of whitespace to one space and trims.
  func collapsingWhitespace() -> String {
    if isCollapsed { return self }
    var out = ""
    var pendingSpace = false
    for scalar in unicodeScalars {
      if scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar == "\u{A0}" {
        pendingSpace = !out.isEmpty
      } else {
        if pendingSpace {
          out.unicodeScalars.append(" ")
          pendingSpace = false
        }
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}

extension String {
  /// Whether `collapsingWhitespace()` would return the string unchanged: no edge spaces, no
  /// tabs, line breaks or no-break spaces, no double spaces (checked over the bytes).
  fileprivate var isCollapsed: Bool {
    var copy = self
    return copy.withUTF8 { bytes in
      guard let first = bytes.first, let last = bytes.last else { return true }
      if first == 0x20 || last == 0x20 { return false }
      var previousSpace = false
      for b in bytes {
        switch b {
        case 0x0A, 0x09, 0x0D, 0xC2: return false  // 0xC2: maybe a no-break space; take the slow path
        case 0x20:
          if previousSpace { return false }
          previousSpace = true
        default: previousSpace = false
        }
      }
      return true
    }
  }
}

/// ASCII byte classes for URL scanning.
enum ByteClass {
  @inline(__always) static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
  @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
}
