import AlmanacModel
import CSQLiteSetup
import Crypto
import Foundation
import GRDB

/// The embedded archive: one SQLite file through GRDB, in WAL mode, migrated on open.
///
/// ```swift
/// let store = try SQLiteStore(path: "almanac.sqlite")
/// _ = try await store.save(page: page, articles: extractedArticles)
/// ```
public struct SQLiteStore: Store {
    let pool: DatabasePool
    /// Cuts articles into index words and queries into terms.
    let searchText: SearchText
    /// The code new bodies are spelt in: the archive's newest (``TextCodec``).
    let bodyCode: CharacterCode

    /// Bytes of the file SQLite reads through a memory map (`PRAGMA mmap_size`); beyond it, `pread`.
    static let mmapSize = 1 << 30
    /// The most the writing connection caches of the file, in KiB (`PRAGMA cache_size`).
    static let writerCacheKiB = 64 * 1024

    /// SQLite's process-wide settings, made before the process's first archive opens: no mutex on
    /// every call into a connection (GRDB gives each connection to one thread at a time) and no
    /// count of SQLite's memory (a global mutex on every allocation). Together about 1 % of an
    /// ingest's CPU. If something opened a connection earlier, SQLite keeps its safe defaults.
    static let processSettings: Int32 = almanac_sqlite_configure_process()

    /// Opens (creating if needed) the archive at `path` and brings its schema up to date.
    public init(path: String) throws {
        _ = Self.processSettings
        let searchText = try SearchText.bundled()
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // A new archive gives back the pages it frees (the search index's merges free many) when
            // `optimize()` asks, and uses 8 KiB pages (B-tree pages that indexes fill at random are
            // half empty after a split; larger pages waste less, and rows spill less). An archive
            // made before keeps its settings (it takes a VACUUM to change them). Set before the
            // writer turns WAL on, while the file is still empty.
            if !db.configuration.readonly {
                try db.execute(sql: "PRAGMA page_size = 8192; PRAGMA auto_vacuum = INCREMENTAL")
                // The writer's page cache: a batch inserts into a dozen indexes at scattered places,
                // and with SQLite's 2 MB default the pages it changed were spilled and read back
                // within the batch. Grown only as used. 10,000 pages: the writer's SQL 39 -> 29 s.
                try db.execute(sql: "PRAGMA cache_size = -\(Self.writerCacheKiB)")
            }
            Self.registerSearchFunctions(db, searchText: searchText)
            SQLProfile.install(db)
            // Pages read through a memory map rather than copied by `pread` into each connection's
            // small cache: a search reads a thousand scattered article rows, and the copies were a
            // third of its CPU time. The OS shares the mapped pages between the pool's readers.
            try db.execute(sql: "PRAGMA mmap_size = \(Self.mmapSize)")
            // In WAL mode NORMAL syncs at checkpoints rather than at every commit: a killed process
            // loses nothing it committed (the WAL is written before a commit returns); only a power
            // cut or an OS crash may roll back the last commits, whole.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        pool = try DatabasePool(path: path, configuration: configuration)
        self.searchText = searchText
        try Self.migrator(searchText: searchText).migrate(pool)
        try Self.buildMissingIndexes(in: pool)
        _ = try pool.read(Self.loadBodyDictionaries)
        guard let newest = try pool.read(Self.loadCharacterCodes) else {
            throw DatabaseError(message: "the archive holds no character code")
        }
        bodyCode = newest
        try Self.refreshSearchIndexIfStale(pool, searchText: searchText)
    }

    public func containsPage(sha256: String) async throws -> Bool {
        // One statement sees one state of the archive by itself: without GRDB's read transaction
        // around it, a check costs no BEGIN and COMMIT (prepared anew each time). Ingest checks every
        // file: in profiles of 2,000 pages the checks took 0.33 % of the CPU, against 0.78 % with it.
        try await pool.unsafeRead { db in
            // Cached: ingest asks once a file, and compiling the statement cost more than running it.
            try Bool.fetchOne(
                db.cachedStatement(sql: "SELECT EXISTS(SELECT 1 FROM page WHERE sha256 = ?)"), arguments: [sha256])
                ?? false
        }
    }

    public func fetchArticles(limit: Int, offset: Int) async throws -> [StoredArticle] {
        try await pool.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT article.*, page.name AS page_name, page.date AS page_date
                    FROM article JOIN page ON page.id = article.page_id
                    ORDER BY page.date DESC, page.id DESC, article.seq
                    LIMIT ? OFFSET ?
                    """,
                arguments: [limit, offset])
            return try rows.map(Self.storedArticle)
        }
    }

    public func fetchCounts() async throws -> StoreCounts {
        try await pool.read { db in
            StoreCounts(
                pages: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM page") ?? 0,
                articles: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM article") ?? 0)
        }
    }

    /// Makes the archive's body dictionaries known to this process and returns the newest (nil for
    /// an archive made before migration "v10 text dictionary").
    static func loadBodyDictionaries(_ db: Database) throws -> [UInt8]? {
        guard try db.tableExists("text_dictionary") else { return nil }
        let stored = try Data.fetchAll(db, sql: "SELECT bytes FROM text_dictionary ORDER BY id").map { [UInt8]($0) }
        for dictionary in stored { TextDictionaries.shared.add(dictionary) }
        return stored.last
    }

    /// Makes the archive's character codes known to this process and returns the newest (nil for an
    /// archive made before migration "v16 character code").
    static func loadCharacterCodes(_ db: Database) throws -> CharacterCode? {
        guard try db.tableExists("text_code") else { return nil }
        let stored = try Data.fetchAll(db, sql: "SELECT bytes FROM text_code ORDER BY id").map { [UInt8]($0) }
        return try stored.map { try TextCodes.shared.add(serialized: $0) }.last
    }

    // MARK: - Rows

    static func storedArticle(_ row: Row) throws -> StoredArticle {
        let article = Article(
            seq: row["seq"], headline: row["headline"], subheadline: row["subheadline"], section: row["section"],
            kind: Article.Kind(rawValue: row["kind"]) ?? .news, bylines: decodeList(row["bylines"]),
            photographers: decodeList(row["photographers"]), captions: decodeList(row["captions"]),
            body: try TextCodec.decode(row["body"]))
        return StoredArticle(
            id: row["id"], pageID: row["page_id"], page: row["page_name"], date: row["page_date"], article: article)
    }

    /// Name lists are stored as JSON arrays, which SQLite's JSON functions can query.
    ///
    /// Written directly rather than by `JSONEncoder`, which cost the single writer a twentieth of its
    /// time on three lists an article (most of them empty). Only `"`, `\` and control characters
    /// need escaping inside a JSON string (RFC 8259, section 7); `decodeList` reads either spelling.
    static func encodeList(_ list: [String]) -> String {
        list.isEmpty ? "[]" : JSONString.array(list)
    }

    static func decodeList(_ text: String?) -> [String] {
        // Most lists (bylines, captions) are empty; a JSON decoder is costly to start for nothing.
        guard let text, text != "[]" else { return [] }
        guard let list = try? JSONDecoder().decode([String].self, from: Data(text.utf8)) else { return [] }
        return list
    }

}
