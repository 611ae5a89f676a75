public import SlackscoreCore

/// Near-duplicate clusters: syndicated, reposted and re-captured copies of one text.
///
/// Each document's text (lower-cased, split into letter/digit words) gives 3-word shingles;
/// each shingle is hashed with 64-bit FNV-1a, and the 64-bit SimHash is the bitwise majority
/// of those hashes. Two documents are near-duplicates when their SimHashes differ in at most
/// `maxHamming` (3) bits; candidates are found with 4 bands of 16 bits (by the pigeonhole
/// principle two hashes within 3 bits agree on at least one band), so the work stays near
/// linear. Documents with the same URL key are in one cluster too (captures of one page).
/// Texts under `minWords` (8) words get no SimHash (too short to judge) and cluster by URL
/// only. Clusters are the connected components; a cluster's id is `c-` + the first 12 hex
/// digits of the SHA-256 of its smallest document id, so it does not depend on input order.
enum NearDuplicates {
  static let shingleWords = 3
  static let maxHamming = 3
  static let minWords = 8

  /// Cluster id per document id.
  static func clusters(_ docs: [Document]) -> [String: String] {
    let n = docs.count
    var parent = Array(0..<n)
    func find(_ x: Int) -> Int {
      var x = x
      while parent[x] != x {
        parent[x] = parent[parent[x]]
        x = parent[x]
      }
      return x
    }
    func union(_ a: Int, _ b: Int) {
      let ra = find(a)
      let rb = find(b)
      if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
    }
    var byURL: [String: Int] = [:]
    var byID: [String: Int] = [:]
    for (i, doc) in docs.enumerated() {
      if let first = byID[doc.id] { union(first, i) } else { byID[doc.id] = i }
      for url in [doc.url, doc.canonicalUrl].compactMap({ $0 }) {
        let key = URLKey.make(url)
        if let first = byURL[key] { union(first, i) } else { byURL[key] = i }
      }
    }
    let hashes = docs.map { simHash($0.text) }
    var bands: [[UInt64: [Int]]] = Array(repeating: [:], count: 4)
    for (i, hash) in hashes.enumerated() {
      guard let hash else { continue }
      for band in 0..<4 {
        let key = (hash >> UInt64(band * 16)) & 0xFFFF
        for j in bands[band][key, default: []] where find(i) != find(j) {
          if let other = hashes[j], (hash ^ other).nonzeroBitCount <= maxHamming { union(i, j) }
        }
        bands[band][key, default: []].append(i)
      }
    }
    var smallest: [Int: String] = [:]
    for (i, doc) in docs.enumerated() {
      let root = find(i)
      if let s = smallest[root], s <= doc.id { continue }
      smallest[root] = doc.id
    }
    var result: [String: String] = [:]
    for (i, doc) in docs.enumerated() {
      result[doc.id] = "c-" + String(SHA256.hex(smallest[find(i)]!).prefix(12))
    }
    return result
  }

  /// The 64-bit SimHash of `text`, or nil when it has fewer than `minWords` words.
  static func simHash(_ text: String) -> UInt64? {
    let words = self.words(text)
    guard words.count >= minWords else { return nil }
    var weights = [Int](repeating: 0, count: 64)
    for start in 0...(words.count - shingleWords) {
      var h: UInt64 = 0xcbf2_9ce4_8422_2325
      for w in start..<start + shingleWords {
        for byte in words[w] {
          h ^= UInt64(byte)
          h &*= 0x0000_0100_0000_01B3
        }
        h ^= 0x20
        h &*= 0x0000_0100_0000_01B3
      }
      for bit in 0..<64 { weights[bit] += (h >> UInt64(bit)) & 1 == 1 ? 1 : -1 }
    }
    var result: UInt64 = 0
    for bit in 0..<64 where weights[bit] > 0 { result |= 1 << UInt64(bit) }
    return result
  }

  /// Lower-cased words of letters and digits (Unicode-aware), as UTF-8 bytes.
  static func words(_ text: String) -> [[UInt8]] {
    var result: [[UInt8]] = []
    var current = ""
    for scalar in text.unicodeScalars {
      if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
        current.unicodeScalars.append(scalar)
      } else if !current.isEmpty {
        result.append(Array(current.lowercased().utf8))
        current = ""
      }
    }
    if !current.isEmpty { result.append(Array(current.lowercased().utf8)) }
    return result
  }
}
