/// Cleaned page metadata: the fields of a ``Document`` that do not come from the main text.
struct ResolvedMetadata: Sendable, Hashable {
  var title: String?
  var publishedAt: String?
  var author: String?
  var siteName: String?
  var canonicalURL: String?
  var lang: String?
}

/// Chooses each metadata field from the page's sources, most specific first.
enum MetadataResolver {
  /// Resolves metadata from the walk's raw findings.
  static func resolve(_ raw: PageMetadata, resolver: URLResolver) -> ResolvedMetadata {
    var result = ResolvedMetadata()
    func meta(_ keys: String...) -> String? {
      for key in keys {
        if let value = raw.metas.first(where: { $0.key == key })?.content.collapsingWhitespace(), !value.isEmpty {
          return value
        }
      }
      return nil
    }
    let siteName =
      meta("og:site_name", "application-name", "twitter:site")
      ?? raw.jsonLD.lazy.compactMap { JSONLDScanner.nestedName(after: "publisher", in: $0) }.first
    result.siteName = siteName

    let titleElement = raw.titleElement?.collapsingWhitespace()
    let heading = raw.firstHeading?.collapsingWhitespace()
    if let og = meta("og:title", "twitter:title") {
      result.title = TitleCleaner.clean(og, siteName: siteName)
    } else if let heading, !heading.isEmpty {
      result.title = heading
    } else if let titleElement, !titleElement.isEmpty {
      result.title = TitleCleaner.clean(titleElement, siteName: siteName)
    } else if let headline = raw.jsonLD.lazy.compactMap({ JSONLDScanner.string(for: "headline", in: $0) }).first {
      result.title = headline.collapsingWhitespace()
    }

    result.publishedAt =
      meta(
        "article:published_time", "og:published_time", "datepublished", "publishdate", "pubdate",
        "date", "dc.date.issued", "dc.date", "sailthru.date", "parsely-pub-date", "content_publishedDate")
      ?? raw.jsonLD.lazy.compactMap { JSONLDScanner.string(for: "datePublished", in: $0) }.first
      ?? raw.times.first.map { $0.trimmingWhitespace() }

    result.author =
      meta("author", "article:author", "dc.creator", "parsely-author", "sailthru.author", "twitter:creator")
      ?? raw.jsonLD.lazy.compactMap { JSONLDScanner.nestedName(after: "author", in: $0) }.first
      ?? raw.authors.lazy.map { $0.collapsingWhitespace() }.first { !$0.isEmpty }
    if let author = result.author, author.hasPrefix("http"), author.contains("facebook.com") { result.author = nil }

    if let canonical = raw.canonical.flatMap(resolver.resolve) ?? meta("og:url").flatMap(resolver.resolve) {
      result.canonicalURL = canonical
    }
    if let lang = raw.htmlLang ?? meta("content-language", "og:locale", "language") {
      result.lang = normalizeLanguage(lang)
    }
    return result
  }

  /// `en-US` → `en`, `id_ID` → `id`, `in` (old Indonesian code) → `id`.
  static func normalizeLanguage(_ tag: String) -> String? {
    let primary = tag.trimmingWhitespace().lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first
    guard let primary, primary.count == 2 || primary.count == 3, primary.allSatisfy({ $0.isLetter && $0.isASCII })
    else { return nil }
    if primary == "in" { return "id" }
    return String(primary)
  }
}

/// Strips a site name from a page title: "Headline | Site", "Site - Headline".
enum TitleCleaner {
  static let separators = [" | ", " - ", " – ", " — ", " :: ", " » ", " « ", " · ", " / "]

  static func clean(_ title: String, siteName: String?) -> String {
    var title = title.collapsingWhitespace()
    if let siteName, !siteName.isEmpty {
      let site = siteName.lowercased()
      for separator in separators {
        if title.lowercased().hasSuffix(separator.lowercased() + site) {
          title = String(title.dropLast(separator.count + siteName.count))
          return title.trimmingWhitespace()
        }
        if title.lowercased().hasPrefix(site + separator.lowercased()) {
          title = String(title.dropFirst(separator.count + siteName.count))
          return title.trimmingWhitespace()
        }
      }
    }
    // Without a known site name: drop a short last part after a separator.
    for separator in separators {
      let parts = title.components(separatedBy: separator)
      if parts.count >= 2, let last = parts.last, last.split(separator: " ").count <= 4 {
        let head = parts.dropLast().joined(separator: separator)
        if head.split(separator: " ").count >= 3 { return head.trimmingWhitespace() }
      }
    }
    return title
  }
}

extension String {
  /// Splits on a separator string, searching UTF-8 bytes (no Foundation, no regex engine).
  func components(separatedBy separator: String) -> [String] {
    let hay = Array(utf8)
    let needle = Array(separator.utf8)
    guard !needle.isEmpty, hay.count >= needle.count else { return [self] }
    var parts: [String] = []
    var start = 0
    var i = 0
    while i <= hay.count - needle.count {
      if hay[i] == needle[0] && hay[i..<(i + needle.count)].elementsEqual(needle) {
        parts.append(String(decoding: hay[start..<i], as: UTF8.self))
        i += needle.count
        start = i
      } else {
        i += 1
      }
    }
    if parts.isEmpty { return [self] }
    parts.append(String(decoding: hay[start...], as: UTF8.self))
    return parts
  }
}

/// The value of one hexadecimal digit.
private func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
  switch scalar {
  case "a"..."f": return scalar.value - 0x61 + 10
  case "A"..."F": return scalar.value - 0x41 + 10
  default: return nil
  }
}

/// Reads single string fields out of JSON-LD text without a full JSON parse (enough for
/// `datePublished`, `headline`, `author.name`, `publisher.name`).
enum JSONLDScanner {
  /// The first string value of `"key": "…"`.
  static func string(for key: String, in json: String) -> String? {
    let needle = "\"" + key + "\""
    var rest = json[...]
    while let range = rest.firstRange(of: needle) {
      var after = rest[range.upperBound...].drop { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }
      guard after.first == ":" else {
        rest = rest[range.upperBound...]
        continue
      }
      after = after.dropFirst().drop { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }
      if after.first == "\"" { return readString(after.dropFirst()) }
      rest = rest[range.upperBound...]
    }
    return nil
  }

  /// `"key": "X"`, or the first `"name": "X"` of `"key": {…}` / `"key": [{…}]`.
  static func nestedName(after key: String, in json: String) -> String? {
    let needle = "\"" + key + "\""
    guard let range = json.firstRange(of: needle) else { return nil }
    var after = json[range.upperBound...].drop { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }
    guard after.first == ":" else { return nil }
    after = after.dropFirst().drop { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }
    if after.first == "\"" { return readString(after.dropFirst()).flatMap { $0.isEmpty ? nil : $0 } }
    let window = String(after.prefix(400))
    guard let closing = window.firstIndex(of: "}") else { return string(for: "name", in: window) }
    return string(for: "name", in: String(window[..<closing]))
  }

  private static func readString(_ body: Substring) -> String? {
    var out = ""
    var escaped = false
    var hex: UInt32?
    var hexDigits = 0
    for scalar in body.unicodeScalars {
      if let value = hex {
        guard let digit = scalar.properties.numericType != nil ? UInt32(String(scalar)) : hexValue(scalar) else {
          return nil
        }
        hex = value << 4 | digit
        hexDigits += 1
        if hexDigits == 4 {
          if let decoded = Unicode.Scalar(hex!) { out.unicodeScalars.append(decoded) }
          hex = nil
        }
        continue
      }
      if escaped {
        switch scalar {
        case "n", "t", "r": out.unicodeScalars.append(" ")
        case "u":
          hex = 0
          hexDigits = 0
        default: out.unicodeScalars.append(scalar)
        }
        escaped = false
        continue
      }
      if scalar == "\\" {
        escaped = true
        continue
      }
      if scalar == "\"" { return out.collapsingWhitespace() }
      out.unicodeScalars.append(scalar)
      if out.unicodeScalars.count > 1000 { return nil }
    }
    return nil
  }
}
