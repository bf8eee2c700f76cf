import GRDB

/// Loading many pages into an empty archive: the indexes only reads need are built once at the end.
///
/// Every fact and mention row goes into two or three indexes at places spread over the whole index
/// (by entity, by indicator, by place). As the archive grows those inserts cost the one writer more
/// and more, and in an ingest of 10,000 pages into an empty archive the writer, not extraction, set
/// the pace of its second half. Built at the end from the finished tables, the same indexes cost a
/// sort each (about 2 s for 10,000 pages) and come out smaller.
///
/// Nothing else changes meanwhile: every query works (those that use the indexes slowly) and a
/// killed ingest loses nothing; the archive builds whatever is missing when it is next opened.
extension SQLiteStore {
    /// The indexes a bulk load puts off, as the migrations define them: entities' mentions, an
    /// article's facts and mentions (also what deleting an article needs), facts by place and by
    /// indicator.
    static let deferrableIndexes: [(name: String, sql: String)] = [
        ("mention_entity", "CREATE INDEX mention_entity ON mention(entity_id)"),
        ("mention_article", "CREATE INDEX mention_article ON mention(article_id)"),
        ("fact_article", "CREATE INDEX fact_article ON fact(article_id)"),
        ("fact_place", "CREATE INDEX fact_place ON fact(place) WHERE place <> ''"),
        ("fact_indicator", "CREATE INDEX fact_indicator ON fact(indicator_id, place)"),
    ]

    /// Drops the ``deferrableIndexes`` when the archive holds no page; says whether it did.
    public func beginBulkLoad() async throws -> Bool {
        try await pool.write { db in
            guard try Int.fetchOne(db, sql: "SELECT count(*) FROM page") == 0 else { return false }
            for index in Self.deferrableIndexes { try db.execute(sql: "DROP INDEX IF EXISTS \(index.name)") }
            return true
        }
    }

    /// Builds the ``deferrableIndexes`` that are missing.
    public func endBulkLoad() async throws {
        try await pool.write { db in try Self.buildMissingIndexes(db) }
    }

    /// Builds the ``deferrableIndexes`` a bulk load left out, if any (one cut short leaves them out
    /// until the archive is next opened).
    static func buildMissingIndexes(in pool: DatabasePool) throws {
        guard try pool.read({ db in try !missingIndexes(db).isEmpty }) else { return }
        try pool.write { db in try buildMissingIndexes(db) }
    }

    private static func buildMissingIndexes(_ db: Database) throws {
        for index in try missingIndexes(db) { try db.execute(sql: index.sql) }
    }

    private static func missingIndexes(_ db: Database) throws -> [(name: String, sql: String)] {
        let present = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index'"))
        return deferrableIndexes.filter { !present.contains($0.name) }
    }
}
