import AlmanacModel
@testable import AlmanacStore
import PostgresNIO
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
    /// The archive the search tests below read: the conformance corpus, then a page of twelve articles
    /// that all hold 岚江, analysed so that the planner has the words' frequencies.
    static func crowdedArchive() async throws -> PostgresStore {
        let store = try await PostgresStore.connect(url: TemporaryPostgres.required().makeDatabase())
        for (page, articles) in SearchConformanceTests.corpus + [SearchConformanceTests.crowded] {
            _ = try await store.save(page: page, articles: articles)
        }
        try await store.optimize()
        return store
    }

    @Test func bothWalksToTheMatchesFindTheSameHits() async throws {
        let store = try await Self.crowdedArchive()
        var queries = SearchConformanceTests.cases.map(\.query)
        queries += [
            SearchQuery(text: "岚江", limit: 12), SearchQuery(text: "岚江", limit: 5, window: 5),
            SearchQuery(text: "岚江", section: "港航", limit: 3, window: 3),
            SearchQuery(text: "岚江 泊位", limit: 4, offset: 4, window: 5),
        ]
        for query in queries {
            let newest = try await store.search(query, walk: .newestFirst)
            let indexed = try await store.search(query, walk: .fromIndex)
            let chosen = try await store.search(query)
            #expect(newest.map(\.id) == indexed.map(\.id), "\(query.text)")
            #expect(newest.map(\.score) == indexed.map(\.score), "\(query.text)")
            #expect(chosen.map(\.id) == newest.map(\.id), "\(query.text)")
        }
        #expect(try await store.search(SearchQuery(text: "岚江", limit: 12), walk: .fromIndex).count == 12)
        await store.close()
    }

    /// With a window of one, walking the key reads about `articles ÷ matches` rows and the index
    /// `matches`: a word in most articles is walked by key, a word in one by the index.
    @Test func theWalkFollowsThePlannersEstimateOfTheMatches() async throws {
        let store = try await Self.crowdedArchive()
        func walk(_ text: String, paper: String? = nil) async throws -> PostgresStore.MatchWalk {
            let query = SearchQuery(text: text, paper: paper, limit: 1, window: 1)
            return try await store.matchWalk(query, terms: store.searchText.terms(of: query.text))
        }
        #expect(try await walk("岚江") == .newestFirst)
        #expect(try await walk("夜市") == .fromIndex)
        #expect(try await walk("量子计算机") == .fromIndex)
        // Two terms: the rarer one's count is taken.
        #expect(try await walk("岚江 泊位") == .newestFirst)
        // With a filter the plan has one part more; one not understood would leave the key walk.
        #expect(try await walk("岚江", paper: "岚江日报") == .newestFirst)
        #expect(try await walk("夜市", paper: "岚江日报") == .fromIndex)
        await store.close()
    }

    /// The entity filter reaches PostgreSQL as a plain `EXISTS`, which its planner turns into a join;
    /// behind `$n IS NULL OR` it stayed a subplan tested on every candidate row, after its words.
    @Test(arguments: [PostgresStore.MatchWalk.newestFirst, .fromIndex])
    func theEntityFilterIsPlannedAsAJoin(walk: PostgresStore.MatchWalk) async throws {
        let store = try await Self.crowdedArchive()
        let query = SearchQuery(text: "岚江", from: "2024-01-01", entity: "岚江市")
        var statement = PostgresStore.searchStatement(
            query, terms: try store.searchText.terms(of: query.text), walk: walk)
        statement.sql = "EXPLAIN " + statement.sql
        var plan = ""
        for try await line in try await store.client.query(statement, logger: store.logger).decode(String.self) {
            plan += line + "\n"
        }
        #expect(plan.contains("mention"), "\(plan)")
        #expect(!plan.contains("SubPlan"), "\(plan)")
        #expect(!plan.contains("IS NULL"), "\(plan)")
        await store.close()
    }

    @Test func theIndexWinsWhileWordMatchesTimesMatchesIsUnderWindowTimesArticles() {
        typealias Walk = PostgresStore.MatchWalk
        #expect(Walk.cheaper(wordMatches: 3_900, matches: 3_900, articles: 100_000, window: 1_000) == .fromIndex)
        #expect(Walk.cheaper(wordMatches: 13_000, matches: 13_000, articles: 100_000, window: 1_000) == .newestFirst)
        #expect(Walk.cheaper(wordMatches: 90_000, matches: 90_000, articles: 100_000, window: 1_000) == .newestFirst)
        // A word in most articles, but few of them pass the filters.
        #expect(Walk.cheaper(wordMatches: 90_000, matches: 900, articles: 100_000, window: 1_000) == .fromIndex)
        // Fewer articles than the window: the index, whatever matches.
        #expect(Walk.cheaper(wordMatches: 900, matches: 900, articles: 900, window: 1_000) == .fromIndex)
    }

    /// Rows gathered column by column come back out of `unnest` as they went in, NULLs, empty and
    /// non-ASCII text, extreme integers and fractions included.
    @Test func columnArraysRoundTripThroughUnnest() async throws {
        let store = try await PostgresStore.connect(url: TemporaryPostgres.required().makeDatabase())
        typealias Row = (Int64, Double?, Bool, String?, Int?)
        let rows: [Row] = [
            (1, 2.5, true, "岚江市", 7), (Int64.min, nil, false, "", nil), (Int64.max, -0.125, true, nil, -3),
        ]
        var arrays = ColumnArrays()
        for row in rows {
            arrays.add(row.0)
            arrays.add(row.1)
            arrays.add(row.2)
            arrays.add(row.3)
            arrays.add(row.4)
            arrays.endRow()
        }
        #expect(arrays.rows == 3 && arrays.columns.count == 5)
        let result = try await store.client.query(
            PostgresQuery(unsafeSQL: "SELECT * FROM unnest($1, $2, $3, $4, $5)", binds: arrays.bindings),
            logger: store.logger)
        var back: [Row] = []
        for try await row in result.decode((Int64, Double?, Bool, String?, Int?).self) { back.append(row) }
        #expect(back.count == rows.count)
        for (got, sent) in zip(back, rows) {
            #expect(got.0 == sent.0 && got.1 == sent.1 && got.2 == sent.2 && got.3 == sent.3 && got.4 == sent.4)
        }
        await store.close()
    }
}
