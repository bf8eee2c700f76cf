// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Almanac",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "Almanac", targets: ["Almanac"]),
        .library(name: "AlmanacText", targets: ["AlmanacText"]),
        .executable(name: "almanac", targets: ["almanac"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        .target(name: "AlmanacText", resources: [.copy("Resources")]),
        .target(name: "AlmanacModel"),
        // The system's zlib (Debian: zlib1g-dev), for page text in SQLite archives.
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        // SQLite's process-wide settings, which Swift cannot make itself (`sqlite3_config` is variadic).
        .target(name: "CSQLiteSetup", linkerSettings: [.linkedLibrary("sqlite3")]),
        .target(name: "AlmanacLayout", dependencies: ["AlmanacText", "AlmanacModel"]),
        .target(name: "AlmanacExtract", dependencies: ["AlmanacText", "AlmanacModel"], resources: [.copy("Resources")]),
        .target(
            name: "AlmanacStore",
            dependencies: [
                "AlmanacModel", "AlmanacText", "CZlib", "CSQLiteSetup", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .target(
            name: "Almanac",
            dependencies: [
                "AlmanacText", "AlmanacModel", "AlmanacLayout", "AlmanacExtract", "AlmanacStore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "AlmanacServer",
            dependencies: [
                "Almanac", "AlmanacModel", "AlmanacStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Resources")]
        ),
        .executableTarget(
            name: "almanac",
            dependencies: [
                "Almanac", "AlmanacServer", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "almanac-bench",
            dependencies: [
                "AlmanacLayout", "AlmanacText", "AlmanacExtract",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "almanac-store-bench",
            dependencies: ["AlmanacStore", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // What several test targets share (running programs); not part of any product.
        .target(name: "AlmanacTestSupport", path: "Tests/AlmanacTestSupport"),
        .testTarget(name: "AlmanacTextTests", dependencies: ["AlmanacText"]),
        .testTarget(name: "AlmanacLayoutTests", dependencies: ["AlmanacLayout"], exclude: ["Pages"]),
        .testTarget(name: "AlmanacExtractTests", dependencies: ["AlmanacExtract", "AlmanacModel", "AlmanacText"]),
        .testTarget(
            name: "AlmanacStoreTests",
            dependencies: [
                "AlmanacStore", "AlmanacTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .testTarget(
            name: "AlmanacTests",
            dependencies: [
                "Almanac", "AlmanacLayout", "AlmanacModel", "AlmanacStore", "AlmanacTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .testTarget(
            name: "AlmanacServerTests",
            dependencies: [
                "AlmanacServer", "Almanac", "AlmanacModel", "AlmanacStore", "AlmanacLayout", "AlmanacExtract",
                "AlmanacTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
