import Foundation
import GRDB

/// Loading many pages into an empty archive: the indexes only reads need are built once at the end.
///
/// Every fact and mention row goes into two or three indexes at places spread over the whole index
/// (by entity, by indicator, by place). As the archive grows those inserts cost the one writer more
/// and more, and in an ingest of 10,000 pages into an empty archive the writer, not extraction, set
/// the pace of its second half. Built at the end from the finished tables, the same indexes cost a
/// sort each (about 2 s for 10,000 pages) and come out smaller.
///
/// The search index is not merged as articles arrive either (FTS5's `automerge`, whose small merges
/// rewrite each term's entries several times over in a long load, nor its `crisismerge` of 16
/// segments); the ingest merges it whole at the end (``optimize()``).
///
/// Nothing else changes meanwhile: every query works (those that use the indexes slowly) and a
/// killed ingest loses nothing; the archive builds whatever is missing, and merges its search index
/// as it goes again, when it is next opened with no loader alive (`bulk_load`).
extension SQLiteStore {
    /// The indexes a bulk load puts off, as the migrations define them: entities' mentions, facts by
    /// place and by indicator — those whose keys arrive in no order.
    static let deferrableIndexes: [(name: String, sql: String)] = [
        ("mention_entity", "CREATE INDEX mention_entity ON mention(entity_id)"),
        ("fact_place", "CREATE INDEX fact_place ON fact(place) WHERE place <> ''"),
        ("fact_indicator", "CREATE INDEX fact_indicator ON fact(indicator_id, place)"),
    ]

    /// An article's facts and mentions (also what deleting an article needs): earlier versions put them
    /// off too, so an archive whose bulk load one of those left unfinished builds them like the others.
    ///
    /// Their keys, article ids, only grow, so each new row lands at the index's end, on a page the
    /// writer has at hand: kept up row by row during a load of 10,000 generated pages they cost the
    /// writer about 0.4 s of CPU, shared with extraction, where building them at its end took 0.6 s
    /// on one core while the other waited.
    static let formerlyDeferredIndexes: [(name: String, sql: String)] = [
        ("mention_article", "CREATE INDEX mention_article ON mention(article_id)"),
        ("fact_article", "CREATE INDEX fact_article ON fact(article_id)"),
    ]

    /// Drops the ``deferrableIndexes`` when the archive holds no page (or only pages of bulk loads
    /// still running: several ingest processes may start on one new archive together), and notes
    /// this process as loading; says whether it did.
    public func beginBulkLoad() async throws -> Bool {
        try await pool.write { db in
            try Self.createLoaderTable(db)
            let loading = try Self.liveLoaders(db)
            guard try Int.fetchOne(db, sql: "SELECT count(*) FROM page") == 0 || !loading.isEmpty else { return false }
            for index in Self.deferrableIndexes { try db.execute(sql: "DROP INDEX IF EXISTS \(index.name)") }
            try Self.setSearchIndexMerge(db, Self.bulkLoadSearchIndexMerge)
            try db.execute(sql: "INSERT INTO bulk_load (pid) VALUES (?)", arguments: [Self.processID])
            return true
        }
    }

    /// Notes that this process has finished loading and, when no other process is still loading,
    /// builds the ``deferrableIndexes`` that are missing. (The last loader builds them: built while
    /// another still writes, they would hold the write lock for seconds that its batches wait out.)
    public func endBulkLoad() async throws {
        try await pool.write { db in
            try Self.createLoaderTable(db)
            try db.execute(sql: "DELETE FROM bulk_load WHERE pid = ?", arguments: [Self.processID])
            guard try Self.liveLoaders(db).isEmpty else { return }
            try Self.buildMissingIndexes(db)
        }
    }

    /// Builds the ``deferrableIndexes`` a bulk load left out, if any, and merges the search index as
    /// it goes again, if no bulk load is running (one cut short leaves them until the archive is next
    /// opened).
    static func buildMissingIndexes(in pool: DatabasePool) throws {
        let unfinished = try pool.read { db in
            try !missingIndexes(db).isEmpty || searchIndexMerge(db) == bulkLoadSearchIndexMerge
        }
        guard unfinished else { return }
        try pool.write { db in
            try createLoaderTable(db)
            guard try liveLoaders(db).isEmpty else { return }
            try buildMissingIndexes(db)
        }
    }

    private static func buildMissingIndexes(_ db: Database) throws {
        let missing = try missingIndexes(db)
        if !missing.isEmpty {
            // SQLite sorts an index's keys in runs that fit the page cache. Runs the size of its
            // default cache sort faster than one run the size of the writer's large cache (10,000
            // generated pages: the five indexes in 1.6 rather than 2.1 s, in the `sqlite3` shell
            // 2.1 rather than 2.6 s).
            try db.execute(sql: "PRAGMA cache_size = -\(indexBuildCacheKiB)")
            let built = Result { for index in missing { try db.execute(sql: index.sql) } }
            try db.execute(sql: "PRAGMA cache_size = -\(writerCacheKiB)")
            try built.get()
        }
        if try searchIndexMerge(db) == bulkLoadSearchIndexMerge { try setSearchIndexMerge(db, searchIndexMerge) }
    }

    /// The page cache, in KiB, while the put-off indexes are built: SQLite's default.
    static let indexBuildCacheKiB = 2000

    /// FTS5's `automerge` outside a bulk load: its own default, merging 4 segments of a level once
    /// there are that many.
    static let searchIndexMerge = 4
    /// `automerge` during a bulk load: off (FTS5 still merges a level that reaches `crisismerge` segments).
    static let bulkLoadSearchIndexMerge = 0

    /// FTS5's `crisismerge` outside a bulk load: its default, 16 segments of a level.
    static let searchIndexCrisisMerge = 16
    /// `crisismerge` during a bulk load. Each write batch adds a segment; at 16, a load of 10,000
    /// pages (40 to 60 batches) merged most of its index once on the way and again at the end. Its
    /// commits took 1.0 rather than 2.0 s of the writer's time in profiled ingests of 10,000 pages,
    /// and the final merge of up to 64 segments costs about what a merge of 16 did (FTS5 in Python,
    /// 20,000 articles in 40 commits: 0.36–0.64 against 0.38–0.46 s). Loads of more than 64 batches
    /// still merge, 64 segments at a time.
    static let bulkLoadSearchIndexCrisisMerge = 64

    /// The search index's `automerge` setting (FTS5 keeps it in the index's config table; absent
    /// means the default).
    static func searchIndexMerge(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT v FROM article_search_config WHERE k = 'automerge'") ?? searchIndexMerge
    }

    /// Sets the search index's `automerge` to `merge`, and its `crisismerge` to the bulk load's when
    /// `merge` is the bulk load's, else to FTS5's default.
    private static func setSearchIndexMerge(_ db: Database, _ merge: Int) throws {
        let crisisMerge = merge == bulkLoadSearchIndexMerge ? bulkLoadSearchIndexCrisisMerge : searchIndexCrisisMerge
        for (setting, value) in [("automerge", merge), ("crisismerge", crisisMerge)] {
            try db.execute(
                sql: "INSERT INTO article_search (article_search, rank) VALUES (?, ?)", arguments: [setting, value])
        }
    }

    private static func missingIndexes(_ db: Database) throws -> [(name: String, sql: String)] {
        let present = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index'"))
        return (deferrableIndexes + formerlyDeferredIndexes).filter { !present.contains($0.name) }
    }

    /// The processes loading the archive in bulk (`bulk_load`, one row each, kept apart from the
    /// migrated schema: it only says who is loading now).
    private static func createLoaderTable(_ db: Database) throws {
        try db.execute(sql: "CREATE TABLE IF NOT EXISTS bulk_load (pid INTEGER NOT NULL)")
    }

    /// The loaders still running, after forgetting those whose process is gone (killed). A process id
    /// is checked on this machine, where the archive's file is.
    private static func liveLoaders(_ db: Database) throws -> [Int32] {
        let pids = try Int32.fetchAll(db, sql: "SELECT pid FROM bulk_load")
        let live = pids.filter { $0 == processID || kill($0, 0) == 0 || errno == EPERM }
        for pid in Set(pids).subtracting(live) {
            try db.execute(sql: "DELETE FROM bulk_load WHERE pid = ?", arguments: [pid])
        }
        return live
    }

    static var processID: Int32 { getpid() }
}
