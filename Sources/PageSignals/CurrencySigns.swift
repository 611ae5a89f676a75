// Currency signs and codes next to a number, mapped to ISO 4217 codes.
//
// Before a number: `Rp`/`Rp.`/`IDR` (IDR), `US$`/`USD`/`$` (USD), `€`/`EUR` (EUR), `RM`/`MYR` (MYR),
// `S$`/`SGD` (SGD), `£`/`GBP` (GBP). After a number: the same codes, `€`, and the words `rupiah`,
// `ringgit`, `dollar(s)`/`dolar`, `euro(s)`. Letter codes must be whole words; `Rp` is matched in
// any case, the other codes in upper case only (so `rm -rf` or `usd` in a URL stay words).

/// Currency signs and codes as they appear in page text.
enum CurrencySigns {
  /// Codes written as words before or after a number, and their ISO code. `caseInsensitive`
  /// entries match in any case.
  private static let wordCodes: [(word: [UInt8], code: String, caseInsensitive: Bool)] = [
    (Array("rp".utf8), "IDR", true), (Array("IDR".utf8), "IDR", false), (Array("USD".utf8), "USD", false),
    (Array("EUR".utf8), "EUR", false), (Array("RM".utf8), "MYR", false), (Array("MYR".utf8), "MYR", false),
    (Array("SGD".utf8), "SGD", false), (Array("GBP".utf8), "GBP", false),
  ]

  /// Words that name a currency after a number ("5 juta rupiah").
  private static let trailingWords: [(word: [UInt8], code: String)] = [
    (Array("rupiah".utf8), "IDR"), (Array("ringgit".utf8), "MYR"), (Array("dollars".utf8), "USD"),
    (Array("dollar".utf8), "USD"), (Array("dolar".utf8), "USD"), (Array("euros".utf8), "EUR"),
    (Array("euro".utf8), "EUR"),
  ]

  /// The ISO code for a currency token such as `Rp`, `US$`, `€`, `rm`, `usd` (any case), or nil.
  static func code(for token: String) -> String? {
    var trimmed = Substring(token)
    while let last = trimmed.last, last == "." || last == " " { trimmed.removeLast() }
    while let first = trimmed.first, first == " " { trimmed.removeFirst() }
    switch trimmed.uppercased() {
    case "RP", "IDR", "RUPIAH": return "IDR"
    case "$", "US$", "USD", "DOLLAR", "DOLLARS", "DOLAR": return "USD"
    case "€", "EUR", "EURO", "EUROS": return "EUR"
    case "RM", "MYR", "RINGGIT": return "MYR"
    case "S$", "SGD": return "SGD"
    case "£", "GBP": return "GBP"
    default: return nil
    }
  }

  /// A currency sign or code ending at `index` (spaces before `index` skipped), with the index
  /// where the sign starts, or nil.
  static func prefix(in text: ByteText, endingAt index: Int) -> (code: String, start: Int)? {
    let end = text.skipSpaces(backFrom: index)
    guard end > 0 else { return nil }
    let last = text[end - 1]
    if last == 0x24 {  // $
      var start = end - 1
      var code = "USD"
      if start >= 2, text[start - 1] == 0x53, text[start - 2] == 0x55 {  // US$
        start -= 2
      } else if start >= 1, text[start - 1] == 0x53 {  // S$
        start -= 1
        code = "SGD"
      }
      guard !text.isWordScalar(before: start) else { return nil }
      return (code, start)
    }
    if let (value, start) = text.scalar(before: end) {
      if value == 0x20AC { return ("EUR", start) }
      if value == 0xA3 { return ("GBP", start) }
    }
    var wordEnd = end
    if last == 0x2E { wordEnd -= 1 }  // "Rp."
    let wordStart = text.wordStart(endingAt: wordEnd)
    guard wordStart < wordEnd, wordEnd - wordStart <= 3 else { return nil }
    for entry in wordCodes where entry.word.count == wordEnd - wordStart {
      let matches =
        entry.caseInsensitive
        ? text.hasPrefixIgnoringCase(entry.word, at: wordStart) : text.hasPrefix(entry.word, at: wordStart)
      if matches {
        if last == 0x2E && entry.code != "IDR" { return nil }
        return (entry.code, wordStart)
      }
    }
    return nil
  }

  /// A currency sign, code or word starting at `index` (spaces skipped), with the index after
  /// it, or nil.
  static func suffix(in text: ByteText, at index: Int) -> (code: String, end: Int)? {
    let start = text.skipSpaces(from: index)
    guard start < text.count else { return nil }
    let (value, length) = text.scalar(at: start)
    if value == 0x20AC { return ("EUR", start + length) }
    let end = text.wordEnd(from: start)
    guard end > start else { return nil }
    for entry in wordCodes where entry.word.count == end - start && !entry.caseInsensitive {
      if text.hasPrefix(entry.word, at: start) { return (entry.code, end) }
    }
    for entry in trailingWords where entry.word.count == end - start {
      if text.hasPrefixIgnoringCase(entry.word, at: start) { return (entry.code, end) }
    }
    return nil
  }
}
