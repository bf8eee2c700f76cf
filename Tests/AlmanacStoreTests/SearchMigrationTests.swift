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
                        DROP TABLE search_index_state;
                        DELETE FROM grdb_migrations WHERE identifier IN ('v2 article search', 'v4 search index');
                        """)
            }
            try queue.close()
            let store = try SQLiteStore(path: path)
            #expect(try await store.search(SearchQuery(text: "工程")).map(\.page).sorted() == ["0305.txt", "0901.txt"])
            #expect(try await Self.searchIndexKeepsText(at: path) == false)
        }
    }

    @Test func aSQLiteArchiveWithTheV2IndexLosesItsCopyOfTheText() async throws {
        try await Driver.sqlite.withLocation { path in
            try await Self.saveCorpus(in: try SQLiteStore(path: path))
            let queue = try DatabaseQueue(path: path)
            try await queue.write { db in
                // The index as "v2 article search" made it: FTS5 with its own copy of the words.
                try db.execute(
                    sql: """
                        DROP TRIGGER article_search_delete;
                        DROP TABLE article_search;
                        DROP TABLE search_index_state;
                        CREATE VIRTUAL TABLE article_search USING fts5(headline, body, captions);
                        INSERT INTO article_search (rowid, headline, body, captions) SELECT id, '', '', '' FROM article;
                        DELETE FROM grdb_migrations WHERE identifier = 'v4 search index';
                        """)
            }
            try queue.close()
            #expect(try await Self.searchIndexKeepsText(at: path) == true)
            let store = try SQLiteStore(path: path)
            #expect(try await Self.searchIndexKeepsText(at: path) == false)
            #expect(try await store.search(SearchQuery(text: "岚江")).count == 4)
        }
    }

    @Test func aSQLiteIndexCutByAnotherSegmenterIsRebuiltWhenOpened() async throws {
        try await Driver.sqlite.withLocation { path in
            try await Self.saveCorpus(in: try SQLiteStore(path: path))
            let queue = try DatabaseQueue(path: path)
            try await queue.write { db in
                // As if an older segmenter had cut nothing: an empty index under another fingerprint.
                try db.execute(
                    sql: """
                        INSERT INTO article_search (article_search) VALUES ('delete-all');
                        UPDATE search_index_state SET fingerprint = 'an older segmenter';
                        """)
            }
            #expect(try await queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM article_search") } == 0)
            try queue.close()
            let store = try SQLiteStore(path: path)
            #expect(try await store.search(SearchQuery(text: "工程")).map(\.page).sorted() == ["0305.txt", "0901.txt"])
        }
    }

    @Test func aSQLiteIndexReadByUnicode61IsRebuiltForTheAsciiTokenizer() async throws {
        try await Driver.sqlite.withLocation { path in
            try await Self.saveCorpus(in: try SQLiteStore(path: path))
            let queue = try DatabaseQueue(path: path)
            try await queue.write { db in
                // The index as "v9 search index body first" made it, left empty: the migration refills it.
                try db.execute(
                    sql: """
                        DROP TRIGGER article_search_delete;
                        DROP TABLE article_search;
                        CREATE VIRTUAL TABLE article_search USING fts5(
                            body, headline, captions, content = '', tokenize = 'unicode61 remove_diacritics 0');
                        CREATE TRIGGER article_search_delete AFTER DELETE ON article BEGIN
                            INSERT INTO article_search (article_search, rowid, headline, body, captions)
                            VALUES ('delete', old.id, almanac_search_words(old.headline),
                                almanac_search_words(old.body), almanac_search_caption_words(old.captions));
                        END;
                        DELETE FROM grdb_migrations WHERE identifier = 'v17 search index ascii tokenizer';
                        """)
            }
            try queue.close()
            let store = try SQLiteStore(path: path)
            #expect(try await store.search(SearchQuery(text: "工程")).map(\.page).sorted() == ["0305.txt", "0901.txt"])
            let table = try await DatabaseQueue(path: path).read { db in
                try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'article_search'")
            }
            #expect(table?.contains("tokenize = 'ascii'") == true)
            // A deleted article leaves the index too (the trigger is back, deleting with the new words).
            var configuration = Configuration()
            configuration.prepareDatabase { db in try SQLiteStore.registerSearchFunctions(db) }
            try await DatabaseQueue(path: path, configuration: configuration).write { db in
                try db.execute(sql: "DELETE FROM article WHERE headline = ?", arguments: ["港口货物吞吐量创新高"])
            }
            #expect(try await store.search(SearchQuery(text: "工程")).map(\.page) == ["0305.txt"])
        }
    }

    /// Whether the FTS5 index keeps its own copy of the indexed words (a `content` table).
    static func searchIndexKeepsText(at path: String) async throws -> Bool {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try await queue.read { db in
            try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'article_search_content')") ?? true
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
            var configuration = Configuration()
            configuration.foreignKeysEnabled = true
            configuration.prepareDatabase { db in try SQLiteStore.registerSearchFunctions(db) }
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try await queue.write { db in try db.execute(sql: "DELETE FROM page WHERE name = '0305.txt'") }
            try queue.close()
            #expect(try await store.search(SearchQuery(text: "工程")).map(\.page) == ["0901.txt"])
            // The index holds exactly the articles left: deletion took out the words indexed, no more.
            #expect(try await store.search(SearchQuery(text: "岚江")).map(\.page).sorted() == ["0618.txt", "0901.txt"])
            let left = try await store.fetchCounts().articles
            let reader = try DatabaseQueue(path: path)
            let indexed = try await reader.read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM article_search_docsize") ?? -1
            }
            try reader.close()
            #expect(indexed == left)
        }
    }

    @Test func aProgramWithoutTheSearchFunctionsCannotDeleteArticles() async throws {
        try await Driver.sqlite.withLocation { path in
            let store = try SQLiteStore(path: path)
            try await Self.saveCorpus(in: store)
            var configuration = Configuration()
            configuration.foreignKeysEnabled = true
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            await #expect(throws: DatabaseError.self) {
                try await queue.write { db in try db.execute(sql: "DELETE FROM page WHERE name = '0305.txt'") }
            }
            try queue.close()
            #expect(try await store.search(SearchQuery(text: "工程")).map(\.page).sorted() == ["0305.txt", "0901.txt"])
        }
    }

    @Test func aPostgresIndexCutByAnotherSegmenterIsRebuiltWhenOpened() async throws {
        let postgres = try TemporaryPostgres.required()
        let url = try await postgres.makeDatabase()
        let first = try await PostgresStore.connect(url: url)
        try await Self.saveCorpus(in: first)
        await first.close()
        let database = String(url.split(separator: "/").last ?? "")
        try await postgres.psql(
            "UPDATE article SET search = ''::tsvector; UPDATE search_index_state SET fingerprint = 'older'",
            database: database)
        let store = try await PostgresStore.connect(url: url)
        #expect(try await store.search(SearchQuery(text: "工程")).map(\.page).sorted() == ["0305.txt", "0901.txt"])
        await store.close()
    }
}
