import AlmanacModel
import AlmanacStore
import Foundation
import Testing

struct SQLiteStoreTests {
    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("almanac-\(UUID().uuidString).sqlite").path
    }

    static func page(_ text: String, name: String = "2024-05-14_p1.txt") -> Page {
        Page(source: "/pages/\(name)", sha256: String(repeating: "0", count: 63) + "\(text.count % 10)",
             date: "2024-05-14", dateSource: .given, text: text)
    }

    static let articles = [
        Article(seq: 1, headline: "新区首季投资增长", section: "经济", bylines: ["李明"], body: "第一段。\n第二段。"),
        Article(seq: 2, headline: "河畔夜景", kind: .photo, photographers: ["王芳"], body: "灯光映照河面。"),
    ]

    @Test func storesAPageWithItsArticlesAndReadsThemBack() async throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try SQLiteStore(path: path)
        let outcome = try await store.save(page: Self.page("甲"), articles: Self.articles)
        guard case .stored = outcome else { Issue.record("expected stored, got \(outcome)"); return }
        let stored = try await store.fetchArticles(limit: 10, offset: 0)
        #expect(stored.map(\.article) == Self.articles)
        #expect(stored.allSatisfy { $0.page == "2024-05-14_p1.txt" && $0.date == "2024-05-14" })
        #expect(try await store.fetchCounts() == StoreCounts(pages: 1, articles: 2))
        #expect(try await store.containsPage(sha256: Self.page("甲").sha256))
    }

    @Test func theSameBytesAreSkipped() async throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try SQLiteStore(path: path)
        let first = try await store.save(page: Self.page("甲"), articles: Self.articles)
        let second = try await store.save(page: Self.page("甲", name: "copy.txt"), articles: Self.articles)
        guard case .stored(let id) = first else { Issue.record("first save did not store"); return }
        #expect(second == .skipped(pageID: id))
        #expect(try await store.fetchCounts() == StoreCounts(pages: 1, articles: 2))
    }

    @Test func reopeningKeepsDataAndDoesNotRemigrate() async throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try await SQLiteStore(path: path).save(page: Self.page("甲"), articles: Self.articles)
        let reopened = try SQLiteStore(path: path)
        #expect(try await reopened.fetchCounts().articles == 2)
    }

    @Test func aFailingPageLeavesNothingBehind() async throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try SQLiteStore(path: path)
        // Two articles with the same seq violate UNIQUE(page_id, seq) halfway through the page.
        let clash = [Self.articles[0], Self.articles[0]]
        await #expect(throws: (any Error).self) { try await store.save(page: Self.page("乙"), articles: clash) }
        #expect(try await store.fetchCounts() == StoreCounts(pages: 0, articles: 0))
    }
}
