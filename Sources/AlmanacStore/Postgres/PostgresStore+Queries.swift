import AlmanacModel
import PostgresNIO

/// Reading pages, facts, entities and projects (the statements are in `FactStatements` and `EntityStatements`).
extension PostgresStore {
    public func fetchArticle(id: Int64) async throws -> StoredArticle? {
        try await run("reading article \(id)") {
            let rows = try await client.query(
                """
                SELECT article.id, article.page_id, page.name, page.date, article.seq, article.headline,
                    article.subheadline, article.section, article.kind, article.bylines, article.photographers,
                    article.captions, article.body
                FROM article JOIN page ON page.id = article.page_id WHERE article.id = \(id)
                """, logger: logger)
            var found: StoredArticle?
            for try await row in rows { found = try Self.storedArticle(row) }
            return found
        }
    }

    public func fetchPage(id: Int64) async throws -> StoredPage? {
        try await run("reading page \(id)") {
            let rows = try await client.query(
                "SELECT source, sha256, paper, date, date_source, number, text FROM page WHERE id = \(id)",
                logger: logger)
            var page: Page?
            for try await (source, sha256, paper, date, dateSource, number, text) in rows.decode(
                (String, String, String, String?, String?, Int?, String).self)
            {
                page = Page(
                    source: source, sha256: sha256, paper: paper, date: date,
                    dateSource: dateSource.flatMap(Page.DateSource.init(rawValue:)), number: number, text: text)
            }
            guard let page else { return nil }
            let articleRows = try await client.query(
                """
                SELECT article.id, article.page_id, page.name, page.date, article.seq, article.headline,
                    article.subheadline, article.section, article.kind, article.bylines, article.photographers,
                    article.captions, article.body
                FROM article JOIN page ON page.id = article.page_id WHERE page.id = \(id) ORDER BY article.seq
                """, logger: logger)
            var articles: [StoredArticle] = []
            for try await row in articleRows { articles.append(try Self.storedArticle(row)) }
            return StoredPage(id: id, page: page, articles: articles)
        }
    }

    public func fetchFacts(_ query: FactQuery) async throws -> [StoredFact] {
        guard query.limit > 0 else { return [] }
        return try await run("reading facts") {
            try await rows(FactStatements.select(query, .postgres)).map(FactStatements.fact)
        }
    }

    public func fetchPages(_ query: PageQuery) async throws -> [PageSummary] {
        try await run("reading pages") { try await rows(PageStatements.list(query, .postgres)).map(PageStatements.summary) }
    }

    public func fetchIndicators(limit: Int, offset: Int) async throws -> [IndicatorCount] {
        try await run("reading indicators") {
            try await rows(FactStatements.indicators(limit: limit, offset: offset, .postgres))
                .map(FactStatements.indicator)
        }
    }

    public func fetchEntities(_ query: EntityQuery) async throws -> [StoredEntity] {
        try await run("reading entities") { try await entities(EntityStatements.select(query, .postgres)) }
    }

    public func fetchProjects(_ query: ProjectQuery) async throws -> [StoredEntity] {
        try await run("reading projects") { try await entities(EntityStatements.projects(query, .postgres)) }
    }

    public func fetchEntity(id: Int64, limit: Int) async throws -> EntityDetail? {
        let found: (StoredEntity, [StoredMention])? = try await run("reading entity \(id)") {
            guard let entity = try await entities(EntityStatements.one(id: id, .postgres)).first else { return nil }
            let mentions = try await rows(EntityStatements.mentions(of: id, limit: limit, .postgres))
                .map(EntityStatements.mention)
            return (entity, mentions)
        }
        guard let (entity, mentions) = found else { return nil }
        let facts = try await fetchFacts(FactQuery(entityID: id, limit: limit))
        return EntityDetail(entity: entity, mentions: mentions, facts: facts)
    }

    public func fetchMentions(articleID id: Int64) async throws -> [ArticleMention] {
        try await run("reading the mentions of article \(id)") {
            try await rows(EntityStatements.mentions(inArticle: id, .postgres)).map(EntityStatements.articleMention)
        }
    }

    public func fetchArticles(afterID id: Int64, limit: Int) async throws -> [StoredArticle] {
        try await run("reading articles") {
            let rows = try await client.query(
                """
                SELECT article.id, article.page_id, page.name, page.date, article.seq, article.headline,
                    article.subheadline, article.section, article.kind, article.bylines, article.photographers,
                    article.captions, article.body
                FROM article JOIN page ON page.id = article.page_id
                WHERE article.id > \(id) ORDER BY article.id LIMIT \(max(0, limit))
                """, logger: logger)
            var articles: [StoredArticle] = []
            for try await row in rows { articles.append(try Self.storedArticle(row)) }
            return articles
        }
    }

    public func fetchFacts(afterID id: Int64, limit: Int) async throws -> [StoredFact] {
        try await run("reading facts") {
            try await rows(FactStatements.after(id: id, limit: limit, .postgres)).map(FactStatements.fact)
        }
    }

    public func fetchEntities(afterID id: Int64, limit: Int) async throws -> [StoredEntity] {
        try await run("reading entities") {
            try await entities(EntityStatements.after(id: id, limit: limit, .postgres))
        }
    }

    public func fetchStats() async throws -> ArchiveStats {
        try await run("counting the archive") {
            let kinds = try await rows(EntityStatements.kinds(.postgres)).map {
                (try $0.text("kind"), try $0.int("entities"))
            }
            guard let totals = try await rows(EntityStatements.totals(.postgres)).first else {
                throw PostgresStoreError(.queryFailed, "the totals query returned no row")
            }
            return try EntityStatements.stats(totals: totals, kinds: kinds)
        }
    }

    // MARK: - Running shared statements

    func rows(_ statement: SQLStatement) async throws -> [PostgresRandomAccessRow] {
        var binds = PostgresBindings()
        for value in statement.values {
            switch value {
            case .text(let text): binds.append(text)
            case .integer(let integer): binds.append(integer)
            case .real(let real): binds.append(real)
            }
        }
        let rows = try await client.query(PostgresQuery(unsafeSQL: statement.sql, binds: binds), logger: logger)
        var result: [PostgresRandomAccessRow] = []
        for try await row in rows { result.append(row.makeRandomAccess()) }
        return result
    }

    func entities(_ statement: SQLStatement) async throws -> [StoredEntity] {
        let entities = try await rows(statement).map(EntityStatements.entity)
        guard !entities.isEmpty else { return [] }
        let aliases = try await rows(EntityStatements.aliases(of: entities.map(\.id), .postgres)).map {
            (try $0.integer("entity_id"), try $0.text("text"))
        }
        return EntityStatements.withAliases(entities, rows: aliases)
    }
}

extension PostgresRandomAccessRow: SQLRow {
    func text(_ column: String) throws -> String { try self[column].decode(String.self) }
    func optionalText(_ column: String) throws -> String? { try self[column].decode(String?.self) }
    func integer(_ column: String) throws -> Int64 { try self[column].decode(Int64.self) }
    func real(_ column: String) throws -> Double { try self[column].decode(Double.self) }
    func optionalReal(_ column: String) throws -> Double? { try self[column].decode(Double?.self) }
    func bool(_ column: String) throws -> Bool { try self[column].decode(Bool.self) }
}
