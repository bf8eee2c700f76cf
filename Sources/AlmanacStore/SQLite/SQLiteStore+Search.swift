import AlmanacModel
import GRDB

/// Full-text search: an FTS5 table over the pre-segmented words of each article.
///
/// `article_search` holds, under the article's id as rowid, its headline, body and captions as
/// ``SearchText`` cuts them (words and sub-words joined by spaces) and is read by the portable
/// `unicode61` tokenizer, so the file stays usable from the `sqlite3` shell and any SQLite tool
/// (a custom tokenizer would not be). Hits are ranked by `bm25()` with the headline weighted 4,
/// captions 2 and the body 1.
extension SQLiteStore {
    public func search(_ query: SearchQuery) async throws -> [SearchHit] {
        let terms = try searchText.terms(of: query.text)
        guard query.limit > 0 else { return [] }
        return try await pool.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT article.id, article.page_id, page.name AS page_name, page.date AS page_date,
                        page.paper AS page_paper, article.headline, article.section, article.body, article.captions,
                        -bm25(article_search, 4.0, 1.0, 2.0) AS score
                    FROM article_search
                    JOIN article ON article.id = article_search.rowid
                    JOIN page ON page.id = article.page_id
                    WHERE article_search MATCH :match
                        AND (:from IS NULL OR page.date >= :from)
                        AND (:to IS NULL OR page.date <= :to)
                        AND (:section IS NULL OR article.section = :section)
                        AND (:paper IS NULL OR page.paper = :paper)
                        AND (:entity IS NULL OR EXISTS (SELECT 1 FROM mention WHERE mention.article_id = article.id
                            AND mention.entity_id IN (SELECT id FROM entity WHERE name = :entity
                                UNION SELECT entity_id FROM mention WHERE text = :entity)))
                    ORDER BY score DESC, page.date DESC, article.id
                    LIMIT :limit OFFSET :offset
                    """,
                arguments: [
                    "match": SearchText.fts5Expression(terms), "from": query.from, "to": query.to,
                    "section": query.section, "paper": query.paper, "entity": query.entity, "limit": query.limit,
                    "offset": max(0, query.offset),
                ])
            return rows.map { row in
                SearchHit(
                    id: row["id"], pageID: row["page_id"], page: row["page_name"], date: row["page_date"],
                    paper: row["page_paper"], headline: row["headline"], section: row["section"],
                    snippet: Snippet.make(
                        terms: terms, headline: row["headline"], body: row["body"],
                        captions: Self.decodeList(row["captions"])),
                    score: row["score"])
            }
        }
    }

    // MARK: - Index

    /// Adds `article`, stored under `id`, to the search index; runs inside the caller's transaction.
    static func index(_ article: Article, id: Int64, in db: Database, searchText: SearchText) throws {
        let fields = searchText.fields(of: article)
        try db.execute(
            sql: "INSERT INTO article_search (rowid, headline, body, captions) VALUES (?, ?, ?, ?)",
            arguments: [id, fields.headline, fields.body, fields.captions])
    }

    /// Creates the index (migration "v2 article search") and fills it with the articles already stored.
    ///
    /// A trigger removes an article's entry when the article is deleted (directly or with its page).
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
                seq: 0, headline: row["headline"], captions: decodeList(row["captions"]), body: row["body"])
            try index(article, id: row["id"], in: db, searchText: searchText)
        }
    }
}
