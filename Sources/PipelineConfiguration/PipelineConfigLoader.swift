import SlackscoreCore
import Yams

/// Reads `pipeline.yml` with Yams' node API, so that every problem names its line.
///
/// The first problem found is thrown as a ``ConfigError``; unknown keys are errors.
public enum PipelineConfigLoader {
  /// Loads a config file. `displayPath` is how the file is named in errors (defaults to `path`).
  public static func load(path: String, displayPath: String? = nil) throws(ConfigError) -> PipelineConfig {
    let shown = displayPath ?? path
    let bytes: [UInt8]
    do {
      bytes = try FileSystem.readAll(path)
    } catch {
      throw ConfigError(file: shown, line: nil, key: "", message: "cannot read the config: \(error)")
    }
    return try parse(String(decoding: bytes, as: UTF8.self), file: shown)
  }

  /// Parses config text; `file` names it in errors. The text is checked against
  /// ``YAMLLimits`` first, so a hostile file gets an error instead of exhausting the stack.
  public static func parse(_ text: String, file: String) throws(ConfigError) -> PipelineConfig {
    try YAMLLimits.check(text, file: file)
    try commentedHashtags(text, file: file)
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch {
      throw syntaxError(error, file: file)
    }
    guard let root else { throw ConfigError(file: file, line: 1, key: "", message: "the config is empty") }
    let top = YAMLField(node: root, path: "", file: file)
    return try readPipeline(top)
  }

  /// `hashtags: #X` is a YAML comment, so the list would silently be empty: an error with
  /// the line to write instead.
  private static func commentedHashtags(_ text: String, file: String) throws(ConfigError) {
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      var rest = line.drop { $0 == " " }
      if rest.hasPrefix("- ") { rest = rest.dropFirst(2).drop { $0 == " " } }
      guard rest.hasPrefix("hashtags:") else { continue }
      let value = rest.dropFirst("hashtags:".count)
      guard value.first == " " || value.first == "\t" else { continue }
      let tag = value.drop { $0 == " " || $0 == "\t" }
      guard tag.hasPrefix("#"), tag.count > 1 else { continue }
      let first = tag.split(whereSeparator: { $0 == " " || $0 == "," }).first.map(String.init) ?? String(tag)
      throw ConfigError(
        file: file, line: index + 1, key: "hashtags",
        message:
          "`\(first)` after `hashtags:` is read as a YAML comment, so the list would be empty; write it as a list: hashtags: [\(quoted(first))]"
      )
    }
  }

  private static func syntaxError(_ error: any Error, file: String) -> ConfigError {
    if let yaml = error as? YamlError {
      switch yaml {
      case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
        .composer(_, let problem, let mark, _):
        return ConfigError(file: file, line: mark.line, key: "", message: "YAML syntax error: \(problem)")
      default: break
      }
    }
    return ConfigError(file: file, line: nil, key: "", message: "YAML syntax error: \(error)")
  }

  private static func readPipeline(_ top: YAMLField) throws(ConfigError) -> PipelineConfig {
    let fields = try top.mapping(allowed: [
      "name", "description", "inputs", "outcomes", "interactions", "currency", "scoring", "campaigns", "fetch",
      "number_style", "known_problems",
    ])
    guard let nameField = fields["name"] else { throw top.error("missing required key `name`") }
    let name = try nameField.string()
    guard isIdentifier(name, allowUnderscore: true) else {
      throw nameField.error("expected a name of letters, digits, `-` or `_`, got \(quoted(name))")
    }
    var config = PipelineConfig(name: name)
    config.description = try fields["description"]?.string()
    if let inputs = fields["inputs"] {
      for item in try inputs.sequence() {
        let entry = try readFileEntry(item, extra: ["optional"])
        config.inputs.append(entry.path)
        config.lines["inputs[\(config.inputs.count - 1)]"] = item.line
        if let optional = entry.fields["optional"] {
          guard let flag = Bool(optional.text.lowercased()) else {
            throw optional.error("expected true or false, got \(quoted(optional.text))")
          }
          if flag { config.optionalInputs.insert(entry.path) }
        }
      }
    }
    if let style = fields["number_style"] { config.numberStyle = try numberStyle(style) }
    if let known = fields["known_problems"] {
      for item in try known.sequence() {
        let kf = try item.mapping(allowed: ["code", "file", "reason"])
        guard let code = kf["code"] else { throw item.error("missing required key `code`") }
        guard let reason = kf["reason"] else {
          throw item.error("missing required key `reason` (say why the problem is accepted)")
        }
        config.knownProblems.append(
          KnownProblem(code: try code.string(), file: try kf["file"]?.string(), reason: try reason.string()))
      }
    }
    for key in ["outcomes", "interactions"] {
      guard let field = fields[key] else { continue }
      let items: [YAMLField]
      if case .sequence = field.node { items = try field.sequence() } else { items = [field] }
      var paths: [String] = []
      for item in items {
        let entry = try readFileEntry(item, extra: ["number_style"])
        config.lines["\(key)[\(paths.count)]"] = item.line
        paths.append(entry.path)
        if let style = entry.fields["number_style"] { config.tableNumberStyles[entry.path] = try numberStyle(style) }
      }
      if key == "outcomes" { config.outcomes = paths } else { config.interactions = paths }
    }
    if let currency = fields["currency"] { config.currency = try readCurrency(currency) }
    if let scoring = fields["scoring"] { config.scoring = try readScoring(scoring) }
    if let campaigns = fields["campaigns"] {
      var seen: Set<String> = []
      for item in try campaigns.sequence() {
        let campaign = try readCampaign(item)
        guard seen.insert(campaign.id).inserted else {
          throw item.child("id").error("duplicate campaign id \(quoted(campaign.id))")
        }
        config.campaigns.append(campaign)
      }
    }
    if let fetch = fields["fetch"] {
      guard case .mapping = fetch.node else { throw fetch.error("expected a mapping") }
      config.fetch = opaque(fetch.node)
    }
    return config
  }

  /// A file entry: a path, or a mapping `{ path: …, <extra keys> }`.
  private static func readFileEntry(
    _ item: YAMLField, extra: Set<String>
  ) throws(ConfigError) -> (path: String, fields: [String: YAMLField]) {
    if case .mapping = item.node {
      let fields = try item.mapping(allowed: extra.union(["path"]))
      guard let path = fields["path"] else { throw item.error("missing required key `path`") }
      return (try path.string(), fields)
    }
    return (try item.string(), [:])
  }

  private static func numberStyle(_ field: YAMLField) throws(ConfigError) -> NumberStyle {
    let text = try field.string()
    guard let style = NumberStyle(rawValue: text.lowercased()) else {
      throw field.error(
        "expected id (2.910 is two thousand nine hundred and ten) or en (2,910), got \(quoted(text))")
    }
    return style
  }

  private static func readCurrency(_ field: YAMLField) throws(ConfigError) -> CurrencyConfig {
    let fields = try field.mapping(allowed: ["base", "rates"])
    var currency = CurrencyConfig()
    if let base = fields["base"] { currency.base = try currencyCode(base) }
    if let rates = fields["rates"] {
      for item in try rates.sequence() {
        let rf = try item.mapping(allowed: ["currency", "rate", "as_of", "source"])
        guard let code = rf["currency"] else { throw item.error("missing required key `currency`") }
        guard let rate = rf["rate"] else { throw item.error("missing required key `rate`") }
        guard let asOf = rf["as_of"] else { throw item.error("missing required key `as_of`") }
        let value = try rate.number()
        guard value > 0 else { throw rate.error("expected a positive rate, got \(quoted(rate.text))") }
        currency.rates.append(
          ExchangeRate(
            currency: try currencyCode(code), rate: value, asOf: try asOf.date(), source: try rf["source"]?.string()))
      }
    }
    return currency
  }

  private static func currencyCode(_ field: YAMLField) throws(ConfigError) -> String {
    let code = try field.string()
    guard code.utf8.count == 3, code.utf8.allSatisfy({ $0 >= 65 && $0 <= 90 }) else {
      throw field.error("expected an ISO 4217 currency code like IDR or USD, got \(quoted(code))")
    }
    return code
  }

  private static func readScoring(_ field: YAMLField) throws(ConfigError) -> ScoringParameters {
    let fields = try field.mapping(allowed: ["low_effort_max", "bootstrap_samples", "seed", "min_coverage"])
    var p = ScoringParameters()
    if let f = fields["low_effort_max"] {
      p.lowEffortMax = try f.integer()
      guard (1...5).contains(p.lowEffortMax) else { throw f.error("expected an effort from 1 to 5, got \(f.text)") }
    }
    if let f = fields["bootstrap_samples"] {
      p.bootstrapSamples = try f.integer()
      guard (0...100_000).contains(p.bootstrapSamples) else {
        throw f.error("expected 0 to 100000 samples, got \(f.text)")
      }
    }
    if let f = fields["seed"] {
      guard let seed = UInt64(f.text) else {
        throw f.error("expected a non-negative integer seed, got \(quoted(f.text))")
      }
      p.seed = seed
    }
    if let f = fields["min_coverage"] {
      p.minCoverage = try f.number()
      guard (0...1).contains(p.minCoverage) else { throw f.error("expected a share from 0 to 1, got \(f.text)") }
    }
    return p
  }

  private static func readCampaign(_ field: YAMLField) throws(ConfigError) -> CampaignConfig {
    let fields = try field.mapping(allowed: [
      "id", "name", "period", "hashtags", "keywords", "url_patterns", "petition_urls", "donation_urls", "event_urls",
    ])
    guard let idField = fields["id"] else { throw field.error("missing required key `id`") }
    let id = try idField.string()
    guard isIdentifier(id, allowUnderscore: false) else {
      throw idField.error("expected an id of lower-case letters, digits and `-`, got \(quoted(id))")
    }
    var campaign = CampaignConfig(id: id, name: try fields["name"]?.string() ?? id)
    if let period = fields["period"] {
      let pf = try period.mapping(allowed: ["from", "to"])
      let from = try pf["from"]?.date()
      let to = try pf["to"]?.date()
      if let from, let to, from > to, let toField = pf["to"] {
        throw toField.error("the period ends (\(to)) before it starts (\(from))")
      }
      campaign.period = DatePeriod(from: from, to: to)
    }
    if let hashtags = fields["hashtags"], case .scalar(let scalar) = hashtags.node {
      throw hashtags.error(
        "expected a list, got the single value \(quoted(scalar.string)); write it as a list: hashtags: [\(quoted(scalar.string))]"
      )
    }
    campaign.hashtags = try fields["hashtags"]?.stringList() ?? []
    campaign.keywords = try fields["keywords"]?.stringList() ?? []
    campaign.urlPatterns = try fields["url_patterns"]?.stringList() ?? []
    campaign.petitionUrls = try fields["petition_urls"]?.stringList() ?? []
    campaign.donationUrls = try fields["donation_urls"]?.stringList() ?? []
    campaign.eventUrls = try fields["event_urls"]?.stringList() ?? []
    return campaign
  }

  static func isIdentifier(_ text: String, allowUnderscore: Bool) -> Bool {
    !text.isEmpty
      && text.utf8.allSatisfy { b in
        (b >= 97 && b <= 122) || (b >= 48 && b <= 57) || b == 45
          || (allowUnderscore && (b == 95 || (b >= 65 && b <= 90)))
      }
  }

  private static func opaque(_ node: Node) -> OpaqueYAML {
    switch node {
    case .scalar(let s): .scalar(s.string)
    case .sequence(let items): .sequence(items.map(opaque))
    case .mapping(let pairs): .mapping(pairs.map { (key: $0.key.string ?? "", value: opaque($0.value)) })
    }
  }
}

package func quoted(_ text: String) -> String { "\"\(text)\"" }

/// A node with its key path and file, so that errors can name both.
struct YAMLField {
  let node: Node
  let path: String
  let file: String

  var line: Int? { node.mark?.line }
  var text: String { node.scalar?.string ?? "" }

  func error(_ message: String) -> ConfigError { ConfigError(file: file, line: line, key: path, message: message) }

  func child(_ key: String) -> YAMLField {
    let value = node.mapping?[key] ?? node
    return YAMLField(node: value, path: path.isEmpty ? key : "\(path).\(key)", file: file)
  }

  /// The entries of a mapping, rejecting keys outside `allowed`.
  func mapping(allowed: Set<String>) throws(ConfigError) -> [String: YAMLField] {
    guard case .mapping(let pairs) = node else { throw error("expected a mapping, got \(kindName)") }
    var result: [String: YAMLField] = [:]
    for (keyNode, value) in pairs {
      let key = keyNode.scalar?.string ?? ""
      let childPath = path.isEmpty ? key : "\(path).\(key)"
      guard allowed.contains(key) else {
        let guess = Suggestion.closest(to: key, in: allowed).map { "did you mean `\($0)`? " } ?? ""
        throw ConfigError(
          file: file, line: keyNode.mark?.line, key: childPath,
          message: "unknown key (\(guess)expected one of: \(allowed.sorted().joined(separator: ", ")))")
      }
      guard result[key] == nil else {
        throw ConfigError(file: file, line: keyNode.mark?.line, key: childPath, message: "duplicate key")
      }
      // `key:` with no value (or `~`, `null`) is the same as leaving the key out.
      if case .scalar(let s) = value, s.style == .plain, ["", "~", "null", "Null", "NULL"].contains(s.string) {
        continue
      }
      result[key] = YAMLField(node: value, path: childPath, file: file)
    }
    return result
  }

  func sequence() throws(ConfigError) -> [YAMLField] {
    guard case .sequence(let items) = node else { throw error("expected a list, got \(kindName)") }
    return items.enumerated().map { YAMLField(node: $1, path: "\(path)[\($0)]", file: file) }
  }

  func string() throws(ConfigError) -> String {
    guard case .scalar(let s) = node else { throw error("expected a string, got \(kindName)") }
    return s.string
  }

  func stringList() throws(ConfigError) -> [String] {
    var result: [String] = []
    for item in try sequence() { result.append(try item.string()) }
    return result
  }

  func stringOrList() throws(ConfigError) -> [String] {
    if case .scalar = node { return [try string()] }
    return try stringList()
  }

  func number() throws(ConfigError) -> Double {
    guard case .scalar(let s) = node, let value = Double(s.string.replacingUnderscores()), value.isFinite else {
      throw error("expected a number, got \(kindName == "a scalar" ? quoted(text) : kindName)")
    }
    return value
  }

  func integer() throws(ConfigError) -> Int {
    guard case .scalar(let s) = node, let value = Int(s.string.replacingUnderscores()) else {
      throw error("expected an integer, got \(kindName == "a scalar" ? quoted(text) : kindName)")
    }
    return value
  }

  /// A `YYYY-MM-DD` date that exists on the calendar.
  func date() throws(ConfigError) -> String {
    guard case .scalar(let s) = node, CalendarDate.isValid(s.string) else {
      throw error("expected a date like 2024-01-31, got \(kindName == "a scalar" ? quoted(text) : kindName)")
    }
    return s.string
  }

  private var kindName: String {
    switch node {
    case .scalar: "a scalar"
    case .mapping: "a mapping"
    case .sequence: "a list"
    }
  }
}

extension String {
  fileprivate func replacingUnderscores() -> String { String(filter { $0 != "_" }) }
}
