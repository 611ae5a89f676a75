import Foundation
import SlackscoreCore

/// Checks a WACZ's archive entries against the sizes and sha256 hashes its
/// `datapackage.json` lists (both the WACZ 1.0 `stats`/`hashing` form and the 1.1
/// `hash: "sha256:…"` form). A mismatch or an unlisted archive is a warning: the records
/// are still read, but the file is not what its writer packed.
enum DataPackageCheck {
  /// Largest `datapackage.json` read.
  static let maxBytes = 16 << 20

  private struct Package: Decodable {
    struct Resource: Decodable {
      struct Stats: Decodable {
        var hash: String?
        var bytes: Int?
      }
      var path: String
      var hash: String?
      var bytes: Int?
      var hashing: String?
      var stats: Stats?
    }
    var resources: [Resource]
  }

  /// Reports (through `report`: severity, file, offset, code, message) every archive entry
  /// whose bytes do not match `datapackage.json`, and a missing or unreadable package.
  static func run(
    _ zip: ZipArchive, archives: [ZipDirectory.Entry],
    report: (Diagnostic.Severity, String, Int?, String, String) -> Void
  ) {
    let packagePath = ArchiveAddress(file: zip.path, entry: "datapackage.json").description
    guard let bytes = read(zip, entry: "datapackage.json", limit: maxBytes) else {
      report(
        .warning, zip.path, nil, "wacz-no-datapackage",
        "no readable datapackage.json: the archives' hashes cannot be checked")
      return
    }
    guard let package = try? JSONDecoder().decode(Package.self, from: Data(bytes)) else {
      report(.warning, packagePath, 0, "wacz-bad-datapackage", "datapackage.json is not a WACZ data package")
      return
    }
    let listed = Dictionary(package.resources.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    for entry in archives {
      let address = ArchiveAddress(file: zip.path, entry: entry.name).description
      guard let resource = listed[entry.name] else {
        report(.warning, address, nil, "wacz-unlisted-archive", "the archive is not listed in datapackage.json")
        continue
      }
      let hashText = resource.hash ?? resource.stats?.hash.map { (resource.hashing ?? "sha256") + ":" + $0 }
      guard let expected = hashText.flatMap(ContentDigest.init) else { continue }
      guard let measured = digest(zip, entry: entry.name, algorithm: expected.algorithm) else { continue }
      let (actual, size) = measured
      let expectedSize = resource.bytes ?? resource.stats?.bytes
      if actual != expected || (expectedSize.map { $0 != size } ?? false) {
        report(
          .warning, address, nil, "wacz-hash-mismatch",
          "the archive's \(size) bytes hash to \(actual), datapackage.json lists \(expected)"
            + (expectedSize.map { " and \($0) bytes" } ?? "") + ": the file changed after it was packed")
      }
    }
  }

  /// The entry's bytes, when it exists and is at most `limit` bytes.
  private static func read(_ zip: ZipArchive, entry: String, limit: Int) -> [UInt8]? {
    guard let source = try? zip.source(for: entry), let size = source.size, size <= limit else { return nil }
    var bytes = [UInt8](repeating: 0, count: size)
    var done = 0
    while done < size {
      let n = bytes.withUnsafeMutableBytes { source.read(into: $0.baseAddress! + done, count: size - done) }
      if n <= 0 { break }
      done += n
    }
    return done == size ? bytes : nil
  }

  /// The digest and length of the entry's bytes, streamed.
  private static func digest(
    _ zip: ZipArchive, entry: String, algorithm: ContentDigest.Algorithm
  ) -> (ContentDigest, Int)? {
    guard let source = try? zip.source(for: entry) else { return nil }
    var hasher = ContentDigest.Hasher(algorithm)
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    var total = 0
    while true {
      let n = chunk.withUnsafeMutableBytes { source.read(into: $0.baseAddress!, count: $0.count) }
      if n < 0 { return nil }
      if n == 0 { break }
      chunk.withUnsafeBytes { hasher.update(UnsafeRawBufferPointer(rebasing: $0[..<n])) }
      total += n
    }
    return (hasher.finalize(), total)
  }
}
