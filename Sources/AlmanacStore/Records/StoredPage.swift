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

/// A stored page without its text: what a list of pages shows.
public struct PageSummary: Sendable, Hashable, Codable {
    public var id: Int64
    /// The page's file name (`Page.name`).
    public var name: String
    public var paper: String
    public var date: String?
    /// How the date was learnt (`Page.DateSource`), when there is one.
    public var dateSource: String?
    public var sha256: String
    /// How many articles were rebuilt from the page.
    public var articles: Int

    public init(
        id: Int64, name: String, paper: String, date: String?, dateSource: String?, sha256: String, articles: Int
    ) {
        self.id = id
        self.name = name
        self.paper = paper
        self.date = date
        self.dateSource = dateSource
        self.sha256 = sha256
        self.articles = articles
    }
}

/// Which pages to list: newest date first (undated last), then the most recently stored.
public struct PageQuery: Sendable, Hashable {
    public var paper: String?
    /// First and last page date, inclusive (`YYYY-MM-DD`).
    public var from: String?
    public var to: String?
    public var limit: Int
    public var offset: Int

    public init(paper: String? = nil, from: String? = nil, to: String? = nil, limit: Int = 50, offset: Int = 0) {
        self.paper = paper
        self.from = from
        self.to = to
        self.limit = limit
        self.offset = offset
    }
}
