import SlackscoreCore
import Testing

/// Known-answer vectors (FIPS 180 examples) for the digest forms the pipeline writes.
@Suite struct HashingTests {
  @Test(arguments: [
    ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    (
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    ),
  ])
  func sha256(input: String, expected: String) {
    #expect(ContentDigest.sha256(input).hex == expected)
  }

  @Test func sha256OfAMillionA() {
    var h = ContentDigest.Hasher(.sha256)
    h.update([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
    #expect(h.finalize().hex == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  @Test func sha1AsWARCWritesIt() {
    #expect(ContentDigest.sha1(Array("abc".utf8)).hex == "a9993e364706816aba3e25717850c26c9cd0d89d")
    #expect(ContentDigest.sha1(Array("".utf8)).description == "sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ")
  }

  @Test(arguments: [("", ""), ("f", "MY======"), ("fo", "MZXQ===="), ("foobar", "MZXW6YTBOI======")])
  func base32(input: String, expected: String) {
    #expect(Base32.encode(Array(input.utf8)) == expected)
  }

  @Test(arguments: [1, 7, 63, 64, 65, 1000])
  func chunkedUpdatesGiveTheSameDigest(chunk: Int) {
    let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
    for algorithm in [ContentDigest.Algorithm.sha1, .sha256] {
      var parts = ContentDigest.Hasher(algorithm)
      for start in stride(from: 0, to: bytes.count, by: chunk) {
        parts.update(bytes[start..<min(start + chunk, bytes.count)])
      }
      #expect(parts.finalize() == ContentDigest.of(bytes, algorithm: algorithm))
    }
  }
}
