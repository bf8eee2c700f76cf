import AlmanacModel

/// Reading entities, mentions and projects: the statements and the row decoding both drivers share.
enum EntityStatements {
    /// An entity's columns with its mention and article counts and first and last page dates.
    static func summaries(where conditions: [String], orderBy: String, _ statement: inout SQLStatement) -> String {
        """
        SELECT entity.id, entity.kind, entity.name, entity.investment, entity.stage, entity.place, entity.sector,
            COUNT(mention.id) AS mentions, COUNT(DISTINCT mention.article_id) AS articles,
            MIN(page.date) AS first_date, MAX(page.date) AS last_date
        FROM entity JOIN mention ON mention.entity_id = entity.id
            JOIN article ON article.id = mention.article_id JOIN page ON page.id = article.page_id
        \(SQLStatement.whereClause(conditions))
        GROUP BY entity.id
        ORDER BY \(orderBy)
        """
    }

    /// Every kind, for looking an entity up by name through the unique index on (kind, name): one
    /// seek a kind, and no second index on names to keep.
    static let anyKind = "kind IN (" + EntityKind.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ") + ")"

    /// A subquery of the ids of the entities called `name`: by canonical name or a printed form (exact).
    static func named(_ name: String, _ statement: inout SQLStatement) -> String {
        let first = statement.bind(name)
        let second = statement.bind(name)
        return """
            SELECT id FROM entity WHERE \(anyKind) AND name = \(first)
            UNION SELECT entity_id FROM mention WHERE text = \(second) AND text <> ''
            """
    }

    /// A mention row's text as printed, for statements that join `mention` to `entity`: a mention
    /// printed as its entity's name is stored with `''` (see `EntityKeys.storedText(of:name:)`).
    static let printedText = "CASE WHEN mention.text = '' THEN entity.name ELSE mention.text END"

    /// Entities matching `query`: most mentioned first, then by name.
    static func select(_ query: EntityQuery, _ dialect: SQLDialect) -> SQLStatement {
        var statement = SQLStatement(dialect)
        var conditions: [String] = []
        if let kind = query.kind { conditions.append("entity.kind = \(statement.bind(kind.rawValue))") }
        if let name = query.name {
            // Bound once per use: SQLite's `?` placeholders are positional.
            let inName = dialect.contains("entity.name", statement.bind(name))
            let inText = dialect.contains("printed.text", statement.bind(name))
            conditions.append(
                """
                (\(inName) OR EXISTS (SELECT 1 FROM mention AS printed
                    WHERE printed.entity_id = entity.id AND \(inText)))
                """)
        }
        let order = "mentions DESC, \(dialect.byCodePoint("entity.name")), entity.id"
        let body = summaries(where: conditions, orderBy: order, &statement)
        statement.sql = body + "\n" + statement.page(limit: query.limit, offset: query.offset)
        return statement
    }

    /// Projects matching `query`: largest investment first (none last), then by name.
    static func projects(_ query: ProjectQuery, _ dialect: SQLDialect) -> SQLStatement {
        var statement = SQLStatement(dialect)
        var conditions = ["entity.kind = \(statement.bind(EntityKind.project.rawValue))"]
        if let investment = query.minInvestment {
            conditions.append("entity.investment >= \(statement.bind(.real(investment)))")
        }
        if let stage = query.stage { conditions.append("entity.stage = \(statement.bind(stage))") }
        if let place = query.place { conditions.append(dialect.contains("entity.place", statement.bind(place))) }
        let order = "entity.investment DESC NULLS LAST, \(dialect.byCodePoint("entity.name")), entity.id"
        let body = summaries(where: conditions, orderBy: order, &statement)
        statement.sql = body + "\n" + statement.page(limit: query.limit, offset: query.offset)
        return statement
    }

    /// Up to `limit` entities stored after the entity `id`, in storage order (for exports).
    static func after(id: Int64, limit: Int, _ dialect: SQLDialect) -> SQLStatement {
        var statement = SQLStatement(dialect)
        let body = summaries(where: ["entity.id > \(statement.bind(id))"], orderBy: "entity.id", &statement)
        statement.sql = body + "\n" + statement.page(limit: limit, offset: 0)
        return statement
    }

    /// The entity stored under `id`.
    static func one(id: Int64, _ dialect: SQLDialect) -> SQLStatement {
        var statement = SQLStatement(dialect)
        statement.sql = summaries(where: ["entity.id = \(statement.bind(id))"], orderBy: "entity.id", &statement)
        return statement
    }

    /// The printed forms of the entities `ids` other than their names.
    static func aliases(of ids: [Int64], _ dialect: SQLDialect) -> SQLStatement {
        var statement = SQLStatement(dialect)
        let list = ids.map { statement.bind($0) }.joined(separator: ", ")
        statement.sql = """
            SELECT DISTINCT mention.entity_id, mention.text FROM mention JOIN entity ON entity.id = mention.entity_id
            WHERE mention.entity_id IN (\(list)) AND mention.text <> '' AND mention.text <> entity.name
            """
        return statement
    }

    /// The mentions of the entity `id`, newest page first, then in article and storage order.
    static func mentions(of id: Int64, limit: Int, _ dialect: SQLDialect) -> SQLStatement {
        var statement = SQLStatement(dialect)
        statement.sql = """
            SELECT mention.article_id, article.page_id, page.name AS page_name, page.date AS page_date,
                article.headline, mention.field, \(printedText) AS text, mention.span_start, mention.span_end
            FROM mention JOIN entity ON entity.id = mention.entity_id JOIN article ON article.id = mention.article_id
                JOIN page ON page.id = article.page_id
            WHERE mention.entity_id = \(statement.bind(id))
            ORDER BY page.date DESC NULLS LAST, page.id DESC, article.seq, mention.id
            \(statement.page(limit: limit, offset: 0))
            """
        return statement
    }

    /// The mentions of one article with their entities, in field and reading order.
    static func mentions(inArticle id: Int64, _ dialect: SQLDialect) -> SQLStatement {
        var statement = SQLStatement(dialect)
        statement.sql = """
            SELECT mention.entity_id, entity.kind, entity.name, mention.field, \(printedText) AS text,
                mention.span_start, mention.span_end
            FROM mention JOIN entity ON entity.id = mention.entity_id
            WHERE mention.article_id = \(statement.bind(id))
            ORDER BY mention.field, mention.span_start, mention.id
            """
        return statement
    }

    /// An ``ArticleMention`` from a row of ``mentions(inArticle:_:)``.
    static func articleMention(_ row: some SQLRow) throws -> ArticleMention {
        ArticleMention(
            entityID: try row.integer("entity_id"), kind: EntityKind(rawValue: try row.text("kind")) ?? .organization,
            name: try row.text("name"), field: ArticleField(rawValue: try row.text("field")) ?? .body,
            text: try row.text("text"), start: try row.int("span_start"), end: try row.int("span_end"))
    }

    /// Counts for ``ArchiveStats``: one row of totals.
    static func totals(_ dialect: SQLDialect) -> SQLStatement {
        var statement = SQLStatement(dialect)
        statement.sql = """
            SELECT (SELECT COUNT(*) FROM page) AS pages, (SELECT COUNT(*) FROM article) AS articles,
                (SELECT COUNT(*) FROM fact) AS facts, (SELECT COUNT(*) FROM mention) AS mentions,
                (SELECT MIN(date) FROM page) AS first_date, (SELECT MAX(date) FROM page) AS last_date
            """
        return statement
    }

    /// Entities by kind: rows of (kind, entities).
    static func kinds(_ dialect: SQLDialect) -> SQLStatement {
        var statement = SQLStatement(dialect)
        statement.sql = "SELECT kind, COUNT(*) AS entities FROM entity GROUP BY kind"
        return statement
    }

    // MARK: - Rows

    static func entity(_ row: some SQLRow) throws -> StoredEntity {
        let kind = EntityKind(rawValue: try row.text("kind")) ?? .organization
        var project: ProjectDetails?
        if kind == .project {
            project = ProjectDetails(
                investment: try row.optionalReal("investment"), stage: try row.optionalText("stage"),
                place: try row.optionalText("place"), sector: try row.optionalText("sector"))
        }
        return StoredEntity(
            id: try row.integer("id"), kind: kind, name: try row.text("name"), aliases: [],
            mentions: try row.int("mentions"), articles: try row.int("articles"),
            firstDate: try row.optionalText("first_date"), lastDate: try row.optionalText("last_date"),
            project: project)
    }

    static func mention(_ row: some SQLRow) throws -> StoredMention {
        StoredMention(
            articleID: try row.integer("article_id"), pageID: try row.integer("page_id"),
            page: try row.text("page_name"), date: try row.optionalText("page_date"),
            headline: try row.text("headline"), field: ArticleField(rawValue: try row.text("field")) ?? .body,
            text: try row.text("text"), start: try row.int("span_start"), end: try row.int("span_end"))
    }

    /// `entities` with their aliases from `rows` of (entity_id, text), each list in code-point order.
    static func withAliases(_ entities: [StoredEntity], rows: [(Int64, String)]) -> [StoredEntity] {
        var aliases: [Int64: [String]] = [:]
        for (id, text) in rows { aliases[id, default: []].append(text) }
        return entities.map { entity in
            var entity = entity
            entity.aliases = (aliases[entity.id] ?? []).sorted { $0.precedesByCodePoint($1) }
            return entity
        }
    }

    static func stats(totals row: some SQLRow, kinds: [(String, Int)]) throws -> ArchiveStats {
        var entities = Dictionary(uniqueKeysWithValues: EntityKind.allCases.map { ($0.rawValue, 0) })
        for (kind, count) in kinds { entities[kind] = count }
        return ArchiveStats(
            pages: try row.int("pages"), articles: try row.int("articles"), facts: try row.int("facts"),
            mentions: try row.int("mentions"), entities: entities, firstDate: try row.optionalText("first_date"),
            lastDate: try row.optionalText("last_date"))
    }
}
