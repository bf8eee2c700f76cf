/// Listing pages, for either dialect.
enum PageStatements {
    /// The pages `query` asks for, newest date first (undated last), then by id, newest first.
    static func list(_ query: PageQuery, _ dialect: SQLDialect) -> SQLStatement {
        var statement = SQLStatement(dialect)
        var conditions: [String] = []
        if let paper = query.paper { conditions.append("page.paper = \(statement.bind(paper))") }
        if let from = query.from { conditions.append("page.date >= \(statement.bind(from))") }
        if let to = query.to { conditions.append("page.date <= \(statement.bind(to))") }
        statement.sql = """
            SELECT page.id, page.name, page.paper, page.date, page.date_source, page.sha256,
                (SELECT COUNT(*) FROM article WHERE article.page_id = page.id) AS articles
            FROM page
            \(SQLStatement.whereClause(conditions))
            ORDER BY page.date DESC NULLS LAST, page.id DESC
            \(statement.page(limit: query.limit, offset: query.offset))
            """
        return statement
    }

    static func summary(_ row: some SQLRow) throws -> PageSummary {
        PageSummary(
            id: try row.integer("id"), name: try row.text("name"), paper: try row.text("paper"),
            date: try row.optionalText("date"), dateSource: try row.optionalText("date_source"),
            sha256: try row.text("sha256"), articles: try row.int("articles"))
    }
}
