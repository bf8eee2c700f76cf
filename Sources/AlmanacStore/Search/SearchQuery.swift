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
///
/// Ranking: of the articles that match (filters included), the ``window`` most recently stored are
/// ranked by relevance (BM25 on SQLite, `ts_rank_cd` on PostgreSQL); the rest are not returned. Both
/// drivers apply the same rule, so they return the same articles.
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
    /// How many matches are ranked: when more articles match, only the `window` most recently stored
    /// of them (highest ids) are ranked and returned, so a word found in nearly every article costs
    /// no more than a rarer one. Never less than `offset + limit`. See ``SearchQuery/defaultWindow``.
    public var window: Int

    /// Matches ranked by default: enough for a reader's pages of hits, small enough that the most
    /// frequent words are answered in milliseconds over a hundred thousand articles.
    public static let defaultWindow = 1_000

    /// Whether the query has a filter (dates, section, paper, entity) besides its words.
    public var isFiltered: Bool {
        from != nil || to != nil || section != nil || paper != nil || entity != nil
    }

    /// The number of matches a driver ranks for this query.
    public var rankedWindow: Int {
        max(window, max(0, offset) + max(0, limit))
    }

    public init(
        text: String, from: String? = nil, to: String? = nil, section: String? = nil, paper: String? = nil,
        entity: String? = nil, limit: Int = 20, offset: Int = 0, window: Int = SearchQuery.defaultWindow
    ) {
        self.entity = entity
        self.text = text
        self.from = from
        self.to = to
        self.section = section
        self.paper = paper
        self.limit = limit
        self.offset = offset
        self.window = window
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

extension SearchQuery {
    enum CodingKeys: String, CodingKey {
        case text, from, to, section, paper, limit, offset, window
    }

    /// Reads a query; `limit`, `offset` and `window` may be left out and take their defaults.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            text: try container.decode(String.self, forKey: .text),
            from: try container.decodeIfPresent(String.self, forKey: .from),
            to: try container.decodeIfPresent(String.self, forKey: .to),
            section: try container.decodeIfPresent(String.self, forKey: .section),
            paper: try container.decodeIfPresent(String.self, forKey: .paper),
            limit: try container.decodeIfPresent(Int.self, forKey: .limit) ?? 20,
            offset: try container.decodeIfPresent(Int.self, forKey: .offset) ?? 0,
            window: try container.decodeIfPresent(Int.self, forKey: .window) ?? SearchQuery.defaultWindow)
    }
}
