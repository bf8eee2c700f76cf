import Almanac
import AlmanacStore
import Foundation
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
}
