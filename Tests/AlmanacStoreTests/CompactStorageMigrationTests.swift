import AlmanacModel
import AlmanacStore
import Foundation
import GRDB
import Testing

/// Archives written before migration "v5 compact facts and mentions" (facts with their sentence's text,
/// mentions with their printed text) read the same after it, on every driver.
@Suite(.temporaryPostgres)
struct CompactStorageMigrationTests {
    typealias F = ArchiveFixture

    /// The SQL of an article's body as text: SQLite may keep it deflated.
    static func body(_ driver: Driver) -> String {
        driver == .sqlite ? "almanac_text(article.body)" : "article.body"
    }

    /// Takes an archive back to the v4 shape: sentences as text, mentions' texts spelt out, the old index.
    static func toV4(_ driver: Driver) -> [String] {
        [
        """
        UPDATE fact SET sentence = (SELECT substr(CASE fact.field WHEN 'headline' THEN article.headline
            WHEN 'subheadline' THEN article.subheadline ELSE \(body(driver)) END,
            fact.sentence_start + 1, fact.sentence_end - fact.sentence_start)
            FROM article WHERE article.id = fact.article_id)
        WHERE sentence_start IS NOT NULL
        """,
        "ALTER TABLE fact DROP COLUMN sentence_start",
        "ALTER TABLE fact DROP COLUMN sentence_end",
        "UPDATE mention SET text = (SELECT name FROM entity WHERE entity.id = mention.entity_id) WHERE text = ''",
        "DROP INDEX mention_text",
        "CREATE INDEX mention_text ON mention(text)",
        ]
    }

    /// Takes an archive back to the v6 shape: each fact spells out its indicator key.
    static let toV6 = [
        "ALTER TABLE fact ADD COLUMN indicator_key TEXT NOT NULL DEFAULT ''",
        "UPDATE fact SET indicator_key = (SELECT key FROM indicator WHERE indicator.id = fact.indicator_id)",
        "DROP INDEX fact_indicator",
        "ALTER TABLE fact DROP COLUMN indicator_id",
        "DROP TABLE indicator",
        "CREATE INDEX fact_indicator ON fact(indicator_key, place)",
    ]

    /// Takes an archive back to the v5 shape: every figure and indicator spelt out, bodies as text, the
    /// old indexes.
    static func toV5(_ driver: Driver) -> [String] {
        toV6 + [
            "UPDATE fact SET indicator = indicator_key WHERE indicator = ''",
            """
            UPDATE fact SET text = (SELECT substr(CASE fact.field WHEN 'headline' THEN article.headline
                WHEN 'subheadline' THEN article.subheadline ELSE \(body(driver)) END,
                fact.span_start + 1, fact.span_end - fact.span_start)
                FROM article WHERE article.id = fact.article_id)
            WHERE text = ''
            """,
            "DROP INDEX fact_place",
            "CREATE INDEX fact_place ON fact(place)",
            "CREATE INDEX article_body_sha256 ON article(body_sha256)",
        ] + (driver == .sqlite ? ["UPDATE article SET body = almanac_text(body)"] : [])
    }

    /// What the tests compare: every fact, and every entity with its mentions and facts.
    struct Reading: Equatable {
        var facts: [StoredFact]
        var entities: [EntityDetail]
        var byPrintedName: [String]
    }

    /// Saves `pages` in a new archive at `location` and reads it back.
    static func saved(_ pages: [ExtractedPage], at location: String) async throws -> Reading {
        var reading: Reading?
        try await withStore(location) { (store: any Store) async throws in
            _ = try await store.save(pages, mode: .skipExisting)
            reading = try await read(store)
        }
        return try #require(reading)
    }

    static func read(_ store: any Store) async throws -> Reading {
        var details: [EntityDetail] = []
        for entity in try await store.fetchEntities(EntityQuery(limit: 100)) {
            if let detail = try await store.fetchEntity(id: entity.id) { details.append(detail) }
        }
        return Reading(
            facts: try await store.fetchFacts(FactQuery(limit: 100)), entities: details,
            byPrintedName: try await store.fetchFacts(FactQuery(entity: "岚钢", limit: 100)).map(\.fact.quantity.text))
    }

    @Test(arguments: Driver.allCases)
    func factsAndMentionsReadTheSameAfterTheMigration(driver: Driver) async throws {
        try await driver.withLocation { location in
            let expected = try await Self.saved([F.march, F.june, F.july], at: location)
            #expect(expected.facts.count == 7 && expected.facts.allSatisfy { !$0.fact.sentence.isEmpty })
            #expect(!expected.byPrintedName.isEmpty)
            // Six sentences are found in their fields; the caption's (a fact does not say which caption) is kept.
            #expect(try await Self.count("SELECT count(*) FROM fact WHERE sentence = ''", driver, location) == 6)
            try await Self.execute(Self.toV4(driver), forgetting: ["v5 compact facts and mentions"], driver, location)
            #expect(try await Self.count("SELECT count(*) FROM mention WHERE text = ''", driver, location) == 0)
            try await withStore(location) { (store: any Store) async throws in
                #expect(try await Self.read(store) == expected)
            }
            // The old facts keep their text; mentions printed as their entity's name lose theirs.
            #expect(try await Self.count("SELECT count(*) FROM fact WHERE sentence = ''", driver, location) == 0)
            #expect(try await Self.count("SELECT count(*) FROM mention WHERE text = ''", driver, location) > 0)
        }
    }

    @Test(arguments: Driver.allCases)
    func factsReadTheSameAfterTheStorageIsCompacted(driver: Driver) async throws {
        try await driver.withLocation { location in
            let expected = try await Self.saved([F.march, F.june, F.july], at: location)
            // The caption's figure keeps its text (a fact does not say which caption); so does an
            // indicator that is not its own key (规上… is keyed 规模以上…).
            #expect(try await Self.count("SELECT count(*) FROM fact WHERE text <> ''", driver, location) == 1)
            #expect(try await Self.count("SELECT count(*) FROM fact WHERE indicator <> ''", driver, location) == 1)
            try await Self.execute(
                Self.toV5(driver), forgetting: ["v6 compact storage", "v7 indicator table"], driver, location)
            #expect(try await Self.count("SELECT count(*) FROM fact WHERE text = ''", driver, location) == 0)
            try await withStore(location) { (store: any Store) async throws in
                #expect(try await Self.read(store) == expected)
            }
            #expect(try await Self.count("SELECT count(*) FROM fact WHERE text <> ''", driver, location) == 1)
            #expect(try await Self.count("SELECT count(*) FROM fact WHERE indicator <> ''", driver, location) == 1)
        }
    }

    @Test(arguments: Driver.allCases)
    func factsReadTheSameWithTheirIndicatorsInATable(driver: Driver) async throws {
        try await driver.withLocation { location in
            let expected = try await Self.saved([F.march, F.june], at: location)
            let keys = try await Self.count("SELECT count(*) FROM indicator", driver, location)
            #expect(keys == Set(expected.facts.map(\.indicatorKey)).count && keys > 1)
            try await Self.execute(Self.toV6, forgetting: ["v7 indicator table"], driver, location)
            try await withStore(location) { (store: any Store) async throws in
                #expect(try await Self.read(store) == expected)
                // Facts stored after the migration find the keys it created.
                _ = try await store.save([F.july], mode: .skipExisting)
                let series = try await store.fetchFacts(FactQuery(indicator: "规模以上工业增加值", limit: 10))
                #expect(series.count == 3)
            }
            #expect(try await Self.count("SELECT count(*) FROM indicator", driver, location) == keys)
        }
    }

    /// A project mentioned in `body` of a page dated `date`, with `stage`.
    static func projectPage(_ date: String?, stage: String) -> ExtractedPage {
        let body = "岚江新材料产业园项目\(stage)。"
        return ExtractedPage(
            page: F.page("\(date ?? "undated-\(stage)")_p3.txt", date: date),
            articles: [
                ExtractedArticle(
                    article: Article(seq: 1, headline: "产业园动态", section: "经济", body: body),
                    mentions: [F.mention(F.materials, .project, project: ProjectDetails(stage: stage), in: body)])
            ])
    }

    static func stage(of project: String, in store: any Store) async throws -> String? {
        try await store.fetchProjects(ProjectQuery()).first { $0.name == project }?.project?.stage
    }

    @Test(arguments: Driver.allCases)
    func entitiesKeepTheirProjectDatesAndTheNewestPageGivesTheDetails(driver: Driver) async throws {
        try await driver.withLocation { location in
            // June (投产) is stored before March (开工, with the investment): the newest page, not the
            // last stored, gives the stage; the investment comes from the one page that gives it.
            try await withStore(location) { (store: any Store) async throws in
                _ = try await store.save([F.june], mode: .skipExisting)
                _ = try await store.save([F.march], mode: .skipExisting)
            }
            let expected = try await withStore(location) { (store: any Store) async throws in
                try await Self.read(store)
            }
            let project = try #require(expected.entities.first { $0.entity.name == F.materials }?.entity.project)
            #expect(project.stage == "投产" && project.investment == 1.5e9)
            let dates = """
                SELECT stage_page.date || ' ' || investment_page.date FROM entity
                JOIN page AS stage_page ON stage_page.id = entity.stage_page
                JOIN page AS investment_page ON investment_page.id = entity.investment_page
                WHERE entity.name = '\(F.materials)'
                """
            #expect(try await Self.lines(dates, driver, location) == "2024-06-18 2024-03-05")
            // Back to the schema of v11: no dates or pages on entities or mentions.
            let undo = ["investment", "stage", "place", "sector"].map { "ALTER TABLE entity DROP COLUMN \($0)_page" }
            try await Self.execute(
                undo, forgetting: ["v12 project mention dates", "v13 entity project dates", "v14 entity project pages"],
                driver, location)
            try await withStore(location) { (store: any Store) async throws in
                #expect(try await Self.read(store) == expected)
                // An older page and an undated one change nothing; a newer one gives the stage.
                _ = try await store.save([Self.projectPage("2024-01-10", stage: "签约")], mode: .skipExisting)
                _ = try await store.save([Self.projectPage(nil, stage: "停工")], mode: .skipExisting)
                #expect(try await Self.stage(of: F.materials, in: store) == "投产")
                _ = try await store.save([Self.projectPage("2024-09-10", stage: "竣工")], mode: .skipExisting)
                #expect(try await Self.stage(of: F.materials, in: store) == "竣工")
            }
            #expect(try await Self.lines(dates, driver, location) == "2024-09-10 2024-03-05")
            #expect(try await Self.count("SELECT count(*) FROM entity WHERE stage_page IS NOT NULL", driver, location) == 2)
        }
    }

    @Test(arguments: Driver.allCases)
    func pagesOfOneDayGiveProjectDetailsByNameWhateverOrderTheyWereStoredIn(driver: Driver) async throws {
        // Two pages of the same day disagree on the stage; the later page by name gives it, whether
        // it is stored first, last, or in the same batch.
        func page(_ name: String, stage: String) -> ExtractedPage {
            var page = Self.projectPage("2024-07-01", stage: stage)
            page.page = F.page(name, date: "2024-07-01")
            return page
        }
        let first = page("2024-07-01_p2.txt", stage: "签约")
        let second = page("2024-07-01_p5.txt", stage: "开工")
        for order in [[[first], [second]], [[second], [first]], [[second, first]]] {
            try await driver.withLocation { location in
                try await withStore(location) { (store: any Store) async throws in
                    for batch in order { _ = try await store.save(batch, mode: .skipExisting) }
                    #expect(try await Self.stage(of: F.materials, in: store) == "开工")
                }
                let source = """
                    SELECT page.date || ' ' || page.name FROM entity JOIN page ON page.id = entity.stage_page
                    WHERE entity.name = '\(F.materials)'
                    """
                #expect(try await Self.lines(source, driver, location) == "2024-07-01 2024-07-01_p5.txt")
                // An archive of v13 (page dates, not ids), whose columns came from the page stored
                // last, is worked out again.
                let undo = ["investment", "stage", "place", "sector"].flatMap {
                    ["ALTER TABLE entity DROP COLUMN \($0)_page", "ALTER TABLE entity ADD COLUMN \($0)_date TEXT"]
                } + ["UPDATE entity SET stage = '签约', stage_date = '2024-07-01' WHERE name = '\(F.materials)'"]
                try await Self.execute(undo, forgetting: ["v14 entity project pages"], driver, location)
                try await withStore(location) { (store: any Store) async throws in
                    #expect(try await Self.stage(of: F.materials, in: store) == "开工")
                    // Replacing the later page with one that says nothing of the stage hands it back.
                    var quiet = second
                    quiet.articles[0].mentions = []
                    _ = try await store.save([quiet], mode: .replace)
                    #expect(try await Self.stage(of: F.materials, in: store) == "签约")
                }
                #expect(try await Self.lines(source, driver, location) == "2024-07-01 2024-07-01_p2.txt")
            }
        }
    }

    /// A page of invented text long enough to gain from deflating, with its one article.
    static let longPage: ExtractedPage = {
        let body = (1...40).map { "岚江市第\($0)批重点项目集中开工，总投资\($0 * 7)亿元，涉及新材料、装备制造和现代物流。" }
            .joined(separator: "\n")
        var page = F.page("2024-05-06_p2.txt", date: "2024-05-06")
        page.text = "岚江日报 2024年5月6日 第2版\n# 重点项目集中开工\n" + body + "\n（本报记者 周立言）"
        return ExtractedPage(
            page: page,
            articles: [
                ExtractedArticle(article: Article(seq: 1, headline: "重点项目集中开工", section: "要闻", body: body))
            ])
    }()

    /// SQLite keeps page text and long bodies deflated, the page's text with its articles as the
    /// dictionary; text stored by an older version reads as it is.
    @Test func sqliteTextIsDeflatedAndOldTextStillReads() async throws {
        try await Driver.sqlite.withLocation { location in
            let page = Self.longPage
            try await withStore(location) { (store: any Store) async throws in
                _ = try await store.save([page, F.march], mode: .skipExisting)
            }
            #expect(try await Self.count("SELECT count(*) FROM page WHERE typeof(text) = 'blob'", .sqlite, location) == 2)
            // Every body gains from the archive's character code, even March's one-sentence ones.
            #expect(
                try await Self.count("SELECT count(*) FROM article WHERE typeof(body) = 'blob'", .sqlite, location) == 3)
            #expect(try await Self.count("SELECT count(*) FROM text_dictionary", .sqlite, location) == 1)
            // With its article as the dictionary, the page costs a fraction of its own text deflated.
            let stored = try await Self.count(
                "SELECT length(text) FROM page WHERE name = '2024-05-06_p2.txt'", .sqlite, location)
            #expect(stored > 0 && stored < page.page.text.utf8.count / 10)
            let id = Int64(try await Self.count("SELECT id FROM page WHERE name = '2024-05-06_p2.txt'", .sqlite, location))
            try await withStore(location) { (store: any Store) async throws in
                let read = try #require(try await store.fetchPage(id: id))
                #expect(read.page.text == page.page.text)
                #expect(read.articles.map(\.article.body) == [page.articles[0].article.body])
                let hits = try await store.search(SearchQuery(text: "物流", limit: 5))
                #expect(hits.map(\.id) == [read.articles[0].id] && hits[0].snippet.contains("物流"))
            }
            try await Self.execute(
                ["UPDATE page SET text = '旧版 plain text' WHERE id = \(id)", "UPDATE article SET body = '旧版正文' WHERE page_id = \(id)"],
                forgetting: [], .sqlite, location)
            try await withStore(location) { (store: any Store) async throws in
                let read = try #require(try await store.fetchPage(id: id))
                #expect(read.page.text == "旧版 plain text" && read.articles[0].article.body == "旧版正文")
            }
        }
    }

    /// `longPage` again under another name, its body spaced differently.
    static let respacedPage: ExtractedPage = {
        var page = longPage
        page.page.source = "/pages/2024-05-07_p2.txt"
        page.page.sha256 = StoreConformanceTests.sha256("2024-05-07_p2.txt")
        page.articles[0].article.body = page.articles[0].article.body.replacingOccurrences(of: "\n", with: " \u{3000}\n")
        return page
    }()

    /// Both drivers store the same body digests: SQLite its 32 bytes, PostgreSQL their hex; white
    /// space does not count.
    @Test func bodyDigestsAgreeBetweenDrivers() async throws {
        var digests: [String] = []
        for (driver, query) in [
            (Driver.sqlite, "SELECT lower(hex(body_sha256)) FROM article ORDER BY page_id, seq"),
            (Driver.postgres, "SELECT body_sha256 FROM article ORDER BY page_id, seq"),
        ] {
            try await driver.withLocation { location in
                try await withStore(location) { (store: any Store) async throws in
                    _ = try await store.save([F.march, Self.longPage, Self.respacedPage], mode: .skipExisting)
                }
                if driver == .sqlite {
                    #expect(try await Self.count("SELECT count(*) FROM article WHERE length(body_sha256) = 32", driver, location) == 4)
                }
                digests.append(try await Self.lines(query, driver, location))
            }
        }
        #expect(digests.count == 2 && digests[0] == digests[1])
        let lines = digests[0].split(separator: "\n")
        #expect(lines.map(\.count) == [64, 64, 64, 64])
        #expect(Set(lines).count == 3 && lines[2] == lines[3])
    }

    /// A new SQLite archive has 8 KiB pages and gives back freed pages when optimized, so its file
    /// does not keep them.
    @Test func aNewSQLiteArchiveHasLargePagesAndGivesBackFreedOnes() async throws {
        try await Driver.sqlite.withLocation { location in
            try await withStore(location) { (store: any Store) async throws in
                _ = try await store.save([Self.longPage], mode: .skipExisting)
            }
            #expect(try await Self.count("PRAGMA auto_vacuum", .sqlite, location) == 2)
            #expect(try await Self.count("PRAGMA page_size", .sqlite, location) == 8192)
            try await Self.execute(
                [
                    "CREATE TABLE scratch (bytes BLOB)",
                    "INSERT INTO scratch SELECT randomblob(4000) FROM (SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3)",
                    "DROP TABLE scratch",
                ], forgetting: [], .sqlite, location)
            #expect(try await Self.count("PRAGMA freelist_count", .sqlite, location) >= 3)
            try await withStore(location) { (store: any Store) async throws in try await store.optimize() }
            #expect(try await Self.count("PRAGMA freelist_count", .sqlite, location) == 0)
        }
    }

    /// A page saved with its articles out of order reads back: its text's dictionary follows `seq`.
    @Test func aPageSavedWithItsArticlesOutOfOrderReadsBack() async throws {
        try await Driver.sqlite.withLocation { location in
            var page = Self.longPage
            let second = ExtractedArticle(
                article: Article(seq: 2, headline: "物流园区扩容", section: "要闻", body: "岚江现代物流园二期今天投用。"))
            page.articles = [second] + page.articles
            page.page.text += "\n# 物流园区扩容\n岚江现代物流园二期今天投用。"
            try await withStore(location) { (store: any Store) async throws in
                _ = try await store.save([page], mode: .skipExisting)
                let read = try #require(try await store.fetchPage(id: 1))
                #expect(read.page.text == page.page.text)
                #expect(read.articles.map(\.article.seq) == [1, 2])
            }
        }
    }

    /// A page whose articles were changed behind the archive's back cannot give its text back: reading
    /// it fails and says so (the text's checksum does not match), rather than returning other text.
    @Test func aPageWhoseArticlesChangedOutsideTheArchiveFailsToRead() async throws {
        try await Driver.sqlite.withLocation { location in
            try await withStore(location) { (store: any Store) async throws in
                _ = try await store.save([Self.longPage], mode: .skipExisting)
            }
            let changed = Self.longPage.articles[0].article.body.replacingOccurrences(of: "岚江市", with: "北湾县")
            try await Self.execute(
                ["UPDATE article SET body = '\(changed)'"], forgetting: [], .sqlite, location)
            try await withStore(location) { (store: any Store) async throws in
                _ = await #expect(throws: (any Error).self) { _ = try await store.fetchPage(id: 1) }
            }
        }
    }

    static func execute(_ statements: [String], forgetting migrations: [String], _ driver: Driver, _ location: String)
        async throws
    {
        switch driver {
        case .sqlite:
            var configuration = Configuration()
            configuration.prepareDatabase { db in try SQLiteStore.registerSearchFunctions(db) }
            let queue = try DatabaseQueue(path: location, configuration: configuration)
            try await queue.write { db in
                for statement in statements { try db.execute(sql: statement) }
                for migration in migrations {
                    try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = ?", arguments: [migration])
                }
            }
            try queue.close()
        case .postgres:
            let postgres = try TemporaryPostgres.required()
            let sql = (statements + migrations.map { "DELETE FROM schema_migrations WHERE id = '\($0)'" }).joined(
                separator: ";\n")
            try await postgres.psql(sql, database: database(of: location))
        }
    }

    /// The rows of a one-column query, one a line.
    static func lines(_ sql: String, _ driver: Driver, _ location: String) async throws -> String {
        switch driver {
        case .sqlite:
            let queue = try DatabaseQueue(path: location)
            defer { try? queue.close() }
            return try await queue.read { db in try String.fetchAll(db, sql: sql).joined(separator: "\n") }
        case .postgres:
            return try await TemporaryPostgres.required().psql(sql, database: database(of: location))
        }
    }

    static func count(_ sql: String, _ driver: Driver, _ location: String) async throws -> Int {
        switch driver {
        case .sqlite:
            let queue = try DatabaseQueue(path: location)
            defer { try? queue.close() }
            return try await queue.read { db in try Int.fetchOne(db, sql: sql) ?? -1 }
        case .postgres:
            let postgres = try TemporaryPostgres.required()
            return Int(try await postgres.psql(sql, database: database(of: location))) ?? -1
        }
    }

    static func database(of url: String) -> String {
        String(url.split(separator: "/").last ?? "")
    }
}
