import AlmanacModel
import Foundation
import GRDB

/// Writing pages with their articles, facts and mentions.
extension SQLiteStore {
    public func save(_ pages: [ExtractedPage], mode: SaveMode) async throws -> [SaveOutcome] {
        guard !pages.isEmpty else { return [] }
        let prepared = Self.prepare(pages, searchText: searchText, bodyCode: bodyCode)
        return try await pool.writeWithoutTransaction { db in
            try Self.withReferenceChecks(mode == .replace, db) {
                var outcomes = [SaveOutcome?](repeating: nil, count: pages.count)
                try db.inTransaction {
                    var writer = Writer(db: db)
                    let entities = EntityKeys.Batch(pages)
                    try writer.createEntities(entities.keys)
                    try writer.createIndicators(
                        FactColumns.indicatorKeys(of: prepared.map { $0.articles.map(\.facts) }))
                    for index in EntityKeys.writingOrder(of: pages) {
                        outcomes[index] = try writer.write(
                            pages[index], prepared[index], entities: entities.positions[index], mode: mode)
                    }
                    try writer.refreshTouchedEntities()
                    return .commit
                }
                return outcomes.compactMap { $0 }
            }
        }
    }

    /// Runs `write` on the writer connection with SQLite's foreign-key checks on or off, and turns
    /// them back on after.
    ///
    /// A batch that only adds pages inserts rows whose references are ids the same transaction has
    /// just read or made (its page, articles, entities and indicators), so checking each reference
    /// (a search of the parent table: one for a fact, two for a mention) adds nothing but time — 0.8
    /// µs a mention in a test of 900,000 rows. Replacing a page deletes rows and needs the checks'
    /// cascades; its batch runs with them on. Every batch says which it needs, so a failure to turn
    /// them back on cannot carry over into a replacement.
    static func withReferenceChecks<T>(_ checked: Bool, _ db: Database, _ write: () throws -> T) throws -> T {
        try db.execute(sql: checked ? "PRAGMA foreign_keys = ON" : "PRAGMA foreign_keys = OFF")
        let result = Result { try write() }
        try db.execute(sql: "PRAGMA foreign_keys = ON")
        return try result.get()
    }

    /// What a page's rows need that costs CPU and no database: its deflated text, and each article's
    /// search words, body digest, deflated body and facts' compact columns.
    struct PreparedPage: Sendable {
        /// The raw text deflated with the page's articles as its dictionary (``TextCodec``).
        var text: DatabaseValue
        var articles: [PreparedArticle]
    }

    struct PreparedArticle: Sendable {
        var fields: (headline: String, body: String, captions: String)
        var digest: Data
        /// The body as stored: deflated when that makes it smaller.
        var body: DatabaseValue
        /// The compact columns of each of its facts.
        var facts: [FactColumns]
    }

    /// Prepares `pages` on all cores before the write lock is taken: cutting search words inside the
    /// one writer's transaction kept a core idle while the writer set the pace of an ingest.
    static func prepare(_ pages: [ExtractedPage], searchText: SearchText, bodyCode: CharacterCode)
        -> [PreparedPage]
    {
        pages.concurrentMap { page in
            let articles = page.articles.map { extracted in
                PreparedArticle(
                    fields: searchText.fields(of: extracted), digest: bodyDigestBytes(extracted.article.body),
                    body: TextCodec.encode(extracted.article.body, code: bodyCode),
                    facts: FactColumns.of(
                        extracted.facts, in: extracted.article, sentences: extracted.factSentences))
            }
            let dictionary = TextCodec.pageDictionary(page.articles.map(\.article))
            return PreparedPage(
                text: TextCodec.encode(page.page.text, dictionary: dictionary, always: true), articles: articles)
        }
    }

    /// One write transaction's work: pages, their rows, and the entities they touched.
    struct Writer {
        let db: Database
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
        /// The entities this transaction inserted: their project columns are still empty, so there
        /// is nothing to read before working them out (most projects are new when first mentioned).
        var createdEntities: Set<Int64> = []

        init(db: Database) {
            self.db = db
        }

        /// Writes a page: `entities` are the positions of its mentions' entities (``EntityKeys/Batch/positions``).
        mutating func write(
            _ extracted: ExtractedPage, _ prepared: PreparedPage, entities: [[Int?]], mode: SaveMode
        ) throws -> SaveOutcome {
            let page = extracted.page
            let pageID: Int64
            if let id = try Int64.fetchOne(
                db.cachedStatement(sql: "SELECT id FROM page WHERE sha256 = ?"), arguments: [page.sha256])
            {
                guard mode == .replace else { return .skipped(pageID: id) }
                let entities = try Int64.fetchAll(
                    db,
                    sql: """
                        SELECT DISTINCT mention.entity_id FROM mention
                        JOIN article ON article.id = mention.article_id WHERE article.page_id = ?
                        """, arguments: [id])
                mayBeUnmentioned.formUnion(entities)
                try db.execute(sql: "DELETE FROM article WHERE page_id = ?", arguments: [id])
                try db.execute(
                    sql: """
                        UPDATE page SET source = ?, name = ?, paper = ?, date = ?, date_source = ?, number = ?,
                            text = ?
                        WHERE id = ?
                        """,
                    arguments: [
                        page.source, page.name, page.paper, page.date, page.dateSource?.rawValue, page.number,
                        prepared.text, id,
                    ])
                pageID = id
            } else {
                try db.cachedStatement(
                    sql: """
                        INSERT INTO page (source, name, sha256, paper, date, date_source, number, text)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """
                ).execute(
                    arguments: [
                        page.source, page.name, page.sha256, page.paper, page.date, page.dateSource?.rawValue,
                        page.number, prepared.text,
                    ])
                pageID = db.lastInsertedRowID
            }
            let source = ProjectColumns.Source(page: pageID, date: page.date, name: page.name)
            for ((article, ready), positions) in zip(zip(extracted.articles, prepared.articles), entities) {
                try insert(article, ready, entities: positions, pageID: pageID, source: source)
            }
            return .stored(pageID: pageID)
        }

        mutating func insert(
            _ extracted: ExtractedArticle, _ prepared: PreparedArticle, entities: [Int?], pageID: Int64,
            source: ProjectColumns.Source
        ) throws {
            let article = extracted.article
            // Cached statements bound directly (``BoundInsert``): compiling (and GRDB's authorizer pass)
            // on every row, then boxing every value, cost the single writer more than the rows.
            try BoundInsert(
                db,
                """
                INSERT INTO article (page_id, seq, headline, subheadline, section, kind, bylines,
                    photographers, captions, body, body_sha256)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
            ).run { row in
                row.add(pageID)
                row.add(article.seq)
                row.add(article.headline)
                row.add(article.subheadline)
                row.add(article.section)
                row.add(article.kind.rawValue)
                row.add(SQLiteStore.encodeList(article.bylines))
                row.add(SQLiteStore.encodeList(article.photographers))
                row.add(SQLiteStore.encodeList(article.captions))
                row.add(prepared.body)
                row.add(prepared.digest)
            }
            let articleID = db.lastInsertedRowID
            try SQLiteStore.index(fields: prepared.fields, id: articleID, in: db)
            if !extracted.facts.isEmpty {
                let insert = try BoundInsert(
                    db,
                    """
                    INSERT INTO fact (\(StoredRows.factColumns))
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                for ((field, fact), columns) in zip(extracted.facts, prepared.facts) {
                    guard let indicatorID = indicatorIDs[columns.indicatorKey] else {
                        throw DatabaseError(
                            message: "indicator \(columns.indicatorKey) was not created before its fact")
                    }
                    try insert.run { row in
                        StoredRows.addFact(
                            articleID: articleID, field: field, fact: fact, columns: columns, indicatorID: indicatorID,
                            into: &row)
                    }
                }
            }
            if !extracted.mentions.isEmpty {
                let insert = try BoundInsert(
                    db, "INSERT INTO mention (\(StoredRows.mentionColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                for ((field, mention), position) in zip(extracted.mentions, entities) {
                    guard let position else { continue }
                    guard position < entityIDs.count else {
                        throw DatabaseError(message: "entity \(mention.name) was not created before its mention")
                    }
                    let entityID = entityIDs[position]
                    if let project = mention.project {
                        projectMentions[entityID, default: []].append(.init(details: project, source: source))
                    }
                    try insert.run { row in
                        StoredRows.addMention(
                            entityID: entityID, name: entityNames[position], articleID: articleID, field: field,
                            mention: mention, into: &row)
                    }
                }
            }
        }

        /// Creates the indicator `keys` that are not stored yet, and notes their ids.
        mutating func createIndicators(_ keys: [String]) throws {
            for key in keys {
                indicatorIDs[key] = try id(
                    select: "SELECT id FROM indicator WHERE key = ?", insert: "INSERT INTO indicator (key) VALUES (?)"
                ) { row in row.add(key) }.id
            }
        }

        /// Creates the entities `keys` (a batch's, in (kind, name) order) that are not stored yet, and
        /// notes their ids.
        mutating func createEntities(_ keys: [(kind: EntityKind, name: String)]) throws {
            entityIDs.reserveCapacity(keys.count)
            for (kind, name) in keys {
                let (id, created) = try id(
                    select: "SELECT id FROM entity WHERE kind = ? AND name = ?",
                    insert: "INSERT INTO entity (kind, name) VALUES (?, ?)"
                ) { row in
                    row.add(kind.rawValue)
                    row.add(name)
                }
                entityIDs.append(id)
                if created { createdEntities.insert(id) }
            }
            entityNames = keys.map(\.name)
        }

        /// The id of the row `select` finds with `arguments`, inserted by `insert` first when there is
        /// none. Looking before inserting: most of a batch's entities are stored already, and a lookup
        /// costs less than an insert that finds a conflict and a lookup after it. The transaction
        /// holds the only write lock, so nothing can insert the row in between. Says whether it inserted.
        func id(select: String, insert: String, _ bind: (inout BoundInsert.Values) -> Void) throws
            -> (id: Int64, created: Bool)
        {
            if let id = try BoundInsert(db, select).integer(bind) { return (id, false) }
            try BoundInsert(db, insert).run(bind)
            return (db.lastInsertedRowID, true)
        }

        /// Removes the entities of replaced pages left without mentions and works their project
        /// columns out again from all their mentions; brings the other touched entities' project
        /// columns up to date from this batch's mentions (``ProjectColumns``).
        func refreshTouchedEntities() throws {
            for id in mayBeUnmentioned.sorted() {
                try db.cachedStatement(
                    sql: "DELETE FROM entity WHERE id = ? AND NOT EXISTS (SELECT 1 FROM mention WHERE entity_id = ?)"
                ).execute(arguments: [id, id])
                try db.cachedStatement(sql: SQLiteStore.recomputeProjectSQL).execute(arguments: [id])
            }
            let read = try db.cachedStatement(sql: SQLiteStore.readProjectSQL)
            let update = try BoundInsert(db, SQLiteStore.updateProjectSQL)
            for (id, mentions) in projectMentions.sorted(by: { $0.key < $1.key }) where !mayBeUnmentioned.contains(id) {
                let stored: ProjectColumns
                if createdEntities.contains(id) {
                    stored = ProjectColumns()
                } else {
                    guard let row = try GRDB.Row.fetchOne(read, arguments: [id]) else {
                        throw DatabaseError(message: "entity \(id) was mentioned but cannot be found")
                    }
                    stored = ProjectColumns(row)
                }
                guard let columns = stored.taking(mentions) else { continue }
                try update.run { row in
                    for value in columns.databaseValues { row.add(value) }
                    row.add(id)
                }
            }
        }
    }

    /// An entity's project columns with their sources (``ProjectColumns/init(_:)``), by id.
    static let readProjectSQL =
        "SELECT \(ProjectColumns.sqlColumns) FROM entity \(ProjectColumns.sqlJoins) WHERE entity.id = ?"

    /// Writes an entity's project columns and their pages (``ProjectColumns/databaseValues``), then its id.
    static let updateProjectSQL = "UPDATE entity SET \(ProjectColumns.sqlAssignments) WHERE id = ?"

    /// Works an entity's project columns and their sources out again from all its mentions: the
    /// latest mention's (by page date, page name, then storage order) that gives each.
    static let recomputeProjectSQL =
        "UPDATE entity SET \(SharedMigrations.recomputedProjectColumns(.sqlite)) WHERE id = ?"
}

extension ProjectColumns {
    /// The columns of a row read with ``sqlColumns``.
    init(_ row: GRDB.Row) {
        let sources = (0..<4).map { (column: Int) -> Source in
            let first = 4 * column
            return Source(
                page: row[first + 1] as Int64?, date: row[first + 2] as String?, name: row[first + 3] as String?)
        }
        self.init(investment: row[0], stage: row[4], place: row[8], sector: row[12], sources: sources)
    }

    /// The values to write, in the order of ``sqlWritten`` and ``sqlAssignments``.
    var databaseValues: [DatabaseValue] {
        [
            investment.value.databaseValue, investment.source.page.databaseValue, stage.value.databaseValue,
            stage.source.page.databaseValue, place.value.databaseValue, place.source.page.databaseValue,
            sector.value.databaseValue, sector.source.page.databaseValue,
        ]
    }
}
