import AlmanacModel
import PostgresNIO

/// The scale-out archive: a PostgreSQL database through postgres-nio's connection pool, with the
/// schema and semantics of `SQLiteStore`.
///
/// ```swift
/// let store = try await PostgresStore.connect(url: "postgres://almanac@localhost/almanac")
/// _ = try await store.save(page: page, articles: extractedArticles)
/// await store.close()
/// ```
///
/// ## Lifetime
///
/// `connect(url:)` opens one session to check that the server can be reached and to migrate the
/// schema (so a wrong URL fails at once, with the server's reason, instead of a pool retrying in
/// the background), then starts a `PostgresClient` whose `run()` loop lives in a task owned by the
/// store. `close()` cancels that task and waits until the pool has closed its connections; call it
/// once when done. A store that is dropped without `close()` cancels the task from `deinit`, so
/// the pool never outlives the store, but its connections then close in the background.
/// Calls made after `close()` throw ``PostgresStoreError/Code/closed``.
///
/// Several processes may share one database: pages are told apart by sha256 with
/// `INSERT … ON CONFLICT DO NOTHING`, and migrations run under an advisory lock.
public final class PostgresStore: Store {
    /// Where the store is connected, password masked in its description.
    public let url: PostgresURL
    let client: PostgresClient
    let runTask: Task<Void, Never>
    let logger: Logger
    /// Cuts articles into index words and queries into terms.
    let searchText: SearchText

    private init(url: PostgresURL, client: PostgresClient, logger: Logger, searchText: SearchText) {
        self.url = url
        self.client = client
        self.logger = logger
        self.searchText = searchText
        // Immediate, so `run()` has marked the client running before the first lease asks.
        runTask = Task.immediate { await client.run() }
    }

    deinit {
        runTask.cancel()
    }

    /// Connects to the archive at `url` (`postgres://user:password@host:port/database`) and brings its
    /// schema up to date.
    ///
    /// - Throws: `PostgresURLError` for a URL that cannot be read; ``PostgresStoreError`` when the
    ///   server cannot be reached or the schema cannot be migrated.
    public static func connect(url: String, logger: Logger? = nil) async throws -> PostgresStore {
        try await connect(to: PostgresURL(parsing: url), logger: logger)
    }

    /// Connects to the archive at `url` and brings its schema up to date.
    public static func connect(to url: PostgresURL, logger: Logger? = nil) async throws -> PostgresStore {
        let logger = logger ?? Self.defaultLogger
        let tls = try Self.tls(url.tls)
        let searchText = try SearchText.bundled()
        try await migrate(at: url, tls: tls, logger: logger, searchText: searchText)
        var configuration =
            if let socket = url.socketPath {
                PostgresClient.Configuration(
                    unixSocketPath: socket, username: url.username, password: url.password, database: url.database)
            } else {
                PostgresClient.Configuration(
                    host: url.host, port: url.port, username: url.username, password: url.password,
                    database: url.database, tls: tls.client)
            }
        configuration.options.maximumConnections = 16
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        return PostgresStore(url: url, client: client, logger: logger, searchText: searchText)
    }

    /// Stops the connection pool and waits until its connections are closed. Calling it again does nothing.
    public func close() async {
        runTask.cancel()
        await runTask.value
    }

    // MARK: - Store

    public func containsPage(sha256: String) async throws -> Bool {
        try await run("looking up a page") {
            let rows = try await client.query(
                "SELECT EXISTS (SELECT 1 FROM page WHERE sha256 = \(sha256))", logger: logger)
            return try await rows.decode(Bool.self).first { _ in true } ?? false
        }
    }

    public func fetchArticles(limit: Int, offset: Int) async throws -> [StoredArticle] {
        try await run("reading articles") {
            let rows = try await client.query(
                """
                SELECT article.id, article.page_id, page.name, page.date, article.seq, article.headline,
                    article.subheadline, article.section, article.kind, article.bylines, article.photographers,
                    article.captions, article.body
                FROM article JOIN page ON page.id = article.page_id
                ORDER BY page.date DESC NULLS LAST, page.id DESC, article.seq
                LIMIT \(limit) OFFSET \(offset)
                """, logger: logger)
            var articles: [StoredArticle] = []
            for try await row in rows {
                articles.append(try Self.storedArticle(row))
            }
            return articles
        }
    }

    public func fetchCounts() async throws -> StoreCounts {
        try await run("counting pages and articles") {
            let rows = try await client.query(
                "SELECT (SELECT count(*) FROM page), (SELECT count(*) FROM article)", logger: logger)
            for try await (pages, articles) in rows.decode((Int64, Int64).self) {
                return StoreCounts(pages: Int(pages), articles: Int(articles))
            }
            return StoreCounts(pages: 0, articles: 0)
        }
    }

    // MARK: - Writing

    /// Runs `body` between `BEGIN` and `COMMIT` on `connection`, rolling back when it throws.
    ///
    /// Unlike postgres-nio's `withTransaction`, the error `body` threw is rethrown as it is.
    static func inTransaction<Result: Sendable>(
        _ connection: PostgresConnection, logger: Logger, _ body: () async throws -> Result
    ) async throws -> Result {
        try await connection.query("BEGIN", logger: logger)
        let result: Result
        do {
            result = try await body()
        } catch {
            _ = try? await connection.query("ROLLBACK", logger: logger)
            throw error
        }
        try await connection.query("COMMIT", logger: logger)
        return result
    }

    // MARK: - Helpers

    /// Runs `body`, turning postgres-nio's errors into ``PostgresStoreError``s that say what was `doing`.
    func run<Result: Sendable>(_ doing: String, _ body: () async throws -> Result) async throws -> Result {
        guard !runTask.isCancelled else {
            throw PostgresStoreError(.closed, "\(doing): the store at \(url) is closed")
        }
        do {
            return try await body()
        } catch {
            throw PostgresStoreError.wrapping(error, .queryFailed, doing: "\(doing) in \(url)")
        }
    }

    static func storedArticle(_ row: PostgresRow) throws -> StoredArticle {
        let row = row.makeRandomAccess()
        let article = Article(
            seq: try row["seq"].decode(Int.self), headline: try row["headline"].decode(String.self),
            subheadline: try row["subheadline"].decode(String.self), section: try row["section"].decode(String.self),
            kind: Article.Kind(rawValue: try row["kind"].decode(String.self)) ?? .news,
            bylines: try row["bylines"].decode([String].self),
            photographers: try row["photographers"].decode([String].self),
            captions: try row["captions"].decode([String].self), body: try row["body"].decode(String.self))
        return StoredArticle(
            id: try row["id"].decode(Int64.self), pageID: try row["page_id"].decode(Int64.self),
            page: try row["name"].decode(String.self), date: try row["date"].decode(String?.self), article: article)
    }

    /// Quiet unless something is wrong: postgres-nio logs every query at debug level.
    static var defaultLogger: Logger {
        var logger = Logger(label: "almanac.store.postgres")
        logger.logLevel = .warning
        return logger
    }
}
