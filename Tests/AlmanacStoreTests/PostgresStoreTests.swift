import AlmanacModel
import AlmanacStore
import Testing

/// What only the PostgreSQL driver has: connecting, migrating beside other processes, closing.
@Suite(.temporaryPostgres)
struct PostgresStoreTests {
    /// Fails rather than retrying for ever; the time limit guards against a hang, not a speed.
    @Test(.timeLimit(.minutes(1))) func aServerThatIsNotThereFailsAndSaysSo() async throws {
        let port = try TemporaryPostgres.freePort()
        let error = await #expect(throws: PostgresStoreError.self) {
            try await PostgresStore.connect(url: "postgres://almanac:hunter2@127.0.0.1:\(port)/almanac")
        }
        #expect(error?.code == .cannotConnect)
        #expect(error?.message.contains("127.0.0.1:\(port)") == true)
        #expect(error?.message.contains("hunter2") == false)
    }

    @Test func aMissingDatabaseIsNamedWithTheServersReason() async throws {
        let url = try await TemporaryPostgres.required().makeDatabase() + "_missing"
        let error = await #expect(throws: PostgresStoreError.self) { try await PostgresStore.connect(url: url) }
        #expect(error?.code == .cannotConnect)
        #expect(error?.sqlState == "3D000")
        #expect(error?.message.contains("does not exist") == true)
    }

    @Test func processesMigratingAtOnceApplyEachMigrationOnce() async throws {
        let postgres = try TemporaryPostgres.required()
        let url = try await postgres.makeDatabase()
        let stores = try await withThrowingTaskGroup(of: PostgresStore.self) { group in
            for _ in 0..<4 { group.addTask { try await PostgresStore.connect(url: url) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        for store in stores { await store.close() }
        let database = String(url.split(separator: "/").last ?? "")
        #expect(
            try await postgres.psql("SELECT id FROM schema_migrations ORDER BY id", database: database)
                == [
                    "v1 pages and articles", "v11 project mention index", "v12 project mention dates",
                    "v13 entity project dates", "v14 entity project pages", "v2 article search",
                    "v3 facts and entities", "v4 search index", "v5 compact facts and mentions",
                    "v6 compact storage", "v7 indicator table", "v8 no name index",
                ].joined(separator: "\n"))
    }

    @Test func anArchiveFromANewerVersionIsRefused() async throws {
        let postgres = try TemporaryPostgres.required()
        let url = try await postgres.makeDatabase()
        try await PostgresStore.connect(url: url).close()
        let database = String(url.split(separator: "/").last ?? "")
        try await postgres.psql("INSERT INTO schema_migrations (id) VALUES ('v99 from the future')", database: database)
        let error = await #expect(throws: PostgresStoreError.self) { try await PostgresStore.connect(url: url) }
        #expect(error?.code == .migrationFailed)
        #expect(error?.message.contains("v99 from the future") == true)
    }

    @Test func aFailedSaveSaysWhichConstraintAndPage() async throws {
        let store = try await PostgresStore.connect(url: TemporaryPostgres.required().makeDatabase())
        let page = Page(source: "/pages/p.txt", sha256: "ab", text: "x")
        let article = Article(seq: 1, headline: "h")
        let error = await #expect(throws: PostgresStoreError.self) {
            try await store.save(page: page, articles: [article, article])
        }
        #expect(error?.sqlState == "23505")
        #expect(error?.message.contains("p.txt") == true)
        await store.close()
    }

    @Test func readsThatStopAtTheFirstRowGiveTheirConnectionBack() async throws {
        // More calls than the pool has connections: a leaked lease would hang here.
        let store = try await PostgresStore.connect(url: TemporaryPostgres.required().makeDatabase())
        let page = Page(source: "/pages/p.txt", sha256: "cd", text: "x")
        _ = try await store.save(page: page, articles: [])
        for _ in 0..<40 {
            #expect(try await store.containsPage(sha256: "cd"))
            #expect(try await store.save(page: page, articles: []) == .skipped(pageID: 1))
            _ = try await store.fetchCounts()
        }
        await store.close()
    }

    @Test func aClosedStoreSaysItIsClosed() async throws {
        let store = try await PostgresStore.connect(url: TemporaryPostgres.required().makeDatabase())
        await store.close()
        await store.close()
        let error = await #expect(throws: PostgresStoreError.self) { try await store.fetchCounts() }
        #expect(error?.code == .closed)
    }

    @Test func searchCanUseTheGINIndex() async throws {
        let postgres = try TemporaryPostgres.required()
        let url = try await postgres.makeDatabase()
        let store = try await PostgresStore.connect(url: url)
        for (page, articles) in SearchConformanceTests.corpus {
            _ = try await store.save(page: page, articles: articles)
        }
        await store.close()
        let database = String(url.split(separator: "/").last ?? "")
        // The WHERE clause has the shape PostgresStore.search writes; sequential scans are priced out.
        let plan = try await postgres.psql(
            """
            SET enable_seqscan = off;
            EXPLAIN SELECT article.id FROM article JOIN page ON page.id = article.page_id
            WHERE article.search @@ ((phraseto_tsquery('simple', '工程'::text)))
            """, database: database)
        #expect(plan.contains("article_search"), "\(plan)")
    }
}
