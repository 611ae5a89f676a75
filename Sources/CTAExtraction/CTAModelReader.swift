import SlackscoreCore

/// Reads `cta-model.json` in one pass over its bytes, about ten times faster than `JSONDecoder`
/// (which spends most of extract's start-up on the model's 300,000 numbers).
///
/// Only the shape `slackscore train-cta` writes is read here: the keys of `CTAModelFile` and
/// `SparseWeights`, no string escapes, integers where integers belong, gaps of at least 1. Anything
/// else (a damaged, hand-edited or unknown file) makes `parse` return nil and `load` decodes the file
/// with `JSONDecoder` instead, which gives the same values and the usual error messages. Numbers are
/// converted by `Double(_:)`/`Int(_:)` on the literal, so values are bit-identical to the decoder's.
enum CTAModelReader {
  /// The model file at `path`: the fast reader when it understands the file, else `JSONDecoder`.
  static func load(path: String) throws -> CTAModelFile {
    if let bytes = try? FileSystem.readAll(path), let model = parse(bytes) { return model }
    return try CTAResources.load(CTAModelFile.self, path: path)
  }

  /// The model in `bytes`, or nil when the file is not in the shape the fast reader handles.
  static func parse(_ bytes: [UInt8]) -> CTAModelFile? {
    bytes.withUnsafeBufferPointer { buffer -> CTAModelFile? in
      var reader = Reader(bytes: buffer)
      guard let model = reader.modelFile() else { return nil }
      reader.skipSpace()
      return reader.position == buffer.count ? model : nil
    }
  }

  /// Powers of ten that a `Double` holds exactly.
  private static let exactPowersOfTen: [Double] = (0...22).map { k in
    var power = 1.0
    for _ in 0..<k { power *= 10 }
    return power
  }

  /// `Double(literal)` for a JSON literal `-?digits(.digits)?` (no leading zero) of at most 15
  /// digits, 22 after the dot: the digits read as one integer and the power of ten are exact, so one
  /// correctly rounded division gives the correctly rounded value, as `strtod` does. Nil for any
  /// other literal (the reader then converts it with `Double(_:)`).
  static func shortDecimal(_ literal: UnsafeBufferPointer<UInt8>) -> Double? {
    var reader = Reader(bytes: literal)
    guard let value = reader.shortDecimalInPlace(), reader.position == literal.count else { return nil }
    return value
  }

  /// A cursor over the file's bytes; every read returns nil on anything unexpected.
  private struct Reader {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func modelFile() -> CTAModelFile? {
      var format: String?
      var dimension: Int?
      var threshold: Double?
      var lexiconPrior: Double?
      var cueAdjustments: [String: Double]?
      var languageThresholds: [String: Double]?
      var detector: SparseWeights?
      var categories: [String: SparseWeights]?
      var trainedOn: [String: Int]?
      var pageStage: PageStageHead?
      let complete = object { reader, key in
        switch key {
        case "format": return reader.read(into: &format) { $0.string() }
        case "dimension": return reader.read(into: &dimension) { $0.integer() }
        case "threshold": return reader.read(into: &threshold) { $0.double() }
        case "lexicon_prior": return reader.read(into: &lexiconPrior) { $0.double() }
        case "cue_adjustments": return reader.read(into: &cueAdjustments) { $0.map { $0.double() } }
        case "language_thresholds": return reader.read(into: &languageThresholds) { $0.map { $0.double() } }
        case "detector": return reader.read(into: &detector) { $0.sparseWeights() }
        case "categories": return reader.read(into: &categories) { $0.map { $0.sparseWeights() } }
        case "trained_on": return reader.read(into: &trainedOn) { $0.map { $0.integer() } }
        case "page_stage": return reader.read(into: &pageStage) { $0.pageStageHead() }
        default: return false
        }
      }
      guard complete, let format, let dimension, let threshold, let lexiconPrior, let detector, let categories,
        let trainedOn
      else { return nil }
      var file = CTAModelFile(
        dimension: dimension, threshold: threshold, lexiconPrior: lexiconPrior, detector: detector,
        categories: categories, trainedOn: trainedOn, cueAdjustments: cueAdjustments,
        languageThresholds: languageThresholds, pageStage: pageStage)
      file.format = format
      return file
    }

    mutating func pageStageHead() -> PageStageHead? {
      var threshold: Double?
      var weights: SparseWeights?
      var categories: [String: SparseWeights]?
      var trainedOn: [String: Int]?
      let complete = object { reader, key in
        switch key {
        case "threshold": return reader.read(into: &threshold) { $0.double() }
        case "weights": return reader.read(into: &weights) { $0.sparseWeights() }
        case "categories": return reader.read(into: &categories) { $0.map { $0.sparseWeights() } }
        case "trained_on": return reader.read(into: &trainedOn) { $0.map { $0.integer() } }
        default: return false
        }
      }
      guard complete, let threshold, let weights, let categories, let trainedOn else { return nil }
      return PageStageHead(threshold: threshold, weights: weights, categories: categories, trainedOn: trainedOn)
    }

    mutating func sparseWeights() -> SparseWeights? {
      var bias: Double?
      var gaps: [Int]?
      var indices: [Int]?
      var weights: [Double]?
      let complete = object { reader, key in
        switch key {
        case "bias": return reader.read(into: &bias) { $0.double() }
        case "gaps" where indices == nil: return reader.read(into: &gaps) { $0.array { $0.integer() } }
        case "indices" where gaps == nil: return reader.read(into: &indices) { $0.array { $0.integer() } }
        case "weights": return reader.read(into: &weights) { $0.array { $0.double() } }
        default: return false
        }
      }
      guard complete, let bias, let weights else { return nil }
      if let gaps {
        guard case .success(let absolute) = SparseWeights.indices(fromGaps: gaps) else { return nil }
        indices = absolute
      }
      guard let indices else { return nil }
      return SparseWeights(bias: bias, indices: indices, weights: weights)
    }

    /// Reads a member's value with `value` into `slot`: false when the member came before (`slot`
    /// is set) or its value does not read.
    mutating func read<T>(into slot: inout T?, _ value: (inout Reader) -> T?) -> Bool {
      guard slot == nil, let read = value(&self) else { return false }
      slot = read
      return true
    }

    /// Reads `{ "key": value, … }`, calling `member` with the reader placed at each value; false when
    /// the syntax is off or `member` refuses a key (or leaves its value unread).
    mutating func object(_ member: (inout Reader, String) -> Bool) -> Bool {
      guard take(UInt8(ascii: "{")) else { return false }
      if take(UInt8(ascii: "}")) { return true }
      repeat {
        guard let key = string(), take(UInt8(ascii: ":")) else { return false }
        let before = position
        guard member(&self, key), position > before else { return false }
      } while take(UInt8(ascii: ","))
      return take(UInt8(ascii: "}"))
    }

    /// `{ "name": value, … }` with every value read by `value`; nil on a repeated name.
    mutating func map<T>(_ value: (inout Reader) -> T?) -> [String: T]? {
      var out: [String: T] = [:]
      var failed = false
      let complete = object { reader, key in
        guard out[key] == nil, let v = value(&reader) else {
          failed = true
          return false
        }
        out[key] = v
        return true
      }
      return complete && !failed ? out : nil
    }

    mutating func array<T>(_ element: (inout Reader) -> T?) -> [T]? {
      guard take(UInt8(ascii: "[")) else { return nil }
      var out: [T] = []
      if take(UInt8(ascii: "]")) { return out }
      repeat {
        guard let value = element(&self) else { return nil }
        out.append(value)
      } while take(UInt8(ascii: ","))
      return take(UInt8(ascii: "]")) ? out : nil
    }

    /// A string without escapes or control characters.
    mutating func string() -> String? {
      guard take(UInt8(ascii: "\"")) else { return nil }
      let start = position
      while position < bytes.count {
        let byte = bytes[position]
        if byte == UInt8(ascii: "\"") {
          let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
          position += 1
          return text
        }
        if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
        position += 1
      }
      return nil
    }

    /// An integer literal (no fraction or exponent, no leading zero) that fits in `Int`.
    mutating func integer() -> Int? {
      skipSpace()
      let negative = position < bytes.count && bytes[position] == UInt8(ascii: "-")
      if negative { position += 1 }
      let start = position
      var value = 0
      while position < bytes.count {
        let digit = Int(bytes[position]) - 48
        guard digit >= 0 && digit <= 9 else { break }
        let (scaled, o1) = value.multipliedReportingOverflow(by: 10)
        let (next, o2) = negative ? scaled.subtractingReportingOverflow(digit) : scaled.addingReportingOverflow(digit)
        guard !o1, !o2 else { return nil }
        value = next
        position += 1
      }
      guard position > start, position - start == 1 || bytes[start] != UInt8(ascii: "0") else { return nil }
      if position < bytes.count {
        let byte = bytes[position]
        if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") { return nil }
      }
      return value
    }

    /// A finite number: the JSON literal converted by `Double(_:)` (correctly rounded, as the decoder).
    mutating func double() -> Double? {
      skipSpace()
      if let value = shortDecimalInPlace() { return value }
      let start = position
      while position < bytes.count {
        let byte = bytes[position]
        let isNumberByte =
          (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
          || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e")
          || byte == UInt8(ascii: "E")
        guard isNumberByte else { break }
        position += 1
      }
      guard position > start else { return nil }
      // JSON has no leading "+", "." or zero before a digit; leave those to the decoder.
      let first = bytes[start] == UInt8(ascii: "-") && position > start + 1 ? bytes[start + 1] : bytes[start]
      let second = bytes[start] == UInt8(ascii: "-") ? start + 2 : start + 1
      guard first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9") else { return nil }
      if first == UInt8(ascii: "0") && second < position && bytes[second] >= UInt8(ascii: "0")
        && bytes[second] <= UInt8(ascii: "9")
      {
        return nil
      }
      // Nor a dot without a digit after it ("1.", which `Double(_:)` would take).
      for k in start..<position where bytes[k] == UInt8(ascii: ".") {
        guard k + 1 < position, bytes[k + 1] &- UInt8(ascii: "0") < 10 else { return nil }
      }
      let literal = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
      guard let value = Double(literal), value.isFinite else { return nil }
      return value
    }

    /// The common literal `-?D(.D+)?` (D: `0` or a digit run without a leading zero; at most 15
    /// digits, 22 after the dot) read in one pass, as `shortDecimal` converts it; nil, with the
    /// position unchanged, for anything else (then `double` reads the literal the long way).
    mutating func shortDecimalInPlace() -> Double? {
      var i = position
      let negative = i < bytes.count && bytes[i] == UInt8(ascii: "-")
      if negative { i += 1 }
      let intStart = i
      var mantissa: UInt64 = 0
      while i < bytes.count, bytes[i] &- UInt8(ascii: "0") < 10 {
        mantissa = mantissa &* 10 &+ UInt64(bytes[i] &- UInt8(ascii: "0"))
        i += 1
      }
      let intDigits = i - intStart
      guard intDigits >= 1, intDigits == 1 || bytes[intStart] != UInt8(ascii: "0") else { return nil }
      var fractionDigits = 0
      if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
        i += 1
        let fractionStart = i
        while i < bytes.count, bytes[i] &- UInt8(ascii: "0") < 10 {
          mantissa = mantissa &* 10 &+ UInt64(bytes[i] &- UInt8(ascii: "0"))
          i += 1
        }
        fractionDigits = i - fractionStart
        guard fractionDigits >= 1 else { return nil }
      }
      if i < bytes.count {
        let byte = bytes[i]
        if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") || byte == UInt8(ascii: "+")
          || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
        {
          return nil
        }
      }
      guard intDigits + fractionDigits <= 15, fractionDigits <= 22, mantissa < 1 << 53 else { return nil }
      position = i
      let value = Double(mantissa) / CTAModelReader.exactPowersOfTen[fractionDigits]
      return negative ? -value : value
    }

    mutating func skipSpace() {
      while position < bytes.count {
        let byte = bytes[position]
        guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
        position += 1
      }
    }

    /// Skips space, then consumes `byte` if it comes next.
    mutating func take(_ byte: UInt8) -> Bool {
      skipSpace()
      guard position < bytes.count, bytes[position] == byte else { return false }
      position += 1
      return true
    }
  }
}
