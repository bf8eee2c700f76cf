import AlmanacModel

/// Reading facts: the statements and the row decoding both drivers share.
enum FactStatements {
    /// The columns every fact read selects, with its article and page.
    static func columns(_ dialect: SQLDialect) -> String {
        """
        fact.id, fact.article_id, fact.field, fact.span_start, fact.span_end, \(text(dialect)) AS text, fact.value,
            fact.low, fact.high, fact.unit, fact.approx, \(indicator) AS indicator, indicator.key AS indicator_key, fact.change,
            fact.period, fact.period_start, fact.period_end, fact.place, \(FactSentence.expression(dialect)) AS sentence,
            article.page_id, article.seq,
            article.headline, page.name AS page_name, page.date AS page_date, page.paper AS page_paper
        """
    }

    /// A fact row's printed figure: kept as text only when it is not the span of its field (see
    /// ``FactColumns``).
    static func text(_ dialect: SQLDialect) -> String {
        """
        CASE WHEN fact.text <> '' OR fact.field = 'caption' OR fact.span_end < fact.span_start THEN fact.text
            ELSE substr(\(FactSentence.fieldText(dialect)), fact.span_start + 1, fact.span_end - fact.span_start) END
        """
    }

    /// A fact row's indicator as printed: `''` is stored when it is its own key.
    static let indicator = "CASE WHEN fact.indicator = '' THEN indicator.key ELSE fact.indicator END"

    /// The SQL of the id of the indicator whose key is the parameter `key` (`?` or `$n`).
    static func indicatorID(_ key: String) -> String {
        "(SELECT id FROM indicator WHERE key = \(key))"
    }

    /// The tables every fact read joins.
    static let tables = """
        fact JOIN indicator ON indicator.id = fact.indicator_id JOIN article ON article.id = fact.article_id
            JOIN page ON page.id = article.page_id
        """

    /// Facts matching `query`, newest page first, then in article and storage order.
    static func select(_ query: FactQuery, _ dialect: SQLDialect) -> SQLStatement {
        var statement = SQLStatement(dialect)
        var conditions: [String] = []
        if let key = query.indicatorKey {
            conditions.append("fact.indicator_id = \(indicatorID(statement.bind(key)))")
        }
        if let place = query.place {
            // Only placed facts are in the index on `place`, so the condition says the place is not empty.
            conditions.append("fact.place = \(statement.bind(place))" + (place.isEmpty ? "" : " AND fact.place <> ''"))
        }
        if let from = query.from {
            conditions.append("COALESCE(fact.period_end, page.date) >= \(statement.bind(from))")
        }
        if let to = query.to { conditions.append("COALESCE(fact.period_start, page.date) <= \(statement.bind(to))") }
        if let id = query.articleID { conditions.append("fact.article_id = \(statement.bind(id))") }
        if let entity = query.entity {
            conditions.append(
                """
                EXISTS (SELECT 1 FROM mention WHERE mention.article_id = fact.article_id
                    AND mention.entity_id IN (\(EntityStatements.named(entity, &statement)))
                    AND \(mentionInSentence(dialect)))
                """)
        }
        if let id = query.entityID {
            conditions.append(
                """
                EXISTS (SELECT 1 FROM mention WHERE mention.entity_id = \(statement.bind(id))
                    AND mention.article_id = fact.article_id AND \(mentionInSentence(dialect)))
                """)
        }
        statement.sql = """
            SELECT \(columns(dialect))
            FROM \(tables)
            \(SQLStatement.whereClause(conditions))
            ORDER BY page.date DESC NULLS LAST, page.id DESC, article.seq, fact.id
            \(statement.page(limit: query.limit, offset: query.offset))
            """
        return statement
    }

    /// Whether the `mention` row lies in the `fact` row's sentence: by offsets, or for a fact stored with
    /// its sentence's text, by the mention's printed text.
    static func mentionInSentence(_ dialect: SQLDialect) -> String {
        let printed =
            "CASE WHEN mention.text = '' THEN (SELECT name FROM entity WHERE entity.id = mention.entity_id) ELSE mention.text END"
        return """
            (CASE WHEN fact.sentence_start IS NULL THEN \(dialect.contains("fact.sentence", printed))
                ELSE mention.field = fact.field AND mention.span_start >= fact.sentence_start
                    AND mention.span_end <= fact.sentence_end END)
            """
    }

    /// Up to `limit` facts stored after the fact `id`, in storage order: for exports, which read the
    /// whole archive a window at a time without `OFFSET`.
    static func after(id: Int64, limit: Int, _ dialect: SQLDialect) -> SQLStatement {
        var statement = SQLStatement(dialect)
        statement.sql = """
            SELECT \(columns(dialect))
            FROM \(tables)
            WHERE fact.id > \(statement.bind(id))
            ORDER BY fact.id
            \(statement.page(limit: limit, offset: 0))
            """
        return statement
    }

    /// Indicator keys with their fact counts and first spelling: most facts first, then by key.
    static func indicators(limit: Int, offset: Int, _ dialect: SQLDialect) -> SQLStatement {
        var statement = SQLStatement(dialect)
        statement.sql = """
            SELECT indicator.key AS indicator_key, MIN(\(dialect.byCodePoint("(\(indicator))"))) AS indicator,
                COUNT(*) AS facts
            FROM fact JOIN indicator ON indicator.id = fact.indicator_id WHERE indicator.key <> ''
            GROUP BY indicator.key
            ORDER BY facts DESC, \(dialect.byCodePoint("indicator.key"))
            \(statement.page(limit: limit, offset: offset))
            """
        return statement
    }

    static func fact(_ row: some SQLRow) throws -> StoredFact {
        let start = try row.optionalText("period_start")
        let end = try row.optionalText("period_end")
        let fact = Fact(
            quantity: Quantity(
                start: try row.int("span_start"), end: try row.int("span_end"), text: try row.text("text"),
                value: try row.real("value"), low: try row.optionalReal("low"), high: try row.optionalReal("high"),
                unit: try row.text("unit"), approx: try row.bool("approx")),
            indicator: try row.text("indicator"), change: try row.optionalText("change"),
            period: try row.text("period"), place: try row.text("place"), sentence: try row.text("sentence"),
            seq: try row.int("seq"),
            resolvedPeriod: start.flatMap { start in end.map { DateRange(start: start, end: $0) } })
        return StoredFact(
            id: try row.integer("id"), articleID: try row.integer("article_id"), pageID: try row.integer("page_id"),
            page: try row.text("page_name"), date: try row.optionalText("page_date"),
            paper: try row.text("page_paper"), headline: try row.text("headline"),
            field: ArticleField(rawValue: try row.text("field")) ?? .body,
            indicatorKey: try row.text("indicator_key"), fact: fact)
    }

    static func indicator(_ row: some SQLRow) throws -> IndicatorCount {
        IndicatorCount(
            key: try row.text("indicator_key"), indicator: try row.text("indicator"), facts: try row.int("facts"))
    }
}
