import AlmanacModel

/// A fact as the archive holds it, with the article and page it was read from.
public struct StoredFact: Sendable, Hashable, Codable {
    public var id: Int64
    public var articleID: Int64
    public var pageID: Int64
    /// The page's file name.
    public var page: String
    /// The page date, `YYYY-MM-DD`, when known.
    public var date: String?
    public var paper: String
    /// The headline of the fact's article.
    public var headline: String
    /// The field of the article the fact's offsets count in.
    public var field: ArticleField
    /// The indicator normalised for grouping (see ``IndicatorKey``).
    public var indicatorKey: String
    /// The fact; its `seq` is the article's sequence number on the page.
    public var fact: Fact

    public init(
        id: Int64, articleID: Int64, pageID: Int64, page: String, date: String?, paper: String, headline: String,
        field: ArticleField, indicatorKey: String, fact: Fact
    ) {
        self.id = id
        self.articleID = articleID
        self.pageID = pageID
        self.page = page
        self.date = date
        self.paper = paper
        self.headline = headline
        self.field = field
        self.indicatorKey = indicatorKey
        self.fact = fact
    }
}

/// Which facts to list.
///
/// ```swift
/// let growth = try await store.fetchFacts(FactQuery(indicator: "工业增加值", place: "岚江市", from: "2024-01-01"))
/// ```
///
/// Every filter that is set must hold. `from`/`to` compare with the fact's resolved period when it
/// has one (the period must overlap the range), else with its page's date.
public struct FactQuery: Sendable, Hashable, Codable {
    /// Facts of this indicator, compared by ``IndicatorKey`` (`规上工业增加值` finds `规模以上工业增加值`).
    public var indicator: String?
    /// Facts about this place (exact).
    public var place: String?
    /// First day, `YYYY-MM-DD`.
    public var from: String?
    /// Last day, `YYYY-MM-DD`.
    public var to: String?
    /// Facts of this article.
    public var articleID: Int64?
    /// Facts whose sentence holds a mention of this entity (called by its canonical name or a printed form).
    public var entity: String?
    /// Facts whose sentence holds a mention of the entity stored under this id. (A fact stored before
    /// migration v5 kept its sentence's text: it qualifies when that text holds a printed form of an
    /// entity its article mentions.)
    public var entityID: Int64?
    public var limit: Int
    public var offset: Int

    public init(
        indicator: String? = nil, place: String? = nil, from: String? = nil, to: String? = nil,
        articleID: Int64? = nil, entity: String? = nil, entityID: Int64? = nil, limit: Int = 100, offset: Int = 0
    ) {
        self.entityID = entityID
        self.indicator = indicator
        self.place = place
        self.from = from
        self.to = to
        self.articleID = articleID
        self.entity = entity
        self.limit = limit
        self.offset = offset
    }

    /// The indicator key to match, or nil when no indicator is asked for.
    var indicatorKey: String? {
        indicator.map(IndicatorKey.make)
    }
}

/// An indicator the archive holds facts of, and how many.
public struct IndicatorCount: Sendable, Hashable, Codable {
    /// The normalised key facts are grouped by.
    public var key: String
    /// The indicator as printed (the first spelling in code-point order, when several normalise alike).
    public var indicator: String
    public var facts: Int

    public init(key: String, indicator: String, facts: Int) {
        self.key = key
        self.indicator = indicator
        self.facts = facts
    }
}
