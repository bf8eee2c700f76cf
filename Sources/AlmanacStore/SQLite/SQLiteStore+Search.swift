import AlmanacModel
import GRDB

/// Full-text search: a contentless FTS5 index over the pre-segmented words of each article.
///
/// `article_search` indexes, under the article's id as rowid, its headline, body and captions as
/// ``SearchText`` cuts them (words and sub-words joined by spaces, in their search form), read by
/// FTS5's built-in `ascii` tokenizer, so the file can still be searched from the `sqlite3` shell
/// (`SELECT rowid FROM article_search WHERE article_search MATCH '工程'`). The index keeps no copy of
/// the text (`content=''`): the text is in `article`, and an article is taken out of the index by
/// FTS5's `'delete'` command with the words it was indexed with, recomputed by the SQL function
/// `almanac_search_words` that every connection of the store registers (see
/// ``SQLiteStore/registerSearchFunctions(_:searchText:)``). Because those words must be the ones
/// indexed, the index records ``SearchText/fingerprint`` and is rebuilt when the segmenter changes.
///
/// Hits: the matches (filters included) with the highest ids, at most ``SearchQuery/rankedWindow``
/// of them, ranked by ``SearchRank`` (BM25 without IDF) with the headline weighted 4, captions 2 and
/// the body 1.
extension SQLiteStore {
    public func search(_ query: SearchQuery) async throws -> [SearchHit] {
        let terms = try searchText.terms(of: query.text)
        guard query.limit > 0 else { return [] }
        // The page and article are joined into the window only to filter: reading every candidate's row
        // costs more than ranking it. Only the window's rows scoring at least the (offset + limit)-th
        // best score can be on the page asked for, so only they are joined to their article and page
        // (for the date that breaks ties, and the text): a thousand row lookups become about twenty.
        let filtered = query.isFiltered
        let filterJoin =
            filtered
            ? """
            JOIN article ON article.id = article_search.rowid
            JOIN page ON page.id = article.page_id
            """ : ""
        let filters =
            filtered
            ? SearchFilters.sql(
                from: ":from", to: ":to", section: ":section", paper: ":paper", entity: ":entity", nullable: true)
            : ""
        return try await pool.read { db in
            // A cached statement: preparing (and GRDB's authorizer pass over) this SQL on every search
            // costs a noticeable share of a fast one.
            let statement = try db.cachedStatement(
                sql: """
                    WITH ranked AS MATERIALIZED (
                        SELECT article_search.rowid AS id, \(SearchRank.name)(article_search, \(Self.columnWeights)) AS score
                        FROM article_search
                        \(filterJoin)
                        WHERE article_search MATCH :match
                        \(filters)
                        ORDER BY article_search.rowid DESC
                        LIMIT :window
                    )
                    SELECT article.id, article.page_id, page.name AS page_name, page.date AS page_date,
                        page.paper AS page_paper, article.headline, article.section, article.body, article.captions,
                        ranked.score
                    FROM ranked
                    JOIN article ON article.id = ranked.id
                    JOIN page ON page.id = article.page_id
                    WHERE ranked.score >= coalesce(
                        (SELECT score FROM ranked ORDER BY score DESC LIMIT 1 OFFSET :cut), -1e308)
                    ORDER BY ranked.score DESC, page.date DESC, article.id
                    LIMIT :limit OFFSET :offset
                    """)
            let rows = try Row.fetchAll(
                statement,
                arguments: StatementArguments(
                    [
                        "match": SearchText.fts5Expression(terms), "window": query.rankedWindow,
                        "limit": query.limit, "offset": max(0, query.offset),
                        "cut": max(0, query.offset) + query.limit - 1,
                    ].merging(
                        filtered
                            ? [
                                "from": query.from, "to": query.to, "section": query.section, "paper": query.paper,
                                "entity": query.entity,
                            ]
                            : [:]
                    ) { first, _ in first }))
            // Columns by position, in the order of the SELECT: looking them up by name costs more than
            // reading them.
            return try rows.map { row in
                let headline: String = row[5]
                return SearchHit(
                    id: row[0], pageID: row[1], page: row[2], date: row[3], paper: row[4], headline: headline,
                    section: row[6],
                    snippet: Snippet.make(
                        terms: terms, headline: headline, bodyScalars: try TextCodec.decodeScalars(row[7]),
                        captions: Self.decodeList(row[8])),
                    score: row[9])
            }
        }
    }

    // MARK: - Index

    public func optimize() async throws {
        try await pool.write { db in
            try db.execute(sql: "INSERT INTO article_search (article_search) VALUES ('optimize')")
            try db.execute(sql: "PRAGMA optimize")
            // Merging the index into one segment frees the pages of the old ones; an archive made
            // with auto_vacuum = INCREMENTAL gives them back (others keep them for later writes).
            try db.execute(sql: "PRAGMA incremental_vacuum")
        }
    }

    /// Registers on `db` the SQL functions that deleting an article from the archive needs (see
    /// ``registerSearchFunctions(_:searchText:)``), for a program that opens the file with GRDB itself,
    /// and makes the archive's body dictionaries known to the process (deflated bodies name theirs).
    ///
    /// ```swift
    /// var configuration = Configuration()
    /// configuration.prepareDatabase { db in try SQLiteStore.registerSearchFunctions(db) }
    /// ```
    public static func registerSearchFunctions(_ db: Database) throws {
        registerSearchFunctions(db, searchText: try SearchText.bundled())
        // The dictionaries and codes its bodies were stored with, so the functions can read them.
        _ = try loadBodyDictionaries(db)
        _ = try loadCharacterCodes(db)
    }

    /// Adds `article`, stored under `id`, to the search index; runs inside the caller's transaction.
    static func index(_ article: Article, id: Int64, in db: Database, searchText: SearchText) throws {
        try index(fields: searchText.fields(of: article), id: id, in: db)
    }

    /// Adds an article's index words, cut beforehand by `SearchText.fields(of:)`, under `id`.
    ///
    /// Cutting words is most of the cost of indexing: a writer that cuts them before it takes the
    /// write lock lets several pages be cut in parallel.
    static func index(
        fields: (headline: String, body: String, captions: String), id: Int64, in db: Database
    ) throws {
        let insert = "INSERT INTO article_search (rowid, headline, body, captions) VALUES (?, ?, ?, ?)"
        try BoundInsert(db, insert).run { row in
            row.add(id)
            row.add(fields.headline)
            row.add(fields.body)
            row.add(fields.captions)
        }
    }

    /// Registers on `db` the SQL functions the index's delete trigger calls:
    /// `almanac_search_words(text)` and `almanac_search_caption_words(captionsJSON)`, the words
    /// ``SearchText`` indexes for a headline or body (stored as text or deflated) and for a stored
    /// caption list; and `almanac_text(value)`, a body as text whichever way it is stored (``TextCodec``).
    ///
    /// A connection without them (the `sqlite3` shell, another program) can search the archive but
    /// cannot delete articles: the trigger fails and the delete is refused, so the index is never left
    /// holding an article that is gone.
    static func registerSearchFunctions(_ db: Database, searchText: SearchText) {
        SearchRank.register(db)
        db.add(
            function: DatabaseFunction("almanac_search_words", argumentCount: 1, pure: true) { values in
                values[0].isNull ? "" : searchText.indexed(try TextCodec.decode(values[0]))
            })
        db.add(
            function: DatabaseFunction("almanac_text", argumentCount: 1, pure: true) { values in
                values[0].isNull ? nil : try TextCodec.decode(values[0])
            })
        db.add(
            function: DatabaseFunction("almanac_search_caption_words", argumentCount: 1, pure: true) { values in
                searchText.indexed(captions: decodeList(String.fromDatabaseValue(values[0])))
            })
    }

    /// Registers the migration that makes the index contentless ("v4 search index"): the FTS5 table of
    /// "v2 article search" kept a second, segmented copy of every article's text.
    static func registerSearchIndexMigration(_ migrator: inout DatabaseMigrator, searchText: SearchText) {
        migrator.registerMigration("v4 search index") { db in
            try db.execute(
                sql: """
                    DROP TRIGGER IF EXISTS article_search_delete;
                    DROP TABLE IF EXISTS article_search;
                    CREATE TABLE search_index_state (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        fingerprint TEXT NOT NULL
                    );
                    """)
            try createContentlessIndex(
                db, columns: "headline, body, captions", tokenizer: "unicode61 remove_diacritics 0")
            try fillSearchIndex(db, searchText: searchText)
        }
    }

    /// Registers the migration that puts the body first among the index's columns ("v9 search index
    /// body first"): FTS5 marks every occurrence outside the first column with the column's number,
    /// two bytes an entry, and most occurrences are in the body — an eighth of the index. The
    /// articles are cut into words again (the contentless index cannot be read back).
    static func registerBodyFirstMigration(_ migrator: inout DatabaseMigrator, searchText: SearchText) {
        migrator.registerMigration("v9 search index body first") { db in
            try recreateContentlessIndex(
                db, tokenizer: "unicode61 remove_diacritics 0", hashSize: nil, searchText: searchText)
        }
    }

    /// Registers the migration that reads the index with FTS5's `ascii` tokenizer ("v17 search index
    /// ascii tokenizer"), with index words in their search form (`ScalarClass.searchForm(_:)`).
    ///
    /// `unicode61` looked up the Unicode category and case of every Chinese character it read, to
    /// find words the index text already spells out between spaces: a profile of an ingest of
    /// 10,000 generated pages put 2.5 % of all its CPU in that tokenizer. `ascii` splits at ASCII
    /// spaces and punctuation and takes every other scalar as part of a word. The articles are cut
    /// into words again (the contentless index cannot be read back).
    static func registerAsciiTokenizerMigration(_ migrator: inout DatabaseMigrator, searchText: SearchText) {
        migrator.registerMigration("v17 search index ascii tokenizer") { db in
            try recreateContentlessIndex(
                db, tokenizer: "ascii", hashSize: Self.searchIndexHashSize, searchText: searchText)
        }
    }

    /// Replaces the contentless index by one of the three fields, body first, read by `tokenizer`
    /// and with FTS5's `hashsize` set to `hashSize` (its default when `nil`), and fills it.
    static func recreateContentlessIndex(
        _ db: Database, tokenizer: String, hashSize: Int?, searchText: SearchText
    ) throws {
        try db.execute(sql: "DROP TRIGGER article_search_delete; DROP TABLE article_search;")
        try createContentlessIndex(db, columns: "body, headline, captions", tokenizer: tokenizer)
        if let hashSize {
            try db.execute(
                sql: "INSERT INTO article_search (article_search, rank) VALUES ('hashsize', ?)",
                arguments: [hashSize])
        }
        try fillSearchIndex(db, searchText: searchText)
    }

    /// The bytes of new search-index entries FTS5 keeps in memory before it writes them out as a
    /// segment (`hashsize`, migration v15): more than a write batch of 256 pages gathers.
    static let searchIndexHashSize = 8 << 20

    /// The weights `almanac_rank` gives the index's columns, in their order (body, headline, captions).
    static let columnWeights = "1.0, 4.0, 2.0"

    /// Rebuilds the index when it was built by a segmenter other than `searchText`'s (an upgrade
    /// changed the lexicon or the cutting rules), so queries and deletes see the words indexed.
    static func refreshSearchIndexIfStale(_ pool: DatabasePool, searchText: SearchText) throws {
        let stored = try pool.read { db in
            try String.fetchOne(db, sql: "SELECT fingerprint FROM search_index_state WHERE id = 1")
        }
        guard stored != searchText.fingerprint else { return }
        try pool.write { db in
            try db.execute(sql: "INSERT INTO article_search (article_search) VALUES ('delete-all')")
            try fillSearchIndex(db, searchText: searchText)
        }
    }

    /// Creates the contentless table with `columns` (the three fields, in that order) and the trigger
    /// that takes a deleted article out of it.
    static func createContentlessIndex(_ db: Database, columns: String, tokenizer: String) throws {
        try db.execute(
            sql: """
                CREATE VIRTUAL TABLE article_search USING fts5(
                    \(columns), content = '', tokenize = '\(tokenizer)'
                );
                CREATE TRIGGER article_search_delete AFTER DELETE ON article BEGIN
                    INSERT INTO article_search (article_search, rowid, headline, body, captions)
                    VALUES ('delete', old.id, almanac_search_words(old.headline), almanac_search_words(old.body),
                        almanac_search_caption_words(old.captions));
                END;
                """)
    }

    /// Indexes every stored article and records the fingerprint of the words' cutting.
    static func fillSearchIndex(_ db: Database, searchText: SearchText) throws {
        let rows = try Row.fetchCursor(db, sql: "SELECT id, headline, body, captions FROM article")
        while let row = try rows.next() {
            let article = Article(
                seq: 0, headline: row["headline"], captions: decodeList(row["captions"]),
                body: try TextCodec.decode(row["body"]))
            try index(article, id: row["id"], in: db, searchText: searchText)
        }
        try db.execute(
            sql: "INSERT OR REPLACE INTO search_index_state (id, fingerprint) VALUES (1, ?)",
            arguments: [searchText.fingerprint])
    }

    /// Creates the index of "v2 article search", as that migration shipped: with its own copy of the text.
    static func createSearchIndex(_ db: Database, searchText: SearchText) throws {
        try db.execute(
            sql: """
                CREATE VIRTUAL TABLE article_search USING fts5(
                    headline, body, captions, tokenize = 'unicode61 remove_diacritics 0'
                );
                CREATE TRIGGER article_search_delete AFTER DELETE ON article BEGIN
                    DELETE FROM article_search WHERE rowid = old.id;
                END;
                """)
        let rows = try Row.fetchCursor(db, sql: "SELECT id, headline, body, captions FROM article")
        while let row = try rows.next() {
            let article = Article(
                seq: 0, headline: row["headline"], captions: decodeList(row["captions"]),
                body: try TextCodec.decode(row["body"]))
            try index(article, id: row["id"], in: db, searchText: searchText)
        }
    }
}
