import Almanac
import AlmanacStore
import Foundation
import GRDB
import Testing

struct IngestTests {
    @Test func storesNewPagesSkipsKnownOnesAndReportsBadFiles() async throws {
        let folder = try ScratchFolder()
        _ = try folder.write("2024-05-14_a.txt", "# 新区首季投资增长\n\n本报讯 岚江新区一季度完成投资12亿元。\n")
        _ = try folder.write("2024-05-15_b.txt", "# 河畔夜景\n\n灯光映照河面。\n")
        _ = try folder.write("2024-05-16_c.txt", [0x00, 0x01, 0x02])
        _ = try folder.write("notes.json", "{}")
        let store = try SQLiteStore(path: folder.url.appendingPathComponent("a.sqlite").path)
        let files = PageFiles.expand([folder.url.path])
        #expect(
            files.map { ($0 as NSString).lastPathComponent } == [
                "2024-05-14_a.txt", "2024-05-15_b.txt", "2024-05-16_c.txt",
            ])

        let first = try await Ingest(store: store).run(files: files)
        #expect(first.pages == 2)
        #expect(first.skipped.isEmpty)
        #expect(first.failed.map { ($0.path as NSString).lastPathComponent } == ["2024-05-16_c.txt"])

        var reports: [Int] = []
        let second = try await Ingest(store: store).run(files: files) { reports.append($0.done) }
        #expect(second.pages == 0)
        #expect(second.skipped.count == 2)
        #expect(reports == [1, 2, 3])
        #expect(try await store.fetchCounts().pages == 2)
    }

    @Test func thePageDateComesFromTheFileName() async throws {
        let folder = try ScratchFolder()
        let path = try folder.write("daily_20240514_01.txt", "# 标题\n\n正文。\n")
        let store = try SQLiteStore(path: folder.url.appendingPathComponent("a.sqlite").path)
        _ = try await Ingest(store: store).run(files: [path])
        let articles = try await store.fetchArticles(limit: 10, offset: 0)
        #expect(articles.count == 1)
        #expect(articles.allSatisfy { $0.date == "2024-05-14" })
    }

    @Test func aLargeRunIntoAnEmptyArchiveBuildsItsReadIndexesAtTheEnd() async throws {
        let folder = try ScratchFolder()
        for day in 1...3 {
            _ = try folder.write("2024-05-1\(day)_a.txt", "# 新区投资\n\n本报讯 岚江新区\(day)月完成投资\(day)亿元，同比增长\(day).5%。\n")
        }
        let files = PageFiles.expand([folder.url.path])
        func indexes(_ path: String) throws -> [String] {
            try DatabaseQueue(path: path).read { db in
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name")
            }
        }
        var expected: [String] = []
        for bulk in [false, true] {
            let path = folder.url.appendingPathComponent("\(bulk).sqlite").path
            let store = try SQLiteStore(path: path)
            var ingest = try Ingest(store: store, jobs: 2)
            ingest.bulkLoadAfter = bulk ? 3 : 4
            ingest.optimizeAfter = 3
            var steps: [IngestProgress.Step] = []
            let summary = await ingest.run(files: files) { progress in
                if let step = progress.step, steps.last != step { steps.append(step) }
            }
            #expect(summary.pages == 3 && summary.warnings.isEmpty)
            // What the writer does besides storing pages is reported while it does it: a bulk load
            // tidies before its last files are stored, and builds its indexes after them.
            #expect(steps == (bulk ? [.tidying, .indexes] : [.tidying]))
            let stored = try await store.fetchFacts(FactQuery(limit: 100))
            #expect(summary.facts > 0 && stored.count == summary.facts)
            // Pages stored after the tidying are found like the others.
            #expect(try await store.search(SearchQuery(text: "投资")).count == 3)
            await store.close()
            if bulk { #expect(try indexes(path) == expected) } else { expected = try indexes(path) }
        }
        #expect(expected.contains("mention_entity") && expected.contains("fact_indicator"))
    }
}
