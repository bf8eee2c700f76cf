import AlmanacStore
import Foundation
import Testing

/// `almanac ingest` killed with SIGKILL at several moments and re-run: nothing duplicated, no half page,
/// and in the end the same archive as one clean run.
struct IngestInterruptionTests {
    static let pageCount = 240

    /// Generated pages about an invented city: four articles each, two figures per paragraph.
    static func writePages(to folder: URL) throws {
        for index in 0..<pageCount {
            var text = ""
            for article in 0..<4 {
                text += """
                    # 岚江新区第\(index)批项目建设提速\(article)

                    本报讯 今年前\(article + 1)个季度，岚江市规模以上工业增加值同比增长\(index % 9 + 1).\(article)%，\
                    完成固定资产投资\(index * 3 + article + 10)亿元。
                    新建项目\(index % 50 + article)个，总投资\(index + article + 2)亿元。


                    """
            }
            let name = String(format: "2024-05-%02d_p%03d.txt", index % 28 + 1, index)
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
    }

    /// Starts `almanac ingest` on `folder` into `db`.
    static func startIngest(db: String, folder: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLineTests.executable)
        process.arguments = ["ingest", "--db", db, "--jobs", "1", "--batch-size", "4", folder]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Counts the pages of an archive another process is writing, opening it once it exists.
    final class Watcher {
        let path: String
        var store: SQLiteStore?

        init(path: String) {
            self.path = path
        }

        /// Stored pages, or nil while the archive cannot be opened yet.
        func storedPages() async -> Int? {
            if store == nil, FileManager.default.fileExists(atPath: path) { store = try? SQLiteStore(path: path) }
            guard let store else { return nil }
            return try? await store.fetchCounts().pages
        }
    }

    /// The archive's articles and facts as JSON objects without row ids, grouped by page file name.
    static func contents(of db: String) async throws -> [String: [String]] {
        var byPage: [String: [String]] = [:]
        // Killed before it created the archive: nothing stored.
        guard FileManager.default.fileExists(atPath: db) else { return byPage }
        for what in ["articles", "facts"] {
            let result = try await CommandLineTests.run(["export", "--db", db, "--format", "jsonl", "--what", what])
            #expect(result.status == 0, "\(result.errors)")
            for line in result.output.split(separator: "\n") {
                guard var object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                    let page = object["page"] as? String
                else {
                    Issue.record("not a record: \(line)")
                    continue
                }
                for key in ["id", "pageID", "articleID"] { object.removeValue(forKey: key) }
                let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
                byPage[page, default: []].append(what + " " + String(decoding: data, as: UTF8.self))
            }
        }
        return byPage.mapValues { $0.sorted() }
    }

    @Test func killedRunsLeaveNoHalfPageAndReRunsCompleteTheSet() async throws {
        #expect(FileManager.default.isExecutableFile(atPath: CommandLineTests.executable), "build first")
        let folder = try ScratchFolder()
        let pages = folder.url.appendingPathComponent("pages")
        try FileManager.default.createDirectory(at: pages, withIntermediateDirectories: true)
        try Self.writePages(to: pages)
        let clean = folder.url.appendingPathComponent("clean.sqlite").path
        let killed = folder.url.appendingPathComponent("killed.sqlite").path

        let reference = try Self.startIngest(db: clean, folder: pages.path)
        reference.waitUntilExit()
        #expect(reference.terminationStatus == 0)
        let expected = try await Self.contents(of: clean)
        #expect(expected.count == Self.pageCount)

        // Kill once during start-up, then once some pages are in, then after 10, 30 and 60 more: on a loaded
        // machine a run may finish before its kill, so several chances to land mid-run are given.
        var partial = 0
        var log: [String] = []
        let watcher = Watcher(path: killed)
        for wanted in [nil, 1, 10, 30, 60] as [Int?] {
            let before = await watcher.storedPages() ?? 0
            let process = try Self.startIngest(db: killed, folder: pages.path)
            if let wanted {
                let deadline = Date().addingTimeInterval(120)
                while process.isRunning, Date() < deadline {
                    if let stored = await watcher.storedPages(), stored >= before + wanted { break }
                    try await Task.sleep(for: .milliseconds(10))
                }
            } else {
                try await Task.sleep(for: .milliseconds(50))
            }
            let wasRunning = process.isRunning
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            log.append(
                "after \(wanted.map(String.init) ?? "start-up") (\(before) before): \(wasRunning ? "killed" : "had ended")"
            )
            guard wasRunning else { continue }
            #expect(process.terminationReason == .uncaughtSignal)
            // Every page that is in holds all its articles and facts, exactly as a clean run stores them.
            let now = try await Self.contents(of: killed)
            for (page, records) in now { #expect(records == expected[page], "page \(page) is not whole") }
            if now.count > 0 && now.count < Self.pageCount { partial += 1 }
            log[log.count - 1] += " with \(now.count) pages in"
        }
        #expect(partial >= 1, "no kill landed in the middle of a run: \(log.joined(separator: "; "))")

        let last = try Self.startIngest(db: killed, folder: pages.path)
        last.waitUntilExit()
        #expect(last.terminationStatus == 0)
        #expect(try await Self.contents(of: killed) == expected)
        let again = try await CommandLineTests.run(["ingest", "--db", killed, "--json", pages.path])
        #expect(again.output.contains("\"pages\":0"))
        #expect(try await SQLiteStore(path: killed).fetchStats() == SQLiteStore(path: clean).fetchStats())
    }
}
