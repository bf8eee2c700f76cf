import AlmanacModel
import Foundation
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
        try await search(query, walk: nil)
    }

    /// The search by the given walk to its matches, or by the cheaper one (`nil`).
    func search(_ query: SearchQuery, walk: MatchWalk?) async throws -> [SearchHit] {
        let terms = try searchText.terms(of: query.text)
        guard query.limit > 0 else { return [] }
        return try await run("searching for '\(query.text)'") {
            let chosen: MatchWalk
            if let walk { chosen = walk } else { chosen = try await matchWalk(query, terms: terms) }
            let rows = try await client.query(Self.searchStatement(query, terms: terms, walk: chosen), logger: logger)
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

    /// How a search finds the window's matches: the two ways return the same rows and differ in cost.
    enum MatchWalk: Sendable {
        /// Down the primary key from the newest article, testing each one's words until the window is
        /// full. It reads about `window × articles ÷ matches` tsvectors, each from TOAST: cheap for a
        /// word most articles hold, slow for one a few percent hold.
        case newestFirst
        /// Every match of the words from the GIN index, the newest kept. It fetches each one's row from
        /// the heap: cheap for a rare word, slow for one most articles hold.
        case fromIndex

        /// The walk that reads fewer rows, `fromIndex` while `wordMatches × matches < window × articles`
        /// (`matches` passing the filters too; without filters the two are the same). A row costs the
        /// index walk somewhat less: over 100,000 generated articles the two took the same time at about
        /// 13,000 matches, the key walk reading about 7,700 rows and the index 13,000. Counting rows
        /// alike leaves the key walk a little past where the index would already be as fast.
        ///
        /// PostgreSQL's planner makes this choice itself, but it prices the word test in the filter
        /// like any operator, without the TOAST reads, and so walks the key far past where the index
        /// would have been cheaper (4 % of the articles matching: 71 against 19 ms).
        static func cheaper(wordMatches: Double, matches: Double, articles: Double, window: Int) -> MatchWalk {
            wordMatches * matches < Double(window) * articles ? .fromIndex : .newestFirst
        }
    }

    /// The walk for a search, chosen from the planner's estimates, read in one `EXPLAIN`, which runs
    /// nothing: of the articles holding each term, of all articles and, with filters, of those passing them.
    ///
    /// An article holding every term holds the rarest, and words asked for together mostly occur
    /// together (a name the segmenter cuts in two: 冷链 物流园), so the rarest term's count is taken
    /// for the matches, not the planner's product of the terms' shares, which supposes them unrelated
    /// and put 5,236 for 16,152. The filters' share is supposed unrelated to the words.
    ///
    /// A plan of another shape (a server version that prints it otherwise) leaves the choice to the
    /// planner, with a warning.
    func matchWalk(_ query: SearchQuery, terms: [SearchText.Term]) async throws -> MatchWalk {
        let filtered = query.isFiltered
        let rows = try await client.query(Self.estimateStatement(query, terms: terms), logger: logger)
        var text = ""
        for try await line in rows.decode(String.self) { text += line }
        guard let explained = try? JSONDecoder().decode([ExplainedPlan].self, from: Data(text.utf8)),
            let parts = explained.first?.plan.plans?.map(\.rows),
            parts.count == terms.count + (filtered ? 2 : 1), let articles = parts.last.map({ max($0, 1) })
        else {
            logger.warning("search: the server's estimate of the matches was not understood: \(text.prefix(200))")
            return .newestFirst
        }
        let wordMatches = parts.prefix(terms.count).min() ?? articles
        let passing = filtered ? parts[terms.count] / articles : 1
        return MatchWalk.cheaper(
            wordMatches: wordMatches, matches: wordMatches * passing, articles: articles, window: query.rankedWindow)
    }

    /// The part of `EXPLAIN (FORMAT JSON)` that `matchWalk` reads.
    struct ExplainedPlan: Decodable {
        struct Node: Decodable {
            let rows: Double
            let plans: [Node]?
            enum CodingKeys: String, CodingKey {
                case rows = "Plan Rows"
                case plans = "Plans"
            }
        }
        let plan: Node
        enum CodingKeys: String, CodingKey { case plan = "Plan" }
    }

    /// An `EXPLAIN` of the articles holding each term, those passing the filters (if any), and all
    /// articles: the top node appends them, in that order.
    static func estimateStatement(_ query: SearchQuery, terms: [SearchText.Term]) -> PostgresQuery {
        var binds = PostgresBindings()
        var parts = termQueries(terms, binds: &binds).map {
            "SELECT article.id FROM article WHERE article.search @@ \($0)"
        }
        if query.isFiltered {
            let filters = filters(query, binds: &binds)
            parts.append("SELECT article.id FROM article JOIN page ON page.id = article.page_id WHERE TRUE \(filters)")
        }
        parts.append("SELECT article.id FROM article")
        return PostgresQuery(
            unsafeSQL: "EXPLAIN (FORMAT JSON)\n" + parts.joined(separator: "\nUNION ALL "), binds: binds)
    }

    /// Each term's tsquery, its spellings bound as parameters appended to `binds`.
    ///
    /// The tsquery is written out where it is used (the parameters are shared) rather than joined in
    /// from a subquery, so the planner sees `search @@ <stable expression>` and can use the GIN index.
    static func termQueries(_ terms: [SearchText.Term], binds: inout PostgresBindings) -> [String] {
        terms.map { term in
            // In the search form the index holds, split where it is split.
            let spellings = term.searchSpellings.map { spelling in
                binds.append(spelling)
                return "phraseto_tsquery('simple', $\(binds.count)::text)"
            }
            return "(" + spellings.joined(separator: " || ") + ")"
        }
    }

    /// The search's filters as `AND …` clauses on `article` joined to `page`, only those set (none:
    /// the empty string), their values bound as parameters appended to `binds`.
    static func filters(_ query: SearchQuery, binds: inout PostgresBindings) -> String {
        func placeholder(_ value: String?) -> String? {
            guard let value else { return nil }
            binds.append(value)
            return "$\(binds.count)::text"
        }
        return SearchFilters.sql(
            from: placeholder(query.from), to: placeholder(query.to), section: placeholder(query.section),
            paper: placeholder(query.paper), entity: placeholder(query.entity), nullable: false)
    }

    /// The search as one statement whose every value, query words included, is a bound parameter.
    static func searchStatement(_ query: SearchQuery, terms: [SearchText.Term], walk: MatchWalk) -> PostgresQuery {
        var binds = PostgresBindings()
        let tsquery = termQueries(terms, binds: &binds).joined(separator: " && ")
        // The page is joined into the window only to filter.
        let filters = filters(query, binds: &binds)
        let from = query.isFiltered ? "article JOIN page ON page.id = article.page_id" : "article"
        binds.append(query.limit)
        let limit = "$\(binds.count)"
        binds.append(max(0, query.offset))
        let offset = "$\(binds.count)"
        binds.append(query.rankedWindow)
        let window = "$\(binds.count)"
        // `+ 0` hides the key's order from the planner, so that it cannot walk the key.
        let newest = walk == .newestFirst ? "article.id DESC" : "article.id + 0 DESC"
        // The window's matches are found by id alone; only they are ranked (ts_rank_cd reads the whole
        // tsvector), so a word in nearly every article costs what a rarer one does.
        let sql = """
            SELECT article.id, article.page_id, page.name, page.date, page.paper, article.headline,
                article.section, article.body, article.captions,
                ts_rank_cd('{0.1, 0.2, 0.2, 0.4}', article.search, \(tsquery), 0)::float8 AS score
            FROM (
                SELECT article.id FROM \(from)
                WHERE article.search @@ (\(tsquery))
                \(filters)
                ORDER BY \(newest)
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
