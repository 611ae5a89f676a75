import SlackscoreCore
import Testing

@Suite struct ContentDigestTests {
  static let text = Array("The quick brown fox jumps over the lazy dog".utf8)

  @Test func parsesBase32AndHexForms() throws {
    let sha1 = try #require(ContentDigest("sha1:" + Base32.encode(ContentDigest.sha1(Self.text).bytes)))
    #expect(sha1 == Self.text.withUnsafeBytes { ContentDigest.of($0, algorithm: .sha1) })
    let hex = try #require(ContentDigest("SHA1:2fd4e1c67a2d28fced849ee1bb76e7391b93eb12"))
    #expect(hex == sha1)
    let sha256 = try #require(ContentDigest("sha-256:d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592"))
    #expect(sha256.description == "sha256:" + ContentDigest.sha256(Self.text).hex)
    #expect(ContentDigest("md5:9e107d9d372bb6826bd81d3542a419d6") == nil)
    #expect(ContentDigest("sha1:TOOSHORT") == nil)
  }

  @Test func incrementalEqualsOneShot() {
    var hasher = ContentDigest.Hasher(.sha256)
    Self.text.withUnsafeBytes {
      hasher.update(UnsafeRawBufferPointer(rebasing: $0[..<10]))
      hasher.update(UnsafeRawBufferPointer(rebasing: $0[10...]))
    }
    #expect(hasher.finalize() == Self.text.withUnsafeBytes { ContentDigest.of($0, algorithm: .sha256) })
  }
}
