// swift-tools-version: 6.2
import PackageDescription

/// Settings every Swift target shares: Swift 6 mode plus the upcoming features the
/// style anchors (swift-log, swift-system) turn on. No unsafe compiler flags: the shipped build keeps
/// Swift's overflow and bounds checks, and other packages can depend on the libraries.
let strictSettings: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("MemberImportVisibility"),
  .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
  name: "slackscore",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "slackscore", targets: ["slackscore"]),
    .library(name: "ArchiveReader", targets: ["ArchiveReader"]),
    .library(name: "DocumentParser", targets: ["DocumentParser"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "5.0.0"),
    .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.0"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
  ],
  targets: [
    // C libraries from the system (Debian packages named in `providers`).
    .systemLibrary(
      name: "CLibXML2", pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]),
    .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
    .systemLibrary(name: "CLibDeflate", providers: [.apt(["libdeflate-dev"])]),
    .systemLibrary(
      name: "CBrotli", pkgConfig: "libbrotlidec", providers: [.apt(["libbrotli-dev"])]),
    .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
    .systemLibrary(name: "CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),

    // Libraries, one per concern.
    .target(name: "SlackscoreCore", dependencies: ["CCrypto"], swiftSettings: strictSettings),
    .target(
      name: "ArchiveReader",
      dependencies: [
        "SlackscoreCore", "CZlib", "CLibDeflate", "CBrotli", "CZstd", .product(name: "Logging", package: "swift-log"),
      ],
      swiftSettings: strictSettings),
    .target(name: "PageSignals", dependencies: ["SlackscoreCore"], swiftSettings: strictSettings),
    .target(
      name: "DocumentParser",
      dependencies: [
        "SlackscoreCore", "ArchiveReader", "PageSignals", "CLibXML2",
        .product(name: "Logging", package: "swift-log"),
      ],
      resources: [.copy("Resources")],
      swiftSettings: strictSettings),
    .target(
      name: "CTAExtraction", dependencies: ["SlackscoreCore", .product(name: "Logging", package: "swift-log")],
      resources: [.copy("Resources")],
      swiftSettings: strictSettings),
    .target(
      name: "PipelineConfiguration",
      dependencies: ["SlackscoreCore", .product(name: "Yams", package: "Yams")],
      swiftSettings: strictSettings),
    .target(
      name: "Scoring",
      dependencies: [
        "SlackscoreCore", "PipelineConfiguration", .product(name: "Logging", package: "swift-log"),
      ],
      swiftSettings: strictSettings),
    .target(
      name: "Report",
      dependencies: ["SlackscoreCore", "Scoring", .product(name: "Logging", package: "swift-log")],
      swiftSettings: strictSettings),
    .target(
      name: "Export",
      dependencies: [
        "SlackscoreCore", "Scoring", "PipelineConfiguration", .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "Logging", package: "swift-log"),
      ],
      swiftSettings: strictSettings),
    .target(
      name: "Fetch",
      dependencies: [
        "SlackscoreCore", "ArchiveReader", .product(name: "Yams", package: "Yams"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
      ],
      swiftSettings: strictSettings),
    .target(
      name: "Pipeline",
      dependencies: [
        "SlackscoreCore", "ArchiveReader", "DocumentParser", "CTAExtraction", "Scoring", "Report",
        "PipelineConfiguration",
        .product(name: "Logging", package: "swift-log"),
      ],
      swiftSettings: strictSettings),

    // The thin command-line front.
    .executableTarget(
      name: "slackscore",
      dependencies: [
        "SlackscoreCore", "ArchiveReader", "DocumentParser", "CTAExtraction", "Scoring", "Report",
        "Pipeline", "PipelineConfiguration", "Fetch", "Export",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
      ],
      swiftSettings: strictSettings),

    // Fuzz targets: replays files as is; `make fuzz` builds it with libFuzzer (-D FUZZING).
    .executableTarget(
      name: "slackscore-fuzz",
      dependencies: [
        "SlackscoreCore", "ArchiveReader", "CTAExtraction", "DocumentParser", "PageSignals", "PipelineConfiguration",
        "Scoring",
      ],
      path: "Fuzz/Sources/slackscore-fuzz",
      swiftSettings: strictSettings),

    // Tests (Swift Testing).
    .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: strictSettings),
    .testTarget(name: "SlackscoreCoreTests", dependencies: ["SlackscoreCore"], swiftSettings: strictSettings),
    .testTarget(
      name: "ArchiveReaderTests", dependencies: ["ArchiveReader", "SlackscoreCore", "CZlib"],
      swiftSettings: strictSettings),
    .testTarget(
      name: "DocumentParserTests", dependencies: ["DocumentParser", "ArchiveReader", "SlackscoreCore"],
      swiftSettings: strictSettings),
    .testTarget(
      name: "CTAExtractionTests", dependencies: ["CTAExtraction", "SlackscoreCore"],
      swiftSettings: strictSettings),
    .testTarget(
      name: "PageSignalsTests", dependencies: ["PageSignals", "SlackscoreCore"], swiftSettings: strictSettings),
    .testTarget(
      name: "ScoringTests",
      dependencies: [
        "TestSupport", "Scoring", "PipelineConfiguration", "SlackscoreCore",
        .product(name: "Logging", package: "swift-log"),
      ],
      exclude: ["Fixtures"], swiftSettings: strictSettings),
    .testTarget(
      name: "ReportTests", dependencies: ["Report", "Scoring", "SlackscoreCore"], swiftSettings: strictSettings),
    .testTarget(
      name: "ExportTests",
      dependencies: [
        "Export", "Scoring", "SlackscoreCore", .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "Logging", package: "swift-log"),
      ],
      swiftSettings: strictSettings),
    .testTarget(
      name: "ConformanceTests",
      dependencies: [
        "TestSupport", "SlackscoreCore", "ArchiveReader", "DocumentParser", "CTAExtraction", "Scoring", "Report",
        "Pipeline",
        .product(name: "Logging", package: "swift-log"),
      ],
      exclude: ["Fixtures"], swiftSettings: strictSettings),
    .testTarget(
      name: "FetchTests",
      dependencies: [
        "TestSupport", "Fetch", "ArchiveReader", "SlackscoreCore", .product(name: "Logging", package: "swift-log"),
        .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
      ],
      swiftSettings: strictSettings),
    .testTarget(
      name: "CLITests", dependencies: ["TestSupport", "slackscore", "SlackscoreCore", "Pipeline"],
      exclude: ["Golden"],  // read from the package root by path, not bundled
      swiftSettings: strictSettings),
  ]
)
