public import Foundation

/// The project's JSON conventions in one place: snake_case keys, sorted keys, no escaped
/// slashes, so the same value always gives the same bytes.
public enum JSONCoding {
  /// An encoder for one JSON Lines record (compact).
  public static func lineEncoder() -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.keyEncodingStrategy = .convertToSnakeCase
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }

  /// An encoder for a whole document (pretty, for `campaigns.json` and `run.json`).
  public static func prettyEncoder() -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.keyEncodingStrategy = .convertToSnakeCase
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
    return encoder
  }

  /// A decoder matching the encoders.
  public static func decoder() -> JSONDecoder {
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    return decoder
  }

  /// Reads a JSON Lines file (see ``JSONLines``), calling `body` with each line's bytes and
  /// its 1-based line number. Blank lines are skipped; a line over the default limit stops the
  /// reading with an error naming it.
  public static func forEachLine(
    in path: String, _ body: (ArraySlice<UInt8>, Int) throws -> Void
  ) throws {
    try JSONLines.forEachLine(in: path) { line, number in
      guard let line else {
        throw FileError(
          path: path, operation: "read line \(number) (longer than \(JSONLines.defaultMaxLineBytes) bytes)",
          errno: E2BIG)
      }
      try body(line, number)
    }
  }

  /// Decodes every line of a JSON Lines file as `T`. Lines that fail are reported to
  /// `diagnostics` (file, line, reason) and skipped.
  public static func readLines<T: Decodable>(
    _ type: T.Type, from path: String, stage: String, diagnostics: DiagnosticCollector
  ) throws -> [T] {
    let decoder = decoder()
    var result: [T] = []
    try forEachLine(in: path) { line, number in
      do {
        result.append(try decoder.decode(T.self, from: Data(line)))
      } catch {
        diagnostics.emit(
          Diagnostic(
            severity: .error, stage: stage, file: path, offset: nil, code: "bad-json-line",
            message: "line \(number): cannot read as \(T.self): \(error)"))
      }
    }
    return result
  }
}
