// Locale-aware number reading: the public face of `NumberReader`.
//
// Rules (docs/signals.md has the full list):
// - `.` and `,` both present: the last one is the decimal mark ("1.234,5", "1,234.5").
// - One kind of separator, twice or more: grouping ("1.234.567", "1,234,567").
// - One separator once: decimal unless exactly three digits follow it ("1,2" = 1.2, "3.4" = 3.4,
//   "313.000" = 313000, "3,400" = 3400). With a scale word the word's language decides the
//   three-digit case ("1,234 jt" = 1.234 juta, "1.234K" = 1.234 thousand).
// - Groups must have three digits ("12.03.2024" is no number).
// - Ranges ("1.000–2.000", "10-15 rb", "5 hingga 10 ribu") read as their lower bound.

/// Locale-aware number reading.
public enum LocaleNumber {
  /// Parses "1,2 rb" (1200), "3.4K" (3400), "313.000" (313000 in Indonesian), "Rp 1,2 M"
  /// (1.2e9 for rupiah). Returns nil when `string` holds no number.
  public static func parse(_ string: String, lang: String?, currency: String? = nil) -> Double? {
    parseAmount(string, lang: lang, currency: currency)?.value
  }

  /// Like ``parse(_:lang:currency:)`` but also returns the ISO 4217 code of a currency sign or
  /// code written next to the number ("Rp 1,2 M" → 1.2e9 IDR, "US$ 3.4K" → 3400 USD).
  /// `currency` may be an ISO code or a sign (`Rp`, `$`); it is used when the string has none.
  public static func parseAmount(_ string: String, lang: String?, currency: String? = nil) -> Amount? {
    let known = currency.flatMap { CurrencySigns.code(for: $0) }
    return ByteText.with(string) { text in
      let reader = NumberReader(text: text, locale: NumberLocale(lang: lang))
      // The first digit run decides: when it is no number ("12.03.2024"), neither is the string.
      var index = 0
      while index < text.count, !ByteText.isDigit(text[index]) { index += 1 }
      guard index < text.count, let reading = reader.read(at: index, currency: known).reading else { return nil }
      return Amount(value: reading.value, currency: reading.currency ?? known)
    }
  }

  /// The ISO 4217 code for a currency sign or code (`Rp` → `IDR`, `US$` → `USD`, `€` → `EUR`,
  /// `RM` → `MYR`, `S$` → `SGD`), or nil.
  public static func currencyCode(for token: String) -> String? {
    CurrencySigns.code(for: token)
  }
}

/// A number with the currency written next to it, if any.
public struct Amount: Sendable, Hashable {
  public var value: Double
  /// ISO 4217 code, nil when no currency was written or given.
  public var currency: String?

  public init(value: Double, currency: String? = nil) {
    self.value = value
    self.currency = currency
  }
}
