import PipelineConfiguration
import Scoring
import Testing

/// `pipeline.yml` reading: values, defaults, and one clear error naming file, line and key.
@Suite struct ConfigTests {
  static let valid = """
    name: demo
    description: "A demo"
    inputs:
      - corpus/warc/*.warc.gz
    outcomes: outcomes.csv
    interactions: [a.csv, b.csv]
    currency:
      base: IDR
      rates:
        - { currency: USD, rate: 15700, as_of: "2024-06-01", source: "fixed" }
    scoring:
      low_effort_max: 1
      bootstrap_samples: 500
      seed: 42
      min_coverage: 0.25
    campaigns:
      - id: hutan
        name: "Hutan"
        period: { from: "2024-01-01", to: "2024-12-31" }
        hashtags: ["#Hutan"]
        keywords: ["hutan adat"]
        url_patterns: ["petisi.example.id/hutan*"]
        petition_urls: ["https://petisi.example.id/hutan"]
        donation_urls: []
        event_urls: []
    fetch:
      user_agent: "slackscore/0.1"
      timeouts: { connect_ms: 10000, read_ms: 30000 }
      cdx:
        - { url: "petisi.example.id/hutan", match: exact }
    """

  @Test func readsEveryKey() throws {
    let c = try PipelineConfigLoader.parse(Self.valid, file: "pipelines/demo/pipeline.yml")
    #expect(c.name == "demo" && c.description == "A demo")
    #expect(c.inputs == ["corpus/warc/*.warc.gz"])
    #expect(c.outcomes == ["outcomes.csv"] && c.interactions == ["a.csv", "b.csv"])
    #expect(c.currency.rates == [ExchangeRate(currency: "USD", rate: 15700, asOf: "2024-06-01", source: "fixed")])
    #expect(c.scoring == ScoringParameters(lowEffortMax: 1, bootstrapSamples: 500, seed: 42, minCoverage: 0.25))
    #expect(c.campaigns.first?.period == DatePeriod(from: "2024-01-01", to: "2024-12-31"))
    #expect(c.campaigns.first?.petitionUrls == ["https://petisi.example.id/hutan"])
    #expect(c.fetch?["timeouts"]?["read_ms"]?.string == "30000")
  }

  @Test func defaultsWhenOptionalSectionsAreMissing() throws {
    let c = try PipelineConfigLoader.parse("name: tiny\n", file: "p.yml")
    #expect(c.scoring == ScoringParameters())
    #expect(c.currency.base == "IDR" && c.campaigns.isEmpty && c.fetch == nil)
  }

  @Test func emptyValuesAreLikeMissingKeys() throws {
    let c = try PipelineConfigLoader.parse("name: x\noutcomes:\nfetch: ~\nscoring:\n  seed:\n", file: "p.yml")
    #expect(c.outcomes.isEmpty && c.fetch == nil && c.scoring.seed == ScoringParameters().seed)
  }

  @Test func errorNamesFileLineAndKey() {
    let yaml = """
      name: x
      campaigns:
        - id: a
          name: A
        - id: b
          name: B
        - id: c
          name: C
          period: { from: "Jan 2024" }
      """
    #expect(throws: ConfigError.self) { try PipelineConfigLoader.parse(yaml, file: "pipelines/x/pipeline.yml") }
    do {
      _ = try PipelineConfigLoader.parse(yaml, file: "pipelines/x/pipeline.yml")
    } catch {
      #expect(
        error.description
          == #"pipelines/x/pipeline.yml:9: campaigns[2].period.from: expected a date like 2024-01-31, got "Jan 2024""#)
    }
  }

  struct BadCase: Sendable, CustomStringConvertible {
    let yaml: String
    let expected: String
    var description: String { expected }
  }

  @Test(arguments: [
    BadCase(yaml: "name: x\ncampaign: []\n", expected: "p.yml:2: campaign: unknown key"),
    BadCase(yaml: "description: no name\n", expected: "p.yml:1: missing required key `name`"),
    BadCase(yaml: "name: x\ncampaigns:\n  - id: Bad_Id\n", expected: "p.yml:3: campaigns[0].id: expected an id"),
    BadCase(
      yaml: "name: x\ncampaigns:\n  - id: a\n  - id: a\n",
      expected: #"p.yml:4: campaigns[1].id: duplicate campaign id "a""#),
    BadCase(
      yaml: "name: x\ncurrency:\n  rates:\n    - { currency: usd, rate: 1, as_of: 2024-01-01 }\n",
      expected: "p.yml:4: currency.rates[0].currency: expected an ISO 4217 currency code"),
    BadCase(
      yaml: "name: x\ncurrency:\n  rates:\n    - { currency: USD, rate: -3, as_of: 2024-01-01 }\n",
      expected: "p.yml:4: currency.rates[0].rate: expected a positive rate"),
    BadCase(
      yaml: "name: x\ncurrency:\n  rates:\n    - { currency: USD, rate: 2, as_of: 2024-02-30 }\n",
      expected: "p.yml:4: currency.rates[0].as_of: expected a date like 2024-01-31"),
    BadCase(
      yaml: "name: x\nscoring:\n  min_coverage: 2\n", expected: "p.yml:3: scoring.min_coverage: expected a share"),
    BadCase(
      yaml: "name: x\nscoring:\n  seed: abc\n", expected: "p.yml:3: scoring.seed: expected a non-negative integer"),
    BadCase(yaml: "name: x\ninputs: 3\n", expected: "p.yml:2: inputs: expected a list"),
    BadCase(yaml: "name: x\nfetch: [1]\n", expected: "p.yml:2: fetch: expected a mapping"),
    BadCase(
      yaml: "name: x\ncampaigns:\n  - id: a\n    tags: []\n", expected: "p.yml:4: campaigns[0].tags: unknown key"),
    BadCase(
      yaml: "name: x\ncampaigns:\n  - id: a\n    period: { from: 2024-05-01, to: 2024-01-01 }\n",
      expected: "p.yml:4: campaigns[0].period.to: the period ends"),
    BadCase(yaml: "name: x\n  bad: [\n", expected: "p.yml:2: YAML syntax error"),
    // Limits checked before the YAML reader sees the text (it would exhaust the stack).
    BadCase(
      yaml: "name: x\nfetch: " + String(repeating: "[", count: 200_000) + "\n",
      expected: "p.yml:2: collections nested 65 deep"
    ),
    BadCase(
      yaml: "name: x\nfetch:\n  a:\n    " + String(repeating: "- ", count: 100_000) + "x\n",
      expected: "p.yml:4: collections nested"),
    BadCase(
      yaml: "name: x\ncampaigns:\n  - id: a\n    hashtags: \"#A\"\n",
      expected:
        "p.yml:4: campaigns[0].hashtags: expected a list, got the single value \"#A\"; write it as a list: hashtags: [\"#A\"]"
    ),
    BadCase(
      yaml: "name: x\ncampaigns:\n  - id: a\n    hashtags: #A\n",
      expected: "p.yml:4: hashtags: `#A` after `hashtags:` is read as a YAML comment"),
    BadCase(yaml: "name: x\nnumber_style: de\n", expected: "p.yml:2: number_style: expected id"),
    BadCase(yaml: "name: x\ninputz: []\n", expected: "p.yml:2: inputz: unknown key (did you mean `inputs`?"),
  ])
  func badConfigGivesOneClearError(_ bad: BadCase) {
    do {
      _ = try PipelineConfigLoader.parse(bad.yaml, file: "p.yml")
      Issue.record("expected an error for \(bad.expected)")
    } catch {
      #expect(error.description.hasPrefix(bad.expected), "got: \(error.description)")
    }
  }

  @Test func loadNamesTheFileWhenMissing() {
    #expect(throws: ConfigError.self) { try PipelineConfigLoader.load(path: "no/such/pipeline.yml") }
  }
}
