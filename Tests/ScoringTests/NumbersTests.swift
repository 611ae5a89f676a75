import PipelineConfiguration
import SlackscoreCore
import Testing

@testable import Scoring

/// Number syntax, currency conversion, intervals and index bounds.
@Suite struct NumbersTests {
  @Test(arguments: [
    ("12500", 12500.0), ("12,500", 12500), ("1,234,567.25", 1_234_567.25), ("0.5", 0.5), (" 42 ", 42), ("-3", -3),
  ])
  func acceptedEnglishAmounts(raw: String, value: Double) throws {
    #expect(try CSVNumber.amount(raw, style: .en).get() == value)
  }

  @Test(arguments: [("1.234.567,25", 1_234_567.25), ("12.500", 12500), ("0,5", 0.5), ("42", 42)])
  func acceptedIndonesianAmounts(raw: String, value: Double) throws {
    #expect(try CSVNumber.amount(raw, style: .id).get() == value)
  }

  @Test(arguments: ["1.234.567", "1,5", "12,50", "Rp 5 jt", "1.2 M", "", "1e6", "12,", ".5", "1,2345"])
  func rejectedEnglishAmounts(raw: String) {
    #expect((try? CSVNumber.amount(raw, style: .en).get()) == nil)
  }

  @Test(arguments: ["2.910", "12.5", "1,5", "-3", "1,2345", "abc", ""])
  func countsAreWholeInEnglish(raw: String) {
    #expect((try? CSVNumber.count(raw, style: .en).get()) == nil)
  }

  @Test(arguments: [("2.910", 2910.0), ("1.500.000", 1_500_000), ("7", 7)])
  func groupedCountsUnderIndonesian(raw: String, value: Double) throws {
    #expect(try CSVNumber.count(raw, style: .id).get() == value)
  }

  @Test func ranges() {
    #expect(CSVNumber.countRange("5000-12000", style: .en)! == (5000, 12000))
    #expect(CSVNumber.countRange("5,000 - 12,000", style: .en)! == (5000, 12000))
    #expect(CSVNumber.countRange("5.000 - 12.000", style: .id)! == (5000, 12000))
    #expect(CSVNumber.countRange("12000-5000", style: .en) == nil)
    #expect(CSVNumber.countRange("-5", style: .en) == nil)
  }

  static let currency = CurrencyConfig(
    base: "IDR",
    rates: [
      ExchangeRate(currency: "USD", rate: 15000, asOf: "2024-01-01", source: "a"),
      ExchangeRate(currency: "USD", rate: 16000, asOf: "2024-06-01", source: "b"),
    ])

  @Test func rateDatedAtOrBeforeTheFigure() {
    let n = OutcomeAssembler.normalise(10, currency: "USD", at: "2024-07-15T00:00:00Z", Self.currency)
    #expect(n.value == 160_000 && n.rateAsOf == "2024-06-01" && n.rateSource == "b")
    let m = OutcomeAssembler.normalise(10, currency: "USD", at: "2024-06-01", Self.currency)
    #expect(m.rate == 16000)
  }

  @Test func earliestRateWhenEveryRateIsLater() {
    let n = OutcomeAssembler.normalise(2, currency: "USD", at: "2023-05-01", Self.currency)
    #expect(n.value == 30_000 && n.rateAsOf == "2024-01-01")
  }

  @Test func baseCurrencyAndMissingRate() {
    let base = OutcomeAssembler.normalise(61_500_000, currency: "IDR", at: "2024-01-01", Self.currency)
    #expect(base.value == 61_500_000 && base.rate == 1)
    let eur = OutcomeAssembler.normalise(5, currency: "EUR", at: "2024-01-01", Self.currency)
    #expect(eur.value == nil && eur.nullReason == "no rate for EUR in currency.rates")
    let none = OutcomeAssembler.normalise(5, currency: nil, at: "2024-01-01", Self.currency)
    #expect(none.value == nil && none.nullReason != nil)
  }

  @Test func wilsonIntervals() {
    let zero = Statistics.wilson(successes: 0, n: 10)!
    #expect(zero.low == 0 && abs(zero.high - 0.277_533) < 1e-5)
    let half = Statistics.wilson(successes: 5, n: 10)!
    #expect(abs(half.low - 0.236_593) < 1e-5 && abs(half.high - 0.763_407) < 1e-5)
    #expect(Statistics.wilson(successes: 0, n: 0) == nil)
  }

  @Test func percentileIntervalIsTheCentral95PercentOfUnsortedValues() {
    // 0, 1, …, 100 in reverse order: the type-7 quantiles at 2.5% and 97.5% are 2.5 and 97.5.
    let values = (0...100).map(Double.init).reversed().map { $0 }
    let interval = Statistics.percentileInterval95(values)!
    #expect(interval.low == 2.5 && interval.high == 97.5)
    #expect(Statistics.percentileInterval95([]) == nil)
  }

  @Test func bootstrapIsSeededAndBracketsTheRatio() {
    let values = [100.0, 250, 80, 400, 90, 310]
    let a = Statistics.bootstrapPerThousand(numerator: 500, values: values, samples: 500, seed: 9)!
    let b = Statistics.bootstrapPerThousand(numerator: 500, values: values, samples: 500, seed: 9)!
    #expect(a.low == b.low && a.high == b.high)
    let point = 500 * 1000 / values.reduce(0, +)
    #expect(a.low <= point && point <= a.high)
  }

  @Test func indicesStayInRange() {
    let huge = InteractionTotal(
      total: 1e12, nullReason: nil, unitsWithCount: 1, units: 1, coverage: 1, fromPages: 1, fromExports: 0,
      sources: ["page jsonld likes": 1])
    let mix = CTAMix(
      total: 1, boilerplateExcluded: 0, duplicatesExcluded: 0, byCategory: ["share": 1], byEffort: ["1": 1],
      meanEffort: 1,
      lowEffort: LowEffortShare(effortMax: 2, count: 1, share: 1, ci95Low: 0.2, ci95High: 1, nullReason: nil))
    let i = IndexBuilder.build(interactions: ["likes": huge], outcomes: [], mix: mix)
    #expect(i.slacktivism.value == 100)
    #expect(i.engagement.value == 0)
    #expect(i.components.acts == nil && i.components.gap == nil)
  }

  @Test func calendarDates() {
    #expect(CalendarDate.isValid("2024-02-29"))
    #expect(!CalendarDate.isValid("2023-02-29"))
    #expect(!CalendarDate.isValid("Jan 2024"))
    #expect(CalendarDate.dayNumber("1970-01-02") == 1)
  }

  @Test(arguments: [
    ("petisi.example.id/hutan*", "https://www.petisi.example.id/hutan-adat?ref=x", true),
    ("petisi.example.id/hutan-adat", "http://PETISI.example.id/hutan-adat/", true),
    ("petisi.example.id/hutan*", "https://petisi.example.id/laut", false),
    ("*.example.id/aksi/*", "https://kota.example.id/aksi/2024/tambang", true),
    ("petisi.example.id/laut", "https://petisi.example.id/laut?utm_source=x&fbclid=y#top", true),
    ("petisi.example.id/laut?id=2", "https://petisi.example.id/laut?utm_medium=x&id=2", true),
  ])
  func urlPatterns(pattern: String, url: String, matches: Bool) {
    #expect(URLKey.matches(pattern: pattern, url: url) == matches)
  }

  @Test func nearDuplicatesIgnoreSmallEdits() {
    let text =
      "Warga desa menolak rencana pembukaan lahan yang akan menghabiskan hutan adat mereka dan meminta pemerintah daerah mengakui wilayah adat sebelum izin baru diterbitkan oleh dinas."
    let docs = [
      Document(id: "a", url: "https://one.example/a", text: text, source: DocumentSource(path: "x")),
      Document(
        id: "b", url: "https://two.example/b", text: text + " Baca juga berita lainnya.",
        source: DocumentSource(path: "x")),
      Document(
        id: "c", url: "https://three.example/c",
        text: "Sebuah teks yang sama sekali berbeda tentang cuaca akhir pekan di kota pesisir utara.",
        source: DocumentSource(path: "x")),
      Document(id: "d", url: "https://one.example/a/", text: "short", source: DocumentSource(path: "x")),
    ]
    let clusters = NearDuplicates.clusters(docs)
    #expect(clusters["a"] == clusters["b"])
    #expect(clusters["a"] == clusters["d"])  // same URL key
    #expect(clusters["a"] != clusters["c"])
    #expect(NearDuplicates.clusters(Array(docs.reversed())) == clusters)
  }
}

@Suite struct MatcherTests {
  @Test func hashtagNeedsAWordBoundary() {
    #expect(CampaignMatcher.containsHashtag("ayo #tolaktambang sekarang", "tolaktambang"))
    #expect(CampaignMatcher.containsHashtag("#tolaktambangpasir lalu #tolaktambang.", "tolaktambang"))
    #expect(!CampaignMatcher.containsHashtag("#tolaktambangpasir", "tolaktambang"))
  }

  @Test func matchReasonsAndPeriod() {
    let campaign = CampaignConfig(
      id: "a", name: "A", period: DatePeriod(from: "2024-01-01", to: "2024-03-31"), hashtags: ["#Laut"],
      keywords: ["pasir laut"], urlPatterns: ["aksi.example.id/laut*"], petitionUrls: ["https://petisi.example.id/laut"]
    )
    let matcher = CampaignMatcher([campaign])
    let inPeriod = Document(
      id: "1", url: "https://aksi.example.id/laut-2", text: "Tolak tambang pasir laut #laut", publishedAt: "2024-02-01",
      source: DocumentSource(path: "x"),
      links: [DocumentLink(url: "https://petisi.example.id/laut/", text: "", inMain: true)])
    #expect(matcher.match(inPeriod, ctas: [])["a"] == [.hashtag, .keyword, .urlPattern, .petitionUrl])
    var late = inPeriod
    late.publishedAt = "2024-08-01"
    #expect(matcher.match(late, ctas: [])["a"] == [.urlPattern, .petitionUrl])
  }
}
