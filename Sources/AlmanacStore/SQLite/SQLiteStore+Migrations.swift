import GRDB

extension SQLiteStore {
    /// The schema, one registered migration per change; never edit a migration that has shipped.
    ///
    /// `searchText` cuts the articles already stored when the search index is first created.
    static func migrator(searchText: SearchText) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 pages and articles") { db in
            try db.execute(
                sql: """
                    CREATE TABLE page (
                        id INTEGER PRIMARY KEY,
                        source TEXT NOT NULL,
                        name TEXT NOT NULL,
                        sha256 TEXT NOT NULL UNIQUE,
                        paper TEXT NOT NULL DEFAULT '',
                        date TEXT,
                        date_source TEXT,
                        number INTEGER,
                        text TEXT NOT NULL,
                        ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                    );
                    CREATE TABLE article (
                        id INTEGER PRIMARY KEY,
                        page_id INTEGER NOT NULL REFERENCES page(id) ON DELETE CASCADE,
                        seq INTEGER NOT NULL,
                        headline TEXT NOT NULL,
                        subheadline TEXT NOT NULL,
                        section TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        bylines TEXT NOT NULL,
                        photographers TEXT NOT NULL,
                        captions TEXT NOT NULL,
                        body TEXT NOT NULL,
                        body_sha256 TEXT NOT NULL,
                        UNIQUE (page_id, seq)
                    );
                    CREATE INDEX article_body_sha256 ON article(body_sha256);
                    CREATE INDEX page_date ON page(date);
                    """)
        }
        migrator.registerMigration("v2 article search") { db in
            try createSearchIndex(db, searchText: searchText)
        }
        // Registered after "v3 …" once that lands: the index made contentless (SQLiteStore+Search.swift).
        registerSearchIndexMigration(&migrator, searchText: searchText)
        return migrator
    }
}
