/// What to search the archive for: words, and filters on the page an article came from.
///
/// ```swift
/// let hits = try await store.search(SearchQuery(text: "在建工程 岚江", from: "2024-01-01", limit: 20))
/// ```
///
/// Every word of `text` must occur in the article's headline, body or captions (AND); a word also
/// finds the longer words it is part of ("工程" finds 在建工程, "岚江" finds 岚江市), see
/// ``SearchText``. The text is never read as query syntax: quotes, operators and brackets are just
/// characters. `entity` keeps the articles that mention an entity by its canonical name or a printed form.
public struct SearchQuery: Sendable, Hashable, Codable {
    /// The words to find, as a reader types them (`岚江 在建工程`, `岚江市在建工程`).
    public var text: String
    /// The first page date to include, `YYYY-MM-DD`.
    public var from: String?
    /// The last page date to include, `YYYY-MM-DD`.
    public var to: String?
    /// Only articles of this section (exact match).
    public var section: String?
    /// Only articles from this paper (exact match).
    public var paper: String?
    /// Only articles that mention this entity: its canonical name or a form it is printed in (exact).
    public var entity: String?
    /// At most this many hits.
    public var limit: Int
    /// Skip this many hits first (for paging).
    public var offset: Int

    public init(
        text: String, from: String? = nil, to: String? = nil, section: String? = nil, paper: String? = nil,
        entity: String? = nil, limit: Int = 20, offset: Int = 0
    ) {
        self.entity = entity
        self.text = text
        self.from = from
        self.to = to
        self.section = section
        self.paper = paper
        self.limit = limit
        self.offset = offset
    }
}

/// An article that matched a ``SearchQuery``.
public struct SearchHit: Sendable, Hashable, Codable {
    /// The article's id.
    public var id: Int64
    public var pageID: Int64
    /// The page's file name.
    public var page: String
    /// The page date, `YYYY-MM-DD`, when known.
    public var date: String?
    public var paper: String
    public var headline: String
    public var section: String
    /// A short passage around the first match, with every match marked `«like this»`
    /// (see ``Snippet``).
    public var snippet: String
    /// Relevance, higher is better: `-bm25()` on SQLite, `ts_rank_cd()` on PostgreSQL. Scores
    /// order the hits of one search; they are not comparable between drivers or searches.
    public var score: Double

    public init(
        id: Int64, pageID: Int64, page: String, date: String?, paper: String, headline: String, section: String,
        snippet: String, score: Double
    ) {
        self.id = id
        self.pageID = pageID
        self.page = page
        self.date = date
        self.paper = paper
        self.headline = headline
        self.section = section
        self.snippet = snippet
        self.score = score
    }
}

/// A search that cannot be run, with what to change.
public struct SearchError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong with the query and how to fix it.
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }

    static func noWords(in text: String) -> SearchError {
        SearchError("the query '\(text)' has no words to search for (only punctuation or spaces); give a word")
    }
}
