/// SplitMix64 (Steele, Lea & Flood 2014): a tiny seeded generator, the same on every platform, for
/// the bootstrap intervals of `score` and `eval-cta` and the trainer's shuffling order.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64

  /// A generator that starts from `seed`.
  public init(seed: UInt64) { state = seed }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A seed derived from a base seed and a label (FNV-1a over the label), so each figure has its own
  /// stream whatever order figures are computed in.
  public static func derive(_ seed: UInt64, _ label: String) -> UInt64 {
    FNV1a.hash64(label.utf8, from: FNV1a.offsetBasis64 ^ seed)
  }
}
