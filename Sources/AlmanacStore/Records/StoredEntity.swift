import AlmanacModel

/// A named thing as the archive holds it, with how often and when it is mentioned.
public struct StoredEntity: Sendable, Hashable, Codable {
    public var id: Int64
    public var kind: EntityKind
    /// The canonical name (a short form's full name).
    public var name: String
    /// The other forms it is printed in, in code-point order.
    public var aliases: [String]
    public var mentions: Int
    /// How many articles mention it.
    public var articles: Int
    /// The first and last page dates it is mentioned on.
    public var firstDate: String?
    public var lastDate: String?
    /// For a project: its investment, stage, place and sector, each as the latest dated mention that
    /// gives it says (latest page date first, then the last stored mention).
    public var project: ProjectDetails?

    public init(
        id: Int64, kind: EntityKind, name: String, aliases: [String], mentions: Int, articles: Int,
        firstDate: String?, lastDate: String?, project: ProjectDetails?
    ) {
        self.id = id
        self.kind = kind
        self.name = name
        self.aliases = aliases
        self.mentions = mentions
        self.articles = articles
        self.firstDate = firstDate
        self.lastDate = lastDate
        self.project = project
    }
}

/// One mention of an entity, with the article it is in.
public struct StoredMention: Sendable, Hashable, Codable {
    public var articleID: Int64
    public var pageID: Int64
    public var page: String
    public var date: String?
    public var headline: String
    public var field: ArticleField
    /// The words as printed and their scalar offsets in `field`.
    public var text: String
    public var start: Int
    public var end: Int

    public init(
        articleID: Int64, pageID: Int64, page: String, date: String?, headline: String, field: ArticleField,
        text: String, start: Int, end: Int
    ) {
        self.articleID = articleID
        self.pageID = pageID
        self.page = page
        self.date = date
        self.headline = headline
        self.field = field
        self.text = text
        self.start = start
        self.end = end
    }
}

/// An entity with every mention of it and the facts of the sentences that mention it.
public struct EntityDetail: Sendable, Hashable, Codable {
    public var entity: StoredEntity
    /// Newest page first, then in article and text order.
    public var mentions: [StoredMention]
    /// Facts whose sentence holds one of its printed forms, in the articles that mention it.
    public var facts: [StoredFact]

    public init(entity: StoredEntity, mentions: [StoredMention], facts: [StoredFact]) {
        self.entity = entity
        self.mentions = mentions
        self.facts = facts
    }
}

/// Which entities to list; most mentioned first.
public struct EntityQuery: Sendable, Hashable, Codable {
    public var kind: EntityKind?
    /// Entities whose name or a printed form contains this text.
    public var name: String?
    public var limit: Int
    public var offset: Int

    public init(kind: EntityKind? = nil, name: String? = nil, limit: Int = 100, offset: Int = 0) {
        self.kind = kind
        self.name = name
        self.limit = limit
        self.offset = offset
    }
}

/// Which projects to list; largest investment first, projects without one last.
public struct ProjectQuery: Sendable, Hashable, Codable {
    /// At least this much total investment, in 元.
    public var minInvestment: Double?
    /// Projects at this stage (exact: 签约, 开工, 在建, 投产, 竣工 …).
    public var stage: String?
    /// Projects whose place contains this text.
    public var place: String?
    public var limit: Int
    public var offset: Int

    public init(
        minInvestment: Double? = nil, stage: String? = nil, place: String? = nil, limit: Int = 100, offset: Int = 0
    ) {
        self.minInvestment = minInvestment
        self.stage = stage
        self.place = place
        self.limit = limit
        self.offset = offset
    }
}

/// A named thing in one article: the entity it names and where in which field the article names it.
public struct ArticleMention: Sendable, Hashable, Codable {
    public var entityID: Int64
    public var kind: EntityKind
    /// The entity's canonical name.
    public var name: String
    public var field: ArticleField
    /// The words as printed and their scalar offsets in `field`.
    public var text: String
    public var start: Int
    public var end: Int

    public init(
        entityID: Int64, kind: EntityKind, name: String, field: ArticleField, text: String, start: Int, end: Int
    ) {
        self.entityID = entityID
        self.kind = kind
        self.name = name
        self.field = field
        self.text = text
        self.start = start
        self.end = end
    }
}
