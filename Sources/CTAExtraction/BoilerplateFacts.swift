import SlackscoreCore

/// What the boilerplate rule (`BoilerplateMarker`) needs of one candidate, without its text: made by
/// `BoilerplateMarker.facts(of:site:)` when the candidate is found, kept beside it (in a temporary
/// file, a shard) and used to mark it once every document has been seen.
public struct BoilerplateFacts: Sendable, Hashable {
  /// Fingerprint of the site and the normalised sentence; nil when the document has no site or
  /// the sentence no key (never recurring).
  public var recurrence: UInt64?
  /// Whether the candidate counts towards recurrence (the page's own ask, not a reported one).
  public var counted: Bool
  /// Whether recurrence makes it boilerplate (a template category, or an interface label).
  public var template: Bool
  /// Whether it is boilerplate whatever recurs (a promo phrase in a promo category).
  public var promo: Bool

  /// Facts from their parts.
  public init(recurrence: UInt64?, counted: Bool, template: Bool, promo: Bool) {
    self.recurrence = recurrence
    self.counted = counted
    self.template = template
    self.promo = promo
  }

  /// The fingerprint of a sentence key on a site (the same in every process).
  public static func recurrence(site: String, key: String) -> UInt64 {
    recurrence(site: site, keyHash: keyHash(key))
  }

  /// The fingerprint of a sentence key, given as its `keyHash`, on a site: FNV-1a over the site, a
  /// separator and the key hash's eight bytes. Extract hashes each sentence's key once (its outcome is
  /// memoised), not once per page it is on.
  public static func recurrence(site: String, keyHash: UInt64) -> UInt64 {
    var hash = FNV1a.step(FNV1a.hash64(site), 0x1F)
    for shift in stride(from: 0, to: 64, by: 8) {
      hash = FNV1a.step(hash, UInt8(truncatingIfNeeded: keyHash >> UInt64(shift)))
    }
    return hash
  }

  /// FNV-1a of a sentence key (`CTACandidate.recurrenceKey`).
  public static func keyHash(_ key: String) -> UInt64 {
    FNV1a.hash64(key)
  }

  /// Length of `encoded`: 16 hex digits of the fingerprint, then one hex digit of flags.
  public static let encodedLength = 17

  /// The facts as 17 ASCII bytes (for a line of a temporary or side file).
  public var encoded: [UInt8] {
    var bytes: [UInt8] = []
    append(to: &bytes)
    return bytes
  }

  /// Appends `encoded` to `bytes`.
  public func append(to bytes: inout [UInt8]) {
    @inline(__always) func digit(_ value: UInt64) -> UInt8 {
      value < 10 ? UInt8(ascii: "0") + UInt8(value) : UInt8(ascii: "a") + UInt8(value - 10)
    }
    let value = recurrence ?? 0
    for shift in stride(from: 60, through: 0, by: -4) { bytes.append(digit((value >> UInt64(shift)) & 0xF)) }
    let flags = (recurrence != nil ? 1 : 0) | (counted ? 2 : 0) | (template ? 4 : 0) | (promo ? 8 : 0)
    bytes.append(digit(UInt64(flags)))
  }

  /// Facts from the first 17 bytes of `encoded`; nil when they are not what `encoded` writes.
  public init?(encoded bytes: some Collection<UInt8>) {
    guard bytes.count >= Self.encodedLength else { return nil }
    var value: UInt64 = 0
    var flags = 0
    for (i, byte) in bytes.prefix(Self.encodedLength).enumerated() {
      let digit: UInt64
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(byte - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt64(byte - UInt8(ascii: "a") + 10)
      default: return nil
      }
      if i < 16 { value = value << 4 | digit } else { flags = Int(digit) }
    }
    self.init(
      recurrence: flags & 1 != 0 ? value : nil, counted: flags & 2 != 0, template: flags & 4 != 0,
      promo: flags & 8 != 0)
  }
}
