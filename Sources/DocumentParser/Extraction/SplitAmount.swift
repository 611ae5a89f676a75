import PageSignals

/// A fundraiser's total shown alone in its element, with its words in the next one:
/// "$3,235 USD" | "Raised of $10,000 Goal", "£24,494" | "pledged of £30,000". The walker joins the
/// two so that the text reader sees the total with the word that says what it is.
enum SplitAmount {
  /// Whether a short block is an amount of money and nothing else ("$3,235 USD", "£24,494",
  /// "Rp 1.250.000").
  static func isAmountAlone(_ text: String) -> Bool {
    guard text.utf8.count <= 24, LocaleNumber.parseAmount(text, lang: nil)?.currency != nil else { return false }
    var letters = 0
    for byte in text.utf8 {
      switch byte {
      case 0x41...0x5A, 0x61...0x7A: letters += 1
      case 0x30...0x39, 0x20, 0x2C, 0x2E, 0x24: continue
      default: if byte < 0x80 { return false }  // other signs: "$5 / month", "1-2"
      }
    }
    return letters <= 3
  }

  /// Whether a block goes on from a total just shown: it starts with a word for money raised.
  static func continuesTotal(_ text: String) -> Bool {
    let lower = text.lowercased().drop { $0 == " " }
    return words.contains { lower.hasPrefix($0) }
  }

  private static let words = ["raised", "pledged", "collected", "donated", "terkumpul", "dana terkumpul"]
}
