import PipelineConfiguration
import SlackscoreCore
import Testing

@testable import Scoring

/// Which outcome sources make a campaign's figure, and the caveats that follow.
@Suite struct OutcomeRulesTests {
  static let campaign = CampaignConfig(
    id: "laut", name: "Laut", keywords: ["pasir laut"], petitionUrls: ["https://petisi.example.id/laut"])

  static func page(_ id: String, url: String, at: String, signatures: Double?, likes: Double? = nil) -> Document {
    var counters: [Counter] = []
    if let signatures {
      counters.append(Counter(kind: "signatures", value: signatures, raw: "\(signatures)", origin: "text"))
    }
    if let likes { counters.append(Counter(kind: "likes", value: likes, raw: "\(likes)", origin: "text")) }
    return Document(
      id: id, url: url,
      text: "Warga menolak tambang pasir laut di teluk \(id) dan meminta izin dicabut segera oleh dinas.",
      capturedAt: at, source: DocumentSource(path: "a.warc.gz", offset: 10, recordId: "<urn:uuid:\(id)>"),
      counters: counters)
  }

  static func score(_ docs: [Document], outcomes: [OutcomeRow] = []) -> CampaignScore {
    let inputs = ScoreInputs(
      config: PipelineConfig(name: "t", campaigns: [campaign]), documents: docs, ctas: [], outcomes: outcomes,
      interactions: [])
    return ScoreStage.makeReport(inputs: inputs, inputFiles: [], diagnostics: DiagnosticCollector()).campaigns[0]
  }

  @Test func quotedFiguresAreNotSummedAndTheLargestIsUsed() throws {
    let c = Self.score([
      Self.page("a", url: "https://berita.example.id/1", at: "2024-03-01T00:00:00Z", signatures: 900, likes: 10),
      Self.page("b", url: "https://koran.example.id/2", at: "2024-03-02T00:00:00Z", signatures: 1200, likes: 20),
    ])
    let signatures = try #require(c.outcomes.first)
    #expect(signatures.value == 1200)
    #expect(signatures.sources.filter(\.used).map(\.sourceUrl) == ["https://koran.example.id/2"])
    #expect(signatures.sources.first { !$0.used }?.notUsedReason != nil)
    let codes = Set(c.caveats.map(\.code))
    #expect(codes.isSuperset(of: ["quoted-outcome", "single-capture", "snapshot-not-final"]))
  }

  @Test func theCampaignPageWinsOverQuotes() throws {
    let c = Self.score([
      Self.page("a", url: "https://berita.example.id/1", at: "2024-03-01T00:00:00Z", signatures: 9000),
      Self.page("p1", url: "https://petisi.example.id/laut", at: "2024-03-01T00:00:00Z", signatures: 300),
      Self.page(
        "p2", url: "https://petisi.example.id/laut?utm_source=wa&fbclid=1", at: "2024-03-05T00:00:00Z", signatures: 700),
    ])
    let signatures = try #require(c.outcomes.first)
    #expect(signatures.value == 700)  // one page (tracking parameters ignored), latest capture
    #expect(signatures.sources.first { $0.sourceUrl == "https://berita.example.id/1" }?.used == false)
    #expect(!c.caveats.contains { $0.code == "quoted-outcome" })
  }

  @Test func capturesFormASeriesWithIncrements() throws {
    let c = Self.score([
      Self.page("p2", url: "https://petisi.example.id/laut/", at: "2024-03-05T00:00:00Z", signatures: 700),
      Self.page("p1", url: "https://petisi.example.id/laut", at: "2024-03-01T00:00:00Z", signatures: 300),
      Self.page("p3", url: "http://www.petisi.example.id/laut", at: "2024-03-09T00:00:00Z", signatures: 650),
    ])
    let source = try #require(c.outcomes.first?.sources.first)
    #expect(source.series.map(\.value) == [300, 700, 650])
    #expect(source.series.map(\.increment) == [nil, 400, -50])
    #expect(source.latest.evidence.documentId == "p3" && source.latest.evidence.recordId == "<urn:uuid:p3>")
    #expect(c.outcomes.first?.value == 650)
    #expect(c.documents.duplicatesRemoved == 2)
  }

  @Test func missingDenominatorIsNullNeverZero() throws {
    let c = Self.score([
      Self.page("p1", url: "https://petisi.example.id/laut", at: "2024-03-01T00:00:00Z", signatures: 300)
    ])
    #expect(!c.ratios.isEmpty)
    for ratio in c.ratios {
      #expect(ratio.value == nil && ratio.denominator == nil)
      #expect(ratio.nullReason?.hasPrefix("denominator missing") == true)
    }
    #expect(c.caveats.contains { $0.code == "missing-denominator" })
  }

  @Test func zeroDenominatorIsNullWithItsOwnReason() throws {
    let c = Self.score([
      Self.page("p1", url: "https://petisi.example.id/laut", at: "2024-03-01T00:00:00Z", signatures: 300, likes: 0)
    ])
    let likes = try #require(c.ratios.first { $0.interaction == "likes" })
    #expect(likes.value == nil && likes.denominator == 0)
    #expect(likes.nullReason?.hasPrefix("denominator is 0") == true)
  }

  @Test func csvRowsMergeIntoThePageSeriesAndLowHighRowsPair() throws {
    func row(
      _ kind: String, _ value: Double, _ asOf: String, url: String?, bound: String? = nil, line: Int
    )
      -> OutcomeRow
    {
      OutcomeRow(
        campaign: "laut", kind: kind, value: value, high: nil, bound: bound, text: nil, raw: "\(value)",
        unit: "people", asOf: asOf, sourceURL: url, note: bound, file: "o.csv", line: line)
    }
    let c = Self.score(
      [Self.page("p1", url: "https://petisi.example.id/laut", at: "2024-03-01T00:00:00Z", signatures: 300)],
      outcomes: [
        row("signatures", 900, "2024-03-20 18:00", url: "https://petisi.example.id/laut", line: 2),
        row("turnout", 120, "2024-03-10", url: nil, bound: "low", line: 3),
        row("turnout", 400, "2024-03-10", url: nil, bound: "high", line: 4),
      ])
    let signatures = try #require(c.outcomes.first { $0.kind == "signatures" })
    #expect(signatures.sources.count == 1 && signatures.sources[0].origin == "page+csv")
    #expect(signatures.sources[0].series.map(\.increment) == [nil, 600])
    let turnout = try #require(c.outcomes.first { $0.kind == "turnout" })
    #expect(turnout.value == 120 && turnout.valueHigh == 400)
    #expect(turnout.sources[0].series.count == 1 && turnout.sources[0].latest.evidence.csvLine == 3)
  }
}

/// Event pages count sign-ups, not turnout.
@Suite struct RSVPTests {
  @Test func eventPageAttendeesAreRSVPs() throws {
    let campaign = CampaignConfig(id: "aksi", name: "Aksi", eventUrls: ["https://acara.example.id/e/aksi"])
    let event = Document(
      id: "e", url: "https://acara.example.id/e/aksi", text: "Aksi damai di depan gedung dewan hari Kamis pagi.",
      capturedAt: "2024-09-05T00:00:00Z", source: DocumentSource(path: "a.warc.gz"),
      counters: [Counter(kind: "attendees", value: 1240, raw: "1.240 orang akan hadir", origin: "jsonld")])
    let inputs = ScoreInputs(
      config: PipelineConfig(name: "t", campaigns: [campaign]), documents: [event], ctas: [], outcomes: [],
      interactions: [])
    let c = ScoreStage.makeReport(inputs: inputs, inputFiles: [], diagnostics: DiagnosticCollector()).campaigns[0]
    #expect(c.outcomes.map(\.kind) == ["rsvps"])
    #expect(c.outcomes[0].value == 1240)
    #expect(c.indices.components.effortWeightedActs == nil)
    #expect(c.caveats.contains { $0.code == "rsvps-not-turnout" })
  }
}

/// Unconfigured campaigns found from shared targets.
@Suite struct DiscoveryTests {
  @Test func aPetitionPageAndAPostLinkingToItFormADiscoveredCampaign() throws {
    let petition = Document(
      id: "p", url: "https://petisi.example.id/p/mata-air",
      text: "Kami meminta dinas mengaudit izin pengambilan air tanah oleh pabrik di desa kami.",
      source: DocumentSource(path: "a.warc.gz"),
      counters: [Counter(kind: "signatures", value: 2340, raw: "2340", origin: "meta")])
    let post = Document(
      id: "t", url: "https://kicau.example.com/warga/status/1",
      text: "Sumur kami kering tiap kemarau sejak pabrik datang. Tanda tangani petisinya ya. #BoikotAir",
      source: DocumentSource(path: "a.warc.gz"),
      links: [DocumentLink(url: "https://petisi.example.id/p/mata-air", text: "petisi", inMain: true)],
      hashtags: ["#BoikotAir"], counters: [Counter(kind: "likes", value: 120, raw: "120", origin: "jsonld")])
    let cta = CallToAction(
      docId: "t", sentence: "Tanda tangani petisinya ya.", start: 0, end: 10, lang: "id", category: "sign", effort: 2,
      target: CTATarget(url: "https://broken.example/x", platform: "other"), cues: [], confidence: 0.8,
      boilerplate: false)
    let inputs = ScoreInputs(
      config: PipelineConfig(name: "t"), documents: [post, petition], ctas: [cta], outcomes: [], interactions: [])
    let report = ScoreStage.makeReport(inputs: inputs, inputFiles: [], diagnostics: DiagnosticCollector())
    let found = try #require(report.discoveredCampaigns.first { $0.key == "petisi.example.id/p/mata-air" })
    #expect(found.basis == "petition_url" && found.documentIds == ["p", "t"])
    #expect(found.outcomes == ["signatures": 2340] && found.interactions["likes"] == 120)
  }
}

@Suite struct CounterChoiceTests {
  @Test func structuredCountersWinOverText() {
    let embedded = Counter(kind: "funds_raised", value: 1_204_750_000, raw: "1204750000", origin: "embedded_json")
    let rounded = Counter(kind: "funds_raised", value: 1_200_000_000, raw: "Rp 1,2 M", origin: "text")
    let misread = Counter(kind: "funds_raised", value: 9_000_000_000, raw: "Rp 9 M", origin: "text")
    #expect(CounterChoice.prefer(embedded, over: rounded))
    #expect(CounterChoice.prefer(embedded, over: misread))
    #expect(!CounterChoice.prefer(rounded, over: embedded))
    #expect(CounterChoice.prefer(misread, over: rounded))  // both text: the larger
  }
}
