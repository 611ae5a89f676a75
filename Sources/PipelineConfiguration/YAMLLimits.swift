/// Limits checked on a config's text before the YAML reader sees it: the reader is
/// recursive, so a file of deeply nested collections (`[[[[…`, `- - - - …`) would exhaust
/// the stack instead of giving an error.
public enum YAMLLimits {
  /// Largest config file, in bytes (a pipeline with thousands of URL patterns fits).
  public static let maxBytes = 4 << 20
  /// Deepest nesting of collections (flow brackets, block indentation and compact `- `
  /// entries together). Real configs nest 4 or 5 deep.
  public static let maxDepth = 64
  /// Most aliases (`*name`); each can stand for a whole subtree, so many of them can
  /// multiply a small file into a huge document.
  public static let maxAliases = 100

  /// Throws a ``ConfigError`` naming the line where a limit is passed.
  public static func check(_ text: String, file: String) throws(ConfigError) {
    let bytes = Array(text.utf8)
    guard bytes.count <= maxBytes else {
      throw ConfigError(
        file: file, line: nil, key: "",
        message: "the config is \(bytes.count) bytes; the limit is \(maxBytes) (YAMLLimits.maxBytes)")
    }
    var line = 1
    var flowDepth = 0
    var aliases = 0
    var indents: [Int] = []  // block indentation levels open above the current line
    var i = 0
    func tooDeep(_ depth: Int) -> ConfigError {
      ConfigError(
        file: file, line: line, key: "",
        message:
          "collections nested \(depth) deep; the limit is \(maxDepth) (YAMLLimits.maxDepth). Write the value flatter")
    }
    while i < bytes.count {
      // Start of a line: indentation and compact `- ` entries.
      var indent = 0
      while i < bytes.count && bytes[i] == 0x20 {
        indent += 1
        i += 1
      }
      var dashes = 0
      var j = i
      while j + 1 < bytes.count && bytes[j] == UInt8(ascii: "-") && (bytes[j + 1] == 0x20 || bytes[j + 1] == 0x0A) {
        dashes += 1
        j += 2
        while j < bytes.count && bytes[j] == 0x20 { j += 1 }
      }
      let blank = i >= bytes.count || bytes[i] == 0x0A || bytes[i] == UInt8(ascii: "#")
      if !blank && flowDepth == 0 {
        while let last = indents.last, last >= indent { indents.removeLast() }
        indents.append(indent)
        let depth = indents.count + dashes
        if depth > maxDepth { throw tooDeep(depth) }
      }
      // The rest of the line: flow brackets outside quotes and comments.
      var quote: UInt8? = nil
      while i < bytes.count && bytes[i] != 0x0A {
        let b = bytes[i]
        if let q = quote {
          if b == q {
            if q == UInt8(ascii: "'") && i + 1 < bytes.count && bytes[i + 1] == q {
              i += 1
            } else {
              quote = nil
            }
          } else if b == UInt8(ascii: "\\") && q == UInt8(ascii: "\"") {
            i += 1
          }
        } else {
          switch b {
          case UInt8(ascii: "\""), UInt8(ascii: "'"):
            if i == 0 || [0x20, 0x5B, 0x7B, 0x2C, 0x3A].contains(bytes[i - 1]) { quote = b }
          case UInt8(ascii: "#") where i == 0 || bytes[i - 1] == 0x20 || bytes[i - 1] == 0x09:
            while i + 1 < bytes.count && bytes[i + 1] != 0x0A { i += 1 }
          case UInt8(ascii: "["), UInt8(ascii: "{"):
            flowDepth += 1
            let depth = indents.count + dashes + flowDepth
            if depth > maxDepth { throw tooDeep(depth) }
          case UInt8(ascii: "]"), UInt8(ascii: "}"):
            flowDepth = max(0, flowDepth - 1)
          case UInt8(ascii: "*") where i == 0 || [0x20, 0x5B, 0x7B, 0x2C].contains(bytes[i - 1]):
            aliases += 1
            if aliases > maxAliases {
              throw ConfigError(
                file: file, line: line, key: "",
                message: "more than \(maxAliases) aliases (*name); the limit is YAMLLimits.maxAliases")
            }
          default: break
          }
        }
        i += 1
      }
      i += 1
      line += 1
    }
  }
}
