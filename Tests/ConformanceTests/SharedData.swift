#if canImport(Glibc)
  import Glibc
#endif

/// Where the real-world reference files are: `SLACKSCORE_SHARED` (set by
/// `make conformance` from the Makefile's `SHARED`), or nil when unset.
enum SharedData {
  static var root: String? {
    guard let value = getenv("SLACKSCORE_SHARED") else { return nil }
    return String(cString: value)
  }

  /// Whether the conformance data is available; conformance suites are enabled only then.
  static var isAvailable: Bool { root != nil }
}
