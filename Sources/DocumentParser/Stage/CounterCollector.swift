import PageSignals
import SlackscoreCore

/// Feeds the page's parts to ``CounterReader``, says whose each count is, and marks the one
/// value per kind that stands for the page.
enum CounterCollector {
  /// Counters from JSON-LD, microdata, meta tags, embedded JSON and visible text near share
  /// bars and widgets, each with its `subject`, deduplicated on (kind, value, currency,
  /// subject): the first, most structured source wins. The page's value of each kind carries
  /// `primary: true`.
  static func collect(
    _ model: PageModel, selection: MainContentSelector.Selection, protected: [Bool], lang: String?
  ) -> [Counter] {
    let metadata = model.metadata
    let places = CounterPlaces(model: model, selection: selection, protected: protected)
    var found: [Counter] = []
    for block in metadata.jsonLD { found += CounterReader.fromJSONLD(block) }
    for pair in metadata.interactionCounters {
      if var counter = CounterReader.fromMicrodata(interactionType: pair.type, count: pair.count) {
        counter.subject = places.subject(ofElement: pair.element, kind: counter.kind, text: counter.raw)
        found.append(counter)
      }
    }
    for meta in metadata.metas {
      if var counter = CounterReader.fromMeta(name: meta.key, content: meta.content) {
        counter.subject = "page"
        found.append(counter)
      }
    }
    for script in metadata.embeddedJSON {
      for var counter in CounterReader.fromEmbeddedJSON(script) {
        // Page state starts counts at 0 before they load (`"viewCount":0` on a post with
        // views): a zero there says nothing. Visible text and structured data give real zeros.
        if counter.value == 0 { continue }
        // Followers in page state are an account's (the forum's subscribers), not the post's.
        if counter.subject == nil { counter.subject = counter.kind == "followers" ? "related" : "page" }
        found.append(counter)
      }
    }
    var textCounters: [(counter: Counter, owner: Int32, standsAlone: Bool)] = []
    for signal in metadata.signalTexts {
      for var counter in CounterReader.fromText(signal.text, lang: lang) {
        if let number = signal.markupNumber {
          // A bare number named by its element's class: a script fills it in, so a zero is a
          // placeholder, as in page state.
          if counter.value == 0 { continue }
          // "Showing <span id="watch-comment-count">10</span> of 398 comments": how many are shown.
          if CounterReader.isWindowOfTotal(following: model.text[signal.markupEnd...].prefix(64)) { continue }
          counter.origin = CounterOrigin.markup.rawValue
          counter.raw = number
        }
        // An outcome quoted in a sentence ("amassed 50,000 signatures") is a claim, not a
        // counter; nor is one in a link ("Top 20 Donors" in a menu).
        // Nor is one in the page's headline ("21 Pendemo di Medan Reaktif Covid"): the story's claim.
        if CounterKinds.outcomes.contains(counter.kind)
          && (ProseShape.isProse(signal.text) || places.isLinkText(signal.block)
            || signal.owner == metadata.firstHeadingElement)
        {
          continue
        }
        let place = places.place(ofElement: signal.owner, kind: counter.kind, text: signal.text)
        counter.subject = place.subject
        // A petition's or fundraiser's progress box often sits in a side column: outcomes in a
        // sidebar are the page's own (lists of other campaigns are `related`).
        if place.subject == "sidebar" && CounterKinds.outcomes.contains(counter.kind) { counter.subject = "page" }
        // Followers in text are an account's (the site's "240.000 Follower" box, an author's
        // box), not the article's, unless the main text itself shows them or the page is the
        // account's profile.
        if counter.kind == "followers" && place.subject == "page" && !places.isMainText(signal.block)
          && !metadata.isProfile
        {
          counter.subject = "sidebar"
        }
        // A comment thread's total, and the page's one widget of a count, are no list's rows.
        let standsAlone = (place.threadTotal && signal.markupNumber == nil) || signal.soleWidget
        textCounters.append((counter, signal.owner, standsAlone))
      }
    }
    found += places.demoteRepeatedLists(textCounters)
    return markPrimary(deduplicate(found))
  }

  static func deduplicate(_ counters: [Counter]) -> [Counter] {
    struct Key: Hashable {
      var kind: String
      var value: Double
      var currency: String?
      var subject: String?
    }
    var seen = Set<Key>()
    // A count told in words is kept over the same count named only by its element's class.
    let ordered = counters.filter { $0.originKind != .markup } + counters.filter { $0.originKind == .markup }
    return ordered.filter {
      seen.insert(Key(kind: $0.kind, value: $0.value, currency: $0.currency, subject: $0.subject)).inserted
    }
  }

  /// Sets `primary` on the first page counter of the best origin (`CounterOrigin.primaryRank`)
  /// per kind. Shares and retweets of one post with the same number are one act: then only
  /// `shares` is primary.
  static func markPrimary(_ counters: [Counter]) -> [Counter] {
    var best: [String: Int] = [:]
    for (index, counter) in counters.enumerated() where counter.subject == "page" {
      let rank = CounterOrigin.primaryRank(of: counter.origin)
      if let current = best[counter.kind], CounterOrigin.primaryRank(of: counters[current].origin) <= rank {
        continue
      }
      best[counter.kind] = index
    }
    if let retweets = best["retweets"], let shares = best["shares"], counters[retweets].value == counters[shares].value
    {
      best["retweets"] = nil
    }
    // A rounded display ("Terkumpul Rp 1,2 M") yields to the exact figure of the same kind that
    // rounds to it (page state's 1204750000): the same fact, told more precisely.
    for (kind, index) in best where Self.isScaledDisplay(counters[index]) {
      let shown = counters[index].value
      if let exact = counters.indices.first(where: {
        counters[$0].subject == "page" && counters[$0].kind == kind && counters[$0].currency == counters[index].currency
          && Self.isMorePrecise(counters[$0].value, roundingTo: shown)
      }) {
        best[kind] = exact
      }
    }
    var result = counters
    for index in best.values { result[index].primary = true }
    return result
  }

  /// Whether a counter's raw text spells its value with a scale ("Rp 1,2 M", "1.2K"), not in full
  /// ("1.204.750.000", "100 donors"): its digits are not the value's.
  static func isScaledDisplay(_ counter: Counter) -> Bool {
    guard counter.value >= 1, counter.value < 1e15, counter.value == counter.value.rounded() else { return false }
    let digits = counter.raw.unicodeScalars.filter { $0.value >= 0x30 && $0.value <= 0x39 }
    return String(String.UnicodeScalarView(digits)) != String(Int64(counter.value))
  }

  /// Whether `exact` has more significant digits than `shown` and lies within one unit of `shown`'s
  /// last significant digit, as a display rounds or cuts it (1204750000 → "1,2 M", 1876300000 →
  /// "1,87 M").
  static func isMorePrecise(_ exact: Double, roundingTo shown: Double) -> Bool {
    guard shown >= 10, exact != shown, exact > 0, shown == shown.rounded() else { return false }
    var unit = 1.0
    while (shown / (unit * 10)).rounded() * unit * 10 == shown { unit *= 10 }
    guard unit >= 10 else { return false }
    return abs(exact - shown) < unit
  }
}

/// Whether a text is running prose rather than a widget's label.
enum ProseShape {
  /// More than eight words, or a sentence end followed by a capitalised word, in one stretch of the
  /// text between a widget's separators (`·`, `|`, `•`): "Credo amassed 50,000 signatures in a
  /// week, …". Widgets say "1.024 dari 10.000 tanda tangan", "Join 17 supporters", "$ 0 / $ 5000
  /// Goal (0% of our goal)", "$44,345 raised online · $514,000 raised through other channels". A
  /// word is a run of non-spaces with a letter in it: amounts, signs and slashes are no words.
  static func isProse(_ text: String) -> Bool {
    text.split(whereSeparator: { $0 == "·" || $0 == "|" || $0 == "•" }).contains { isProseStretch($0.utf8) }
  }

  private static func isProseStretch(_ stretch: Substring.UTF8View) -> Bool {
    var words = 0
    var inWord = false
    var wordHasLetter = false
    var sentenceEnd = false
    for byte in stretch {
      if byte == 0x20 {
        if inWord && wordHasLetter { words += 1 }
        inWord = false
        wordHasLetter = false
        continue
      }
      if !inWord {
        if sentenceEnd && byte >= 0x41 && byte <= 0x5A { return true }
        inWord = true
      }
      // An ASCII letter, or any non-ASCII byte (letters of other scripts; "·" and "•" are split off).
      if (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || byte >= 0x80 { wordHasLetter = true }
      sentenceEnd = byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?")
    }
    if inWord && wordHasLetter { words += 1 }
    return words > 8
  }
}
