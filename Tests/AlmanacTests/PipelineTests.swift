import Almanac
import AlmanacModel
import AlmanacStore
import Foundation
import Testing

/// Ingest end to end into SQLite: layout, facts, mentions (hand-built here: the recogniser is wired in
/// elsewhere), batches, --date, --reprocess.
struct PipelineTests {
    static let first = "# 岚江工业稳步增长\n\n本报讯 上半年，岚江市规模以上工业增加值同比增长6.5%，完成产值120亿元。\n"
    static let second = "# 岚江工业再上台阶\n\n本报讯 前三季度，岚江市规上工业增加值同比增长7.2%。\n"

    static func folder() throws -> ScratchFolder {
        let folder = try ScratchFolder()
        _ = try folder.write("2024-07-20_p1.txt", first)
        _ = try folder.write("2024-10-25_p1.txt", second)
        return folder
    }

    @Test func ingestStoresFactsWithTheirArticlesAndPageDates() async throws {
        let folder = try Self.folder()
        let store = try SQLiteStore(path: folder.url.appendingPathComponent("a.sqlite").path)
        let summary = try await Ingest(store: store, jobs: 2).run(files: PageFiles.expand([folder.url.path]))
        #expect(summary.pages == 2 && summary.articles == 2 && summary.facts == 3 && summary.failed.isEmpty)
        let facts = try await store.fetchFacts(FactQuery())
        #expect(facts.map(\.fact.quantity.text) == ["7.2%", "6.5%", "120亿元"])
        #expect(facts.map(\.date) == ["2024-10-25", "2024-07-20", "2024-07-20"])
        #expect(facts.allSatisfy { $0.field == .body && $0.fact.place == "岚江市" })
        let series = try await store.fetchSeries(indicator: "规模以上工业增加值", place: "岚江市")
        #expect(series.first?.points.map(\.value) == [6.5, 7.2])
    }

    @Test func theGivenDateWinsOverTheFileName() async throws {
        let folder = try Self.folder()
        let store = try SQLiteStore(path: folder.url.appendingPathComponent("a.sqlite").path)
        _ = try await Ingest(store: store, date: "2024-12-31").run(files: PageFiles.expand([folder.url.path]))
        let page = try #require(await store.fetchPage(id: 1))
        #expect(page.page.date == "2024-12-31" && page.page.dateSource == .given)
    }

    @Test func periodsResolveAgainstThePageDate() async throws {
        let folder = try Self.folder()
        let store = try SQLiteStore(path: folder.url.appendingPathComponent("a.sqlite").path)
        _ = try await Ingest(store: store).run(files: PageFiles.expand([folder.url.path]))
        let facts = try await store.fetchFacts(FactQuery())
        let growth = try #require(facts.first { $0.fact.quantity.text == "6.5%" })
        #expect(growth.fact.resolvedPeriod == DateRange(start: "2024-01-01", end: "2024-06-30"))
        let third = try #require(facts.first { $0.fact.quantity.text == "7.2%" })
        #expect(third.fact.resolvedPeriod == DateRange(start: "2024-01-01", end: "2024-09-30"))
    }

    @Test func aPageWithoutADateGetsTheOneItsTextImplies() async throws {
        let folder = try ScratchFolder()
        _ = try folder.write(
            "undated.txt", "# 岚江外贸回暖\n\n本报讯 2024年前7个月，岚江市外贸进出口总额同比增长4.1%。\n")
        let store = try SQLiteStore(path: folder.url.appendingPathComponent("a.sqlite").path)
        _ = try await Ingest(store: store).run(files: PageFiles.expand([folder.url.path]))
        let page = try #require(await store.fetchPage(id: 1))
        #expect(page.page.dateSource == .inferred)
        let date = try #require(page.page.date)
        #expect(date >= "2024-08-01" && date <= "2024-12-31")
        let fact = try #require(try await store.fetchFacts(FactQuery()).first)
        #expect(fact.fact.resolvedPeriod == DateRange(start: "2024-01-01", end: "2024-07-31"))
    }

    @Test func theBundledRecognizerStoresNamedThings() async throws {
        let folder = try ScratchFolder()
        _ = try folder.write(
            "2024-03-02_p1.txt", "# 新项目开工\n\n本报讯 记者王晓峰报道：总投资12亿元的高端铝材项目日前在岚江开工。\n")
        let store = try SQLiteStore(path: folder.url.appendingPathComponent("a.sqlite").path)
        let summary = try await Ingest(store: store).run(files: PageFiles.expand([folder.url.path]))
        #expect(summary.mentions > 0)
        let projects = try await store.fetchProjects(ProjectQuery())
        #expect(projects.contains { $0.project?.investment == 1_200_000_000 })
    }

    @Test func workersAndBatchSizesDoNotChangeWhatIsStored() async throws {
        let folder = try Self.folder()
        for index in 0..<20 {
            _ = try folder.write("2024-08-\(10 + index)_p2.txt", "# 第\(index)篇\n\n本报讯 岚江市新增企业\(index + 3)家。\n")
        }
        var answers: [[String]] = []
        for (jobs, batch, shuffled) in [(1, 1, false), (4, 3, true), (2, 64, true)] {
            let store = try SQLiteStore(path: folder.url.appendingPathComponent("\(jobs)-\(batch).sqlite").path)
            let files = PageFiles.expand([folder.url.path]) + ["/nonexistent/a.txt", "/nonexistent/b.txt"]
            let summary = try await Ingest(store: store, jobs: jobs, batchSize: batch, shuffled: shuffled)
                .run(files: files)
            #expect(summary.pages == 22)
            // Reported in the order the files were given, whatever order they were taken in.
            #expect(summary.failed.map(\.path) == ["/nonexistent/a.txt", "/nonexistent/b.txt"])
            answers.append(try await store.fetchFacts(FactQuery()).map { "\($0.page) \($0.fact.quantity.text)" })
        }
        #expect(answers[0].count == 23)
        #expect(answers[1] == answers[0] && answers[2] == answers[0])
    }

    @Test func mentionsFromTheFinderAreStoredAndReprocessingReplacesThem() async throws {
        let folder = try Self.folder()
        let path = folder.url.appendingPathComponent("a.sqlite").path
        let store = try SQLiteStore(path: path)
        // Hand-built mentions for the two headlines, standing in for a recogniser.
        let name = "岚江市"
        let handBuilt: PageExtraction.MentionFinder = { text in
            text.hasPrefix("岚江工业") ? [Mention(text: "岚江", kind: .place, start: 0, end: 2, name: name)] : []
        }
        let files = PageFiles.expand([folder.url.path])
        let summary = try await Ingest(store: store, extraction: .bundled(mentions: handBuilt)).run(files: files)
        #expect(summary.mentions == 2)
        let entity = try #require(await store.fetchEntities(EntityQuery(kind: .place)).first)
        #expect(entity.name == name && entity.aliases == ["岚江"] && entity.mentions == 2)
        let detail = try #require(await store.fetchEntity(id: entity.id))
        #expect(detail.mentions.map(\.field) == [.headline, .headline])
        #expect(try await store.search(SearchQuery(text: "工业", entity: name)).count == 2)

        // Reprocessing without a finder replaces the pages in place: no mention, no entity left.
        let firstName = try await store.fetchPage(id: 1)?.page.name
        let again = try await Ingest(
            store: store, extraction: .bundled(mentions: PageExtraction.noMentions), mode: .replace
        )
        .run(files: files)
        #expect(again.replaced == 2 && again.pages == 0 && again.facts == 3)
        #expect(try await store.fetchEntities(EntityQuery()).isEmpty)
        let stats = try await store.fetchStats()
        #expect(stats.pages == 2 && stats.articles == 2 && stats.facts == 3 && stats.mentions == 0)
        let sameName = try await store.fetchPage(id: 1)?.page.name
        #expect(firstName != nil && sameName == firstName)
    }
}
