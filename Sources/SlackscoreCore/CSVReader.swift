/// A single-pass RFC 4180 reader over bytes: quoted fields (with `""` for a quote and line
/// breaks inside quotes), a UTF-8 byte-order mark, and LF or CRLF line ends.
public enum CSVReader {
  /// One record: its fields and the 1-based line it starts on.
  public struct Row: Sendable, Hashable {
    /// The fields, unquoted.
    public var fields: [String]
    /// 1-based line where it starts.
    public var line: Int
  }

  /// A problem with the file's shape (an unterminated quote), with its line.
  public struct Problem: Sendable, Hashable {
    /// 1-based line where it starts.
    public var line: Int
    /// What is wrong.
    public var message: String
  }

  /// Splits `bytes` into rows. Blank lines are skipped. A quote left open at the end of
  /// the file is reported as a problem and the partial row is dropped.
  public static func rows(_ bytes: [UInt8]) -> (rows: [Row], problems: [Problem]) {
    var rows: [Row] = []
    var problems: [Problem] = []
    var i = 0
    if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { i = 3 }
    var line = 1
    var fields: [String] = []
    var field: [UInt8] = []
    var rowLine = 1
    var inQuotes = false
    var quoteLine = 1
    var rowHasContent = false

    func endField() {
      fields.append(String(decoding: field, as: UTF8.self))
      field.removeAll(keepingCapacity: true)
    }
    func endRow() {
      endField()
      if rowHasContent || fields.count > 1 || !(fields.first ?? "").isEmpty {
        rows.append(Row(fields: fields, line: rowLine))
      }
      fields.removeAll(keepingCapacity: true)
      rowHasContent = false
    }

    while i < bytes.count {
      let b = bytes[i]
      if inQuotes {
        if b == 0x22 {
          if i + 1 < bytes.count && bytes[i + 1] == 0x22 {
            field.append(0x22)
            i += 2
            continue
          }
          inQuotes = false
        } else {
          if b == 0x0A { line += 1 }
          field.append(b)
        }
        i += 1
        continue
      }
      switch b {
      case 0x22 where field.isEmpty:
        inQuotes = true
        quoteLine = line
        rowHasContent = true
      case 0x2C:
        endField()
        rowHasContent = true
      case 0x0D where i + 1 < bytes.count && bytes[i + 1] == 0x0A:
        break
      case 0x0A:
        endRow()
        line += 1
        rowLine = line
      default:
        field.append(b)
      }
      i += 1
    }
    if inQuotes {
      problems.append(Problem(line: quoteLine, message: "a quoted field opened here is never closed"))
    } else if !field.isEmpty || !fields.isEmpty {
      endRow()
    }
    return (rows, problems)
  }
}
