import PageSignals
import Testing

@Suite struct LocaleNumberTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let text: String
    let lang: String?
    let currency: String?
    let expected: Double?
    init(_ text: String, _ lang: String?, _ expected: Double?, currency: String? = nil) {
      self.text = text
      self.lang = lang
      self.currency = currency
      self.expected = expected
    }
    var testDescription: String { "\"\(text)\" lang=\(lang ?? "nil")" }
  }

  static let indonesian: [Case] = [
    Case("313.000", "id", 313_000), Case("1,2", "id", 1.2), Case("1,2 rb", "id", 1200), Case("1,2rb", "id", 1200),
    Case("45 rb", "id", 45_000), Case("10rb+", "id", 10_000), Case("3 ribu", "id", 3000),
    Case("2,5 jt", "id", 2_500_000), Case("2,5 juta", "id", 2_500_000), Case("1.234.567", "id", 1_234_567),
    Case("1.234.567,89", "id", 1_234_567.89), Case("0,5", "id", 0.5), Case("12", "id", 12),
    Case("1,234 jt", "id", 1_234_000), Case("1.234 jt", "id", 1_234_000_000),
    Case("Rp 1,2 M", "id", 1_200_000_000), Case("Rp1,2M", nil, 1_200_000_000),
    Case("Rp 3 miliar", nil, 3e9), Case("Rp 3 milyar", "id", 3e9), Case("Rp 2 T", "id", 2e12),
    Case("Rp 1,5 triliun", "id", 1.5e12), Case("Rp 250.000.000", "id", 250_000_000),
    Case("Rp. 50.000", "id", 50_000), Case("IDR 75.000", nil, 75_000), Case("5 miliar", "en", 5e9),
    Case("1,2 M", "id", 1.2e9), Case("2 M", "id", 2e9),
  ]

  static let english: [Case] = [
    Case("3,400", "en", 3400), Case("3.4", "en", 3.4), Case("3.4K", "en", 3400), Case("3.4 K", "en", 3400),
    Case("3.4k", nil, 3400), Case("2.3M", "en", 2_300_000), Case("2.3M", "id", 2_300_000),
    Case("2.3m", nil, 2_300_000), Case("1.2B", nil, 1.2e9), Case("1.2bn", nil, 1.2e9),
    Case("4 billion", nil, 4e9), Case("7 million", "en", 7e6), Case("7 mn", "en", 7e6),
    Case("12 thousand", "en", 12_000), Case("1,234,567.5", "en", 1_234_567.5), Case("$1,500", "en", 1500),
    Case("US$ 2.5 million", "en", 2.5e6), Case("1.234K", "en", 1234), Case("1,234K", "en", 1_234_000),
    Case("2 M", "en", 2e6), Case("2 M", nil, 2e6), Case("€ 3,5 M", nil, 3.5e6), Case("10,000+", "en", 10_000),
  ]

  static let spacesAndRanges: [Case] = [
    Case("10\u{00A0}000", nil, 10_000), Case("10\u{202F}000", nil, 10_000),
    Case("1\u{2009}234\u{2009}567", nil, 1_234_567),
    Case("45\u{00A0}rb", "id", 45_000), Case("Rp\u{00A0}1,2\u{00A0}M", "id", 1.2e9),
    Case("1.000-2.000", "id", 1000), Case("1.000 – 2.000", "id", 1000), Case("10-15 ribu", "id", 10_000),
    Case("5 hingga 10 rb", "id", 5000), Case("1,5-2 juta", "id", 1_500_000), Case("3 to 4 million", "en", 3e6),
  ]

  static let notNumbers: [Case] = [
    Case("ribuan", "id", nil), Case("", nil, nil), Case("tanpa angka", "id", nil), Case("12.03.2024", "id", nil),
    Case("1.2.3", nil, nil), Case("1,23,456", "en", nil), Case("2024-01-05", nil, nil),
  ]

  @Test(arguments: indonesian + english + spacesAndRanges + notNumbers)
  func parses(_ example: Case) {
    #expect(LocaleNumber.parse(example.text, lang: example.lang, currency: example.currency) == example.expected)
  }

  @Test(arguments: [
    ("Rp 1,2 M", "IDR", 1.2e9), ("IDR 5.000", "IDR", 5000), ("US$ 3.4K", "USD", 3400), ("$12", "USD", 12),
    ("S$ 40", "SGD", 40), ("RM 1,500", "MYR", 1500), ("MYR 20", "MYR", 20), ("€ 9", "EUR", 9), ("EUR 9", "EUR", 9),
    ("SGD 1.5K", "SGD", 1500), ("USD 7", "USD", 7), ("9 EUR", "EUR", 9), ("5 juta rupiah", "IDR", 5e6),
    ("3.000 €", "EUR", 3000), ("£ 10", "GBP", 10),
  ])
  func currencies(_ text: String, _ code: String, _ value: Double) {
    let amount = LocaleNumber.parseAmount(text, lang: nil)
    #expect(amount == Amount(value: value, currency: code))
  }

  @Test func givenCurrencyMakesMBillions() {
    #expect(LocaleNumber.parse("1,2 M", lang: nil, currency: "IDR") == 1.2e9)
    #expect(LocaleNumber.parse("1.2 M", lang: nil, currency: "Rp") == 1.2e9)
    #expect(LocaleNumber.parse("1.2 M", lang: nil, currency: "USD") == 1.2e6)
    #expect(LocaleNumber.parseAmount("40", lang: nil, currency: "Rp")?.currency == "IDR")
  }

  @Test(
    arguments: [
      ("Rp", "IDR"), ("Rp.", "IDR"), ("IDR", "IDR"), ("US$", "USD"), ("$", "USD"), ("usd", "USD"),
      ("€", "EUR"), ("RM", "MYR"), ("S$", "SGD"), ("SGD", "SGD"), ("XYZ", nil),
    ] as [(String, String?)])
  func currencyCodes(_ token: String, _ code: String?) {
    #expect(LocaleNumber.currencyCode(for: token) == code)
  }
}
