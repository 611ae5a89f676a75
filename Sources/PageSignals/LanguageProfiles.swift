// Stopword profiles for the language detector: the most frequent function words of each
// language, written for this project. A word may belong to several profiles ("de", "dan").
// Indonesian and Malay share one profile for telling them from the others, and have marker
// lists (spellings and words one uses and the other does not) for telling them apart.

/// Languages the Latin-script profiles tell apart, as bits of a word's mask.
enum ProfileLanguage: Int, CaseIterable {
  /// Indonesian or Malay (the shared profile).
  case malayic = 0
  case indonesianMarker = 1
  case malayMarker = 2
  case english = 3
  case dutch = 4
  case german = 5
  case french = 6
  case spanish = 7
  case portuguese = 8
  case italian = 9

  /// The ISO 639-1 code of a profile that stands for one language.
  var code: String? {
    switch self {
    case .malayic, .indonesianMarker, .malayMarker: return nil
    case .english: return "en"
    case .dutch: return "nl"
    case .german: return "de"
    case .french: return "fr"
    case .spanish: return "es"
    case .portuguese: return "pt"
    case .italian: return "it"
    }
  }
}

/// The word lists.
enum LanguageProfiles {
  static let lists: [(ProfileLanguage, String)] = [
    (
      .malayic,
      """
      yang dan di ini itu dengan untuk dalam pada ke dari akan adalah tidak juga kami kita mereka atau oleh \
      telah kepada sebagai ada saya anda lebih tersebut dia sudah hanya jika bagi antara belum masih sangat \
      dapat namun tetapi serta para ia beliau orang perlu pun lagi apa kalau bila sebuah seorang banyak semua \
      setiap secara menjadi kata hari bisa karena setelah yaitu harus saja tapi boleh kerana selepas iaitu \
      ialah mesti sahaja bahwa bahawa
      """
    ),
    (
      .indonesianMarker,
      """
      bisa karena setelah yaitu harus saja tapi uang pemerintah polisi nggak enggak gak gimana kemarin ujar \
      bilang bahwa banget aja sih dong soalnya
      """
    ),
    (
      .malayMarker,
      """
      kerana selepas iaitu sahaja wang kerajaan polis manakala sebarang memandangkan bahawa baharu percuma \
      hospital universiti
      """
    ),
    (
      .english,
      """
      the and of to is in that it was for on are with as his they be at this have from or had by but not what \
      were we when your can said there which she do their if will would about has been who its more than also \
      after into our these could them he you an
      """
    ),
    (
      .dutch,
      """
      de het een en van is dat op te zijn voor met niet die aan er maar om ook als bij nog wordt door naar \
      worden dan over uit hij zij wij kan deze meer heeft werd was wel geen tot ze hun onze dit waar in
      """
    ),
    (
      .german,
      """
      der die und den das ist nicht von zu mit sich des auf für im dem ein eine einen auch es an werden aus er \
      hat dass sie nach wird bei einer um am sind noch wie einem über so zum war haben nur oder aber vor zur \
      bis mehr durch man kann wurde in
      """
    ),
    (
      .french,
      """
      le la les de des et en un une du est que qui dans pour pas au sur ne se par plus ce il elle sont avec \
      mais ou nous vous ont été cette aux son sa ses leur tout comme être fait très où
      """
    ),
    (
      .spanish,
      """
      el la los las de del y en que un una es por con para no se su al lo como más pero sus le ha este esta \
      son entre cuando muy sin sobre también fue hay desde todo nos durante ya porque puede han
      """
    ),
    (
      .portuguese,
      """
      o os as de do da dos das e em que um uma é para com não no na nos nas por mais se ao como mas foi ou ser \
      à seu sua são também pelo pela já está muito tem quando isso ele ela entre depois sem mesmo aos ter seus há
      """
    ),
    (
      .italian,
      """
      il di che e la per un non sono con una del della le si da lo gli come più anche ma ha nel alla questo \
      sul dei delle al nella essere stato era perché ci ancora dopo tra
      """
    ),
  ]

  /// Word hash → bit mask of the profiles it belongs to.
  static let masks: WordMaskTable = {
    var table = WordMaskTable()
    for (language, words) in lists {
      for word in words.split(separator: " ") {
        table.insert(wordHash(word.utf8), bit: 1 << UInt16(language.rawValue))
      }
    }
    return table
  }()

  /// The key of a word: its first 16 bytes, ASCII lower-cased, packed into two words and
  /// mixed (exact for words of up to eight bytes; stopwords are all shorter than 16).
  @inline(__always) static func wordHash<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
    var key = WordKey()
    for byte in bytes { key.add(byte) }
    return key.value
  }
}

/// Builds a word's key byte by byte (see `LanguageProfiles.wordHash`): shifts and ORs, no
/// multiply chain per byte.
struct WordKey {
  private var low: UInt64 = 0
  private var high: UInt64 = 0
  private var shift: UInt64 = 0

  @inline(__always) mutating func add(_ byte: UInt8) {
    let value = UInt64(ByteText.lowercased(byte))
    if shift < 64 {
      low |= value << shift
    } else {
      high |= value << (shift - 64)  // a shift of 64 or more gives 0: bytes past 16 drop out
    }
    shift += 8
  }

  /// Adds `count` bytes at once, already lower-cased and packed little-endian into the low
  /// bytes of `bytes` (the rest zero).
  @inline(__always) mutating func add(packed bytes: UInt64, count: Int) {
    if shift < 64 {
      low |= bytes << shift
      if shift > 0 { high |= bytes >> (64 - shift) }
    } else {
      high |= bytes << (shift - 64)
    }
    shift += UInt64(8 * count)
  }

  @inline(__always) var value: UInt64 { low ^ (high &* 0x9E37_79B9_7F4A_7C15) }
}

/// A fixed open-addressing table from word hashes to profile masks: the detector looks up
/// every word of a page, and a `Dictionary` (SipHash, resizing) cost more than the rest of
/// the detector together.
struct WordMaskTable: Sendable {
  private static let bits = 11  // 2,048 slots for some 500 words
  private var keys = [UInt64](repeating: 0, count: 1 << bits)
  private var values = [UInt16](repeating: 0, count: 1 << bits)
  /// A 4,096-bit filter (512 bytes, always in L1) with one bit per stored key: most words of
  /// a page are no stopword and are turned away here without touching the table.
  private var filter = [UInt64](repeating: 0, count: 64)
  /// The word key 0 (never produced by a real word, but kept correct).
  private var zeroValue: UInt16?

  @inline(__always) private static func filterBit(_ hash: UInt64) -> Int {
    Int(truncatingIfNeeded: (hash &* 0xC2B2_AE3D_27D4_EB4F) >> 52)
  }

  /// ORs `bit` into the mask of `hash`.
  mutating func insert(_ hash: UInt64, bit: UInt16) {
    if hash == 0 {
      zeroValue = (zeroValue ?? 0) | bit
      return
    }
    let filterBit = Self.filterBit(hash)
    filter[filterBit >> 6] |= 1 << UInt64(filterBit & 63)
    var slot = Self.slot(hash)
    while keys[slot] != 0 && keys[slot] != hash { slot = (slot + 1) & ((1 << Self.bits) - 1) }
    keys[slot] = hash
    values[slot] |= bit
  }

  /// The mask of `hash`, or nil when the word is in no profile.
  @inline(__always) subscript(hash: UInt64) -> UInt16? {
    if hash == 0 { return zeroValue }
    let bit = Self.filterBit(hash)
    guard filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { return nil }
    var slot = Self.slot(hash)
    while true {
      let key = keys[slot]
      if key == hash { return values[slot] }
      if key == 0 { return nil }
      slot = (slot + 1) & ((1 << Self.bits) - 1)
    }
  }

  @inline(__always) private static func slot(_ hash: UInt64) -> Int {
    Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
  }
}
