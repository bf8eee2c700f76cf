import AlmanacModel
import GRDB

/// Reading pages, facts, entities and projects (the statements are in `FactStatements` and `EntityStatements`).
extension SQLiteStore {
    public func fetchArticle(id: Int64) async throws -> StoredArticle? {
        try await pool.read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT article.*, page.name AS page_name, page.date AS page_date
                    FROM article JOIN page ON page.id = article.page_id WHERE article.id = ?
                    """, arguments: [id]
            ).map(Self.storedArticle)
        }
    }

    public func fetchPage(id: Int64) async throws -> StoredPage? {
        try await pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM page WHERE id = ?", arguments: [id]) else {
                return nil
            }
            // The articles first: the page's text is deflated with them as its dictionary.
            let articles = try Row.fetchAll(
                db,
                sql: """
                    SELECT article.*, page.name AS page_name, page.date AS page_date
                    FROM article JOIN page ON page.id = article.page_id WHERE page.id = ? ORDER BY article.seq
                    """, arguments: [id]
            ).map(Self.storedArticle)
            let text = try TextCodec.decode(row["text"]) { _ in TextCodec.pageDictionary(articles.map(\.article)) }
            let page = Page(
                source: row["source"], sha256: row["sha256"], paper: row["paper"], date: row["date"],
                dateSource: (row["date_source"] as String?).flatMap(Page.DateSource.init(rawValue:)),
                number: row["number"], text: text)
            return StoredPage(id: id, page: page, articles: articles)
        }
    }

    public func fetchFacts(_ query: FactQuery) async throws -> [StoredFact] {
        guard query.limit > 0 else { return [] }
        return try await pool.read { db in
            try Self.rows(FactStatements.select(query, .sqlite), in: db).map(FactStatements.fact)
        }
    }

    public func fetchPages(_ query: PageQuery) async throws -> [PageSummary] {
        try await pool.read { db in try Self.rows(PageStatements.list(query, .sqlite), in: db).map(PageStatements.summary) }
    }

    public func fetchIndicators(limit: Int, offset: Int) async throws -> [IndicatorCount] {
        try await pool.read { db in
            try Self.rows(FactStatements.indicators(limit: limit, offset: offset, .sqlite), in: db)
                .map(FactStatements.indicator)
        }
    }

    public func fetchEntities(_ query: EntityQuery) async throws -> [StoredEntity] {
        try await pool.read { db in try Self.entities(EntityStatements.select(query, .sqlite), in: db) }
    }

    public func fetchProjects(_ query: ProjectQuery) async throws -> [StoredEntity] {
        try await pool.read { db in try Self.entities(EntityStatements.projects(query, .sqlite), in: db) }
    }

    public func fetchEntity(id: Int64, limit: Int) async throws -> EntityDetail? {
        let detail: (StoredEntity, [StoredMention])? = try await pool.read { db in
            guard let entity = try Self.entities(EntityStatements.one(id: id, .sqlite), in: db).first else {
                return nil
            }
            let mentions = try Self.rows(EntityStatements.mentions(of: id, limit: limit, .sqlite), in: db)
                .map(EntityStatements.mention)
            return (entity, mentions)
        }
        guard let (entity, mentions) = detail else { return nil }
        let facts = try await fetchFacts(FactQuery(entityID: id, limit: limit))
        return EntityDetail(entity: entity, mentions: mentions, facts: facts)
    }

    public func fetchMentions(articleID id: Int64) async throws -> [ArticleMention] {
        try await pool.read { db in
            try Self.rows(EntityStatements.mentions(inArticle: id, .sqlite), in: db).map(EntityStatements.articleMention)
        }
    }

    public func fetchArticles(afterID id: Int64, limit: Int) async throws -> [StoredArticle] {
        try await pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT article.*, page.name AS page_name, page.date AS page_date
                    FROM article JOIN page ON page.id = article.page_id
                    WHERE article.id > ? ORDER BY article.id LIMIT ?
                    """, arguments: [id, max(0, limit)]
            ).map(Self.storedArticle)
        }
    }

    public func fetchFacts(afterID id: Int64, limit: Int) async throws -> [StoredFact] {
        try await pool.read { db in
            try Self.rows(FactStatements.after(id: id, limit: limit, .sqlite), in: db).map(FactStatements.fact)
        }
    }

    public func fetchEntities(afterID id: Int64, limit: Int) async throws -> [StoredEntity] {
        try await pool.read { db in try Self.entities(EntityStatements.after(id: id, limit: limit, .sqlite), in: db) }
    }

    public func fetchStats() async throws -> ArchiveStats {
        try await pool.read { db in
            let kinds = try Self.rows(EntityStatements.kinds(.sqlite), in: db).map {
                (try $0.text("kind"), try $0.int("entities"))
            }
            guard let totals = try Self.rows(EntityStatements.totals(.sqlite), in: db).first else {
                throw DatabaseError(message: "the totals query returned no row")
            }
            return try EntityStatements.stats(totals: totals, kinds: kinds)
        }
    }

    // MARK: - Running shared statements

    static func rows(_ statement: SQLStatement, in db: Database) throws -> [Row] {
        let values: [(any DatabaseValueConvertible)?] = statement.values.map { value in
            switch value {
            case .text(let text): text
            case .integer(let integer): integer
            case .real(let real): real
            }
        }
        return try Row.fetchAll(db, sql: statement.sql, arguments: StatementArguments(values))
    }

    static func entities(_ statement: SQLStatement, in db: Database) throws -> [StoredEntity] {
        let entities = try rows(statement, in: db).map(EntityStatements.entity)
        guard !entities.isEmpty else { return [] }
        let aliases = try rows(EntityStatements.aliases(of: entities.map(\.id), .sqlite), in: db).map {
            (try $0.integer("entity_id"), try $0.text("text"))
        }
        return EntityStatements.withAliases(entities, rows: aliases)
    }
}

extension Row: SQLRow {
    func text(_ column: String) throws -> String { self[column] }
    func optionalText(_ column: String) throws -> String? { self[column] }
    func integer(_ column: String) throws -> Int64 { self[column] }
    func real(_ column: String) throws -> Double { self[column] }
    func optionalReal(_ column: String) throws -> Double? { self[column] }
    func bool(_ column: String) throws -> Bool { self[column] }
}
