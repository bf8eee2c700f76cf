import AlmanacModel
import AlmanacStore
import Foundation
import Testing

/// The behaviour every `Store` driver must have, run against each of them.
@Suite(.temporaryPostgres)
struct StoreConformanceTests {
    static func page(_ text: String, name: String = "2024-05-14_p1.txt", date: String? = "2024-05-14") -> Page {
        Page(
            source: "/pages/\(name)", sha256: sha256(text), paper: "岚江日报", date: date,
            dateSource: date == nil ? nil : .given, number: 1, text: text)
    }

    /// A stand-in digest: distinct texts get distinct 64-character keys.
    static func sha256(_ text: String) -> String {
        let hex = text.unicodeScalars.map { String($0.value, radix: 16) }.joined()
        return String((hex + String(repeating: "0", count: 64)).prefix(64))
    }

    static let articles = [
        Article(seq: 1, headline: "新区首季投资增长", section: "经济", bylines: ["李明"], body: "第一段。\n第二段。"),
        Article(seq: 2, headline: "河畔夜景", kind: .photo, photographers: ["王芳"], captions: ["灯光映照河面"], body: "灯光映照河面。"),
    ]

    @Test(arguments: Driver.allCases)
    func storesAPageWithItsArticlesAndReadsThemBack(driver: Driver) async throws {
        try await driver.withStore { store in
            let outcome = try await store.save(page: Self.page("甲"), articles: Self.articles)
            guard case .stored(let pageID) = outcome else { Issue.record("expected stored, got \(outcome)"); return }
            let stored = try await store.fetchArticles(limit: 10, offset: 0)
            #expect(stored.map(\.article) == Self.articles)
            #expect(stored.allSatisfy { $0.page == "2024-05-14_p1.txt" && $0.date == "2024-05-14" })
            #expect(stored.allSatisfy { $0.pageID == pageID })
            #expect(Set(stored.map(\.id)).count == 2)
            #expect(try await store.fetchCounts() == StoreCounts(pages: 1, articles: 2))
            #expect(try await store.containsPage(sha256: Self.page("甲").sha256))
            #expect(try await !store.containsPage(sha256: Self.page("乙").sha256))
        }
    }

    @Test(arguments: Driver.allCases)
    func pagesAreListedNewestFirstWithTheirArticleCounts(driver: Driver) async throws {
        try await driver.withStore { store in
            _ = try await store.save(page: Self.page("甲", name: "a.txt", date: "2024-05-14"), articles: Self.articles)
            _ = try await store.save(page: Self.page("乙", name: "b.txt", date: nil), articles: [])
            _ = try await store.save(page: Self.page("丙", name: "c.txt", date: "2024-06-01"), articles: [Self.articles[0]])
            var other = Self.page("丁", name: "d.txt", date: "2024-05-20")
            other.paper = "北湾晚报"
            _ = try await store.save(page: other, articles: [])
            let all = try await store.fetchPages(PageQuery())
            #expect(all.map(\.name) == ["c.txt", "d.txt", "a.txt", "b.txt"])
            #expect(all.map(\.articles) == [1, 0, 2, 0])
            #expect(all[0].sha256 == Self.page("丙").sha256 && all[0].dateSource == "given" && all[3].date == nil)
            let june = try await store.fetchPages(PageQuery(from: "2024-05-15", to: "2024-06-30"))
            #expect(june.map(\.name) == ["c.txt", "d.txt"])
            #expect(try await store.fetchPages(PageQuery(paper: "北湾晚报")).map(\.name) == ["d.txt"])
            #expect(try await store.fetchPages(PageQuery(limit: 2, offset: 1)).map(\.name) == ["d.txt", "a.txt"])
        }
    }

    @Test(arguments: Driver.allCases)
    func textThatLooksLikeSQLOrIsUnusualComesBackUnchanged(driver: Driver) async throws {
        let awkward = Article(
            seq: 1, headline: "'; DROP TABLE page; --", subheadline: "\"引号\" \\ 反斜杠 \u{1F4F0}", section: "",
            kind: .feature, bylines: ["O'Brien", "", "张 三"], photographers: [], captions: ["a\nb", "{\"json\": 1}"],
            body: "全角　空格\r\n和 tab\t。")
        try await driver.withStore { store in
            _ = try await store.save(page: Self.page("丙", name: "x'y.txt", date: nil), articles: [awkward])
            let stored = try await store.fetchArticles(limit: 10, offset: 0)
            #expect(stored.map(\.article) == [awkward])
            #expect(stored.first?.page == "x'y.txt")
            #expect(stored.first?.date == nil)
        }
    }

    @Test(arguments: Driver.allCases)
    func theSameBytesAreSkipped(driver: Driver) async throws {
        try await driver.withStore { store in
            let first = try await store.save(page: Self.page("甲"), articles: Self.articles)
            let second = try await store.save(page: Self.page("甲", name: "copy.txt"), articles: Self.articles)
            guard case .stored(let id) = first else { Issue.record("first save did not store"); return }
            #expect(second == .skipped(pageID: id))
            #expect(try await store.fetchCounts() == StoreCounts(pages: 1, articles: 2))
            #expect(try await store.fetchArticles(limit: 10, offset: 0).allSatisfy { $0.page == "2024-05-14_p1.txt" })
        }
    }

    @Test(arguments: Driver.allCases)
    func countsFollowPagesAndArticles(driver: Driver) async throws {
        try await driver.withStore { store in
            #expect(try await store.fetchCounts() == StoreCounts(pages: 0, articles: 0))
            _ = try await store.save(page: Self.page("甲"), articles: Self.articles)
            _ = try await store.save(page: Self.page("乙"), articles: [])
            _ = try await store.save(page: Self.page("丙"), articles: Array(Self.articles.prefix(1)))
            _ = try await store.save(page: Self.page("甲"), articles: Self.articles)
            #expect(try await store.fetchCounts() == StoreCounts(pages: 3, articles: 3))
        }
    }

    @Test(arguments: Driver.allCases)
    func articlesComeNewestPageFirstThenInPageOrderAndPageBy(driver: Driver) async throws {
        try await driver.withStore { store in
            _ = try await store.save(page: Self.page("旧", name: "old.txt", date: "2024-01-02"), articles: Self.articles)
            _ = try await store.save(page: Self.page("无", name: "undated.txt", date: nil), articles: Self.articles)
            _ = try await store.save(page: Self.page("新", name: "new.txt", date: "2024-03-04"), articles: Self.articles)
            _ = try await store.save(
                page: Self.page("新二", name: "new2.txt", date: "2024-03-04"), articles: Self.articles)
            let all = try await store.fetchArticles(limit: 100, offset: 0)
            let order = all.map { "\($0.page)#\($0.article.seq)" }
            #expect(
                order == [
                    "new2.txt#1", "new2.txt#2", "new.txt#1", "new.txt#2", "old.txt#1", "old.txt#2",
                    "undated.txt#1", "undated.txt#2",
                ])
            let window = try await store.fetchArticles(limit: 3, offset: 2)
            #expect(window.map(\.id) == Array(all.map(\.id)[2..<5]))
            #expect(try await store.fetchArticles(limit: 10, offset: 100).isEmpty)
            #expect(try await store.fetchArticles(limit: 0, offset: 0).isEmpty)
        }
    }

    @Test(arguments: Driver.allCases)
    func aFailingPageLeavesNothingBehind(driver: Driver) async throws {
        try await driver.withStore { store in
            // Two articles with the same seq violate UNIQUE(page_id, seq) halfway through the page.
            let clash = [Self.articles[0], Self.articles[1], Self.articles[0]]
            await #expect(throws: (any Error).self) { try await store.save(page: Self.page("乙"), articles: clash) }
            #expect(try await store.fetchCounts() == StoreCounts(pages: 0, articles: 0))
            #expect(try await !store.containsPage(sha256: Self.page("乙").sha256))
            // The store (and, for PostgreSQL, the pooled connection) is usable afterwards.
            let retry = try await store.save(page: Self.page("乙"), articles: Self.articles)
            guard case .stored = retry else { Issue.record("retry did not store: \(retry)"); return }
            #expect(try await store.fetchCounts() == StoreCounts(pages: 1, articles: 2))
        }
    }

    @Test(arguments: Driver.allCases)
    func reopeningKeepsDataAndDoesNotRemigrate(driver: Driver) async throws {
        try await driver.withLocation { location in
            let first = try await withStore(location) { store in
                try await store.save(page: Self.page("甲"), articles: Self.articles)
            }
            try await withStore(location) { (store: any Store) async throws -> Void in
                #expect(try await store.fetchCounts() == StoreCounts(pages: 1, articles: 2))
                #expect(
                    try await store.save(page: Self.page("甲"), articles: Self.articles)
                        == .skipped(pageID: first.pageID))
            }
            let third = try await openStore(location)
            #expect(try await third.fetchArticles(limit: 10, offset: 0).map(\.article) == Self.articles)
            await third.close()
        }
    }

    @Test(arguments: Driver.allCases)
    func concurrentSavesOfOnePageStoreItOnce(driver: Driver) async throws {
        try await driver.withLocation { location in
            // Two stores on one archive stand in for two processes; eight tasks race on one page.
            let stores = [try await openStore(location), try await openStore(location)]
            let outcomes = try await withThrowingTaskGroup(of: SaveOutcome.self) { group in
                for index in 0..<8 {
                    let store = stores[index % stores.count]
                    group.addTask { try await store.save(page: Self.page("同"), articles: Self.articles) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let stored = outcomes.filter { if case .stored = $0 { true } else { false } }
            #expect(stored.count == 1)
            #expect(Set(outcomes.map(\.pageID)).count == 1)
            #expect(try await stores[0].fetchCounts() == StoreCounts(pages: 1, articles: 2))
            for store in stores { await store.close() }
        }
    }
}

extension SaveOutcome {
    var pageID: Int64 {
        switch self {
        case .stored(let id), .skipped(let id): id
        }
    }
}
