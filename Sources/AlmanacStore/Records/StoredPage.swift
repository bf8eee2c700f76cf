import AlmanacModel

/// A page as the archive holds it: its raw text, what is known about it, and its articles.
public struct StoredPage: Sendable, Hashable, Codable {
    public var id: Int64
    public var page: Page
    /// The page's articles in page order.
    public var articles: [StoredArticle]

    public init(id: Int64, page: Page, articles: [StoredArticle]) {
        self.id = id
        self.page = page
        self.articles = articles
    }
}

/// What `Store.save(_:mode:)` does with a page whose bytes are already stored.
public enum SaveMode: Sendable, Hashable {
    /// Leave the stored page as it is (`SaveOutcome.skipped`).
    case skipExisting
    /// Replace its articles, facts and mentions (and search rows) with the new ones, keeping the
    /// page's id, in one transaction (`almanac ingest --reprocess`).
    case replace
}

/// What the archive holds, in numbers.
public struct ArchiveStats: Sendable, Hashable, Codable {
    public var pages: Int
    public var articles: Int
    public var facts: Int
    public var mentions: Int
    /// Entities by kind (`organization`, `place`, `person`, `project`); every kind is present.
    public var entities: [String: Int]
    /// The first and last page dates, when any page is dated.
    public var firstDate: String?
    public var lastDate: String?

    public init(
        pages: Int, articles: Int, facts: Int, mentions: Int, entities: [String: Int], firstDate: String?,
        lastDate: String?
    ) {
        self.pages = pages
        self.articles = articles
        self.facts = facts
        self.mentions = mentions
        self.entities = entities
        self.firstDate = firstDate
        self.lastDate = lastDate
    }
}
