import Foundation
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
        migrator.registerMigration("v3 facts and entities") { db in
            try db.execute(sql: factsAndEntitiesSchema)
        }
        // The index made contentless (SQLiteStore+Search.swift).
        registerSearchIndexMigration(&migrator, searchText: searchText)
        migrator.registerMigration("v5 compact facts and mentions") { db in
            for statement in SharedMigrations.compactFactsAndMentions { try db.execute(sql: statement) }
        }
        // Article bodies and page text are deflated as they are written (`TextCodec`); rows stored
        // before stay text and read as they are.
        migrator.registerMigration("v6 compact storage") { db in
            for statement in SharedMigrations.compactStorage(.sqlite) { try db.execute(sql: statement) }
        }
        migrator.registerMigration("v7 indicator table") { db in
            for statement in SharedMigrations.indicatorTable(.sqlite) { try db.execute(sql: statement) }
        }
        migrator.registerMigration("v8 no name index") { db in
            for statement in SharedMigrations.dropNameIndex { try db.execute(sql: statement) }
        }
        registerBodyFirstMigration(&migrator, searchText: searchText)
        // Bodies written from now on are deflated with this dictionary (`TextCodec.bodyDictionary`).
        migrator.registerMigration("v10 text dictionary") { db in
            try db.execute(sql: "CREATE TABLE text_dictionary (id INTEGER PRIMARY KEY, bytes BLOB NOT NULL)")
            try db.execute(
                sql: "INSERT INTO text_dictionary (bytes) VALUES (?)",
                arguments: [Data(TextCodec.bodyDictionary(from: searchText.segmenter.lexicon))])
        }
        migrator.registerMigration("v11 project mention index") { db in
            for statement in SharedMigrations.projectMentionIndex { try db.execute(sql: statement) }
        }
        migrator.registerMigration("v12 project mention dates") { db in
            for statement in SharedMigrations.projectMentionDates(.sqlite) { try db.execute(sql: statement) }
        }
        migrator.registerMigration("v13 entity project dates") { db in
            for statement in SharedMigrations.entityProjectDates { try db.execute(sql: statement) }
        }
        migrator.registerMigration("v14 entity project pages") { db in
            for statement in SharedMigrations.entityProjectPages(.sqlite) { try db.execute(sql: statement) }
        }
        // FTS5 gathers a transaction's new index entries in memory and writes them out as a segment
        // when they pass its `hashsize`, 1 MB by default: a write batch of 256 pages wrote several small
        // segments, each a flush of its own and more to merge later. Kept in the index's config table.
        migrator.registerMigration("v15 search index hash size") { db in
            try db.execute(
                sql: "INSERT INTO article_search (article_search, rank) VALUES ('hashsize', ?)",
                arguments: [Self.searchIndexHashSize])
        }
        // Bodies written from now on are spelt in this code (`CharacterCode.forBodies`) instead of
        // being deflated: 10,000 generated pages, about a twelfth of an ingest's CPU went to deflating
        // bodies. Bodies deflated before read as they are.
        migrator.registerMigration("v16 character code") { db in
            try db.execute(sql: "CREATE TABLE text_code (id INTEGER PRIMARY KEY, bytes BLOB NOT NULL)")
            try db.execute(
                sql: "INSERT INTO text_code (bytes) VALUES (?)",
                arguments: [Data(CharacterCode.forBodies(lexicon: searchText.segmenter.lexicon).serialized)])
        }
        registerAsciiTokenizerMigration(&migrator, searchText: searchText)
        return migrator
    }

    /// Facts, entities and mentions (migration "v3 facts and entities"); the PostgreSQL schema is the same.
    ///
    /// A fact's and a mention's `span_start`/`span_end` count scalars of the article `field` they were
    /// read from. A mention keeps what it said about a project; the entity's project columns hold the
    /// latest of those (see `SQLiteStore.refreshEntities`).
    static let factsAndEntitiesSchema = """
        CREATE TABLE fact (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
            field TEXT NOT NULL,
            span_start INTEGER NOT NULL,
            span_end INTEGER NOT NULL,
            text TEXT NOT NULL,
            value REAL NOT NULL,
            low REAL,
            high REAL,
            unit TEXT NOT NULL,
            approx INTEGER NOT NULL,
            indicator TEXT NOT NULL,
            indicator_key TEXT NOT NULL,
            change TEXT,
            period TEXT NOT NULL,
            period_start TEXT,
            period_end TEXT,
            place TEXT NOT NULL,
            sentence TEXT NOT NULL
        );
        CREATE INDEX fact_article ON fact(article_id);
        CREATE INDEX fact_indicator ON fact(indicator_key, place);
        CREATE INDEX fact_place ON fact(place);
        CREATE TABLE entity (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            name TEXT NOT NULL,
            investment REAL,
            stage TEXT,
            place TEXT,
            sector TEXT,
            UNIQUE (kind, name)
        );
        CREATE INDEX entity_name ON entity(name);
        CREATE INDEX entity_investment ON entity(kind, investment);
        CREATE TABLE mention (
            id INTEGER PRIMARY KEY,
            entity_id INTEGER NOT NULL REFERENCES entity(id),
            article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
            field TEXT NOT NULL,
            span_start INTEGER NOT NULL,
            span_end INTEGER NOT NULL,
            text TEXT NOT NULL,
            investment REAL,
            stage TEXT,
            place TEXT,
            sector TEXT
        );
        CREATE INDEX mention_entity ON mention(entity_id);
        CREATE INDEX mention_article ON mention(article_id);
        CREATE INDEX mention_text ON mention(text);
        """
}
