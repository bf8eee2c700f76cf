import AlmanacModel

/// Where a driver puts the values of one row, in column order: SQLite binds them to a statement as
/// they come (`BoundInsert.Values`), PostgreSQL gathers them into a column's array (`ColumnArrays`).
protocol RowValues {
    mutating func add(_ value: Int64)
    mutating func add(_ value: Int)
    mutating func add(_ value: Double)
    mutating func add(_ value: Bool)
    mutating func add(_ value: String)
    mutating func add(_ value: Int?)
    mutating func add(_ value: Int64?)
    mutating func add(_ value: Double?)
    mutating func add(_ value: String?)
}

/// The columns of a `fact` and a `mention` row as both drivers insert them, and their values: one
/// list, so the two writers cannot put a value under another column.
enum StoredRows {
    /// The columns of a fact row, in the order ``addFact(_:into:)`` gives their values.
    static let factColumns = """
        article_id, field, span_start, span_end, text, value, low, high, unit, approx, indicator, indicator_id, \
        change, period, period_start, period_end, place, sentence, sentence_start, sentence_end
        """

    /// The values of a fact row: the fact of `field` of article `articleID`, with its compact
    /// `columns` and the id of its indicator key.
    static func addFact(
        articleID: Int64, field: ArticleField, fact: Fact, columns: FactColumns, indicatorID: Int64,
        into row: inout some RowValues
    ) {
        let quantity = fact.quantity
        row.add(articleID)
        row.add(field.rawValue)
        row.add(quantity.start)
        row.add(quantity.end)
        row.add(columns.text)
        row.add(quantity.value)
        row.add(quantity.low)
        row.add(quantity.high)
        row.add(quantity.unit)
        row.add(quantity.approx)
        row.add(columns.indicator)
        row.add(indicatorID)
        row.add(fact.change)
        row.add(fact.period)
        row.add(fact.resolvedPeriod?.start)
        row.add(fact.resolvedPeriod?.end)
        row.add(fact.place)
        row.add(columns.sentence)
        row.add(columns.sentenceStart)
        row.add(columns.sentenceEnd)
    }

    /// The columns of a mention row, in the order ``addMention(_:into:)`` gives their values.
    static let mentionColumns =
        "entity_id, article_id, field, span_start, span_end, text, investment, stage, place, sector"

    /// The values of a mention row: `mention` of entity `entityID`, stored under the canonical name
    /// `name`, in `field` of article `articleID`.
    static func addMention(
        entityID: Int64, name: String, articleID: Int64, field: ArticleField, mention: Mention,
        into row: inout some RowValues
    ) {
        let project = mention.project
        row.add(entityID)
        row.add(articleID)
        row.add(field.rawValue)
        row.add(mention.start)
        row.add(mention.end)
        row.add(EntityKeys.storedText(of: mention, name: name))
        row.add(project?.investment)
        row.add(project?.stage)
        row.add(project?.place)
        row.add(project?.sector)
    }
}
