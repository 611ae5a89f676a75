import CTAExtraction
import Testing

/// Word tokens as the lexicon and the weights see them. Sentences written for these tests.
@Suite struct TokenizerTests {
  @Test(
    "a word stretched for emphasis is read as the plain word; doubled letters of the language stay",
    arguments: [
      ("Stay boikootttt!", "boikot"),
      ("Pilih yang kerennn", "keren"),
      ("maaf ya", "maaf"),
      ("saat ini", "saat"),
      ("Allah Maha Besar", "allah"),
      ("Pulsa rp2000 hilang", "rp2000"),
      // Stretched by one letter at the end: a final vowel but "e", or h, k, n, w, y (the last four
      // rows are guards: doubled letters that English writes at the end).
      ("yokk demoo lagii", "demo"),
      ("Naikinn ht", "naikin"),
      ("tungguu aja", "tunggu"),
      ("I agree, free entry", "agree"),
      ("Free entry", "free"),
      ("Add it to your class", "class"),
      ("We will", "will"),
    ])
  func stretchedWords(_ text: String, _ word: String) {
    let words = Tokenizer.tokens(text).filter { $0.kind == .word }.map(\.text)
    #expect(words.contains(word), "\(words)")
  }

  @Test func aFancyFontIsReadAsPlainLetters() {
    // Mathematical bold and bold sans-serif, as TikTok and Instagram comments write them.
    let tokens = Tokenizer.tokens("𝗕𝗼𝗶𝗸𝗼𝘁 #𝗦𝗮𝘃𝗲𝗥𝗮𝗷𝗮𝗔𝗺𝗽𝗮𝘁 𝐓𝐨𝐥𝐚𝐤 𝟮𝟬𝟮𝟰")
    #expect(tokens.map(\.text) == ["boikot", "#saverajaampat", "tolak", "2024"])
    #expect(tokens[0].start == 0 && tokens[0].end == 6)
    #expect(tokens.map(\.kind) == [.word, .hashtag, .word, .number])
  }

  @Test func aStretchedWordKeepsItsOffsets() {
    let token = Tokenizer.tokens("Stay boikootttt").last!
    #expect(token.text == "boikot")
    #expect(token.start == 5 && token.end == 15)
  }
}
