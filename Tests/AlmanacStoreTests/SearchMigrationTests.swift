import AlmanacModel
import AlmanacStore
import GRDB
import Testing

/// Archives written before search existed become searchable when opened by this version.
@Suite(.temporaryPostgres)
struct SearchMigrationTests {
    static func saveCorpus(in store: any Store) async throws {
        for (page, articles) in SearchConformanceTests.corpus {
            _ = try await store.save(page: page, articles: articles)
        }
    }

    @Test func aSQLiteArchiveWithoutTheIndexIsIndexedWhenOpened() async throws {
        try await Driver.sqlite.withLocation { path in
            try await Self.saveCorpus(in: try SQLiteStore(path: path))
            // Take the archive back to schema v1, as an older almanac left it.
            let queue = try DatabaseQueue(path: path)
            try await queue.write { db in
                try db.execute(
                    sql: """
                        DROP TRIGGER article_search_delete;
                        DROP TABLE article_search;
                        DELETE FROM grdb_migrations WHERE identifier = 'v2 article search';
                        """)
            }
            try queue.close()
            let store = try SQLiteStore(path: path)
            #expect(try await store.search(SearchQuery(text: "工程")).map(\.page).sorted() == ["0305.txt", "0901.txt"])
        }
    }

    @Test func aPostgresArchiveWithUnindexedArticlesIsIndexedWhenOpened() async throws {
        let postgres = try TemporaryPostgres.required()
        let url = try await postgres.makeDatabase()
        let first = try await PostgresStore.connect(url: url)
        try await Self.saveCorpus(in: first)
        await first.close()
        let database = String(url.split(separator: "/").last ?? "")
        try await postgres.psql("UPDATE article SET search = NULL", database: database)
        let store = try await PostgresStore.connect(url: url)
        #expect(try await store.search(SearchQuery(text: "工程")).map(\.page).sorted() == ["0305.txt", "0901.txt"])
        await store.close()
    }

    @Test func deletingAPageTakesItsArticlesOutOfTheSQLiteIndex() async throws {
        try await Driver.sqlite.withLocation { path in
            let store = try SQLiteStore(path: path)
            try await Self.saveCorpus(in: store)
            let queue = try DatabaseQueue(path: path)
            try await queue.write { db in
                try db.execute(sql: "PRAGMA foreign_keys = ON; DELETE FROM page WHERE name = '0305.txt'")
            }
            try queue.close()
            #expect(try await store.search(SearchQuery(text: "工程")).map(\.page) == ["0901.txt"])
        }
    }
}
