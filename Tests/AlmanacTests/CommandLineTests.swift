import AlmanacTestSupport
import Foundation
import Testing

/// The built `almanac` executable, run as a user runs it.
struct CommandLineTests {
    /// The debug build sits beside the tests: `swift build --build-tests` builds both.
    static let executable = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../.build/debug/almanac").standardized.path

    /// Runs the executable to its end (through the tests' shared `Command`: output in files, the end
    /// awaited with `waitpid`).
    static func run(_ arguments: [String]) async throws -> (status: Int32, output: String, errors: String) {
        try await Command(executable: executable, arguments: arguments).result()
    }

    @Test func pagesReportsBadFilesAndGoesOnWithTheRest() async throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.executable), "build first: \(Self.executable)")
        let folder = try ScratchFolder()
        let good = try folder.write("2024-05-14_a.txt", "# 新区首季投资增长\n\n本报讯 岚江新区一季度完成投资12亿元。\n")
        let empty = try folder.write("empty.txt", "")
        let missing = folder.url.appendingPathComponent("missing.txt").path
        let result = try await Self.run(["pages", missing, empty, good])
        #expect(result.status == 1)
        let errorLines = result.errors.split(separator: "\n")
        #expect(errorLines.count == 2)
        #expect(errorLines.first?.contains("missing.txt") == true)
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 1)
        let article = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
        #expect(article?["page"] as? String == "2024-05-14_a.txt")
        #expect(article?["headline"] as? String == "新区首季投资增长")
        #expect((article?["body"] as? String)?.contains("12亿元") == true)
    }

    @Test func ingestOfAFolderWithoutPagesSaysSoAndFails() async throws {
        let folder = try ScratchFolder()
        _ = try folder.write("notes.json", "{}")
        let db = folder.url.appendingPathComponent("a.sqlite").path
        let result = try await Self.run(["ingest", "--db", db, folder.url.path])
        #expect(result.status == 1)
        #expect(result.errors.contains("\(folder.url.path) holds no page files (.md, .text, .txt)"))
        #expect(result.errors.contains("nothing to ingest"))
    }

    @Test func ingestTwiceSkipsAndArticlesListsWhatIsStored() async throws {
        let folder = try ScratchFolder()
        _ = try folder.write("2024-05-14_a.txt", "# 新区首季投资增长\n\n本报讯 岚江新区一季度完成投资12亿元。\n")
        let db = folder.url.appendingPathComponent("a.sqlite").path
        let first = try await Self.run(["ingest", "--db", db, "--json", folder.url.path])
        #expect(first.status == 0)
        #expect(first.output.contains("\"pages\":1"))
        let second = try await Self.run(["ingest", "--db", db, folder.url.path])
        #expect(second.status == 0)
        #expect(second.output.contains("skipped 1"))
        let listed = try await Self.run(["articles", "--db", db, "--json"])
        #expect(listed.output.contains("新区首季投资增长"))
        #expect(listed.output.contains("2024-05-14"))
    }

    @Test func anSQLProfileIsPrintedOnExitWhenAsked() async throws {
        let folder = try ScratchFolder()
        _ = try folder.write("2024-05-14_a.txt", "# 新区首季投资增长\n\n本报讯 岚江新区一季度完成投资12亿元。\n")
        let db = folder.url.appendingPathComponent("a.sqlite").path
        let profiled = try await Command(
            executable: "/usr/bin/env",
            arguments: [
                "ALMANAC_SQL_PROFILE=1", "ALMANAC_SQL_PROFILE_LIMIT=1000", Self.executable, "ingest", "--db", db,
                folder.url.path,
            ]
        ).result()
        #expect(profiled.status == 0)
        let lines = profiled.errors.split(separator: "\n")
        let header = try #require(lines.first { $0.hasPrefix("SQL profile: ") })
        #expect((Int(header.split(separator: " ")[2]) ?? 0) > 100)  // the migrations alone run more
        // Every statement (up to 1,000) with its seconds and runs: the article's row was inserted once.
        #expect(lines.contains { $0.contains("INSERT INTO article (") && $0.split(separator: " ")[2] == "1" })
        let plain = try await Self.run(["articles", "--db", db])
        #expect(plain.status == 0 && !plain.errors.contains("SQL profile"))
    }

    @Test func aBodyDeflatedByOneProcessReadsBackInAnother() async throws {
        // Long and repetitive: stored deflated with the archive's body dictionary, which a process
        // that reads it knows only from the archive (each process registers it when it opens one).
        let folder = try ScratchFolder()
        let body = (1...40).map { "岚江市第\($0)批重点项目集中开工，总投资\($0 * 7)亿元，涉及新材料、装备制造和现代物流。" }
            .joined(separator: "\n")
        _ = try folder.write("2024-05-06_b.txt", "# 重点项目集中开工\n\n本报讯 " + body + "\n")
        let db = folder.url.appendingPathComponent("b.sqlite").path
        #expect(try await Self.run(["ingest", "--db", db, folder.url.path]).status == 0)
        let exported = try await Self.run(["export", "--db", db, "--format", "jsonl", "--what", "articles"])
        #expect(exported.status == 0)
        let line = try #require(exported.output.split(separator: "\n").first)
        let record = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        let text = try #require((record?["article"] as? [String: Any])?["body"] as? String)
        #expect(text.contains("岚江市第1批重点项目集中开工") && text.contains("岚江市第40批重点项目集中开工，总投资280亿元"))
    }

    @Test func unknownEncodingIsAUsageError() async throws {
        let result = try await Self.run(["pages", "--encoding", "latin9", "x.txt"])
        #expect(result.status != 0)
        #expect(result.errors.contains("unknown encoding"))
    }
}
