import SlackscoreCore

#if canImport(Glibc)
  import Glibc
#endif

#if FUZZING
  /// libFuzzer's entry point: `FUZZ_TARGET` names the target.
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzEntry.target(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
  }

  @_silgen_name("LLVMFuzzerRunDriver")
  func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
  ) -> Int32

  /// The executable's entry point hands over to libFuzzer's driver (SwiftPM names the
  /// entry point itself, so libFuzzer's own `main` is not used).
  @main
  enum FuzzEntry {
    nonisolated(unsafe) static let target: ([UInt8]) -> Void = {
      let name = getenv("FUZZ_TARGET").map { String(cString: $0) } ?? ""
      guard let target = FuzzTargets.target(named: name) else {
        let names = FuzzTargets.all.map(\.name).joined(separator: ", ")
        FileHandleOutput.error("slackscore-fuzz: set FUZZ_TARGET to one of: \(names)")
        exit(2)
      }
      return target
    }()

    static func main() {
      var argc = CommandLine.argc
      var argv = CommandLine.unsafeArgv
      exit(runFuzzerDriver(&argc, &argv, fuzzOneInput))
    }
  }
#else
  /// Replays inputs through one target: `slackscore-fuzz TARGET FILE…` (or `all FILE…`).
  @main
  enum FuzzReplay {
    static func main() {
      let args = Array(CommandLine.arguments.dropFirst())
      let names = FuzzTargets.all.map(\.name)
      guard let name = args.first, name == "all" || names.contains(name), args.count >= 2 else {
        FileHandleOutput.error(
          "usage: slackscore-fuzz TARGET|all FILE...\n  replays files through the fuzz targets (\(names.joined(separator: ", ")))"
        )
        exit(2)
      }
      let targets = name == "all" ? FuzzTargets.all : FuzzTargets.all.filter { $0.name == name }
      var count = 0
      for path in args.dropFirst() {
        guard let bytes = try? FileSystem.readAll(path) else {
          FileHandleOutput.error("slackscore-fuzz: cannot read \(path)")
          exit(1)
        }
        for target in targets { target.run(bytes) }
        count += 1
      }
      print("slackscore-fuzz: \(count) inputs through \(targets.map(\.name).joined(separator: ", ")): no crash")
    }
  }
#endif

/// Lines on stderr.
enum FileHandleOutput {
  static func error(_ line: String) {
    let bytes = Array((line + "\n").utf8)
    _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
  }
}
