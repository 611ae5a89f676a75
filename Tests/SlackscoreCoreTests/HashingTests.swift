import SlackscoreCore
import Testing

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
    #expect(SHA256.hex(input) == expected)
  }

  @Test func sha256OfAMillionA() {
    var h = SHA256()
    h.update([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
    #expect(Hex.encode(h.finalize()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  @Test func sha1AsWARCWritesIt() {
    // sha1("abc") = a9993e364706816aba3e25717850c26c9cd0d89d
    var h = SHA1()
    h.update(Array("abc".utf8))
    #expect(Hex.encode(h.finalize()) == "a9993e364706816aba3e25717850c26c9cd0d89d")
    #expect(SHA1.warcDigest(Array("".utf8)) == "sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ")
  }

  @Test(arguments: [("", ""), ("f", "MY======"), ("fo", "MZXQ===="), ("foobar", "MZXW6YTBOI======")])
  func base32(input: String, expected: String) {
    #expect(Base32.encode(Array(input.utf8)) == expected)
  }

  @Test(arguments: [1, 7, 63, 64, 65, 1000])
  func chunkedUpdatesGiveTheSameDigest(chunk: Int) {
    let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
    var whole256 = SHA256()
    whole256.update(bytes)
    var whole1 = SHA1()
    whole1.update(bytes)
    var parts256 = SHA256()
    var parts1 = SHA1()
    for start in stride(from: 0, to: bytes.count, by: chunk) {
      let slice = bytes[start..<min(start + chunk, bytes.count)]
      parts256.update(slice)
      parts1.update(slice)
    }
    #expect(parts256.finalize() == whole256.finalize())
    #expect(parts1.finalize() == whole1.finalize())
  }
}
