import CCrypto

/// SHA-256 (FIPS 180-4), incremental. Used for input fingerprints in `campaigns.json`
/// and for stable document ids.
public struct SHA256: Sendable, BlockHash {
  private var state: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (
    0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19
  )
  var pending: [UInt8] = []
  var length: UInt64 = 0

  private static let k: [UInt32] = [
    0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
    0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
    0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
    0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
    0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
    0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
    0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
    0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
  ]

  public init() { pending.reserveCapacity(64) }

  /// Feeds bytes.
  public mutating func update(_ bytes: some Collection<UInt8>) { feed(bytes) }

  /// Feeds a string's UTF-8 bytes.
  public mutating func update(_ string: String) { update(Array(string.utf8)) }

  /// The 32-byte digest.
  public mutating func finalize() -> [UInt8] {
    let bitLength = length &* 8
    var tail = pending
    tail.append(0x80)
    while tail.count % 64 != 56 { tail.append(0) }
    for i in (0..<8).reversed() { tail.append(UInt8(truncatingIfNeeded: bitLength >> (UInt64(i) * 8))) }
    tail.withUnsafeBytes { raw in
      for start in stride(from: 0, to: raw.count, by: 64) { compress(raw.baseAddress! + start) }
    }
    pending.removeAll()
    let words = [state.0, state.1, state.2, state.3, state.4, state.5, state.6, state.7]
    return words.flatMap { w in (0..<4).map { UInt8(truncatingIfNeeded: w >> (24 - 8 * UInt32($0))) } }
  }

  /// Lower-case hex digest of `bytes`.
  public static func hex(_ bytes: some Collection<UInt8>) -> String {
    var h = SHA256()
    h.update(bytes)
    return Hex.encode(h.finalize())
  }

  /// Lower-case hex digest of a string's UTF-8 bytes.
  public static func hex(_ string: String) -> String { hex(Array(string.utf8)) }

  mutating func compress(_ block: UnsafeRawPointer) {
    withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
      for i in 0..<16 { w[i] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)) }
      for i in 16..<64 {
        let s0 = w[i - 15].rotr(7) ^ w[i - 15].rotr(18) ^ (w[i - 15] >> 3)
        let s1 = w[i - 2].rotr(17) ^ w[i - 2].rotr(19) ^ (w[i - 2] >> 10)
        w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
      }
      compressRounds(w)
    }
  }

  private mutating func compressRounds(_ w: UnsafeMutableBufferPointer<UInt32>) {
    var (a, b, c, d, e, f, g, h) = state
    for i in 0..<64 {
      let s1 = e.rotr(6) ^ e.rotr(11) ^ e.rotr(25)
      let ch = (e & f) ^ (~e & g)
      let t1 = h &+ s1 &+ ch &+ SHA256.k[i] &+ w[i]
      let s0 = a.rotr(2) ^ a.rotr(13) ^ a.rotr(22)
      let maj = (a & b) ^ (a & c) ^ (b & c)
      let t2 = s0 &+ maj
      h = g
      g = f
      f = e
      e = d &+ t1
      d = c
      c = b
      b = a
      a = t1 &+ t2
    }
    state = (
      state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d, state.4 &+ e, state.5 &+ f, state.6 &+ g,
      state.7 &+ h
    )
  }
}

/// SHA-1, incremental. WARC's `WARC-Payload-Digest` and `WARC-Block-Digest` use it
/// (as `sha1:` + base32).
public struct SHA1: Sendable, BlockHash {
  private var state: (UInt32, UInt32, UInt32, UInt32, UInt32) = (
    0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0
  )
  var pending: [UInt8] = []
  var length: UInt64 = 0

  public init() { pending.reserveCapacity(64) }

  /// Feeds bytes.
  public mutating func update(_ bytes: some Collection<UInt8>) { feed(bytes) }

  /// The 20-byte digest.
  public mutating func finalize() -> [UInt8] {
    let bitLength = length &* 8
    var tail = pending
    tail.append(0x80)
    while tail.count % 64 != 56 { tail.append(0) }
    for i in (0..<8).reversed() { tail.append(UInt8(truncatingIfNeeded: bitLength >> (UInt64(i) * 8))) }
    tail.withUnsafeBytes { raw in
      for start in stride(from: 0, to: raw.count, by: 64) { compress(raw.baseAddress! + start) }
    }
    pending.removeAll()
    let words = [state.0, state.1, state.2, state.3, state.4]
    return words.flatMap { w in (0..<4).map { UInt8(truncatingIfNeeded: w >> (24 - 8 * UInt32($0))) } }
  }

  /// `sha1:BASE32` as WARC writes it.
  public static func warcDigest(_ bytes: some Collection<UInt8>) -> String {
    "sha1:" + Base32.encode(digest(bytes))
  }

  /// The 20-byte digest of `bytes` in one call, by libcrypto (which uses the CPU's SHA
  /// extensions where there are some); the incremental Swift implementation above gives the
  /// same bytes and is what streams use.
  public static func digest(_ bytes: some Collection<UInt8>) -> [UInt8] {
    let oneShot: [UInt8]? =
      bytes.withContiguousStorageIfAvailable { buffer in
        var out = [UInt8](repeating: 0, count: 20)
        var length: UInt32 = 0
        let ok = out.withUnsafeMutableBufferPointer { digest in
          EVP_Digest(buffer.baseAddress, buffer.count, digest.baseAddress, &length, EVP_sha1(), nil)
        }
        return ok == 1 && length == 20 ? out : nil
      } ?? nil
    if let oneShot { return oneShot }
    var h = SHA1()
    h.update(bytes)
    return h.finalize()
  }

  mutating func compress(_ block: UnsafeRawPointer) {
    withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 80) { w in
      for i in 0..<16 { w[i] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)) }
      for i in 16..<80 { w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotl(1) }
      compressRounds(w)
    }
  }

  /// The 80 rounds as four loops of 20 (one round function each, no switch per round).
  private mutating func compressRounds(_ w: UnsafeMutableBufferPointer<UInt32>) {
    var (a, b, c, d, e) = state
    @inline(__always) func round(_ f: UInt32, _ k: UInt32, _ wi: UInt32) {
      let t = a.rotl(5) &+ f &+ e &+ k &+ wi
      e = d
      d = c
      c = b.rotl(30)
      b = a
      a = t
    }
    for i in 0..<20 { round(d ^ (b & (c ^ d)), 0x5A82_7999, w[i]) }
    for i in 20..<40 { round(b ^ c ^ d, 0x6ED9_EBA1, w[i]) }
    for i in 40..<60 { round((b & c) | (d & (b | c)), 0x8F1B_BCDC, w[i]) }
    for i in 60..<80 { round(b ^ c ^ d, 0xCA62_C1D6, w[i]) }
    state = (state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d, state.4 &+ e)
  }
}

extension UInt32 {
  @inline(__always) fileprivate func rotr(_ n: UInt32) -> UInt32 { (self >> n) | (self << (32 - n)) }
  @inline(__always) fileprivate func rotl(_ n: UInt32) -> UInt32 { (self << n) | (self >> (32 - n)) }
}

/// Lower-case hexadecimal.
public enum Hex {
  public static func encode(_ bytes: some Sequence<UInt8>) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    for b in bytes {
      out.append(digits[Int(b >> 4)])
      out.append(digits[Int(b & 0xF)])
    }
    return String(decoding: out, as: UTF8.self)
  }
}

/// RFC 4648 base32 (upper case, with `=` padding), as WARC digests use it.
public enum Base32 {
  public static func encode(_ bytes: [UInt8]) -> String {
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)
    var out: [UInt8] = []
    var buffer: UInt64 = 0
    var bits = 0
    for b in bytes {
      buffer = buffer << 8 | UInt64(b)
      bits += 8
      while bits >= 5 {
        out.append(alphabet[Int((buffer >> UInt64(bits - 5)) & 31)])
        bits -= 5
      }
    }
    if bits > 0 { out.append(alphabet[Int((buffer << UInt64(5 - bits)) & 31)]) }
    while out.count % 8 != 0 { out.append(UInt8(ascii: "=")) }
    return String(decoding: out, as: UTF8.self)
  }
}

/// The Merkle–Damgård framing SHA-1 and SHA-256 share: input is cut into 64-byte blocks,
/// hashed straight from the caller's buffer when whole, buffered in `pending` otherwise.
protocol BlockHash {
  var pending: [UInt8] { get set }
  var length: UInt64 { get set }
  mutating func compress(_ block: UnsafeRawPointer)
}

extension BlockHash {
  /// Feeds bytes (the hashes' public `update` calls this).
  mutating func feed(_ bytes: some Collection<UInt8>) {
    length &+= UInt64(bytes.count)
    let done: Void? = bytes.withContiguousStorageIfAvailable { absorb(UnsafeRawBufferPointer($0)) }
    if done == nil { Array(bytes).withUnsafeBytes { absorb($0) } }
  }

  private mutating func absorb(_ input: UnsafeRawBufferPointer) {
    var index = 0
    if !pending.isEmpty {
      let take = min(64 - pending.count, input.count)
      pending.append(contentsOf: input[0..<take])
      index = take
      if pending.count == 64 {
        let block = pending
        block.withUnsafeBytes { compress($0.baseAddress!) }
        pending.removeAll(keepingCapacity: true)
      }
    }
    while input.count - index >= 64 {
      compress(input.baseAddress! + index)
      index += 64
    }
    if index < input.count { pending.append(contentsOf: input[index...]) }
  }
}
