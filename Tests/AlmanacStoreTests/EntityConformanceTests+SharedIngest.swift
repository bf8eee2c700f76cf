import AlmanacStore
import Foundation
import Testing

/// Several `almanac ingest` processes writing one PostgreSQL archive at once, as an archivist scales out.
///
/// Part of `EntityConformanceTests` so that it shares that suite's PostgreSQL server.
extension EntityConformanceTests {
    /// The debug build of the CLI: `swift build --build-tests` builds it with the tests.
    static let executable = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../.build/debug/almanac").standardized.path

    static let pageCount = 60

    @Test func threeProcessesOnOneArchiveStoreEveryPageOnce() async throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.executable), "build first: \(Self.executable)")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "almanac-shared-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for index in 0..<Self.pageCount {
            let text = (0..<3).map { article in
                "# 岚江第\(index)号简讯\(article)\n\n本报讯 岚江市新签约项目\(index + article + 1)个，总投资\(index * 2 + article + 5)亿元。\n"
            }.joined(separator: "\n\n")
            try Data(text.utf8).write(
                to: folder.appendingPathComponent(String(format: "2024-06-%02d_p%02d.txt", index % 28 + 1, index)))
        }
        let url = try await TemporaryPostgres.required().makeDatabase()
        let processes = try (0..<3).map { _ in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Self.executable)
            process.arguments = ["ingest", "--db", url, "--jobs", "1", "--batch-size", "4", "--json", folder.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }
        for process in processes {
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
        // One process into SQLite gives what the three must have stored together.
        let sqlite = folder.appendingPathComponent("one.sqlite").path
        let single = Process()
        single.executableURL = URL(fileURLWithPath: Self.executable)
        single.arguments = ["ingest", "--db", sqlite, "--json", folder.path]
        single.standardOutput = FileHandle.nullDevice
        try single.run()
        single.waitUntilExit()
        let expected = try await withStore(sqlite) { store in
            (try await store.fetchStats(), try await store.fetchIndicators(limit: 100, offset: 0))
        }
        #expect(expected.0.pages == Self.pageCount && expected.0.articles == Self.pageCount * 3)
        #expect(expected.0.facts >= Self.pageCount * 3)
        let shared = try await withStore(url) { store in
            (try await store.fetchStats(), try await store.fetchIndicators(limit: 100, offset: 0))
        }
        #expect(shared.0 == expected.0)
        #expect(shared.1 == expected.1)
    }
}
