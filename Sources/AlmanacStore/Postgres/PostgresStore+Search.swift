import AlmanacModel
import PostgresNIO

/// Full-text search: a `tsvector` column over the pre-segmented words of each article.
///
/// `article.search` holds the headline (weight A), body (D) and captions (C) as ``SearchText``
/// cuts them, read by the `simple` configuration (one lexeme per word, no stemming, no stop
/// words), under a GIN index. Each query term is a `phraseto_tsquery('simple', …)` of a bound
/// parameter, so no query text is read as tsquery syntax. Hits are ranked by `ts_rank_cd` with the
/// weights of `SQLiteStore` (headline 4, captions 2, body 1) and, like it, no length normalisation
/// (normalisation 0), over the matches with the highest ids, at most ``SearchQuery/rankedWindow`` of
/// them, the rule `SQLiteStore` follows.
extension PostgresStore {
    public func optimize() async throws {
        _ = try await run("analysing the archive") {
            try await client.query("ANALYZE page, article, fact, mention, entity", logger: logger)
        }
    }

    public func search(_ query: SearchQuery) async throws -> [SearchHit] {
        let terms = try searchText.terms(of: query.text)
        guard query.limit > 0 else { return [] }
        let statement = Self.searchStatement(query, terms: terms)
        return try await run("searching for '\(query.text)'") {
            let rows = try await client.query(statement, logger: logger)
            var hits: [SearchHit] = []
            for try await row in rows {
                let row = row.makeRandomAccess()
                let headline = try row["headline"].decode(String.self)
                hits.append(
                    SearchHit(
                        id: try row["id"].decode(Int64.self), pageID: try row["page_id"].decode(Int64.self),
                        page: try row["name"].decode(String.self), date: try row["date"].decode(String?.self),
                        paper: try row["paper"].decode(String.self), headline: headline,
                        section: try row["section"].decode(String.self),
                        snippet: Snippet.make(
                            terms: terms, headline: headline, body: try row["body"].decode(String.self),
                            captions: try row["captions"].decode([String].self)),
                        score: try row["score"].decode(Double.self)))
            }
            return hits
        }
    }

    /// The search as one statement whose every value, query words included, is a bound parameter.
    ///
    /// The tsquery is written out where it is used (the parameters are shared) rather than joined in
    /// from a subquery, so the planner sees `search @@ <stable expression>` and can use the GIN index.
    static func searchStatement(_ query: SearchQuery, terms: [SearchText.Term]) -> PostgresQuery {
        var binds = PostgresBindings()
        func parameter(_ value: String?, as type: String = "text") -> String {
            binds.append(value)
            return "$\(binds.count)::\(type)"
        }
        let tsquery = terms.map { term in
            // In the search form the index holds, split where it is split.
            let spellings = term.searchSpellings.map { "phraseto_tsquery('simple', \(parameter($0)))" }
            return "(" + spellings.joined(separator: " || ") + ")"
        }.joined(separator: " && ")
        // The page is joined into the window only to filter.
        let filtered =
            query.from != nil || query.to != nil || query.section != nil || query.paper != nil || query.entity != nil
        var filters = ""
        if filtered {
            let from = parameter(query.from)
            let to = parameter(query.to)
            let section = parameter(query.section)
            let paper = parameter(query.paper)
            let entity = parameter(query.entity)
            filters = SearchFilters.sql(from: from, to: to, section: section, paper: paper, entity: entity)
        }
        binds.append(query.limit)
        let limit = "$\(binds.count)"
        binds.append(max(0, query.offset))
        let offset = "$\(binds.count)"
        binds.append(query.rankedWindow)
        let window = "$\(binds.count)"
        // The window's matches are found by id alone; only they are ranked (ts_rank_cd reads the whole
        // tsvector), so a word in nearly every article costs what a rarer one does.
        let sql = """
            SELECT article.id, article.page_id, page.name, page.date, page.paper, article.headline,
                article.section, article.body, article.captions,
                ts_rank_cd('{0.1, 0.2, 0.2, 0.4}', article.search, \(tsquery), 0)::float8 AS score
            FROM (
                SELECT article.id
                FROM article \(filtered ? "JOIN page ON page.id = article.page_id" : "")
                WHERE article.search @@ (\(tsquery))
                \(filters)
                ORDER BY article.id DESC
                LIMIT \(window)
            ) AS ranked
            JOIN article ON article.id = ranked.id
            JOIN page ON page.id = article.page_id
            ORDER BY score DESC, page.date DESC NULLS LAST, article.id
            LIMIT \(limit) OFFSET \(offset)
            """
        return PostgresQuery(unsafeSQL: sql, binds: binds)
    }

    /// Empties the search column of every article when the index was cut by a segmenter other than
    /// `searchText`'s (an upgrade changed it), so that `indexMissingArticles` cuts them all again, and
    /// records `searchText`'s fingerprint; runs inside the migration's transaction.
    static func forgetStaleIndex(
        on connection: PostgresConnection, logger: Logger, searchText: SearchText
    ) async throws {
        let rows = try await connection.query(
            "SELECT fingerprint FROM search_index_state WHERE id = 1", logger: logger)
        let stored = try await rows.decode(String.self).first { _ in true }
        guard stored != searchText.fingerprint else { return }
        if stored != nil {
            try await connection.query("UPDATE article SET search = NULL", logger: logger)
        }
        try await connection.query(
            """
            INSERT INTO search_index_state (id, fingerprint) VALUES (1, \(searchText.fingerprint))
            ON CONFLICT (id) DO UPDATE SET fingerprint = excluded.fingerprint
            """, logger: logger)
    }

    /// Indexes the articles stored before the search column existed; runs inside the migration's transaction.
    static func indexMissingArticles(
        on connection: PostgresConnection, logger: Logger, searchText: SearchText
    ) async throws {
        let rows = try await connection.query(
            "SELECT id, headline, body, captions FROM article WHERE search IS NULL", logger: logger)
        var missing: [(Int64, Article)] = []
        for try await (id, headline, body, captions) in rows.decode((Int64, String, String, [String]).self) {
            missing.append((id, Article(seq: 0, headline: headline, captions: captions, body: body)))
        }
        for (id, article) in missing {
            let fields = searchText.fields(of: article)
            try await connection.query(
                """
                UPDATE article SET search = setweight(to_tsvector('simple', \(fields.headline)), 'A')
                    || setweight(to_tsvector('simple', \(fields.body)), 'D')
                    || setweight(to_tsvector('simple', \(fields.captions)), 'C')
                WHERE id = \(id)
                """, logger: logger)
        }
    }
}
