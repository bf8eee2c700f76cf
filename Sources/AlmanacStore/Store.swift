import AlmanacModel

/// The archive: where pages and what was read from them are kept.
///
/// Every driver stores a page and its articles in one transaction, so a page is either wholly
/// there or not there at all, and identifies pages by the sha256 of their bytes.
public protocol Store: Sendable {
    /// Whether a page with these bytes is already stored.
    func containsPage(sha256: String) async throws -> Bool

    /// Stores `page` with its `articles` in one transaction.
    ///
    /// Returns `.skipped` without writing when a page with the same sha256 is already stored.
    func save(page: Page, articles: [Article]) async throws -> SaveOutcome

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

    /// Releases the store's connections. Call it once, when done; the store is not usable afterwards.
    func close() async
}

extension Store {
    /// Does nothing: a store without background work is released when the last reference goes.
    public func close() async {}
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
