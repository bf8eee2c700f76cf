import AlmanacModel
import PostgresNIO

/// Writing pages with their articles, facts and mentions.
///
/// Several processes may write one archive at once. Pages are claimed by sha256 with
/// `INSERT … ON CONFLICT DO NOTHING` (and, to replace, `SELECT … FOR UPDATE`). Entities are created
/// in (kind, name) order, then pages written in sha256 order, so two batches never wait on each
/// other's new rows in a cycle. A batch that still meets a deadlock or a vanished entity is retried
/// from the start, a few times, after a short random pause.
extension PostgresStore {
    public func save(_ pages: [ExtractedPage], mode: SaveMode) async throws -> [SaveOutcome] {
        guard let first = pages.first else { return [] }
        let what = pages.count == 1 ? "page \(first.page.name)" : "\(pages.count) pages from \(first.page.name)"
        return try await run("saving \(what)") {
            var attempt = 1
            while true {
                do {
                    return try await client.withConnection { connection in
                        try await Self.inTransaction(connection, logger: logger) {
                            var writer = Writer(connection: connection, logger: logger, searchText: searchText)
                            try await writer.createEntities(of: pages)
                            try await writer.createIndicators(of: pages)
                            var outcomes = [SaveOutcome?](repeating: nil, count: pages.count)
                            for index in EntityKeys.writingOrder(of: pages) {
                                outcomes[index] = try await writer.write(pages[index], mode: mode)
                            }
                            try await writer.refreshTouchedEntities()
                            return outcomes.compactMap { $0 }
                        }
                    }
                } catch let error as PSQLError where attempt < 6 && Self.isRetryable(error) {
                    attempt += 1
                    try await Task.sleep(for: .milliseconds(Int.random(in: 5...50) * attempt))
                }
            }
        }
    }

    /// Deadlock, serialization failure, or an entity deleted by a concurrent replacement.
    static func isRetryable(_ error: PSQLError) -> Bool {
        guard let state = error.serverInfo?[.sqlState] else { return false }
        return ["40P01", "40001", "23503"].contains(state)
    }

    /// One write transaction's work: pages, their rows, and the entities they touched.
    struct Writer {
        let connection: PostgresConnection
        let logger: Logger
        let searchText: SearchText
        /// Entity ids by (kind, name), for this transaction.
        var entityIDs: [String: Int64] = [:]
        /// Of those, entities that may have lost their last mention or changed a project's details.
        var toRefresh: Set<Int64> = []
        /// Indicator ids by key, for this transaction.
        var indicatorIDs: [String: Int64] = [:]

        init(connection: PostgresConnection, logger: Logger, searchText: SearchText) {
            self.connection = connection
            self.logger = logger
            self.searchText = searchText
        }

        /// Creates the indicator keys of `pages`' facts that are not stored yet, in key order, and notes their ids.
        mutating func createIndicators(of pages: [ExtractedPage]) async throws {
            let keys = FactStatements.indicatorKeys(of: pages)
            guard !keys.isEmpty else { return }
            try await connection.query(
                "INSERT INTO indicator (key) SELECT unnest(\(keys)::text[]) ON CONFLICT (key) DO NOTHING", logger: logger)
            let rows = try await connection.query(
                "SELECT id, key FROM indicator WHERE key = ANY(\(keys)::text[])", logger: logger)
            for try await (id, key) in rows.decode((Int64, String).self) { indicatorIDs[key] = id }
        }

        /// Creates the entities `pages` mention that are not stored yet, in (kind, name) order, and notes their ids.
        mutating func createEntities(of pages: [ExtractedPage]) async throws {
            for (kind, name) in EntityKeys.ordered(in: pages) {
                try await connection.query(
                    """
                    INSERT INTO entity (kind, name) VALUES (\(kind.rawValue), \(name))
                    ON CONFLICT (kind, name) DO NOTHING
                    """, logger: logger)
                let rows = try await connection.query(
                    "SELECT id FROM entity WHERE kind = \(kind.rawValue) AND name = \(name)", logger: logger)
                guard let id = try await rows.decode(Int64.self).first(where: { _ in true }) else {
                    throw PostgresStoreError(.queryFailed, "entity \(kind) \(name) was inserted but cannot be found")
                }
                entityIDs[EntityKeys.key(kind, name)] = id
            }
        }

        mutating func write(_ extracted: ExtractedPage, mode: SaveMode) async throws -> SaveOutcome {
            let page = extracted.page
            let inserted = try await connection.query(
                """
                INSERT INTO page (source, name, sha256, paper, date, date_source, number, text)
                VALUES (\(page.source), \(page.name), \(page.sha256), \(page.paper), \(page.date),
                    \(page.dateSource?.rawValue), \(page.number), \(page.text))
                ON CONFLICT (sha256) DO NOTHING
                RETURNING id
                """, logger: logger)
            let pageID: Int64
            if let id = try await inserted.decode(Int64.self).first(where: { _ in true }) {
                pageID = id
            } else {
                // Stored already (perhaps a moment ago by another writer, which we waited for).
                let existing =
                    mode == .replace
                    ? try await connection.query(
                        "SELECT id FROM page WHERE sha256 = \(page.sha256) FOR UPDATE", logger: logger)
                    : try await connection.query("SELECT id FROM page WHERE sha256 = \(page.sha256)", logger: logger)
                guard let id = try await existing.decode(Int64.self).first(where: { _ in true }) else {
                    throw PostgresStoreError(.queryFailed, "page \(page.sha256) conflicted but cannot be found")
                }
                guard mode == .replace else { return .skipped(pageID: id) }
                try await clear(pageID: id, with: page)
                pageID = id
            }
            for article in extracted.articles {
                try await insert(article, pageID: pageID)
            }
            return .stored(pageID: pageID)
        }

        /// Deletes the page's articles (and with them their facts, mentions and search rows) and updates its row.
        mutating func clear(pageID: Int64, with page: Page) async throws {
            let rows = try await connection.query(
                """
                SELECT DISTINCT mention.entity_id FROM mention JOIN article ON article.id = mention.article_id
                WHERE article.page_id = \(pageID)
                """, logger: logger)
            for try await id in rows.decode(Int64.self) {
                toRefresh.insert(id)
            }
            try await connection.query("DELETE FROM article WHERE page_id = \(pageID)", logger: logger)
            try await connection.query(
                """
                UPDATE page SET source = \(page.source), name = \(page.name), paper = \(page.paper),
                    date = \(page.date), date_source = \(page.dateSource?.rawValue), number = \(page.number),
                    text = \(page.text)
                WHERE id = \(pageID)
                """, logger: logger)
        }

        mutating func insert(_ extracted: ExtractedArticle, pageID: Int64) async throws {
            let article = extracted.article
            let fields = searchText.fields(of: article)
            let rows = try await connection.query(
                """
                INSERT INTO article (page_id, seq, headline, subheadline, section, kind, bylines, photographers,
                    captions, body, body_sha256, search)
                VALUES (\(pageID), \(article.seq), \(article.headline), \(article.subheadline), \(article.section),
                    \(article.kind.rawValue), \(article.bylines), \(article.photographers), \(article.captions),
                    \(article.body), \(bodyDigest(article.body)),
                    setweight(to_tsvector('simple', \(fields.headline)), 'A')
                        || setweight(to_tsvector('simple', \(fields.body)), 'D')
                        || setweight(to_tsvector('simple', \(fields.captions)), 'C'))
                RETURNING id
                """, logger: logger)
            guard let articleID = try await rows.decode(Int64.self).first(where: { _ in true }) else {
                throw PostgresStoreError(.queryFailed, "article \(article.seq) was inserted but returned no id")
            }
            // 500 rows a statement keeps the parameters (20 a fact) far below PostgreSQL's 65535.
            for start in stride(from: 0, to: extracted.facts.count, by: 500) {
                let chunk = extracted.facts[start..<min(start + 500, extracted.facts.count)]
                try await connection.query(Self.factRows(chunk, of: article, articleID: articleID, indicatorIDs: indicatorIDs), logger: logger)
            }
            if !extracted.mentions.isEmpty {
                var rows: [(entityID: Int64, field: ArticleField, mention: Mention)] = []
                for (field, mention) in EntityKeys.storable(extracted.mentions) {
                    guard let entityID = entityIDs[EntityKeys.key(mention.kind, mention.name)] else {
                        throw PostgresStoreError(
                            .queryFailed, "entity \(mention.name) was not created before its mention")
                    }
                    if mention.project != nil { toRefresh.insert(entityID) }
                    rows.append((entityID, field, mention))
                }
                for start in stride(from: 0, to: rows.count, by: 500) {
                    let chunk = rows[start..<min(start + 500, rows.count)]
                    try await connection.query(Self.mentionRows(chunk, articleID: articleID), logger: logger)
                }
            }
        }

        /// One `INSERT` of `facts` of an article.
        static func factRows(
            _ facts: ArraySlice<(field: ArticleField, fact: Fact)>, of article: Article, articleID: Int64,
            indicatorIDs: [String: Int64]
        ) throws -> PostgresQuery {
            var binds = PostgresBindings()
            var tuples: [String] = []
            for (field, fact) in facts {
                let quantity = fact.quantity
                let first = binds.count + 1
                binds.append(articleID)
                binds.append(field.rawValue)
                binds.append(quantity.start)
                binds.append(quantity.end)
                binds.append(FactSentence.storedText(quantity, field: field, of: article))
                binds.append(quantity.value)
                binds.append(quantity.low)
                binds.append(quantity.high)
                binds.append(quantity.unit)
                binds.append(quantity.approx)
                let key = IndicatorKey.make(fact.indicator)
                guard let indicatorID = indicatorIDs[key] else {
                    throw PostgresStoreError(.queryFailed, "indicator \(key) was not created before its fact")
                }
                binds.append(IndicatorKey.stored(fact.indicator))
                binds.append(indicatorID)
                binds.append(fact.change)
                binds.append(fact.period)
                binds.append(fact.resolvedPeriod?.start)
                binds.append(fact.resolvedPeriod?.end)
                binds.append(fact.place)
                let sentence = FactSentence.stored(fact, field: field, of: article)
                binds.append(sentence.text)
                binds.append(sentence.start)
                binds.append(sentence.end)
                tuples.append("(" + (first..<binds.count + 1).map { "$\($0)" }.joined(separator: ", ") + ")")
            }
            return PostgresQuery(
                unsafeSQL: """
                    INSERT INTO fact (article_id, field, span_start, span_end, text, value, low, high, unit, approx,
                        indicator, indicator_id, change, period, period_start, period_end, place, sentence, sentence_start,
                        sentence_end)
                    VALUES \(tuples.joined(separator: ", "))
                    """, binds: binds)
        }

        /// One `INSERT` of `mentions` of an article.
        static func mentionRows(
            _ mentions: ArraySlice<(entityID: Int64, field: ArticleField, mention: Mention)>, articleID: Int64
        ) -> PostgresQuery {
            var binds = PostgresBindings()
            var tuples: [String] = []
            for (entityID, field, mention) in mentions {
                let first = binds.count + 1
                let project = mention.project
                binds.append(entityID)
                binds.append(articleID)
                binds.append(field.rawValue)
                binds.append(mention.start)
                binds.append(mention.end)
                binds.append(EntityKeys.storedText(of: mention))
                binds.append(project?.investment)
                binds.append(project?.stage)
                binds.append(project?.place)
                binds.append(project?.sector)
                tuples.append("(" + (first..<binds.count + 1).map { "$\($0)" }.joined(separator: ", ") + ")")
            }
            return PostgresQuery(
                unsafeSQL: """
                    INSERT INTO mention (entity_id, article_id, field, span_start, span_end, text, investment, stage,
                        place, sector)
                    VALUES \(tuples.joined(separator: ", "))
                    """, binds: binds)
        }

        /// Removes entities left without mentions and brings project columns up to date, in id order.
        func refreshTouchedEntities() async throws {
            for id in toRefresh.sorted() {
                try await connection.query(
                    """
                    DELETE FROM entity WHERE id = \(id) AND NOT EXISTS (SELECT 1 FROM mention WHERE entity_id = \(id))
                    """, logger: logger)
                var binds = PostgresBindings()
                binds.append(id)
                try await connection.query(
                    PostgresQuery(unsafeSQL: PostgresStore.refreshProjectSQL, binds: binds), logger: logger)
            }
        }
    }

    /// Sets an entity's project columns to the latest mention's (by page date, then storage order) that gives each.
    static let refreshProjectSQL = SQLiteStore.refreshProjectSQL(id: "$1")
}
