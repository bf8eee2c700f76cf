import AlmanacModel
import PostgresNIO

/// Writing pages with their articles, facts and mentions.
///
/// Several processes may write one archive at once. Pages are claimed by sha256 with
/// `INSERT … ON CONFLICT DO NOTHING` (and, to replace, `SELECT … FOR UPDATE`). Entities are created
/// in (kind, name) order, then indicator keys in key order, then pages written in sha256 order, so
/// two batches never wait on each other's new rows in a cycle. A batch that still meets a deadlock or
/// a vanished entity is retried from the start, a few times, after a short random pause.
extension PostgresStore {
    public func save(_ pages: [ExtractedPage], mode: SaveMode) async throws -> [SaveOutcome] {
        guard let first = pages.first else { return [] }
        let what = pages.count == 1 ? "page \(first.page.name)" : "\(pages.count) pages from \(first.page.name)"
        // Search words and facts' compact columns are worked out on all cores before the
        // transaction, which then only sends rows.
        let prepared = pages.concurrentMap { page in page.articles.map { Prepared(article: $0, searchText: searchText) }
        }
        return try await run("saving \(what)") {
            var attempt = 1
            while true {
                do {
                    return try await client.withConnection { connection in
                        try await Self.inTransaction(connection, logger: logger) {
                            var writer = Writer(connection: connection, logger: logger)
                            let entities = EntityKeys.Batch(pages)
                            try await writer.createEntities(entities.keys)
                            try await writer.createIndicators(
                                FactColumns.indicatorKeys(of: prepared.map { $0.map(\.facts) }))
                            var outcomes = [SaveOutcome?](repeating: nil, count: pages.count)
                            for index in EntityKeys.writingOrder(of: pages) {
                                outcomes[index] = try await writer.write(
                                    pages[index], prepared[index], entities: entities.positions[index], mode: mode)
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

    /// What an article's rows need that costs CPU and no database: its search words and its facts'
    /// compact columns.
    struct Prepared: Sendable {
        var fields: SearchText.Fields
        var facts: [FactColumns]

        init(article extracted: ExtractedArticle, searchText: SearchText) {
            fields = searchText.fields(of: extracted)
            facts = FactColumns.of(extracted.facts, in: extracted.article, sentences: extracted.factSentences)
        }
    }

    /// One write transaction's work: pages, their rows, and the entities they touched.
    struct Writer {
        let connection: PostgresConnection
        let logger: Logger
        /// The ids of the batch's entities, in the order of its ``EntityKeys/Batch/keys``.
        var entityIDs: [Int64] = []
        /// The canonical names of the batch's entities, in the same order.
        var entityNames: [String] = []
        /// What this batch's mentions said about projects, by entity, in the order they were stored,
        /// with their pages' dates and names.
        var projectMentions: [Int64: [ProjectColumns.Mention]] = [:]
        /// Entities that may have lost their last mention or the mention a project column came from
        /// (those of replaced pages).
        var mayBeUnmentioned: Set<Int64> = []
        /// Indicator ids by key, for this transaction.
        var indicatorIDs: [String: Int64] = [:]

        init(connection: PostgresConnection, logger: Logger) {
            self.connection = connection
            self.logger = logger
        }

        /// Creates the indicator `keys` (in key order) that are not stored yet, and notes their ids.
        mutating func createIndicators(_ keys: [String]) async throws {
            guard !keys.isEmpty else { return }
            try await connection.query(
                "INSERT INTO indicator (key) SELECT unnest(\(keys)::text[]) ON CONFLICT (key) DO NOTHING",
                logger: logger)
            let rows = try await connection.query(
                "SELECT id, key FROM indicator WHERE key = ANY(\(keys)::text[])", logger: logger)
            for try await (id, key) in rows.decode((Int64, String).self) { indicatorIDs[key] = id }
        }

        /// Creates the entities `keys` (a batch's, in (kind, name) order) that are not stored yet, and
        /// notes their ids: two statements for the whole batch.
        mutating func createEntities(_ keys: [(kind: EntityKind, name: String)]) async throws {
            guard !keys.isEmpty else { return }
            let kinds = keys.map(\.kind.rawValue)
            let names = keys.map(\.name)
            try await connection.query(
                """
                INSERT INTO entity (kind, name)
                SELECT kind, name FROM unnest(\(kinds)::text[], \(names)::text[]) WITH ORDINALITY AS key(kind, name, n)
                ORDER BY n
                ON CONFLICT (kind, name) DO NOTHING
                """, logger: logger)
            let rows = try await connection.query(
                """
                SELECT entity.id, entity.kind, entity.name
                FROM unnest(\(kinds)::text[], \(names)::text[]) AS key(kind, name)
                JOIN entity ON entity.kind = key.kind AND entity.name = key.name
                """, logger: logger)
            var ids: [EntityKeys.Key: Int64] = [:]
            for try await (id, kind, name) in rows.decode((Int64, String, String).self) {
                if let kind = EntityKind(rawValue: kind) { ids[EntityKeys.key(kind, name)] = id }
            }
            entityIDs = try keys.map { kind, name in
                guard let id = ids[EntityKeys.key(kind, name)] else {
                    throw PostgresStoreError(.queryFailed, "entity \(kind) \(name) was inserted but cannot be found")
                }
                return id
            }
            entityNames = keys.map(\.name)
        }

        /// Writes a page: `entities` are the positions of its mentions' entities (``EntityKeys/Batch/positions``).
        mutating func write(
            _ extracted: ExtractedPage, _ prepared: [Prepared], entities: [[Int?]], mode: SaveMode
        ) async throws -> SaveOutcome {
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
            let source = ProjectColumns.Source(page: pageID, date: page.date, name: page.name)
            try await insert(extracted.articles, prepared, entities: entities, pageID: pageID, source: source)
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
                mayBeUnmentioned.insert(id)
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

        /// Inserts a page's articles in one statement, then their facts in one and their mentions in
        /// one: a round trip per article and per entity set the pace before.
        mutating func insert(
            _ articles: [ExtractedArticle], _ prepared: [Prepared], entities: [[Int?]], pageID: Int64,
            source: ProjectColumns.Source
        ) async throws {
            guard !articles.isEmpty else { return }
            var articleIDs: [Int: Int64] = [:]
            // 14 parameters an article: 1,000 a statement stays far below PostgreSQL's 65,535.
            for start in stride(from: 0, to: articles.count, by: 1000) {
                let range = start..<min(start + 1000, articles.count)
                let rows = try await connection.query(
                    Self.articleRows(articles[range].map(\.article), prepared[range].map(\.fields), pageID: pageID),
                    logger: logger)
                for try await (id, seq) in rows.decode((Int64, Int).self) { articleIDs[seq] = id }
            }
            var facts: [(articleID: Int64, field: ArticleField, fact: Fact, columns: FactColumns)] = []
            var mentions: [(entityID: Int64, name: String, articleID: Int64, field: ArticleField, mention: Mention)] =
                []
            for ((extracted, ready), positions) in zip(zip(articles, prepared), entities) {
                let article = extracted.article
                guard let articleID = articleIDs[article.seq] else {
                    throw PostgresStoreError(.queryFailed, "article \(article.seq) was inserted but returned no id")
                }
                for ((field, fact), columns) in zip(extracted.facts, ready.facts) {
                    facts.append((articleID, field, fact, columns))
                }
                for ((field, mention), position) in zip(extracted.mentions, positions) {
                    guard let position else { continue }
                    guard position < entityIDs.count else {
                        throw PostgresStoreError(
                            .queryFailed, "entity \(mention.name) was not created before its mention")
                    }
                    let entityID = entityIDs[position]
                    if let project = mention.project {
                        projectMentions[entityID, default: []].append(.init(details: project, source: source))
                    }
                    mentions.append((entityID, entityNames[position], articleID, field, mention))
                }
            }
            if !facts.isEmpty {
                try await connection.query(Self.factRows(facts[...], indicatorIDs: indicatorIDs), logger: logger)
            }
            if !mentions.isEmpty {
                try await connection.query(Self.mentionRows(mentions[...]), logger: logger)
            }
        }

        /// One `INSERT` of articles of a page, returning each one's id and sequence number.
        static func articleRows(_ articles: [Article], _ fields: [SearchText.Fields], pageID: Int64)
            -> PostgresQuery
        {
            var binds = PostgresBindings()
            var tuples: [String] = []
            for (article, fields) in zip(articles, fields) {
                let first = binds.count + 1
                binds.append(pageID)
                binds.append(article.seq)
                binds.append(article.headline)
                binds.append(article.subheadline)
                binds.append(article.section)
                binds.append(article.kind.rawValue)
                binds.append(article.bylines)
                binds.append(article.photographers)
                binds.append(article.captions)
                binds.append(article.body)
                binds.append(bodyDigest(article.body))
                binds.append(fields.headline)
                binds.append(fields.body)
                binds.append(fields.captions)
                let p = (first..<binds.count + 1).map { "$\($0)" }
                tuples.append(
                    "(" + p[0..<11].joined(separator: ", ")
                        + ", setweight(to_tsvector('simple', \(p[11])), 'A') || setweight(to_tsvector('simple', \(p[12])), 'D')"
                        + " || setweight(to_tsvector('simple', \(p[13])), 'C'))")
            }
            return PostgresQuery(
                unsafeSQL: """
                    INSERT INTO article (page_id, seq, headline, subheadline, section, kind, bylines, photographers,
                        captions, body, body_sha256, search)
                    VALUES \(tuples.joined(separator: ", "))
                    RETURNING id, seq
                    """, binds: binds)
        }

        /// One `INSERT` of `facts`, a column an array (``ColumnArrays``).
        static func factRows(
            _ facts: ArraySlice<(articleID: Int64, field: ArticleField, fact: Fact, columns: FactColumns)>,
            indicatorIDs: [String: Int64]
        ) throws -> PostgresQuery {
            var rows = ColumnArrays()
            for (articleID, field, fact, columns) in facts {
                guard let indicatorID = indicatorIDs[columns.indicatorKey] else {
                    throw PostgresStoreError(
                        .queryFailed, "indicator \(columns.indicatorKey) was not created before its fact")
                }
                StoredRows.addFact(
                    articleID: articleID, field: field, fact: fact, columns: columns, indicatorID: indicatorID,
                    into: &rows)
                rows.endRow()
            }
            return unnestInsert(into: "fact", StoredRows.factColumns, rows)
        }

        /// One `INSERT` of `mentions`, a column an array (``ColumnArrays``).
        static func mentionRows(
            _ mentions: ArraySlice<
                (entityID: Int64, name: String, articleID: Int64, field: ArticleField, mention: Mention)
            >
        ) -> PostgresQuery {
            var rows = ColumnArrays()
            for (entityID, name, articleID, field, mention) in mentions {
                StoredRows.addMention(
                    entityID: entityID, name: name, articleID: articleID, field: field, mention: mention, into: &rows)
                rows.endRow()
            }
            return unnestInsert(into: "mention", StoredRows.mentionColumns, rows)
        }

        /// `INSERT INTO table (columns) SELECT * FROM unnest($1, $2, …)` of `rows`.
        static func unnestInsert(into table: String, _ columns: String, _ rows: ColumnArrays) -> PostgresQuery {
            let arrays = (1...max(1, rows.columns.count)).map { "$\($0)" }.joined(separator: ", ")
            return PostgresQuery(
                unsafeSQL: "INSERT INTO \(table) (\(columns)) SELECT * FROM unnest(\(arrays))", binds: rows.bindings)
        }

        /// Removes the entities of replaced pages left without mentions and works their project
        /// columns out again from all their mentions; brings the other touched entities' project
        /// columns up to date from this batch's mentions (``ProjectColumns``). One statement each
        /// for all the batch touched (planning a statement per entity cost more than running it);
        /// rows are locked in id order.
        func refreshTouchedEntities() async throws {
            if !mayBeUnmentioned.isEmpty {
                let ids = mayBeUnmentioned.sorted()
                try await connection.query(
                    """
                    DELETE FROM entity WHERE id = ANY(\(ids))
                        AND NOT EXISTS (SELECT 1 FROM mention WHERE mention.entity_id = entity.id)
                    """, logger: logger)
                var binds = PostgresBindings()
                binds.append(ids)
                try await connection.query(
                    PostgresQuery(unsafeSQL: PostgresStore.recomputeProjectsSQL, binds: binds), logger: logger)
            }
            let ids = projectMentions.keys.filter { !mayBeUnmentioned.contains($0) }.sorted()
            guard !ids.isEmpty else { return }
            // Read under lock: another writer's batch waits, then reads what this one wrote. The lock
            // is FOR NO KEY UPDATE (what the UPDATE takes anyway), which a batch that inserted
            // mentions of the entity (their foreign key holds FOR KEY SHARE) does not block: with
            // FOR UPDATE, two batches sharing pages and a project deadlocked. The pages the columns
            // came from are read by a second statement, whose snapshot holds the pages that batch
            // committed (a join in the locking statement would read them as of before the wait).
            let rows = try await connection.query(
                """
                SELECT id, \(unescaped: ProjectColumns.sqlWritten) FROM entity WHERE id = ANY(\(ids))
                ORDER BY id FOR NO KEY UPDATE
                """, logger: logger)
            var stored: [(id: Int64, values: (Double?, String?, String?, String?), pages: [Int64?])] = []
            for try await (id, investment, p0, stage, p1, place, p2, sector, p3)
                in rows
                .decode((Int64, Double?, Int64?, String?, Int64?, String?, Int64?, String?, Int64?).self)
            {
                stored.append((id, (investment, stage, place, sector), [p0, p1, p2, p3]))
            }
            let pageIDs = Array(Set(stored.flatMap { $0.pages.compactMap { $0 } })).sorted()
            var pages: [Int64: (date: String?, name: String)] = [:]
            if !pageIDs.isEmpty {
                let rows = try await connection.query(
                    "SELECT id, date, name FROM page WHERE id = ANY(\(pageIDs))", logger: logger)
                for try await (id, date, name) in rows.decode((Int64, String?, String).self) {
                    pages[id] = (date, name)
                }
            }
            var changed: [(id: Int64, columns: ProjectColumns)] = []
            for (id, values, pageIDs) in stored {
                let sources = pageIDs.map { page in
                    ProjectColumns.Source(
                        page: page, date: page.flatMap { pages[$0]?.date }, name: page.flatMap { pages[$0]?.name })
                }
                let columns = ProjectColumns(
                    investment: values.0, stage: values.1, place: values.2, sector: values.3, sources: sources)
                if let taken = columns.taking(projectMentions[id] ?? []) { changed.append((id, taken)) }
            }
            // 9 parameters an entity: 500 a statement stays far below PostgreSQL's 65,535.
            for start in stride(from: 0, to: changed.count, by: 500) {
                try await connection.query(
                    Self.projectUpdate(changed[start..<min(start + 500, changed.count)]), logger: logger)
            }
        }

        /// One `UPDATE` of the project columns of `entities`.
        static func projectUpdate(_ entities: ArraySlice<(id: Int64, columns: ProjectColumns)>) -> PostgresQuery {
            let types = ["bigint", "double precision", "bigint", "text", "bigint", "text", "bigint", "text", "bigint"]
            var binds = PostgresBindings()
            var tuples: [String] = []
            for (id, columns) in entities {
                let first = binds.count + 1
                binds.append(id)
                binds.append(columns.investment.value)
                binds.append(columns.investment.source.page)
                for column in [columns.stage, columns.place, columns.sector] {
                    binds.append(column.value)
                    binds.append(column.source.page)
                }
                tuples.append(
                    "(" + types.enumerated().map { "$\(first + $0.offset)::\($0.element)" }.joined(separator: ", ")
                        + ")")
            }
            let assignments = SharedMigrations.projectColumns.map { "\($0) = v.\($0), \($0)_page = v.\($0)_page" }
            return PostgresQuery(
                unsafeSQL: """
                    UPDATE entity SET \(assignments.joined(separator: ", "))
                    FROM (VALUES \(tuples.joined(separator: ", "))) AS v(id, \(ProjectColumns.sqlWritten))
                    WHERE entity.id = v.id
                    """, binds: binds)
        }
    }

    /// Works out again the project columns of the entities whose ids are in the array `$1`.
    static let recomputeProjectsSQL =
        "UPDATE entity SET \(SharedMigrations.recomputedProjectColumns(.postgres)) WHERE id = ANY($1)"
}
