/// A parsed `robots.txt` (RFC 9309): the rules of the group for our user agent (or `*`),
/// matched longest-pattern-first with `*` and `$` wildcards; on a tie `Allow` wins.
public struct RobotsTxt: Sendable, Equatable {
  /// One `Allow`/`Disallow` line.
  public struct Rule: Sendable, Equatable {
    public var allow: Bool
    public var pattern: String
  }

  /// The rules that apply to us.
  public var rules: [Rule]

  /// Everything allowed (no robots.txt, or a 4xx answer).
  public static let allowAll = RobotsTxt(rules: [])
  /// Nothing allowed (robots.txt unreachable or a 5xx answer, as RFC 9309 §2.3.1.4 says).
  public static let disallowAll = RobotsTxt(rules: [Rule(allow: false, pattern: "/")])

  public init(rules: [Rule]) { self.rules = rules }

  /// Parses `text` for the product token `agent` (e.g. `slackscore`, case-insensitive).
  /// Groups naming the agent win over `*` groups; several matching groups are merged.
  public init(parsing text: String, agent: String) {
    let token = agent.lowercased()
    var specific: [Rule] = []
    var wildcard: [Rule] = []
    var sawSpecific = false
    var groupAgents: [String] = []
    var inRules = false
    for rawLine in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
      var line = Substring(rawLine)
      if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
      guard let colon = line.firstIndex(of: ":") else { continue }
      let key = line[..<colon].trimmingSpaces().lowercased()
      let value = line[line.index(after: colon)...].trimmingSpaces()
      switch key {
      case "user-agent":
        if inRules {
          groupAgents = []
          inRules = false
        }
        groupAgents.append(value.lowercased())
      case "allow", "disallow":
        inRules = true
        if value.isEmpty { continue }  // `Disallow:` with nothing allows everything
        let rule = Rule(allow: key == "allow", pattern: value)
        if groupAgents.contains(where: { !$0.isEmpty && $0 != "*" && token.hasPrefix($0) }) {
          specific.append(rule)
          sawSpecific = true
        } else if groupAgents.contains("*") {
          wildcard.append(rule)
        }
      default:
        continue  // sitemap, crawl-delay, …
      }
    }
    rules = sawSpecific ? specific : wildcard
  }

  /// Whether `target` (path and query, starting with `/`) may be fetched.
  public func isAllowed(_ target: String) -> Bool {
    if target == "/robots.txt" { return true }
    var best: (length: Int, allow: Bool)?
    for rule in rules where Self.matches(pattern: rule.pattern, path: target) {
      let length = rule.pattern.utf8.count
      if let current = best {
        if length > current.length || (length == current.length && rule.allow) { best = (length, rule.allow) }
      } else {
        best = (length, rule.allow)
      }
    }
    return best?.allow ?? true
  }

  /// `*` matches any run of bytes, a final `$` anchors at the end; otherwise a prefix match.
  static func matches(pattern: String, path: String) -> Bool {
    var p = Array(pattern.utf8)
    let anchored = p.last == UInt8(ascii: "$")
    if anchored { p.removeLast() }
    let s = Array(path.utf8)
    // Iterative wildcard match with backtracking to the last `*`.
    var pi = 0
    var si = 0
    var starP = -1
    var starS = 0
    while si < s.count {
      if pi < p.count && p[pi] == UInt8(ascii: "*") {
        starP = pi
        starS = si
        pi += 1
      } else if pi < p.count && p[pi] == s[si] {
        pi += 1
        si += 1
      } else if pi == p.count && !anchored {
        return true
      } else if starP >= 0 {
        pi = starP + 1
        starS += 1
        si = starS
      } else {
        return false
      }
    }
    while pi < p.count && p[pi] == UInt8(ascii: "*") { pi += 1 }
    return pi == p.count
  }
}

/// robots.txt per origin, fetched once per run (concurrent askers share one fetch).
actor RobotsCache {
  private var entries: [String: Task<RobotsTxt, Never>] = [:]
  private let load: @Sendable (WebURL) async -> RobotsTxt

  init(load: @escaping @Sendable (WebURL) async -> RobotsTxt) { self.load = load }

  /// The robots.txt that governs `url`.
  func robots(for url: WebURL) async -> RobotsTxt {
    let key = url.origin
    if let task = entries[key] { return await task.value }
    let load = self.load
    let task = Task { await load(url) }
    entries[key] = task
    return await task.value
  }
}
