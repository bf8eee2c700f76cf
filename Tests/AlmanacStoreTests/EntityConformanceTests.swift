import AlmanacModel
import AlmanacStore
import Foundation
import Testing

/// Entities, mentions, projects, replacement and batches, run against every driver over `ArchiveFixture`.
@Suite(.temporaryPostgres)
struct EntityConformanceTests {
    typealias F = ArchiveFixture

    static func withArchive(_ driver: Driver, _ body: (any Store) async throws -> Void) async throws {
        try await FactConformanceTests.withArchive(driver, body)
    }

    @Test(arguments: Driver.allCases)
    func entitiesAreListedMostMentionedFirstWithAliasesAndDates(driver: Driver) async throws {
        try await Self.withArchive(driver) { (store: any Store) async throws in
            let all = try await store.fetchEntities(EntityQuery())
            #expect(all.map(\.name) == ["岚江市", F.materials, F.steel, F.logistics])
            #expect(all.map(\.mentions) == [3, 2, 2, 1])
            let steel = try #require(all.first { $0.name == F.steel })
            #expect(steel.kind == .organization && steel.aliases == ["岚钢"] && steel.articles == 2)
            #expect(steel.firstDate == "2024-03-05" && steel.lastDate == "2024-06-18")
            #expect(steel.project == nil)
            #expect(try await store.fetchEntities(EntityQuery(name: "岚钢")).map(\.name) == [F.steel])
            #expect(
                try await store.fetchEntities(EntityQuery(name: "岚江")).map(\.name) == ["岚江市", F.materials, F.steel])
            #expect(try await store.fetchEntities(EntityQuery(kind: .place)).map(\.name) == ["岚江市"])
            #expect(try await store.fetchEntities(EntityQuery(kind: .person)).isEmpty)
            #expect(
                try await store.fetchEntities(EntityQuery(limit: 2, offset: 1)).map(\.name) == [F.materials, F.steel])
        }
    }

    @Test(arguments: Driver.allCases)
    func anEntityComesWithItsMentionsAndTheFactsOfItsSentences(driver: Driver) async throws {
        try await Self.withArchive(driver) { (store: any Store) async throws in
            let steel = try #require(await store.fetchEntities(EntityQuery(name: F.steel)).first)
            let detail = try #require(await store.fetchEntity(id: steel.id))
            #expect(detail.entity == steel)
            #expect(detail.mentions.map(\.text) == ["岚钢", F.steel])
            #expect(detail.mentions.map(\.date) == ["2024-06-18", "2024-03-05"])
            #expect(detail.mentions.first?.headline == "上半年工业增加值稳步增长")
            #expect(detail.mentions.first?.start == 23 && detail.mentions.first?.end == 25)
            #expect(detail.facts.map(\.fact.quantity.text) == ["25亿元", "12亿元"])
            #expect(try await store.fetchEntity(id: steel.id, limit: 1)?.mentions.count == 1)
            #expect(try await store.fetchEntity(id: 9999) == nil)
        }
    }

    @Test(arguments: Driver.allCases)
    func anArticleListsItsMentionsWithTheirEntities(driver: Driver) async throws {
        try await Self.withArchive(driver) { (store: any Store) async throws in
            let found = try #require(await store.fetchEntities(EntityQuery(name: F.steel)).first)
            let steel = try #require(await store.fetchEntity(id: found.id))
            let article = try #require(steel.mentions.first).articleID
            let mentions = try await store.fetchMentions(articleID: article)
            #expect(mentions.contains { $0.entityID == steel.entity.id && $0.text == "岚钢" && $0.name == F.steel })
            #expect(mentions.allSatisfy { $0.end > $0.start })
            #expect(mentions == mentions.sorted { ($0.field.rawValue, $0.start) <= ($1.field.rawValue, $1.start) })
            #expect(try await store.fetchMentions(articleID: 9999).isEmpty)
        }
    }

    @Test(arguments: Driver.allCases)
    func projectsCarryTheirLatestDetailsAndFilter(driver: Driver) async throws {
        try await Self.withArchive(driver) { (store: any Store) async throws in
            let projects = try await store.fetchProjects(ProjectQuery())
            #expect(projects.map(\.name) == [F.materials, F.logistics])
            // The June mention gives a new stage and nothing else: the March investment stays.
            #expect(
                projects.first?.project
                    == ProjectDetails(investment: 1.5e9, stage: "投产", place: "岚江市", sector: "新材料"))
            #expect(projects.first?.firstDate == "2024-03-05" && projects.first?.lastDate == "2024-06-18")
            #expect(try await store.fetchProjects(ProjectQuery(minInvestment: 1e9)).map(\.name) == [F.materials])
            #expect(
                try await store.fetchProjects(ProjectQuery(minInvestment: 3e8)).map(\.name) == [
                    F.materials, F.logistics,
                ])
            #expect(try await store.fetchProjects(ProjectQuery(stage: "签约")).map(\.name) == [F.logistics])
            #expect(try await store.fetchProjects(ProjectQuery(place: "临川")).map(\.name) == [F.logistics])
            #expect(try await store.fetchProjects(ProjectQuery(stage: "竣工")).isEmpty)
        }
    }

    @Test(arguments: Driver.allCases)
    func searchFiltersByEntityNameOrPrintedForm(driver: Driver) async throws {
        try await Self.withArchive(driver) { (store: any Store) async throws in
            #expect(try await Self.pages(store, SearchQuery(text: "增加值")).count == 3)
            #expect(
                try await Self.pages(store, SearchQuery(text: "增加值", entity: "岚钢")) == [
                    "2024-03-05_p1.txt", "2024-06-18_p1.txt",
                ])
            #expect(
                try await Self.pages(store, SearchQuery(text: "增加值", entity: F.steel)) == [
                    "2024-03-05_p1.txt", "2024-06-18_p1.txt",
                ])
            #expect(try await Self.pages(store, SearchQuery(text: "增加值", entity: "无此企业")).isEmpty)
        }
    }

    static func pages(_ store: any Store, _ query: SearchQuery) async throws -> [String] {
        try await store.search(query).map(\.page).sorted()
    }

    @Test(arguments: Driver.allCases)
    func reprocessingReplacesAPageInPlace(driver: Driver) async throws {
        try await Self.withArchive(driver) { (store: any Store) async throws in
            let before = try #require(await store.fetchFacts(FactQuery(indicator: "投资")).first?.pageID)
            #expect(try await store.save([F.juneAgain], mode: .skipExisting) == [.skipped(pageID: before)])
            #expect(try await store.save([F.juneAgain], mode: .replace) == [.stored(pageID: before)])
            let stats = try await store.fetchStats()
            #expect(stats.pages == 3 && stats.articles == 4 && stats.facts == 5 && stats.mentions == 5)
            #expect(stats.entities == ["organization": 1, "place": 1, "person": 0, "project": 1])
            // The logistics project had no other mention: gone. The steel maker keeps its March mention.
            #expect(try await store.fetchEntities(EntityQuery()).map(\.name) == ["岚江市", F.materials, F.steel])
            #expect(try await store.fetchEntities(EntityQuery(name: "岚钢")).isEmpty)
            #expect(try await store.fetchProjects(ProjectQuery()).first?.project?.stage == "开工")
            // Search rows follow the articles.
            #expect(try await store.search(SearchQuery(text: "夜市")).map(\.page) == ["2024-06-18_p1.txt"])
            #expect(try await store.search(SearchQuery(text: "投产")).isEmpty)
            let page = try #require(await store.fetchPage(id: before))
            #expect(page.articles.map(\.article) == F.juneAgain.articles.map(\.article))
            // Replacing a page that is not stored stores it.
            let fresh = ExtractedPage(page: F.page("2024-08-01_p1.txt", date: "2024-08-01"), articles: [])
            guard case .stored = try await store.save([fresh], mode: .replace).first else {
                Issue.record("a new page was not stored")
                return
            }
            #expect(try await store.fetchStats().pages == 4)
        }
    }

    @Test(arguments: Driver.allCases)
    func canonicalNamesAreTrimmedAndEmptyOnesDropped(driver: Driver) async throws {
        try await driver.withStore { (store: any Store) async throws in
            let body = "岚江港务集团\n扩建码头。"
            let page = ExtractedPage(
                page: F.page("2024-09-03_p1.txt", date: "2024-09-03"),
                articles: [
                    ExtractedArticle(
                        article: Article(seq: 1, headline: "码头扩建", body: body),
                        mentions: [
                            Mention(text: "岚江港务集团\n", kind: .organization, start: 0, end: 7, name: " 岚江港务集团\n"),
                            Mention(text: "\n", kind: .place, start: 6, end: 7),
                        ])
                ])
            _ = try await store.save([page], mode: .skipExisting)
            let entities = try await store.fetchEntities(EntityQuery())
            #expect(entities.map(\.name) == ["岚江港务集团"])
            #expect(entities.first?.aliases == ["岚江港务集团\n"])
            #expect(try await store.fetchStats().mentions == 1)
        }
    }

    @Test(arguments: Driver.allCases)
    func aBatchThatFailsLeavesNothingBehind(driver: Driver) async throws {
        try await Self.withArchive(driver) { (store: any Store) async throws in
            let before = try await store.fetchStats()
            let body = "临川电厂扩建工程开工。"
            let good = ExtractedPage(
                page: F.page("2024-09-01_p1.txt", date: "2024-09-01"),
                articles: [
                    ExtractedArticle(
                        article: Article(seq: 1, headline: "电厂扩建", body: body),
                        mentions: [F.mention("临川电厂", .organization, in: body)])
                ])
            let article = Article(seq: 1, headline: "重复", body: "两篇同序号。")
            let clash = ExtractedPage(
                page: F.page("2024-09-02_p1.txt", date: "2024-09-02"),
                articles: [ExtractedArticle(article: article), ExtractedArticle(article: article)])
            await #expect(throws: (any Error).self) { try await store.save([good, clash], mode: .skipExisting) }
            #expect(try await store.fetchStats() == before)
            #expect(try await store.fetchEntities(EntityQuery(name: "临川电厂")).isEmpty)
            #expect(try await store.save([good], mode: .skipExisting).count == 1)
            #expect(try await store.fetchEntities(EntityQuery(name: "临川电厂")).map(\.mentions) == [1])
        }
    }

    @Test(arguments: Driver.allCases)
    func concurrentBatchesSharingEntitiesStoreEachPageOnce(driver: Driver) async throws {
        try await driver.withLocation { location in
            let stores = [try await openStore(location), try await openStore(location)]
            // Pages that all mention the same entities, in opposite orders, written by racing writers.
            let pages = (0..<12).map { index -> ExtractedPage in
                let names = index % 2 == 0 ? ["甲公司", "乙公司"] : ["乙公司", "甲公司"]
                let body = names.joined(separator: "与") + "签约。"
                return ExtractedPage(
                    page: F.page("race-\(index).txt", date: "2024-10-\(10 + index)"),
                    articles: [
                        ExtractedArticle(
                            article: Article(seq: 1, headline: "签约\(index)", body: body),
                            mentions: names.map { F.mention($0, .organization, in: body) })
                    ])
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<4 {
                    let store = stores[writer % 2]
                    let batch = writer < 2 ? pages : pages.reversed()
                    group.addTask {
                        for start in stride(from: 0, to: batch.count, by: 3) {
                            _ = try await store.save(Array(batch[start..<start + 3]), mode: .skipExisting)
                        }
                    }
                }
                try await group.waitForAll()
            }
            let stats = try await stores[0].fetchStats()
            #expect(stats.pages == 12 && stats.articles == 12 && stats.mentions == 24)
            #expect(try await stores[0].fetchEntities(EntityQuery()).map(\.mentions) == [12, 12])
            for store in stores { await store.close() }
        }
    }

    @Test(arguments: Driver.allCases)
    func racingBatchesLeaveAProjectTheNewestPagesDetails(driver: Driver) async throws {
        try await driver.withLocation { location in
            let stores = [try await openStore(location), try await openStore(location)]
            // Twelve days of one project, each page giving a stage and an investment of its own;
            // two pages a day, the later name giving the day's figure.
            let stages = ["签约", "开工", "在建", "投产"]
            let pages = (0..<24).map { index -> ExtractedPage in
                let day = index / 2
                let body = "岚江新材料产业园项目\(stages[index % 4])。"
                let details = ProjectDetails(investment: Double(100 * day + index % 2), stage: stages[index % 4])
                return ExtractedPage(
                    page: F.page("2024-10-\(10 + day)_p\(index % 2).txt", date: "2024-10-\(10 + day)"),
                    articles: [
                        ExtractedArticle(
                            article: Article(seq: 1, headline: "产业园\(index)", body: body),
                            mentions: [F.mention(F.materials, .project, project: details, in: body)])
                    ])
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<4 {
                    let store = stores[writer % 2]
                    let order = writer % 2 == 0 ? pages : pages.reversed()
                    group.addTask {
                        for start in stride(from: writer, to: order.count, by: 4) {
                            _ = try await store.save(Array(order[start..<min(start + 2, order.count)]), mode: .skipExisting)
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await stores[0].fetchStats().pages == 24)
            let project = try await stores[0].fetchProjects(ProjectQuery()).first { $0.name == F.materials }?.project
            #expect(project?.investment == 1101 && project?.stage == stages[23 % 4])
            for store in stores { await store.close() }
        }
    }
}
