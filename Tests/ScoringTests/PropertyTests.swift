import PipelineConfiguration
import Scoring
import SlackscoreCore
import Testing

/// Invariants the scoring must keep whatever the data.
@Suite struct PropertyTests {
  static func report(_ inputs: ScoreInputs, files: [InputFile] = []) -> CampaignsReport {
    ScoreStage.makeReport(inputs: inputs, inputFiles: files, diagnostics: DiagnosticCollector())
  }

  static func totals(_ r: CampaignsReport) -> [String: [String: Double?]] {
    Dictionary(uniqueKeysWithValues: r.campaigns.map { c in (c.id, c.interactions.mapValues(\.total)) })
  }

  @Test(arguments: ["d01", "d02", "d03", "d12", "d20", "d23"])
  func duplicateDocumentChangesNoInteractionTotal(docID: String) throws {
    let base = try Fixtures.sampleInputsWithTexts().inputs
    var withCopies = base
    let original = try #require(base.documents.first { $0.id == docID })
    var syndicated = original
    syndicated.id = docID + "-syndicated"
    syndicated.url = "https://mirror.example.net/copy/" + docID
    syndicated.canonicalUrl = nil
    withCopies.documents.append(syndicated)
    withCopies.documents.append(original)  // the same record read twice
    withCopies.ctas += base.ctas.filter { $0.docId == docID }.map { cta in
      var c = cta
      c.docId = syndicated.id
      return c
    }
    let a = Self.report(base)
    let b = Self.report(withCopies)
    #expect(Self.totals(a) == Self.totals(b))
    // Copies are excluded (and counted as such); what is counted does not change.
    func counted(_ r: CampaignsReport) -> [String] {
      r.campaigns.map { c in
        let m = c.ctaMix
        return
          "\(c.id) \(m.total) \(m.byCategory.sorted { $0.key < $1.key }) \(m.byEffort.sorted { $0.key < $1.key }) \(String(describing: m.meanEffort)) \(m.lowEffort.count)"
      }
    }
    #expect(counted(a) == counted(b))
  }

  @Test(arguments: [2.0, 7.0, 1000.0])
  func scalingInteractionsDividesRatios(k: Double) throws {
    let base = try Fixtures.sampleInputsWithTexts().inputs
    var scaled = base
    let interactionKinds = Set(InteractionType.all)
    for i in scaled.documents.indices {
      for j in scaled.documents[i].counters.indices
      where interactionKinds.contains(scaled.documents[i].counters[j].kind) {
        scaled.documents[i].counters[j].value *= k
      }
    }
    for i in scaled.interactions.indices {
      scaled.interactions[i].counts = scaled.interactions[i].counts.mapValues { $0 * k }
    }
    let a = Self.report(base)
    let b = Self.report(scaled)
    func close(_ x: Double?, _ y: Double?) -> Bool {
      switch (x, y) {
      case (nil, nil): true
      case (let x?, let y?): abs(x - y) <= 1e-6 * max(1, abs(x))
      default: false
      }
    }
    var compared = 0
    for (ca, cb) in zip(a.campaigns, b.campaigns) {
      for (ra, rb) in zip(ca.ratios, cb.ratios) {
        #expect(ra.name == rb.name)
        #expect(close(ra.value.map { $0 / k }, rb.value), "\(ca.id) \(ra.name)")
        #expect(close(ra.ci95Low.map { $0 / k }, rb.ci95Low), "\(ca.id) \(ra.name) low")
        #expect(close(ra.ci95High.map { $0 / k }, rb.ci95High), "\(ca.id) \(ra.name) high")
        if ra.value != nil { compared += 1 }
      }
    }
    #expect(compared >= 5)
  }

  @Test func reorderingInputLinesChangesNoByte() throws {
    let loaded = try Fixtures.sampleInputsWithTexts()
    let base = loaded.inputs
    var reversed = base
    reversed.documents.reverse()
    reversed.ctas.reverse()
    reversed.outcomes.reverse()
    reversed.interactions.reverse()
    var rotated = base
    rotated.documents = Array(base.documents[5...] + base.documents[..<5])
    rotated.ctas = Array(base.ctas[7...] + base.ctas[..<7])
    let expected = try ScoreStage.encode(Self.report(base, files: loaded.files))
    #expect(try ScoreStage.encode(Self.report(reversed, files: loaded.files)) == expected)
    #expect(try ScoreStage.encode(Self.report(rotated, files: loaded.files)) == expected)
  }

  @Test func documentInSeveralCampaignsCountsInEach() throws {
    let report = Self.report(try Fixtures.sampleInputsWithTexts().inputs)
    let holders = report.campaigns.filter { c in c.documents.list.contains { $0.id == "d05" } }
    #expect(holders.map(\.id) == ["hutan-adat", "tolak-tambang"])
    #expect(holders.allSatisfy { $0.caveats.contains { $0.code == "shared-documents" } })
  }
}
