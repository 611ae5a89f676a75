public import SlackscoreCore

/// A call to action found in one document, before the cross-document boilerplate pass.
public struct CTACandidate: Sendable, Hashable {
  /// The call to action as it will be written.
  public var cta: CallToAction
  /// Whether a publisher-promo phrase matched (newsletter, app, channel).
  public var promo: Bool
  /// The sentence normalised for recurrence counting (lower case, letters and digits, numbers as 0).
  public var recurrenceKey: String
  /// `BoilerplateMarker.wordCount(recurrenceKey)`, counted once per sentence; nil when not counted yet.
  var recurrenceWords: Int? = nil
  /// `BoilerplateFacts.keyHash(recurrenceKey)`, hashed once per sentence; nil when not hashed yet.
  var recurrenceKeyHash: UInt64? = nil
}

extension CTADetector {
  /// Documents with at least this many sentences of recipe, software or how-to vocabulary are an
  /// instruction genre: their imperatives are instructions, so only asks with a registry link (a
  /// petition, donation, event, voting or contact target) and the share, follow and volunteer asks
  /// are kept (`outlivesInstructions`).
  static let instructionGenreSentences = 3
  /// Asks that start after this share of a long text sit after the article: a `follow` ask there is
  /// the publisher's (cue `after-article`).
  static let afterArticleShare = 0.85
  static let afterArticleMinimum = 1_500
  /// Texts up to this many scalars are posts: one sentence of spam or shop talk ("RT, Like & Follow"
  /// under a porn or sale post) makes its `share`, `follow` and `buy` asks commercial.
  static let postLength = 600
  /// A "sentence" longer than this many scalars is not one: a list of links, a table or a page
  /// with no punctuation. It is no call to action (the longest real ask labelled is 256 scalars, a
  /// whole tweet) and is skipped before tokenising.
  static let maxSentenceScalars = 1_000
  static let commercialCategories: Set<String> = ["share", "follow", "buy"]

  /// Categories whose asks an instruction genre keeps: sharing a recipe or following its blog is the
  /// publisher's ask, not a step (SHARED's labelled recipe and blog pages count "Pin Recipe",
  /// "Subscribe to Blog Via Email" as asks); a volunteer's tasks are no steps of a how-to either
  /// (a theatre boosters' "Help serve meals during tech and show week").
  static let categoriesOutlivingInstructions: Set<String> = ["share", "follow", "volunteer"]

  /// Whether an ask stays in an instruction genre without a registry link: a reported one, or a
  /// share, follow or volunteer ask.
  static func outlivesInstructions(_ cta: CallToAction) -> Bool {
    cta.reported == true || categoriesOutlivingInstructions.contains(cta.category)
  }

  /// Whether a post's asks of `category` are spam: the post is short and one of its sentences has
  /// the `commercial` cue.
  static func isSpam(category: String, postLength: Int, commercial: Bool) -> Bool {
    commercial && postLength <= Self.postLength && commercialCategories.contains(category)
  }

  /// Every call to action in `document`, in text order, with `boilerplate` still false. With
  /// `reported`, asks that the text reports or quotes are included too, with `reported: true`.
  /// `memo`: sentences judged before (in this run) are looked up there, not judged again; the result
  /// is the same with and without it.
  public func candidates(
    in document: ExtractInput, reported keepReported: Bool = true, memo: SentenceMemo? = nil
  ) -> [CTACandidate] {
    let scalars = ScalarText.scalars(of: document.text)
    guard !scalars.isEmpty else { return [] }
    let anchored = anchoredLinks(document)
    var out: [CTACandidate] = []
    var instructionSentences = 0
    var linked: [Bool] = []
    var commercial = false
    let reply = Self.isReply(scalars)
    let onPage = usesPageStage(scalarCount: scalars.count, lang: document.lang, reply: reply)
    let isPost = scalars.count <= Self.postLength
    var text = document.text
    text.withUTF8 { textBytes in
      // A sentence's bytes are a slice of the text's: valid UTF-8 round-trips through its scalars.
      var cursor = ScalarText.ByteCursor(textBytes)
      // The sentence before, when it asked but named no act: with one that names the act, one ask.
      var openAsk: (span: SentenceSpan, start: Int, ask: SentenceOutcome.OpenAsk)?
      for span in segmenter.split(scalars: scalars) where span.end - span.start <= Self.maxSentenceScalars {
        let sentence = scalars[span.start..<span.end]
        let start = cursor.byteOffset(ofScalar: span.start)
        let bytes = UnsafeBufferPointer(rebasing: textBytes[start..<cursor.byteOffset(ofScalar: span.end)])
        let target = anchored.isEmpty ? nil : anchoredTarget(sentence, bytes, anchored)
        let outcome = outcome(
          of: sentence, bytes, docLang: document.lang, anchoredTarget: target, inReply: reply, onPage: onPage,
          memo: memo)
        if outcome.instruction { instructionSentences += 1 }
        if outcome.commercial { commercial = true }
        var found = outcome.ask
        var askSpan = span
        if found == nil, let before = openAsk {
          // The open ask and this sentence together: this one names its act, or gives the when or
          // where of the act the open ask named (in a post).
          let pair = scalars[before.span.start..<span.end]
          let pairBytes = UnsafeBufferPointer(rebasing: textBytes[before.start..<(start + bytes.count)])
          if outcome.namesAct, before.ask.probability >= model.threshold(forLanguage: before.ask.lang) {
            found = ask(
              before.ask, namedIn: sentence, pair: pair, pairBytes, target: target, docLang: document.lang,
              inReply: reply)
          }
          if found == nil, isPost, !before.ask.namedActs.isEmpty {
            found = ask(
              before.ask, completedIn: pair, pairBytes, target: target, docLang: document.lang, inReply: reply)
          }
          if found != nil { askSpan = SentenceSpan(start: before.span.start, end: span.end) }
        }
        openAsk = outcome.openAsk.map { (span, start, $0) }
        guard let ask = found, ask.isCallToAction || (keepReported && ask.isReported) else { continue }
        var cues = ask.cues
        var promo = ask.promo
        if scalars.count >= Self.afterArticleMinimum
          && Double(askSpan.start) >= Self.afterArticleShare * Double(scalars.count)
        {
          cues = BoilerplateMarker.adding("after-article", to: cues)
          if ask.category == "follow" { promo = true }
        }
        let cta = CallToAction(
          docId: document.id, sentence: ask.sentence, start: askSpan.start, end: askSpan.end, lang: ask.lang,
          category: ask.category, effort: effort[ask.category] ?? 1, target: ask.target, cues: cues,
          confidence: ask.confidence, boilerplate: false, reported: ask.isReported ? true : nil)
        out.append(
          CTACandidate(
            cta: cta, promo: promo, recurrenceKey: ask.recurrenceKey, recurrenceWords: ask.recurrenceWords,
            recurrenceKeyHash: ask.recurrenceKeyHash))
        linked.append(ask.linked)
      }
    }
    if commercial && scalars.count <= Self.postLength {
      let kept = zip(out, linked).filter {
        !Self.isSpam(category: $0.0.cta.category, postLength: scalars.count, commercial: true)
      }
      out = kept.map(\.0)
      linked = kept.map(\.1)
    }
    if instructionSentences >= Self.instructionGenreSentences {
      out = zip(out, linked).filter { $0.1 || Self.outlivesInstructions($0.0.cta) }.map(\.0)
    }
    return out
  }

  /// One ask made of two sentences: `before` asked the reader but named no act ("Mari bantu saudara
  /// kita yang terdampak gempa."), `sentence` names the act and asks nothing ("Di bawah ini tautan
  /// penggalangan dana …"): the category and target come from the second, the confidence and the
  /// publisher-promo flag from either; nil for a commercial or help-line notice. `pair` is the two
  /// sentences together (scalars, and their UTF-8 bytes in the text). The second is judged again in
  /// full only here, after such an ask, which is rare.
  func ask(
    _ before: SentenceOutcome.OpenAsk, namedIn sentence: ArraySlice<Unicode.Scalar>,
    pair: ArraySlice<Unicode.Scalar>, _ pairBytes: UnsafeBufferPointer<UInt8>, target: CTATarget?, docLang: String?,
    inReply: Bool
  ) -> SentenceOutcome.Ask? {
    let verdict = judge(
      tokens: Tokenizer.tokens(sentence), docLang: docLang, anchoredTarget: target, alwaysCategorize: true,
      inReply: inReply)
    guard let category = verdict.category, !Self.isCommercial(verdict.analysis, category: category) else { return nil }
    return SentenceOutcome.Ask(
      verdict: verdict, category: category, sentence: String(decoding: pairBytes, as: UTF8.self),
      keyTokens: Tokenizer.tokens(pair), docLang: docLang
    ).named(after: before)
  }

  /// One ask made of two sentences of a post: `before` asked the reader and named an act that needs
  /// a when or where ("Ayoo merapat senam massal."), the next sentence gives it ("Besok Minggu 13
  /// Oktober jam 6 pagi."). The two are judged as one; nil unless that makes an ask of an act
  /// `before` named. Judged only after such an open ask, which is rare. (On pages the two sentences
  /// are mostly apart: the pairing found 4 false asks in the kept page sets for 1 ask.)
  func ask(
    _ before: SentenceOutcome.OpenAsk, completedIn pair: ArraySlice<Unicode.Scalar>,
    _ pairBytes: UnsafeBufferPointer<UInt8>, target: CTATarget?, docLang: String?, inReply: Bool
  ) -> SentenceOutcome.Ask? {
    let tokens = Tokenizer.tokens(pair)
    let verdict = judge(tokens: tokens, docLang: docLang, anchoredTarget: target, inReply: inReply, gateFirst: true)
    guard verdict.isCallToAction, let category = verdict.category, before.namedActs.contains(category) else {
      return nil
    }
    return SentenceOutcome.Ask(
      verdict: verdict, category: category, sentence: String(decoding: pairBytes, as: UTF8.self), keyTokens: tokens,
      docLang: docLang)
  }

  /// `outcome(_:_:docLang:anchoredTarget:inReply:onPage:)` looked up in `memo` first, and kept there
  /// when judged.
  private func outcome(
    of sentence: ArraySlice<Unicode.Scalar>, _ bytes: UnsafeBufferPointer<UInt8>, docLang: String?,
    anchoredTarget target: CTATarget?, inReply: Bool, onPage: Bool, memo: SentenceMemo?
  ) -> SentenceOutcome {
    let context = SentenceMemo.Context(docLang: docLang, anchoredTarget: target, inReply: inReply, onPage: onPage)
    guard let memo else { return outcome(sentence, bytes, context) }
    let hash = SentenceMemo.hash(bytes)
    if let known = memo.outcome(bytes, hash: hash, context: context) { return known }
    let found = outcome(sentence, bytes, context)
    memo.store(found, text: found.ask?.sentence ?? String(decoding: bytes, as: UTF8.self), hash: hash, context: context)
    return found
  }

  /// What one sentence (`sentence`, whose UTF-8 bytes are `utf8`) gives in its `context`: whether it
  /// counts as an instruction or commercial sentence, and its ask if any.
  func outcome(
    _ sentence: ArraySlice<Unicode.Scalar>, _ utf8: UnsafeBufferPointer<UInt8>, _ context: SentenceMemo.Context
  ) -> SentenceOutcome {
    let tokens = Tokenizer.tokens(sentence)
    guard tokens.contains(where: { $0.kind == .word || $0.kind == .hashtag }) else { return SentenceOutcome() }
    let docLang = context.docLang
    let verdict = judge(
      tokens: tokens, docLang: docLang, anchoredTarget: context.anchoredTarget, inReply: context.inReply,
      gateFirst: true, onPage: context.onPage)
    // An open ask that the page stage took for an ask of its own pairs with no next sentence.
    var outcome = SentenceOutcome(
      instruction: verdict.analysis.exclusion == .instruction,
      commercial: verdict.analysis.cues.contains("commercial"), namesAct: Self.namesActOnly(verdict.analysis),
      openAsk: Self.isOpenAsk(verdict.analysis) && !verdict.isCallToAction
        ? SentenceOutcome.OpenAsk(
          probability: verdict.probability, lang: verdict.analysis.lang, promo: verdict.analysis.promo,
          namedActs: verdict.analysis.categoryHits.keys.sorted()) : nil)
    guard verdict.isCallToAction || verdict.isReported, let category = verdict.category else { return outcome }
    outcome.ask = SentenceOutcome.Ask(
      verdict: verdict, category: category, sentence: String(decoding: utf8, as: UTF8.self), keyTokens: tokens,
      docLang: docLang)
    return outcome
  }

  /// A registry link of the document with its lower-cased anchor text (3+ characters).
  private struct AnchoredLink {
    var text: String
    /// `text`'s bytes when it is all ASCII (then a byte search finds it as `String.contains` does).
    var ascii: [UInt8]?
    var target: CTATarget
  }

  /// Registry links of the document with their lower-cased anchor text (3+ characters).
  private func anchoredLinks(_ document: ExtractInput) -> [AnchoredLink] {
    var out: [AnchoredLink] = []
    for link in document.links {
      guard let target = analyzer.registry.target(for: link.url), target.kind != "social" && target.kind != "shortener"
      else { continue }
      let text = link.text.lowercased().trimmingSpaces()
      guard text.unicodeScalars.count >= 3 else { continue }
      let bytes = Array(text.utf8)
      out.append(AnchoredLink(text: text, ascii: bytes.allSatisfy { $0 < 0x80 } ? bytes : nil, target: target))
    }
    return out
  }

  /// The first link whose anchor text the lower-cased sentence contains. An ASCII sentence (given
  /// as its scalars and its UTF-8 bytes) is searched as bytes for ASCII anchors (one character per
  /// byte: it has no line breaks, so no CR LF pair); other pairs compare as `String.contains` does.
  private func anchoredTarget(
    _ sentence: ArraySlice<Unicode.Scalar>, _ utf8: UnsafeBufferPointer<UInt8>, _ links: [AnchoredLink]
  ) -> CTATarget? {
    let ascii = utf8.allSatisfy { $0 < 0x80 }
    var lower: String?
    for link in links {
      if ascii, let needle = link.ascii {
        if Self.containsFoldingCase(utf8, needle) { return link.target }
        continue
      }
      if lower == nil { lower = ScalarText.string(sentence).lowercased() }
      if lower!.contains(link.text) { return link.target }
    }
    return nil
  }

  /// Whether `needle` (lower-case ASCII, not empty) occurs in the ASCII `haystack` once its upper-case
  /// letters are lowered.
  private static func containsFoldingCase(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
    @inline(__always) func lowered(_ v: UInt8) -> UInt8 { v >= 65 && v <= 90 ? v + 32 : v }
    guard let first = needle.first, needle.count <= haystack.count else { return false }
    var i = 0
    let last = haystack.count - needle.count
    while i <= last {
      if lowered(haystack[i]) == first {
        var k = 1
        while k < needle.count && lowered(haystack[i + k]) == needle[k] { k += 1 }
        if k == needle.count { return true }
      }
      i += 1
    }
    return false
  }

  /// Lower-case words and hashtags joined by spaces; numbers become `0`, URLs and emoji are dropped,
  /// so "Ikuti saluran WhatsApp kami!" and "ikuti saluran whatsapp kami 👉" share a key.
  static func recurrenceKey(_ tokens: [Token]) -> String {
    var key = ""
    var first = true
    for token in tokens {
      let part: String
      switch token.kind {
      case .word, .hashtag, .mention: part = token.text
      case .number: part = "0"
      case .url, .emoji, .punctuation: continue
      }
      if !first { key.append(" ") }
      key.append(part)
      first = false
    }
    return key
  }
}

extension String {
  func trimmingSpaces() -> String {
    let scalars = Array(unicodeScalars)
    var a = 0
    var b = scalars.count
    while a < b && SentenceSegmenter.isSpace(scalars[a]) { a += 1 }
    while b > a && SentenceSegmenter.isSpace(scalars[b - 1]) { b -= 1 }
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[a..<b])
    return String(view)
  }
}
