// Counters in visible text: one pass over the bytes finds digit runs, reads each as an amount
// (`NumberReader`), drops the traps (years, dates, times, phone numbers, codes, percentages),
// then looks at the words on either side through the phrase table (`TextCounterPatterns`).
// A last pass pairs counts with goals ("1.024 dari 10.000 tanda tangan").

import SlackscoreCore

/// Finds counters in one block of visible text.
struct TextCounterScanner {
  let text: ByteText
  let reader: NumberReader

  init(text: ByteText, lang: String?) {
    self.text = text
    self.reader = NumberReader(text: text, locale: NumberLocale(lang: lang))
  }

  /// A number found in the text and what it counts, if anything yet.
  private struct Candidate {
    var reading: NumberReading
    var kind: String?
    var rawStart: Int
    var rawEnd: Int
    var yearLike: Bool
    /// A number whose noun names a figure that counts only in a thread's meta line
    /// (`ThreadFigure`): a vote score, a post total.
    var threadFigure: ThreadFigure?
    /// The end of that noun.
    var threadFigureEnd = 0
  }

  /// Figures a thread shows about itself whose nouns say little alone: "86 points" is a vote
  /// score beside a comment count ("86 points by … | 12 comments", a link aggregator's meta
  /// line), a game's score elsewhere; "7 posts" is a thread's post total beside its pagination
  /// ("7 posts • Page 1 of 1", a forum topic), an account's posts elsewhere.
  private enum ThreadFigure {
    case voteScore
    case postTotal
  }

  /// The counters in the text, in order of appearance.
  func counters() -> [Counter] {
    var candidates: [Candidate] = []
    var labelFirst: Bool?
    var index = 0
    let count = text.count
    while index < count {
      guard ByteText.isDigit(text[index]) else {
        index += 1
        continue
      }
      guard startsNumber(at: index) else {
        index = skipDigits(from: index)
        continue
      }
      let (found, resume) = reader.read(at: index)
      index = max(resume, index + 1)
      guard let reading = found, !isTrap(reading) else { continue }
      if labelFirst == nil { labelFirst = isLabelFirstBar(reading) }
      candidates.append(classify(reading, labelFirst: labelFirst ?? false))
    }
    guard !candidates.isEmpty else { return [] }
    pairWithGoals(&candidates)
    readThreadFigures(&candidates)
    // "tattoo24.jpg (52.26 KiB) Viewed 285 times": an attachment's views, not the page's.
    if candidates.contains(where: { $0.kind == "views" }) && holdsFileSize() {
      for index in candidates.indices where candidates[index].kind == "views" { candidates[index].kind = nil }
    }
    return candidates.compactMap { candidate in
      guard let kind = candidate.kind else { return nil }
      let money = kind == "funds_raised" || kind == "funds_goal"
      return Counter(
        kind: kind, value: candidate.reading.value, currency: money ? candidate.reading.currency : nil,
        raw: text.string(candidate.rawStart, candidate.rawEnd), origin: .text)
    }
  }

  // MARK: Traps

  private func skipDigits(from index: Int) -> Int {
    var index = index
    while index < text.count, ByteText.isDigit(text[index]) || text[index] == 0x2E || text[index] == 0x2C {
      index += 1
    }
    return index
  }

  /// Whether a number may start at the digit at `index`: not glued to a word ("COVID-19",
  /// "H1N1", "abc123"), a hashtag, a URL path or query, a time ("12:30"), or a phone prefix ("+62").
  private func startsNumber(at index: Int) -> Bool {
    guard let (value, start) = text.scalar(before: index) else { return true }
    if ByteText.isWordScalar(value) { return CurrencySigns.prefix(in: text, endingAt: index) != nil }
    switch value {
    case 0x23, 0x2F, 0x3D, 0x40, 0x26, 0x2B, 0x5C, 0x25, 0x3F: return false  // # / = @ & + \ % ?
    case 0x2D, 0x3A, 0x2E, 0x2C:  // - : . ,  glued to a word or digit before them
      return !text.isWordScalar(before: start)
    default: return true
    }
  }

  /// Numbers that are no counts: percentages, fractions and dates ("12/03"), times ("12:30"),
  /// ordinals and codes ("2nd", "5G"), numbers with a leading zero ("0812…", "021"), long digit
  /// strings without separators (IDs, phone numbers) unless money.
  private func isTrap(_ reading: NumberReading) -> Bool {
    let shape = reading.shape
    if shape.leadingZero && shape.firstGroupLength > 1 { return true }
    // Counts are whole: "12.30 peserta" is a time. Money and scaled numbers ("1,2 rb") may have decimals.
    if reading.currency == nil && !reading.scaled && reading.value != reading.value.rounded() { return true }
    if !shape.hasSeparators && !reading.scaled && reading.currency == nil && shape.end - shape.start >= 8 {
      return true
    }
    let end = reading.end
    guard end < text.count else { return false }
    let next = text[end]
    switch next {
    case 0x25: return true  // %
    case 0x2F, 0x3A:  // "12/03", "12:30"
      return end + 1 < text.count && ByteText.isDigit(text[end + 1])
    default:
      break
    }
    let (value, length) = text.scalar(at: end)
    if ByteText.isWordScalar(value) {
      // Glued letters that are no scale word: "2nd", "5G", "10am". "3x ditonton" is fine.
      return !(next == 0x78 && !text.isWordScalar(at: end + length))
    }
    return false
  }

  private func isYearLike(_ reading: NumberReading) -> Bool {
    let shape = reading.shape
    guard !shape.hasSeparators, !reading.scaled, reading.currency == nil, shape.end - shape.start == 4 else {
      return false
    }
    return reading.value >= 1900 && reading.value <= 2099
  }

  // MARK: Classification

  /// A short share bar written label first, with elements glued: "Like 319 Comment 160
  /// Share", "Share 197 Tweet 123", "Like 319". The text starts with a count label right before
  /// the first number and another number follows (or nothing does): every number then takes the
  /// label before it.
  private func isLabelFirstBar(_ reading: NumberReading) -> Bool {
    guard text.count <= 64, text.skipSpaces(from: 0) < reading.start else { return false }
    var rest = reading.end
    while rest < text.count && !ByteText.isDigit(text[rest]) { rest += 1 }
    // Another number follows, or the number ends the text ("Like 319").
    let alone = text.skipSpaces(from: reading.end) == text.count
    guard rest < text.count || alone else { return false }
    let before = TextWindow.before(text, from: reading.start)
    // A verb before the number ("Dilihat 1.200 kali · 9 reaksi") reads as usual.
    guard before.count == 1, before[0].start == text.skipSpaces(from: 0), !before[0].labelMarkBetween,
      matchBefore(before) == nil, let match = matchBefore(before, endingAt: 0, forceLabel: true),
      case .kind = match.role
    else { return false }
    return true
  }

  private func classify(_ reading: NumberReading, labelFirst: Bool) -> Candidate {
    var candidate = Candidate(
      reading: reading, kind: nil, rawStart: reading.start, rawEnd: reading.end, yearLike: isYearLike(reading))
    let after = TextWindow.after(text, from: reading.end)
    let before = TextWindow.before(text, from: reading.start)
    if candidate.yearLike {
      if reading.isRange { return candidate }
      if let nearest = before.first, TextWindow.word(nearest, in: text, isOneOf: TextCounterPatterns.yearContext) {
        return candidate
      }
    }
    // "Comments 1 - 10 of 20": a window of a list, not a count.
    if reading.isRange && text.goesOnWithTotal(from: reading.end) { return candidate }
    // "Top 20 Donors", "Top 10 comments": a ranking, not a count.
    if let nearest = before.first, TextWindow.word(nearest, in: text, isOneOf: TextCounterPatterns.rankWords) {
      return candidate
    }
    let afterMatch = labelFirst ? nil : matchAfter(after)
    let beforeMatch =
      candidate.yearLike ? nil : (labelFirst ? matchBefore(before, endingAt: 0, forceLabel: true) : matchBefore(before))
    // A year-like number counts only when its noun follows right away ("2024 likes").
    if candidate.yearLike, let afterMatch, afterMatch.firstWord != 0 { return candidate }
    guard
      let kind = Self.resolve(after: afterMatch?.role, before: beforeMatch?.role, currency: reading.currency)
    else {
      if reading.currency == nil, !candidate.yearLike, let noun = after.first,
        noun.start == text.skipSpaces(from: reading.end)
      {
        if TextWindow.word(noun, in: text, isOneOf: TextCounterPatterns.voteScoreNouns) {
          candidate.threadFigure = .voteScore
        } else if TextWindow.word(noun, in: text, isOneOf: TextCounterPatterns.postTotalNouns) {
          candidate.threadFigure = .postTotal
        }
        if candidate.threadFigure != nil { candidate.threadFigureEnd = noun.end }
      }
      return candidate
    }
    candidate.kind = kind
    let useAfter = afterMatch != nil && (beforeMatch == nil || Self.uses(afterMatch!.role, for: kind))
    let useBefore = beforeMatch != nil && (afterMatch == nil || Self.uses(beforeMatch!.role, for: kind))
    if useAfter, let afterMatch {
      candidate.rawEnd = after[afterMatch.lastWord].end
    } else {
      // "Dibagikan 340 kali": the unit after the number belongs to the raw string.
      var unitEnd = reading.end
      for word in after {
        guard TextWindow.word(word, in: text, isOneOf: TextCounterPatterns.units) else { break }
        unitEnd = word.end
      }
      candidate.rawEnd = unitEnd
    }
    if useBefore, let beforeMatch {
      candidate.rawStart = before[beforeMatch.lastWord].start
      // "Komentar (14)", "Comments [3]": keep the closing bracket with its opening one.
      if beforeMatch.labelMarkBetween, candidate.rawEnd == reading.end, reading.end < text.count,
        text[reading.end] == 0x29 || text[reading.end] == 0x5D
      {
        candidate.rawEnd += 1
      }
    }
    return candidate
  }

  /// Whether a phrase with `role` took part in deciding `kind`.
  private static func uses(_ role: CounterRole, for kind: String) -> Bool {
    switch role {
    case .goal: return kind.hasSuffix("_goal")
    case .raised: return kind == "funds_raised"
    case .remainder: return false
    case .kind(let name): return name == kind || (name == "signatures" && kind == "signature_goal")
    }
  }

  /// The kind for the phrases found on either side, or nil.
  static func resolve(after: CounterRole?, before: CounterRole?, currency: String?) -> String? {
    let roles = [after, before].compactMap { $0 }
    // "$23,825 remaining", "4.7% of goal reached | $23,825 remaining": what is still missing.
    if roles.contains(.remainder) { return nil }
    if roles.contains(.goal) {
      let other = roles.first { $0 != .goal }
      if currency != nil {
        return other == nil || other == .raised || other == .kind("donors") ? "funds_goal" : nil
      }
      return other == nil || other == .kind("signatures") ? "signature_goal" : nil
    }
    if roles.contains(.raised) {
      if currency != nil { return "funds_raised" }
      if case .kind(let name)? = roles.first(where: { $0 != .raised }) { return name }
      return nil
    }
    if currency != nil { return nil }  // a price, not a count
    if case .kind(let name)? = after ?? before { return name }
    return nil
  }

  /// A phrase match: its role and the window indices of its first and last word.
  private struct Match {
    let role: CounterRole
    let firstWord: Int
    let lastWord: Int
    /// For a phrase before the number: whether a `:` or `(` sits between them.
    var labelMarkBetween = false
  }

  private func isFiller(_ words: [WindowWord], _ index: Int, backwards: Bool) -> Bool {
    if TextWindow.word(words[index], in: text, isOneOf: TextCounterPatterns.fillers) { return true }
    // "lebih dari" / "kurang dari" before a number is a hedge, not a connector.
    if backwards, index + 1 < words.count, text.equalsIgnoringCase(words[index].start, words[index].end, "dari") {
      let previous = words[index + 1]
      return text.equalsIgnoringCase(previous.start, previous.end, "lebih")
        || text.equalsIgnoringCase(previous.start, previous.end, "kurang")
    }
    return false
  }

  private func firstContentWord(_ words: [WindowWord], backwards: Bool) -> Int? {
    var index = 0
    while index < words.count && index <= 3 {
      if !isFiller(words, index, backwards: backwards) { return index }
      if backwards, index + 1 < words.count, text.equalsIgnoringCase(words[index].start, words[index].end, "dari") {
        index += 2  // skip "lebih dari"
        continue
      }
      index += 1
    }
    return nil
  }

  private func matches(_ phraseWord: (bytes: [UInt8], prefix: Bool), _ word: WindowWord) -> Bool {
    let length = word.end - word.start
    if phraseWord.prefix {
      return length >= phraseWord.bytes.count && text.hasPrefixIgnoringCase(phraseWord.bytes, at: word.start)
    }
    return length == phraseWord.bytes.count && text.hasPrefixIgnoringCase(phraseWord.bytes, at: word.start)
  }

  /// The phrase after the number, starting at its first content word or at a filler before it
  /// ("by" in "liked by").
  private func matchAfter(_ words: [WindowWord]) -> Match? {
    guard let content = firstContentWord(words, backwards: false) else { return nil }
    for first in 0...content {
      if let match = matchAfter(words, startingAt: first) { return match }
    }
    return nil
  }

  private func matchAfter(_ words: [WindowWord], startingAt first: Int) -> Match? {
    var best: (phrase: CounterPhrase, length: Int)?
    let bucket = TextCounterPatterns.afterBuckets[Int(ByteText.lowercased(text[words[first].start]))]
    for phraseIndex in bucket {
      let phrase = TextCounterPatterns.phrases[phraseIndex]
      let length = phrase.words.count
      guard first + length <= words.count, length > (best?.length ?? 0) else { continue }
      var all = true
      for offset in 0..<length where !matches(phrase.words[offset], words[first + offset]) {
        all = false
        break
      }
      if all { best = (phrase, length) }
    }
    guard let best else { return nil }
    return Match(role: best.phrase.role, firstWord: first, lastWord: first + best.length - 1)
  }

  /// The phrase before the number, ending at its nearest content word or at a filler after it.
  private func matchBefore(_ words: [WindowWord]) -> Match? {
    guard let content = firstContentWord(words, backwards: true) else { return nil }
    for first in 0...content {
      if let match = matchBefore(words, endingAt: first) { return match }
    }
    return nil
  }

  private func matchBefore(_ words: [WindowWord], endingAt first: Int, forceLabel: Bool = false) -> Match? {
    guard first < words.count else { return nil }
    var best: (phrase: CounterPhrase, length: Int)?
    let bucket = TextCounterPatterns.beforeBuckets[Int(ByteText.lowercased(text[words[first].start]))]
    for phraseIndex in bucket {
      let phrase = TextCounterPatterns.phrases[phraseIndex]
      let length = phrase.words.count
      guard first + length <= words.count, length > (best?.length ?? 0) else { continue }
      guard
        phrase.positions.contains(.before)
          || (phrase.positions.contains(.label) && (words[first].labelMarkBetween || forceLabel))
      else { continue }
      var all = true
      for offset in 0..<length where !matches(phrase.words[length - 1 - offset], words[first + offset]) {
        all = false
        break
      }
      if all { best = (phrase, length) }
    }
    guard let best else { return nil }
    return Match(
      role: best.phrase.role, firstWord: first, lastWord: first + best.length - 1,
      labelMarkBetween: words[first].labelMarkBetween)
  }

  // MARK: Thread figures

  /// A vote score counts as likes when the block also holds a comment count; a post total as
  /// comments when the block shows the thread's pagination ("Page 1 of 3", "Halaman 1 dari 3")
  /// or is the total alone in brackets ("[ 13 posts ]", phpBB's subsilver style).
  private func readThreadFigures(_ candidates: inout [Candidate]) {
    guard candidates.contains(where: { $0.threadFigure != nil }) else { return }
    let hasComments = candidates.contains { $0.kind == "comments" }
    let paginated = showsPagination(candidates)
    for index in candidates.indices {
      switch candidates[index].threadFigure {
      case .voteScore? where hasComments: candidates[index].kind = "likes"
      case .postTotal? where paginated || (candidates.count == 1 && isBracketedAlone(candidates[index])):
        candidates[index].kind = "comments"
      default: continue
      }
      candidates[index].rawEnd = candidates[index].threadFigureEnd
    }
  }

  /// Whether the text is the candidate and its noun in square brackets, and nothing else.
  private func isBracketedAlone(_ candidate: Candidate) -> Bool {
    let open = text.skipSpaces(from: 0)
    guard open < text.count, text[open] == 0x5B, text.skipSpaces(from: open + 1) == candidate.reading.start else {
      return false
    }
    let close = text.skipSpaces(from: candidate.threadFigureEnd)
    return close < text.count && text[close] == 0x5D && text.skipSpaces(from: close + 1) == text.count
  }

  /// Whether the text gives a file's size ("52.26 KiB", "1.2 MB", "340 KB"): a number, an
  /// optional space, and a size unit that ends a word.
  private func holdsFileSize() -> Bool {
    var index = 0
    while index < text.count {
      guard ByteText.isDigit(text[index]) else {
        index += 1
        continue
      }
      while index < text.count, ByteText.isDigit(text[index]) || text[index] == 0x2E || text[index] == 0x2C {
        index += 1
      }
      let unit = text.skipSpaces(from: index)
      for size in TextCounterPatterns.fileSizeUnits
      where text.hasPrefixIgnoringCase(size, at: unit) && !text.isWordScalar(at: unit + size.count) {
        return true
      }
      index = max(unit, index)
    }
    return false
  }

  /// Whether a number after "page"/"halaman" is followed, across "of"/"dari" only, by another.
  private func showsPagination(_ candidates: [Candidate]) -> Bool {
    guard candidates.count >= 2 else { return false }
    for index in 0..<(candidates.count - 1) where candidates[index].kind == nil {
      let before = TextWindow.before(text, from: candidates[index].reading.start)
      guard let nearest = before.first, TextWindow.word(nearest, in: text, isOneOf: TextCounterPatterns.pageWords)
      else { continue }
      if onlyConnectors(candidates[index].reading.end, candidates[index + 1].reading.start) { return true }
    }
    return false
  }

  // MARK: Goals

  /// Pairs a count with the goal after it when only "dari"/"of"/"out of"/"/" sits between them:
  /// "1.024 dari 10.000 tanda tangan", "1,024 of 10,000 signatures", "Raised $12,000 of $50,000".
  private func pairWithGoals(_ candidates: inout [Candidate]) {
    guard candidates.count >= 2 else { return }
    for index in 0..<(candidates.count - 1) {
      let first = candidates[index]
      let second = candidates[index + 1]
      guard !first.yearLike, !second.yearLike, onlyConnectors(first.rawEnd, second.rawStart) else { continue }
      switch (first.kind, second.kind) {
      case (nil, "signatures"?), ("signatures"?, "signatures"?):
        candidates[index].kind = "signatures"
        candidates[index + 1].kind = "signature_goal"
      case (nil, "signature_goal"?):
        candidates[index].kind = "signatures"
      case (nil, "funds_goal"?) where first.reading.currency != nil:
        candidates[index].kind = "funds_raised"
      case ("funds_raised"?, nil) where second.reading.currency != nil:
        candidates[index + 1].kind = "funds_goal"
      case ("signatures"?, nil) where second.reading.currency == nil:
        candidates[index + 1].kind = "signature_goal"
      default:
        break
      }
    }
  }

  private func onlyConnectors(_ start: Int, _ end: Int) -> Bool {
    guard start < end else { return false }
    var index = start
    var sawConnector = false
    while index < end {
      let (value, length) = text.scalar(at: index)
      if ByteText.isSpace(value) {
        index += length
      } else if value == 0x2F {
        sawConnector = true
        index += 1
      } else if ByteText.isWordScalar(value) {
        let wordEnd = text.wordEnd(from: index)
        guard
          text.equalsIgnoringCase(index, wordEnd, "dari") || text.equalsIgnoringCase(index, wordEnd, "of")
            || text.equalsIgnoringCase(index, wordEnd, "out")
        else { return false }
        sawConnector = true
        index = wordEnd
      } else {
        return false
      }
    }
    return sawConnector
  }
}
