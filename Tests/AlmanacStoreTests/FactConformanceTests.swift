import AlmanacModel
import AlmanacStore
import Foundation
import Testing

/// Facts, indicators, series, pages and stats, run against every driver over `ArchiveFixture`.
@Suite(.temporaryPostgres)
struct FactConformanceTests {
    typealias F = ArchiveFixture

    /// Runs `body` with a store holding the fixture's pages, saved as two batches.
    static func withArchive(_ driver: Driver, _ body: (any Store) async throws -> Void) async throws {
        try await driver.withStore { (store: any Store) async throws in
            _ = try await store.save([F.march, F.june], mode: .skipExisting)
            _ = try await store.save([F.july], mode: .skipExisting)
            try await body(store)
        }
    }

    @Test(arguments: Driver.allCases)
    func factsComeBackWithTheirFieldOffsetsAndPeriods(driver: Driver) async throws {
        try await Self.withArchive(driver) { (store: any Store) async throws in
            let all = try await store.fetchFacts(FactQuery(limit: 100))
            #expect(all.map(\.fact.quantity.text) == ["6.6%", "7.1%", "25亿元", "3亿元", "6.5%", "12亿元", "15亿元"])
            let march = try #require(all.first { $0.fact.quantity.text == "6.5%" })
            let stored = F.march.articles[0].facts[0].fact
            var expected = stored
            expected.seq = 1
            #expect(march.fact == expected)
            #expect(march.field == .body)
            #expect(march.indicatorKey == "规模以上工业增加值")
            #expect(march.page == "2024-03-05_p1.txt" && march.date == "2024-03-05" && march.paper == "岚江日报")
            #expect(march.headline == "岚江一季度工业增加值增长")
            let caption = try #require(all.first { $0.fact.quantity.text == "3亿元" })
            #expect(caption.field == .caption)
            #expect(caption.fact.seq == 2)
            #expect(caption.fact.quantity.start == 13 && caption.fact.quantity.end == 16)
            let article = try #require(await store.fetchArticle(id: march.articleID))
            #expect(article.article.body == F.marchBody1)
            #expect(article.pageID == march.pageID)
            #expect(
                try await store.fetchFacts(FactQuery(articleID: march.articleID)).map(\.fact.quantity.text) == [
                    "6.5%", "12亿元",
                ])
        }
    }

    @Test(arguments: Driver.allCases)
    func factFiltersCombine(driver: Driver) async throws {
        try await Self.withArchive(driver) { (store: any Store) async throws in
            // 规上 is read as 规模以上.
            #expect(try await Self.texts(store, FactQuery(indicator: "规上工业增加值")) == ["6.6%", "7.1%", "6.5%"])
            #expect(
                try await Self.texts(store, FactQuery(indicator: "规模以上 工业增加值", place: "岚江市")) == [
                    "6.6%", "7.1%", "6.5%",
                ])
            #expect(try await Self.texts(store, FactQuery(place: "临川区")).isEmpty)
            // A resolved period must overlap the range; a fact without one goes by its page date.
            #expect(try await Self.texts(store, FactQuery(from: "2024-04-01")) == ["7.1%", "25亿元", "3亿元"])
            #expect(
                try await Self.texts(store, FactQuery(to: "2024-03-31")) == ["6.6%", "7.1%", "6.5%", "12亿元", "15亿元"])
            #expect(
                try await Self.texts(store, FactQuery(from: "2024-06-01", to: "2024-06-30")) == ["7.1%", "25亿元", "3亿元"])
            // The entity by a printed form or its name: sentences that print it.
            #expect(try await Self.texts(store, FactQuery(entity: "岚钢")) == ["25亿元", "12亿元"])
            #expect(try await Self.texts(store, FactQuery(entity: F.steel)) == ["25亿元", "12亿元"])
            #expect(try await Self.texts(store, FactQuery(entity: "岚江市")) == ["6.6%", "7.1%", "6.5%"])
            #expect(try await Self.texts(store, FactQuery(entity: "无此企业")).isEmpty)
            #expect(try await Self.texts(store, FactQuery(limit: 2, offset: 1)) == ["7.1%", "25亿元"])
            #expect(try await Self.texts(store, FactQuery(limit: 0)).isEmpty)
        }
    }

    static func texts(_ store: any Store, _ query: FactQuery) async throws -> [String] {
        try await store.fetchFacts(query).map(\.fact.quantity.text)
    }

    @Test(arguments: Driver.allCases)
    func indicatorsAreCountedByKey(driver: Driver) async throws {
        try await Self.withArchive(driver) { (store: any Store) async throws in
            let indicators = try await store.fetchIndicators(limit: 10, offset: 0)
            #expect(
                indicators == [
                    IndicatorCount(key: "规模以上工业增加值", indicator: "规上工业增加值", facts: 3),
                    IndicatorCount(key: "产值", indicator: "产值", facts: 2),
                    IndicatorCount(key: "总投资", indicator: "总投资", facts: 1),
                    IndicatorCount(key: "投资", indicator: "投资", facts: 1),
                ])
            #expect(try await store.fetchIndicators(limit: 1, offset: 1).map(\.key) == ["产值"])
        }
    }

    @Test(arguments: Driver.allCases)
    func aSeriesHasOneReportedFigurePerPeriodWithItsSource(driver: Driver) async throws {
        try await Self.withArchive(driver) { (store: any Store) async throws in
            let series = try await store.fetchSeries(indicator: "规模以上工业增加值", place: "岚江市")
            #expect(series.count == 1)
            let growth = try #require(series.first)
            #expect(growth.place == "岚江市" && growth.unit == "%" && growth.change == "同比增长")
            #expect(growth.indicator == "规模以上工业增加值")
            #expect(growth.points.map(\.period) == ["一季度", "上半年"])
            #expect(growth.points.map(\.value) == [6.6, 7.1])
            #expect(growth.points.map(\.reports) == [2, 1])
            #expect(growth.points.map(\.source.page) == ["2024-07-01_p2.txt", "2024-06-18_p1.txt"])
            #expect(growth.points.first?.source.fact.sentence == F.julyGrowth)
            #expect(growth.points.map(\.periodEnd) == ["2024-03-31", "2024-06-30"])
            // Levels in 元 of another indicator form their own series, by page date when unresolved.
            let output = try await store.fetchSeries(indicator: "产值")
            #expect(output.map(\.points.count) == [2])
            #expect(output.first?.points.map(\.value) == [1.2e9, 2.5e9])
            #expect(try await store.fetchSeries(indicator: "无此指标").isEmpty)
        }
    }

    @Test(arguments: Driver.allCases)
    func theWholeArchiveReadsInWindowsAfterTheLastID(driver: Driver) async throws {
        try await Self.withArchive(driver) { (store: any Store) async throws in
            var facts: [StoredFact] = []
            while true {
                let window = try await store.fetchFacts(afterID: facts.last?.id ?? 0, limit: 2)
                #expect(window.count <= 2)
                facts += window
                if window.count < 2 { break }
            }
            #expect(facts.map(\.id) == facts.map(\.id).sorted())
            #expect(Set(facts) == Set(try await store.fetchFacts(FactQuery())))
            var articles: [StoredArticle] = []
            while true {
                let window = try await store.fetchArticles(afterID: articles.last?.id ?? 0, limit: 3)
                articles += window
                if window.count < 3 { break }
            }
            #expect(articles.count == 5)
            #expect(Set(articles) == Set(try await store.fetchArticles(limit: 10, offset: 0)))
            let entities = try await store.fetchEntities(afterID: 0, limit: 10)
            #expect(entities.map(\.id) == entities.map(\.id).sorted())
            #expect(Set(entities) == Set(try await store.fetchEntities(EntityQuery())))
            #expect(try await store.fetchEntities(afterID: entities.last?.id ?? 0, limit: 10).isEmpty)
        }
    }

    @Test(arguments: Driver.allCases)
    func aPageComesBackWithItsRawTextAndArticles(driver: Driver) async throws {
        try await Self.withArchive(driver) { (store: any Store) async throws in
            let facts = try await store.fetchFacts(FactQuery(indicator: "投资"))
            let pageID = try #require(facts.first?.pageID)
            let page = try #require(await store.fetchPage(id: pageID))
            #expect(page.page == F.june.page)
            #expect(page.articles.map(\.article) == F.june.articles.map(\.article))
            #expect(try await store.fetchPage(id: 9999) == nil)
            #expect(try await store.fetchArticle(id: 9999) == nil)
        }
    }

    @Test(arguments: Driver.allCases)
    func statsCountEverything(driver: Driver) async throws {
        try await Self.withArchive(driver) { (store: any Store) async throws in
            let stats = try await store.fetchStats()
            #expect(
                stats
                    == ArchiveStats(
                        pages: 3, articles: 5, facts: 7, mentions: 8,
                        entities: ["organization": 1, "place": 1, "person": 0, "project": 2],
                        firstDate: "2024-03-05", lastDate: "2024-07-01"))
        }
        try await driver.withStore { (store: any Store) async throws in
            #expect(
                try await store.fetchStats()
                    == ArchiveStats(
                        pages: 0, articles: 0, facts: 0, mentions: 0,
                        entities: ["organization": 0, "place": 0, "person": 0, "project": 0], firstDate: nil,
                        lastDate: nil))
        }
    }

    @Test func bothDriversGiveIdenticalAnswers() async throws {
        var answers: [Driver: [String]] = [:]
        for driver in Driver.allCases {
            try await Self.withArchive(driver) { (store: any Store) async throws in
                answers[driver] = try await Self.everyAnswer(of: store)
            }
        }
        let sqlite = try #require(answers[.sqlite])
        let postgres = try #require(answers[.postgres])
        #expect(sqlite.count == postgres.count)
        for (left, right) in zip(sqlite, postgres) { #expect(left == right) }
    }

    /// Every query of the store API over the fixture, encoded as sorted JSON.
    static func everyAnswer(of store: any Store) async throws -> [String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        func json(_ value: some Encodable) throws -> String {
            String(decoding: try encoder.encode(value), as: UTF8.self)
        }
        var answers: [String] = []
        for query in [
            FactQuery(), FactQuery(indicator: "规上工业增加值"), FactQuery(from: "2024-04-01"), FactQuery(entity: "岚钢"),
            FactQuery(place: "岚江市", to: "2024-05-01"),
        ] {
            answers.append(try json(try await store.fetchFacts(query)))
        }
        answers.append(try json(try await store.fetchIndicators(limit: 10, offset: 0)))
        answers.append(try json(try await store.fetchSeries(indicator: "规模以上工业增加值")))
        answers.append(try json(try await store.fetchSeries(indicator: "产值")))
        for query in [
            EntityQuery(), EntityQuery(kind: .project), EntityQuery(name: "岚钢"), EntityQuery(limit: 1, offset: 1),
        ] {
            answers.append(try json(try await store.fetchEntities(query)))
        }
        for entity in try await store.fetchEntities(EntityQuery()) {
            answers.append(try json(try await store.fetchEntity(id: entity.id)))
        }
        for query in [
            ProjectQuery(), ProjectQuery(minInvestment: 1e9), ProjectQuery(stage: "签约"), ProjectQuery(place: "临川"),
        ] {
            answers.append(try json(try await store.fetchProjects(query)))
        }
        answers.append(try json(try await store.fetchStats()))
        answers.append(try json(try await store.fetchFacts(afterID: 2, limit: 3)))
        answers.append(try json(try await store.fetchArticles(afterID: 1, limit: 3)))
        answers.append(try json(try await store.fetchEntities(afterID: 1, limit: 2)))
        for id in Int64(1)...Int64(3) { answers.append(try json(try await store.fetchPage(id: id))) }
        // Scores differ between drivers by design; the hits and snippets must not.
        let hits = try await store.search(SearchQuery(text: "项目", entity: "岚江新材料产业园项目"))
        answers.append(try json(hits.map { [$0.page, $0.headline, $0.snippet] }.sorted { $0[0] < $1[0] }))
        return answers
    }
}
