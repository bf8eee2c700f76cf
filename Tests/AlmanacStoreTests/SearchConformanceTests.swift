import AlmanacModel
import AlmanacStore
import Foundation
import Testing

/// Search, run against every driver over the same invented articles: each query finds the articles
/// a reader expects, and both drivers find the same ones.
@Suite(.temporaryPostgres)
struct SearchConformanceTests {
    /// An article of the corpus, named `page#seq`.
    struct Item {
        var page: Page
        var article: Article
        var key: String { "\(page.name)#\(article.seq)" }
    }

    static func page(_ name: String, paper: String, date: String) -> Page {
        Page(
            source: "/pages/\(name)", sha256: StoreConformanceTests.sha256(name), paper: paper, date: date,
            dateSource: .given, number: 1, text: name)
    }

    static let march = page("0305.txt", paper: "岚江日报", date: "2024-03-05")
    static let june = page("0618.txt", paper: "岚江日报", date: "2024-06-18")
    static let september = page("0901.txt", paper: "临川晚报", date: "2024-09-01")

    /// Invented articles about an invented city, 岚江市.
    static let corpus: [(Page, [Article])] = [
        (
            march,
            [
                Article(
                    seq: 1, headline: "岚江市在建工程加快推进", section: "经济",
                    body: "今年以来，岚江市在建工程达到一百二十个，完成投资同比增长百分之十二。"),
                Article(
                    seq: 2, headline: "新材料产业园开工", section: "经济",
                    body: "位于岚江港区的新材料产业园昨日开工，总投资十五亿元。"),
            ]
        ),
        (
            june,
            [
                Article(
                    seq: 1, headline: "蒿坨子镇夜市重新开放", section: "民生", body: "蒿坨子镇的夜市重新开放，市民纷纷前来。"),
                Article(
                    seq: 2, headline: "河畔新添健身步道", section: "民生", kind: .photo,
                    captions: ["傍晚，居民在岚江边的步道上散步"], body: "滨河公园新修的健身步道全长三公里。"),
            ]
        ),
        (
            september,
            [
                Article(
                    seq: 1, headline: "港口货物吞吐量创新高", section: "经济",
                    body: "岚江港前八个月完成货物吞吐量三千万吨，码头扩建工程同步推进。"),
                Article(
                    seq: 2, headline: "'\"; DROP TABLE article; -- 引号", section: "文化",
                    body: "林晓说：“AND OR NOT NEAR 都是普通的词。”"),
            ]
        ),
    ]

    /// One row of the table: a query and the articles (`page#seq`) it must find, in any order.
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var query: SearchQuery
        var expected: Set<String>
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "one word", query: SearchQuery(text: "夜市"), expected: ["0618.txt#1"]),
        Case(name: "two words, both required", query: SearchQuery(text: "健身 步道"), expected: ["0618.txt#2"]),
        Case(name: "two words typed together", query: SearchQuery(text: "健身步道"), expected: ["0618.txt#2"]),
        Case(name: "a word inside compounds", query: SearchQuery(text: "工程"), expected: ["0305.txt#1", "0901.txt#1"]),
        Case(name: "the compound itself", query: SearchQuery(text: "在建工程"), expected: ["0305.txt#1"]),
        Case(name: "a place with 市", query: SearchQuery(text: "岚江市"), expected: ["0305.txt#1"]),
        Case(
            name: "a place without 市",
            query: SearchQuery(text: "岚江"),
            expected: ["0305.txt#1", "0305.txt#2", "0618.txt#2", "0901.txt#1"]),
        Case(name: "a town without 镇", query: SearchQuery(text: "蒿坨子"), expected: ["0618.txt#1"]),
        Case(name: "a word found in a caption", query: SearchQuery(text: "散步"), expected: ["0618.txt#2"]),
        Case(
            name: "from a date",
            query: SearchQuery(text: "岚江", from: "2024-06-01"),
            expected: ["0618.txt#2", "0901.txt#1"]),
        Case(
            name: "a date range",
            query: SearchQuery(text: "岚江", from: "2024-03-05", to: "2024-06-18"),
            expected: ["0305.txt#1", "0305.txt#2", "0618.txt#2"]),
        Case(name: "a section", query: SearchQuery(text: "岚江", section: "民生"), expected: ["0618.txt#2"]),
        Case(name: "a paper", query: SearchQuery(text: "工程", paper: "临川晚报"), expected: ["0901.txt#1"]),
        Case(name: "no article has it", query: SearchQuery(text: "火箭发射"), expected: []),
        Case(name: "one word of two missing", query: SearchQuery(text: "夜市 火箭"), expected: []),
        Case(name: "FTS operators are plain words", query: SearchQuery(text: "AND OR NOT"), expected: ["0901.txt#2"]),
        Case(name: "lower case finds upper case", query: SearchQuery(text: "near"), expected: ["0901.txt#2"]),
        Case(
            name: "quotes, brackets and stars are not syntax", query: SearchQuery(text: "\"夜市 (NEAR* ^"),
            expected: []),
        Case(name: "SQL in the query", query: SearchQuery(text: "'; DROP TABLE article; --"), expected: ["0901.txt#2"]),
    ]

    /// Every driver opened on its own archive holding the corpus.
    static func withStores(_ body: ([Driver: any Store]) async throws -> Void) async throws {
        try await Driver.sqlite.withStore { sqlite in
            try await Driver.postgres.withStore { postgres in
                let stores: [Driver: any Store] = [.sqlite: sqlite, .postgres: postgres]
                for store in stores.values {
                    for (page, articles) in corpus { _ = try await store.save(page: page, articles: articles) }
                }
                try await body(stores)
            }
        }
    }

    /// Each page was saved in its own transaction (on SQLite, a search-index segment each); the queries
    /// run again after `optimize()` has merged them.
    @Test func everyQueryFindsTheExpectedArticlesOnEveryDriver() async throws {
        try await Self.withStores { stores in
            for round in ["as written", "optimized"] {
                if round == "optimized" { for store in stores.values { try await store.optimize() } }
                for testCase in Self.cases {
                    var found: [Driver: [SearchHit]] = [:]
                    for (driver, store) in stores {
                        let hits = try await store.search(testCase.query)
                        found[driver] = hits
                        let keys = Set(hits.map { "\($0.page)#\(Self.seq(of: $0, in: Self.corpus))" })
                        #expect(
                            keys == testCase.expected,
                            "\(testCase.name) on \(driver), \(round): \(hits.map(\.headline))")
                    }
                    let sqlite = found[.sqlite] ?? []
                    let postgres = found[.postgres] ?? []
                    #expect(
                        sqlite.map(\.page) == postgres.map(\.page), "\(testCase.name): order differs between drivers")
                    #expect(
                        sqlite.map(\.headline) == postgres.map(\.headline),
                        "\(testCase.name): hits differ between drivers")
                    #expect(sqlite.map(\.snippet) == postgres.map(\.snippet), "\(testCase.name): snippets differ")
                }
            }
        }
    }

    /// The article's seq, found by its headline (ids may differ between drivers).
    static func seq(of hit: SearchHit, in corpus: [(Page, [Article])]) -> Int {
        corpus.first { $0.0.name == hit.page }?.1.first { $0.headline == hit.headline }?.seq ?? -1
    }

    @Test(arguments: Driver.allCases)
    func hitsCarryTheirPageAndAMarkedSnippet(driver: Driver) async throws {
        try await driver.withStore { store in
            for (page, articles) in Self.corpus { _ = try await store.save(page: page, articles: articles) }
            let hits = try await store.search(SearchQuery(text: "在建工程"))
            let hit = try #require(hits.first)
            #expect(hits.count == 1)
            #expect(hit.page == "0305.txt" && hit.date == "2024-03-05" && hit.paper == "岚江日报")
            #expect(hit.headline == "岚江市在建工程加快推进" && hit.section == "经济")
            #expect(hit.snippet == "今年以来，岚江市«在建工程»达到一百二十个，完成投资同比增长百分之十二。")
            #expect(hit.score > 0)
            let inner = try await store.search(SearchQuery(text: "工程", paper: "岚江日报"))
            #expect(inner.map(\.snippet) == ["今年以来，岚江市在建«工程»达到一百二十个，完成投资同比增长百分之十二。"])
        }
    }

    @Test(arguments: Driver.allCases)
    func aMatchInTheHeadlineOutranksOneInTheBody(driver: Driver) async throws {
        try await driver.withStore { store in
            for (page, articles) in Self.corpus { _ = try await store.save(page: page, articles: articles) }
            // 工程: in the headline and body of the March article, in the body only of the September one.
            let hits = try await store.search(SearchQuery(text: "工程"))
            #expect(hits.map(\.page) == ["0305.txt", "0901.txt"])
            #expect(hits.count == 2 && hits[0].score > hits[1].score)
        }
    }

    /// A page of twelve articles that all hold 岚江: the first three in the headline too.
    static let crowded: (Page, [Article]) = (
        page("1201.txt", paper: "岚江日报", date: "2024-12-01"),
        (1...12).map { seq in
            Article(
                seq: seq, headline: seq <= 3 ? "岚江码头第\(seq)号泊位启用" : "码头第\(seq)号泊位启用",
                section: seq % 2 == 0 ? "经济" : "港航",
                body: "岚江港新泊位今日启用，年通过能力提高。")
        }
    )

    @Test func aWordInManyArticlesIsRankedWithinTheMostRecentMatchesOnEveryDriver() async throws {
        try await Driver.sqlite.withStore { sqlite in
            try await Driver.postgres.withStore { postgres in
                var found: [[String]] = []
                for store in [sqlite, postgres] {
                    _ = try await store.save(page: Self.crowded.0, articles: Self.crowded.1)
                    // All twelve ranked: the three with 岚江 in the headline come first.
                    let all = try await store.search(SearchQuery(text: "岚江", limit: 12))
                    #expect(all.count == 12)
                    #expect(Set(all.prefix(3).map(\.headline)) == Set(Self.crowded.1.prefix(3).map(\.headline)))
                    // Only the five stored last ranked: the earlier ones are not returned, however relevant.
                    let recent = try await store.search(SearchQuery(text: "岚江", limit: 5, window: 5))
                    #expect(recent.map(\.headline) == Self.crowded.1.suffix(5).map(\.headline))
                    // Filters apply before the window: the three most recent matches of the section.
                    let section = try await store.search(SearchQuery(text: "岚江", section: "港航", limit: 3, window: 3))
                    #expect(section.map(\.headline) == ["码头第7号泊位启用", "码头第9号泊位启用", "码头第11号泊位启用"])
                    // The window never hides a page of hits asked for.
                    let deep = try await store.search(SearchQuery(text: "岚江", limit: 4, offset: 4, window: 5))
                    #expect(deep.count == 4)
                    found.append(
                        all.map(\.headline) + recent.map(\.headline) + deep.map(\.headline) + section.map(\.headline))
                }
                #expect(found[0] == found[1], "the drivers rank differently")
            }
        }
    }

    /// Letters beyond ASCII are found in either case, and a mark inside a name splits it the same way
    /// in the index and in a query (`Segmenter.searchForm(of:)`).
    @Test(arguments: Driver.allCases)
    func lettersOfEveryScriptAreFoundInEitherCase(driver: Driver) async throws {
        try await driver.withStore { store in
            let page = Self.page("1105.txt", paper: "岚江日报", date: "2024-11-05")
            let article = Article(
                seq: 1, headline: "ÉCOLE样板间开放", section: "经济", body: "ＡＢＣ型储能柜下线，工程师安德烈·彼得罗夫介绍。")
            _ = try await store.save(page: page, articles: [article])
            for query in ["ＡＢＣ", "ａｂｃ", "ÉCOLE", "école", "安德烈·彼得罗夫"] {
                #expect(try await store.search(SearchQuery(text: query)).map(\.page) == ["1105.txt"], "\(query)")
            }
        }
    }

    @Test(arguments: Driver.allCases)
    func limitAndOffsetPageThroughHits(driver: Driver) async throws {
        try await driver.withStore { store in
            for (page, articles) in Self.corpus { _ = try await store.save(page: page, articles: articles) }
            let all = try await store.search(SearchQuery(text: "岚江", limit: 10))
            #expect(all.count == 4)
            let window = try await store.search(SearchQuery(text: "岚江", limit: 2, offset: 1))
            #expect(window.map(\.id) == Array(all.map(\.id)[1..<3]))
            #expect(try await store.search(SearchQuery(text: "岚江", limit: 0)).isEmpty)
            #expect(try await store.search(SearchQuery(text: "岚江", offset: 10)).isEmpty)
        }
    }

    @Test(arguments: Driver.allCases)
    func aQueryWithoutWordsIsAnError(driver: Driver) async throws {
        try await driver.withStore { store in
            for text in ["", "   ", "，。！？", "\"\"", "()*"] {
                await #expect(throws: SearchError.self, "query \(text)") {
                    try await store.search(SearchQuery(text: text))
                }
            }
        }
    }

    @Test(arguments: Driver.allCases)
    func oddQueriesNeverReachTheDatabaseAsSyntax(driver: Driver) async throws {
        try await driver.withStore { store in
            for (page, articles) in Self.corpus { _ = try await store.save(page: page, articles: articles) }
            let odd = [
                "NEAR(夜市 步道)", "夜市*", "-工程", "^夜市", "headline:夜市", "{headline}: 夜市", "夜市 + 步道",
                "a-b", "C++", "6.43亿", "x' OR '1'='1", "\\", "\u{0301}", "ा", "夜市 AND", "OR", "\"\"夜市\"\"",
                "夜市 & 步道 | !工程", "<->", ":*",
            ]
            for text in odd {
                do {
                    _ = try await store.search(SearchQuery(text: text))
                } catch is SearchError {
                    // A query without words: said so, as it should be.
                } catch {
                    Issue.record("query \(text) failed: \(error)")
                }
            }
            // No column filter: "headline" is a word like any other, and no article holds it.
            #expect(try await store.search(SearchQuery(text: "headline:夜市")).isEmpty)
            #expect(try await store.search(SearchQuery(text: "夜市*")).map(\.page) == ["0618.txt"])
        }
    }

    @Test(arguments: Driver.allCases)
    func savingAPageTwiceIndexesItOnce(driver: Driver) async throws {
        try await driver.withStore { store in
            for (page, articles) in Self.corpus {
                _ = try await store.save(page: page, articles: articles)
                _ = try await store.save(page: page, articles: articles)
            }
            #expect(try await store.search(SearchQuery(text: "夜市")).count == 1)
        }
    }
}
