import AlmanacModel

/// The archive: where pages and what was read from them are kept.
///
/// Every driver stores a page and its articles in one transaction, so a page is either wholly
/// there or not there at all, and identifies pages by the sha256 of their bytes.
public protocol Store: Sendable {
    /// Whether a page with these bytes is already stored.
    func containsPage(sha256: String) async throws -> Bool

    /// Stores `pages`, each with its articles, facts and mentions, in one transaction for the batch.
    ///
    /// A page whose sha256 is already stored is `.skipped` (``SaveMode/skipExisting``) or has its
    /// articles, facts, mentions and search rows replaced under its id (``SaveMode/replace``).
    /// Entities are shared between pages by (kind, canonical name); one left without mentions by a
    /// replacement is removed. Nothing of the batch is written when any part of it fails.
    ///
    /// - Returns: one outcome per page, in order.
    func save(_ pages: [ExtractedPage], mode: SaveMode) async throws -> [SaveOutcome]

    /// Before storing many pages into an archive that holds none: a driver may put off building
    /// the indexes only reads need until ``endBulkLoad()``. Returns whether it did; everything works
    /// meanwhile, and a driver builds what was put off when the archive is next opened if the load
    /// is cut short.
    func beginBulkLoad() async throws -> Bool

    /// Builds what ``beginBulkLoad()`` put off.
    func endBulkLoad() async throws

    /// The article stored under `id`, or nil.
    func fetchArticle(id: Int64) async throws -> StoredArticle?

    /// The page stored under `id` with its raw text and its articles in page order, or nil.
    func fetchPage(id: Int64) async throws -> StoredPage?

    /// Pages matching `query`, without their text: newest date first (undated last), then newest stored.
    func fetchPages(_ query: PageQuery) async throws -> [PageSummary]

    /// Facts matching `query`, newest page first, then in article and reading order.
    func fetchFacts(_ query: FactQuery) async throws -> [StoredFact]

    /// The indicators facts were stored for, with how many facts each has: most facts first, then by key.
    func fetchIndicators(limit: Int, offset: Int) async throws -> [IndicatorCount]

    /// Entities matching `query` with their mention counts: most mentioned first, then by name.
    func fetchEntities(_ query: EntityQuery) async throws -> [StoredEntity]

    /// The entity stored under `id` with at most `limit` of its mentions (newest page first) and at most
    /// `limit` facts of the sentences that mention it.
    func fetchEntity(id: Int64, limit: Int) async throws -> EntityDetail?

    /// The mentions of the article stored under `id`, each with its entity, in field and reading order.
    func fetchMentions(articleID id: Int64) async throws -> [ArticleMention]

    /// Projects matching `query`: largest investment first (none last), then by name.
    func fetchProjects(_ query: ProjectQuery) async throws -> [StoredEntity]

    /// Up to `limit` articles stored after the article `id`, in storage order: for reading the whole
    /// archive a window at a time (pass the last id read; 0 to start).
    func fetchArticles(afterID id: Int64, limit: Int) async throws -> [StoredArticle]

    /// Up to `limit` facts stored after the fact `id`, in storage order (see ``fetchArticles(afterID:limit:)``).
    func fetchFacts(afterID id: Int64, limit: Int) async throws -> [StoredFact]

    /// Up to `limit` entities stored after the entity `id`, in storage order, with their counts.
    func fetchEntities(afterID id: Int64, limit: Int) async throws -> [StoredEntity]

    /// How much the archive holds: pages, articles, facts, mentions, entities by kind, date range.
    func fetchStats() async throws -> ArchiveStats

    /// Stored articles, newest page first, then in page order.
    func fetchArticles(limit: Int, offset: Int) async throws -> [StoredArticle]

    /// How much the archive holds.
    func fetchCounts() async throws -> StoreCounts

    /// Articles whose headline, body or captions hold every word of `query.text`, best first,
    /// filtered by page date, section and paper.
    ///
    /// Every driver finds the same articles for the same query; the order of hits may differ
    /// between drivers where their relevance scores tie. See ``SearchQuery`` and ``SearchText``.
    ///
    /// - Throws: ``SearchError`` when the query text holds no word.
    func search(_ query: SearchQuery) async throws -> [SearchHit]

    /// Tidies the archive after a large write, so reads are as fast as a fresh archive's: SQLite merges
    /// the search index's segments into one (FTS5 `optimize`; each write batch adds a segment that
    /// every search must otherwise visit), PostgreSQL refreshes the planner's statistics (`ANALYZE`).
    /// Takes seconds on a large archive; safe to call at any time.
    func optimize() async throws

    /// Releases the store's connections. Call it once, when done; the store is not usable afterwards.
    func close() async
}

extension Store {
    /// Does nothing: a store without background work is released when the last reference goes.
    public func close() async {}

    /// Puts nothing off.
    public func beginBulkLoad() async throws -> Bool { false }

    /// Nothing was put off.
    public func endBulkLoad() async throws {}

    /// Stores `page` with its `articles` (without facts or mentions) in one transaction.
    ///
    /// Returns `.skipped` without writing when a page with the same sha256 is already stored.
    public func save(page: Page, articles: [Article]) async throws -> SaveOutcome {
        try await save(page: page, articles: articles.map { ExtractedArticle(article: $0) })
    }

    /// Stores `page` with its articles, facts and mentions in one transaction (see ``save(_:mode:)``).
    public func save(page: Page, articles: [ExtractedArticle], mode: SaveMode = .skipExisting) async throws
        -> SaveOutcome
    {
        let outcomes = try await save([ExtractedPage(page: page, articles: articles)], mode: mode)
        guard let outcome = outcomes.first else { preconditionFailure("one outcome per page") }
        return outcome
    }

    /// The entity stored under `id` with up to 100 mentions and 100 facts.
    public func fetchEntity(id: Int64) async throws -> EntityDetail? {
        try await fetchEntity(id: id, limit: 100)
    }

    /// The series of `indicator` (compared by ``IndicatorKey``), for `place` when given: one
    /// reported figure per period, each with its source (see ``Series/make(from:)``).
    public func fetchSeries(indicator: String, place: String? = nil) async throws -> [Series] {
        Series.make(from: try await fetchFacts(FactQuery(indicator: indicator, place: place, limit: Int.max)))
    }
}

/// What `Store.save(page:articles:)` did.
public enum SaveOutcome: Sendable, Equatable {
    /// The page was new and is now stored under this id.
    case stored(pageID: Int64)
    /// The page was already stored under this id; nothing was written.
    case skipped(pageID: Int64)
}

/// An article as the archive holds it, with where it came from.
public struct StoredArticle: Sendable, Hashable, Codable {
    public var id: Int64
    public var pageID: Int64
    /// The page's file name (`Page.name`).
    public var page: String
    public var date: String?
    public var article: Article

    public init(id: Int64, pageID: Int64, page: String, date: String?, article: Article) {
        self.id = id
        self.pageID = pageID
        self.page = page
        self.date = date
        self.article = article
    }
}

/// Row counts of the archive.
public struct StoreCounts: Sendable, Hashable, Codable {
    public var pages: Int
    public var articles: Int

    public init(pages: Int, articles: Int) {
        self.pages = pages
        self.articles = articles
    }
}
