import Foundation
import SlackscoreCore
import Testing

@testable import CTAExtraction

/// The hand-written readers and tables of the extract hot path give what the general code gives.
@Suite struct ExtractFastPathTests {
  /// Lines the fast reader must read as `JSONDecoder` does, or leave to it (nil).
  static let lines: [String] = [
    #"{"id":"a","text":"Sign the petition!"}"#,
    #"{"id":42,"text":"x","url":"https://kabar.example/a?b=1#c","lang":"id","site_name":"Kabar","canonical_url":null}"#,
    #"{"id":-7,"text":"x","links":[{"url":"https://chng.it/x","text":"sign","in_main":false},{"url":"u"}]}"#,
    #" { "text" : "esc \" \\ \/ \b \f \n \r \t \u00e9 \u2028 é 🙏" , "id" : "b" , "extra" : [1, -2.5e3, {"a": [true, false, null]}] } "#,
    #"{"id":"c","text":"x","links":null,"url":5,"lang":["en"],"site_name":{"a":1}}"#,
    #"{"id":"d","text":"x","links":[{"url":"u","text":null,"in_main":null,"other":"y"}]}"#,
    #"{"id":"e","text":"x","links":[{"text":"no url"}]}"#,
    #"{"id":"f","text":"x","links":[{"url":"u","in_main":"yes"}]}"#,
    #"{"id":"g","text":"x","siteName":"camel"}"#,
    #"{"id":"h","text":"x","site__name":"double"}"#,
    #"{"id":"i","text":"x","Canonical_URL":"upper"}"#,
    #"{"id":"j","text":"x","id":"twice"}"#,
    #"{"id":1.5,"text":"x"}"#, #"{"id":1e3,"text":"x"}"#, #"{"id":007,"text":"x"}"#, #"{"id":true,"text":"x"}"#,
    #"{"id":"k","text":"\ud83d\ude4f pair"}"#, #"{"id":"l","text":"\ud83d lone"}"#, #"{"id":"m","text":"nul \u0000"}"#,
    #"{"id":"n","text":"x"} trailing"#, #"{"id":"o","text":"x",}"#, #"{"id":"p"}"#, #"{"text":"q"}"#, "[1,2]", "",
    #"{"id":"r","text":""}"#, #"{"id":"s","text":"x","n":01}"#, #"{"id":"t","text":"x","n":-}"#,
    "{\"id\":\"u\",\"text\":\"raw\u{1}control\"}", #"{"id":"v","text":"x","links":[{"url":"a"},]}"#,
    // Found by the `documents` fuzz target: a link text that is no string fails the decoder's links.
    "{\"id\":\"w\",\"text\":\"x\",\"links\":[{\"url\":\"u\",\"text\":\ttrue}]}",
    #"{"id":"x","text":"x","links":[{"url":"u","text":["a"]}]}"#,
  ]

  @Test func inputReaderAgreesWithTheDecoder() throws {
    let decoder = JSONCoding.decoder()
    for line in Self.lines {
      let bytes = Array(line.utf8)
      let expected = try? decoder.decode(ExtractInput.self, from: Data(bytes))
      if let fast = ExtractInputReader.read(bytes) {
        #expect(fast == expected, "\(line)")
      }
    }
    // The plain lines are read by the fast reader.
    for line in Self.lines.prefix(6) { #expect(ExtractInputReader.read(Array(line.utf8)) != nil, "\(line)") }
  }

  /// Found by the `documents` fuzz target: an `id` string that is not valid UTF-8, then a digit
  /// after its closing quote, was read as the integer id 7.
  @Test func aMalformedIdStringIsNoIntegerAfterIt() {
    let bytes = Array(#"{"id": "ab"#.utf8) + [0xAE, 0xAE] + Array(#"cd"7, "text": "bantu"}"#.utf8)
    #expect(ExtractInputReader.read(bytes) == nil)
    #expect((try? JSONCoding.decoder().decode(ExtractInput.self, from: Data(bytes))) == nil)
  }

  @Test func inputReaderReadsTheFixture() throws {
    let decoder = JSONCoding.decoder()
    for line in ExtractFixtures.documentsJSONL.split(separator: "\n") where !line.isEmpty {
      let bytes = Array(line.utf8)
      let expected = try? decoder.decode(ExtractInput.self, from: Data(bytes))
      #expect(ExtractInputReader.read(bytes) == expected)
    }
  }

  /// The model reader's short-decimal path gives `Double(_:)`'s value bit for bit, or defers (nil).
  @Test func shortDecimalsAreWhatDoubleReads() {
    var literals = [
      "0", "-0", "0.0", "-0.0", "1.", "0.1", "-0.3337", "123456789012345", "1234567890123456", "9.5e3", "--1", "1.2.3",
    ]
    // 20,000 literals spread over the digits (a fixed sequence, so a failure can be replayed).
    for n in UInt64(0)..<20_000 {
      let whole = String((n &* 7_919) % 100_000)
      let fraction = String((n &* 2_654_435_761) % 10_000_000_000)
      literals.append((n % 2 == 0 ? "-" : "") + whole + "." + fraction)
    }
    for literal in literals {
      let bytes = Array(literal.utf8)
      let fast = bytes.withUnsafeBufferPointer { CTAModelReader.shortDecimal($0) }
      guard let fast else { continue }
      #expect(fast.bitPattern == Double(literal)?.bitPattern, "\(literal)")
    }
  }

  /// The whole-file reader gives the decoder's weights bit for bit, through its one-pass path
  /// (short decimals) and its fallback (exponents, 17 digits), and refuses what JSON does not allow.
  @Test func modelReaderReadsWeightsAsTheDecoderDoes() throws {
    var values: [Double] = [0, -0.0, 0.1, -0.3337, 1e-05, 123_456_789_012_345, 0.300_000_000_000_000_04, 2.5e-300, -7]
    for n in UInt64(0)..<20_000 {
      values.append(Double((n &* 2_654_435_761) % 10_000_000_000) / 1e7 * (n % 2 == 0 ? -1 : 1))
    }
    var file = try CTADetector.load().files.model
    file.pageStage = nil
    file.detector = SparseWeights(bias: values[3], indices: Array(values.indices), weights: values)
    let bytes = Array(try JSONCoding.lineEncoder().encode(file))
    let fast = try #require(CTAModelReader.parse(bytes))
    let decoded = try JSONCoding.decoder().decode(CTAModelFile.self, from: Data(bytes))
    #expect(fast.detector.weights.map(\.bitPattern) == decoded.detector.weights.map(\.bitPattern))
    #expect(fast.detector.weights.map(\.bitPattern) == values.map(\.bitPattern))
    // Leading zeros, a bare dot or sign: not JSON numbers, so not the fast reader's to read.
    let text = String(decoding: bytes, as: UTF8.self)
    for bad in ["00.5", "-.5", ".5", "1.", "-", "+1"] {
      let broken = text.replacingOccurrences(of: #""bias":-0.3337"#, with: #""bias":"# + bad)
      #expect(broken != text && CTAModelReader.parse(Array(broken.utf8)) == nil, "\(bad)")
    }
  }

  @Test func sparseRowsAddWhatDenseRowsAdd() {
    let dimension = 1 << 10
    let width = 3
    var columns = [(indices: [Int], weights: [Double])](repeating: ([], []), count: width)
    var dense = [Float](repeating: 0, count: dimension * width)
    for f in stride(from: 0, to: dimension, by: 7) {
      for c in 0..<width where (f + c) % 2 == 0 {
        let w = Double(f) / 100 - Double(c)
        columns[c].indices.append(f)
        columns[c].weights.append(w)
        dense[f * width + c] = Float(w)
      }
    }
    columns[0].indices.append(dimension)  // outside: ignored
    columns[0].weights.append(9)
    let rows = SparseRows(dimension: dimension, columns: columns)
    var sparseSums = [0.5, -1, 2]
    var denseSums = sparseSums
    for f in 0..<dimension {
      rows.add(row: f, to: &sparseSums)
      for c in 0..<width { denseSums[c] += Double(dense[f * width + c]) }
    }
    #expect(sparseSums == denseSums)
  }

  @Test func asciiKeysFindWhatTheDictionaryFinds() {
    let dictionary = ["ikuti": 1, "sign": 2, "let's": 3, "caf\u{E9}": 4, "\u{212A}elvin": 5, "": 6]
    let keys = AsciiKeys(dictionary)
    for text in ["ikuti", "sign", "let's", "kelvin", "Kelvin", "", "signs", "cafe", "caf\u{E9}", "x"] {
      switch keys.value(for: text) {
      case .found(let value): #expect(dictionary[text] == value, "\(text)")
      case .absent: #expect(dictionary[text] == nil, "\(text)")
      case .notASCII: #expect(text.utf8.contains { $0 >= 0x80 }, "\(text)")
      }
    }
  }

  @Test func prefixPiecesMatchAsHasPrefix() {
    let texts = ["sebarkan", "sebar", "seb", "se\u{301}bar", "sebar\u{301}kan", "share", "#sebarkan", "ſebar"]
    for text in texts {
      for stem in ["sebar", "se", "s", "sebarkan!", "sé"] {
        #expect(PhrasePiece.hasPrefix(text, stem) == text.hasPrefix(stem), "\(text) \(stem)")
      }
    }
  }

  @Test func wordCountIsTheSplitCount() {
    for key in [
      "", "a", "a b", " a  b ", "ikuti saluran whatsapp kami", "e \u{301}x y", "0 0 0", "ayo dukung — sekarang",
      "bantu 🙏 kami", "x\u{600} y", "\u{600} a", "é è ü", "日本 語", "a\u{200D} b",
    ] {
      #expect(BoilerplateMarker.wordCount(key) == key.split(separator: " ").count, "\(key)")
    }
  }
}

@Suite struct UTF8TailTests {
  @Test func tailHoldsTheLastBytes() {
    #expect("".utf8Tail == (0, 0))
    #expect("ab".utf8Tail == (0x6162, 2))
    #expect("sebarkan".utf8Tail == (0x726B_616E, 4))
    #expect("é".utf8Tail == (0xC3A9, 2))
  }
}

/// `PlatformRegistry.hostAndPath` reads ASCII URLs as bytes; the answer is the character reader's.
@Suite struct HostAndPathFastPathTests {
  static let urls: [String] = [
    "https://www.change.org/p/Selamatkan", "http://WWW.Kitabisa.com:8080/Bantu?x=1#y", "chng.it/abc",
    "HTTPS://user:pw@Host.Example/Path", "ftp://a.b", "://x.y/z", ":x.y", "mailto:someone@example.org",
    "javascript:void(0)", "x1://a.b/c", "https:/one-slash.org/p", "www.", "www.a", "wwwx.example.org/a",
    "https://localhost/a", "https://a.b?q", "https://a.b#f", "", "/", "a.b", "h://@", "h://a@b@c.d:9/E",
    "https://a.b:", "a:b://c.d", "https://ẞ.example/É", "https://例え.jp/パス", "https://a.b/ü",
    "1http://a.b/c", "https://a.b/" + String(repeating: "X", count: 300),
  ]

  @Test func asciiReaderAgreesWithTheCharacterReader() {
    for url in Self.urls {
      let fast = PlatformRegistry.hostAndPath(url)
      let slow = PlatformRegistry.unicodeHostAndPath(url)
      #expect(fast?.0 == slow?.0 && fast?.1 == slow?.1, "\(url)")
    }
  }
}

/// `CTADetector.judge` with `gateFirst` (extract) cuts the analysis short for sentences that can be
/// no ask; what extract reads from the verdict is what the full analysis gives.
@Suite struct GateFirstFastPathTests {
  static let sentences = [
    "Tanda tangani petisi ini sekarang!", "Stir in two tablespoons of sugar and bake until golden.",
    "Diskon 50% untuk semua produk hari ini.", "Warga diminta menandatangani petisi penolakan tambang.",
    "Hujan turun sejak pagi di kota itu.", "Install the package, then run the tests.",
    "Baca juga: wali kota meresmikan taman baru", "Donate at kitabisa.com/bantu today.",
    "Follow us on Instagram for daily updates.", "The council met on Tuesday and approved the budget.",
    "Login sekarang dan dapatkan cashback!", "@USER coba kamu share lagi deh hoaxnya", "#SaveTheForest",
    "Visit https://example.org/info for more.", "Datang pas butuh aja.",
  ]

  @Test func whatExtractReadsIsTheFullAnalysisAnswer() throws {
    let detector = try CTADetector.load()
    for sentence in Self.sentences {
      for lang in ["en", "id", nil] as [String?] {
        let tokens = Tokenizer.tokens(sentence)
        let quick = detector.judge(tokens: tokens, docLang: lang, gateFirst: true)
        let full = detector.judge(tokens: tokens, docLang: lang)
        #expect(quick.isCallToAction == full.isCallToAction, "\(sentence)")
        #expect(quick.isReported == full.isReported, "\(sentence)")
        #expect(quick.category == full.category, "\(sentence)")
        #expect(
          (quick.analysis.exclusion == .instruction) == (full.analysis.exclusion == .instruction), "\(sentence)")
        #expect(quick.analysis.cues.contains("commercial") == full.analysis.cues.contains("commercial"), "\(sentence)")
      }
    }
  }
}
