import SlackscoreCore

/// A sentence's recurrence key (`CTADetector.recurrenceKey`) with the two facts the boilerplate pass
/// reads of it, made in one pass over the tokens' bytes instead of three over the key.
struct RecurrenceKey: Sendable {
  /// The key: lower-case words, hashtags and mentions, numbers as `0`, joined by spaces.
  var key: String
  /// `BoilerplateMarker.wordCount(key)`.
  var words: Int
  /// `BoilerplateFacts.keyHash(key)`.
  var hash: UInt64

  /// The key of `tokens` and its facts. An ASCII key's words are its parts (no part is empty or
  /// holds a space, and every ASCII character but CR LF is one byte); any other key's words are
  /// counted by `BoilerplateMarker.wordCount`.
  init(_ tokens: [Token]) {
    var length = 0
    var parts = 0
    for token in tokens {
      guard let part = Self.part(token) else { continue }
      length += part.utf8.count + (parts > 0 ? 1 : 0)
      parts += 1
    }
    var hash = FNV1a.offsetBasis64
    var simple = true
    let key = String(unsafeUninitializedCapacity: length) { buffer in
      var n = 0
      for token in tokens {
        guard var part = Self.part(token) else { continue }
        if n > 0 {
          buffer[n] = 0x20
          hash = FNV1a.step(hash, 0x20)
          n += 1
        }
        part.withUTF8 { bytes in
          if bytes.isEmpty { simple = false }
          for byte in bytes {
            if byte >= 0x80 { simple = false }
            buffer[n] = byte
            hash = FNV1a.step(hash, byte)
            n += 1
          }
        }
      }
      return n
    }
    self.key = key
    self.words = simple ? parts : BoilerplateMarker.wordCount(key)
    self.hash = hash
  }

  /// What `token` adds to the key, nil for nothing.
  @inline(__always) private static func part(_ token: Token) -> String? {
    switch token.kind {
    case .word, .hashtag, .mention: token.text
    case .number: "0"
    case .url, .emoji, .punctuation: nil
    }
  }
}
