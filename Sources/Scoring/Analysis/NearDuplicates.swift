import SlackscoreCore

/// Near-duplicate clusters: syndicated, reposted and re-captured copies of one text.
///
/// Each document's text (lower-cased, split into letter/digit words) gives a set of 3-word
/// shingles, each hashed with 64-bit FNV-1a. A MinHash signature of 64 values (one seeded
/// mix per position, each kept as its low 32 bits) feeds locality-sensitive hashing with 16
/// bands of 4 rows: documents whose rows agree in a band are candidates. A candidate pair is
/// a near-duplicate when its estimated Jaccard similarity (the share of the 64 signature
/// positions that agree) is at least `minJaccard` (0.7). Within one band's bucket a document
/// is compared with at most `maxComparisons` earlier documents (in id order) of other
/// clusters, so a bucket of many texts that share a few sentences costs linear time. Documents
/// with the same URL key are in one cluster too (captures of one page). Texts under `minWords`
/// (8) words are too short to judge and cluster by URL only. Clusters are the connected
/// components; a cluster's id is `c-` + the first 12 hex digits of the SHA-256 of its
/// smallest document id, so it does not depend on input order.
///
/// Memory: the signatures (256 bytes a document) and one band's keys at a time; the texts
/// and shingle sets are not kept (see ``signature(_:)``).
enum NearDuplicates {
  static let shingleWords = 3
  static let minJaccard = 0.7
  static let minWords = 8
  static let signatureSize = 64
  static let bands = 16
  /// Earlier documents of other clusters one document is compared with in one bucket.
  static let maxComparisons = 8

  /// A document's MinHash signature: `signatureSize` values, the low 32 bits of each.
  typealias Signature = [UInt32]

  /// The signature of `text`, or nil when it has fewer than `minWords` words.
  static func signature(_ text: String) -> Signature? {
    shingles(text).map { minHash($0).map { UInt32(truncatingIfNeeded: $0) } }
  }

  /// Cluster id per document id, from the documents' texts.
  static func clusters(_ docs: [Document]) -> Clusters {
    clusters(docs, signatures: docs.map { signature($0.text) })
  }

  /// Cluster id per document id; `signatures[i]` is the signature of `docs[i]`'s text.
  static func clusters(_ docs: [Document], signatures: [Signature?]) -> Clusters {
    var byURL: [String: Int] = [:]
    var sameURL: [(Int, Int)] = []
    for (i, doc) in docs.enumerated() {
      for url in [doc.url, doc.canonicalUrl].compactMap({ $0 }) {
        let key = URLKey.make(url)
        if let first = byURL[key] { sameURL.append((first, i)) } else { byURL[key] = i }
      }
    }
    return clusters(ids: docs.map(\.id), signatures: SignatureTable(signatures), sameURL: sameURL)
  }

  /// Cluster id per document id, for documents `ids` (an id may repeat: its documents are one
  /// cluster) with signatures `signatures`, where the pairs in `sameURL` (indices) are captures of
  /// one URL key.
  static func clusters(ids: [String], signatures: SignatureTable, sameURL: [(Int, Int)]) -> Clusters {
    let n = ids.count
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
    let index = IDIndex(ids)
    let order = index.order
    for k in order.indices.dropFirst() where ids[order[k]] == ids[order[k - 1]] { union(order[k - 1], order[k]) }
    for (a, b) in sameURL { union(a, b) }
    let rows = signatureSize / bands
    let needed = Int((minJaccard * Double(signatureSize)).rounded(.up))
    var bucket: [(key: UInt64, index: Int)] = []
    bucket.reserveCapacity(n)
    for band in 0..<bands {
      bucket.removeAll(keepingCapacity: true)
      for i in 0..<signatures.count where signatures.has(i) {
        var key = FNV1a.offsetBasis64
        for r in 0..<rows { key = mix(key ^ UInt64(signatures.value(i, band * rows + r))) }
        bucket.append((key, i))
      }
      bucket.sort { ($0.key, $0.index) < ($1.key, $1.index) }
      var runStart = 0
      for e in bucket.indices {
        if bucket[e].key != bucket[runStart].key { runStart = e }
        let i = bucket[e].index
        var compared = 0
        var k = e - 1
        while k >= runStart && compared < maxComparisons {
          let j = bucket[k].index
          k -= 1
          guard find(i) != find(j) else { continue }
          compared += 1
          if signatures.agreeing(i, j) >= needed { union(i, j) }
        }
      }
    }
    // In id order, the first document of a cluster met has its smallest id, which names it.
    var clusterOfRoot = [Int32](repeating: -1, count: n)
    var names: [String] = []
    var clusterOf = [Int32](repeating: 0, count: n)
    for i in order {
      let root = find(i)
      if clusterOfRoot[root] < 0 {
        clusterOfRoot[root] = Int32(names.count)
        names.append("c-" + String(ContentDigest.sha256(ids[i]).hex.prefix(12)))
      }
      clusterOf[i] = clusterOfRoot[root]
    }
    return Clusters(index: index, clusterOf: clusterOf, names: names)
  }

  /// How many positions of two signatures agree (the estimated Jaccard similarity times
  /// `signatureSize`).
  static func agreeing(_ a: Signature, _ b: Signature) -> Int {
    var same = 0
    for p in 0..<signatureSize where a[p] == b[p] { same += 1 }
    return same
  }

  /// Hashed 3-word shingles of `text`, or nil when it has fewer than `minWords` words.
  static func shingles(_ text: String) -> Set<UInt64>? {
    let words = self.words(text)
    guard words.count >= minWords else { return nil }
    var result: Set<UInt64> = []
    for start in 0...(words.count - shingleWords) {
      var h = FNV1a.offsetBasis64
      for w in start..<start + shingleWords {
        h = FNV1a.step(FNV1a.hash64(words[w], from: h), 0x20)
      }
      result.insert(h)
    }
    return result
  }

  static func minHash(_ set: Set<UInt64>) -> [UInt64] {
    var signature = [UInt64](repeating: .max, count: signatureSize)
    for h in set {
      for i in 0..<signatureSize {
        let v = mix(h &+ UInt64(i) &* 0x9E37_79B9_7F4A_7C15)
        if v < signature[i] { signature[i] = v }
      }
    }
    return signature
  }

  static func jaccard(_ a: Set<UInt64>, _ b: Set<UInt64>) -> Double {
    let inter = a.intersection(b).count
    return Double(inter) / Double(a.count + b.count - inter)
  }

  /// The SplitMix64 finaliser: a good 64-bit mixing function.
  static func mix(_ x: UInt64) -> UInt64 {
    var z = x
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// Lower-cased words of letters and digits (Unicode-aware), as UTF-8 bytes. ASCII bytes
  /// take a fast path; other scalars are decoded and checked for letter/digit properties.
  static func words(_ text: String) -> [[UInt8]] {
    var result: [[UInt8]] = []
    var current: [UInt8] = []
    var nonASCII = false
    func flush() {
      guard !current.isEmpty else { return }
      if nonASCII {
        result.append(Array(String(decoding: current, as: UTF8.self).lowercased().utf8))
      } else {
        result.append(current)
      }
      current.removeAll(keepingCapacity: true)
      nonASCII = false
    }
    var utf8 = text.utf8.makeIterator()
    var pending: UInt8? = nil
    while let byte = pending ?? utf8.next() {
      pending = nil
      if byte < 0x80 {
        switch byte {
        case 0x30...0x39, 0x61...0x7A: current.append(byte)
        case 0x41...0x5A: current.append(byte | 0x20)
        default: flush()
        }
        continue
      }
      // Gather one multi-byte scalar.
      var bytes = [byte]
      while let next = utf8.next() {
        if next & 0xC0 == 0x80 {
          bytes.append(next)
        } else {
          pending = next
          break
        }
      }
      let scalar = String(decoding: bytes, as: UTF8.self).unicodeScalars.first!
      if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
        current += bytes
        nonASCII = true
      } else {
        flush()
      }
    }
    flush()
    return result
  }
}

/// The near-duplicate cluster of each document, found by document id: arrays indexed by the
/// documents' places (4 bytes each) and one name per cluster, not a dictionary of strings.
struct Clusters: Sendable, Equatable {
  private let index: IDIndex
  private let clusterOf: [Int32]
  private let names: [String]

  /// `clusterOf[i]` is the place in `names` of the cluster of `index.ids[i]`.
  init(index: IDIndex, clusterOf: [Int32], names: [String]) {
    self.index = index
    self.clusterOf = clusterOf
    self.names = names
  }

  /// How many clusters.
  var count: Int { names.count }

  /// The cluster id (`c-` + 12 hex digits) of document `id`, nil for an id not clustered.
  subscript(id: String) -> String? {
    index.firstPlace(of: id).map { names[Int(clusterOf[$0])] }
  }

  /// Equal when both cluster the same ids and every id has the same cluster id in both.
  static func == (a: Clusters, b: Clusters) -> Bool {
    a.count == b.count && Set(a.index.ids) == Set(b.index.ids) && a.index.ids.allSatisfy { a[$0] == b[$0] }
  }
}
