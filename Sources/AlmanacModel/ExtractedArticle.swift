/// Which text of an article an offset counts in.
public enum ArticleField: String, Sendable, Hashable, Codable, CaseIterable {
    case headline
    case subheadline
    /// One of the captions (the fact's or mention's sentence says which).
    case caption
    case body
}

/// An article with what was read from it: its facts and the named things it mentions.
///
/// This is what ingest hands to a `Store`. Each fact and mention comes with the field of the
/// article it was read from; its `start`/`end` count Unicode scalars of that field.
///
/// ```swift
/// let extracted = ExtractedArticle(article: article, facts: bodyFacts, mentions: bodyMentions)
/// ```
public struct ExtractedArticle: Sendable {
    public var article: Article
    /// The article's facts, in reading order, each with the field it was read from.
    public var facts: [(field: ArticleField, fact: Fact)]
    /// The named things the article mentions, each with the field it was read from.
    public var mentions: [(field: ArticleField, mention: Mention)]
    /// The article's search-index words, when whoever read it cut them already (a store cuts them
    /// itself otherwise, and whenever they were cut another way than its own).
    public var indexWords: IndexWords?
    /// Where each fact's sentence lies in its field (scalar offsets, in the order of `facts`), when
    /// whoever read the facts knows it: a store keeps a sentence as offsets into its field, and finds
    /// it there itself otherwise. Ignored unless there is one for every fact.
    public var factSentences: [Range<Int>]?

    /// An article with facts and mentions read from the fields given with them.
    public init(
        article: Article, facts: [(field: ArticleField, fact: Fact)],
        mentions: [(field: ArticleField, mention: Mention)] = []
    ) {
        self.article = article
        self.facts = facts
        self.mentions = mentions
    }

    /// An article whose facts and mentions were all read from its body.
    public init(article: Article, facts: [Fact] = [], mentions: [Mention] = []) {
        self.init(
            article: article, facts: facts.map { (.body, $0) }, mentions: mentions.map { (.body, $0) })
    }
}

/// A page with its articles and what was read from them: one unit of storage.
public struct ExtractedPage: Sendable {
    public var page: Page
    public var articles: [ExtractedArticle]

    public init(page: Page, articles: [ExtractedArticle]) {
        self.page = page
        self.articles = articles
    }
}

/// An article's search-index words as a store indexes them: each indexed field's words and sub-words
/// joined by spaces, with the fingerprint of the cutting that made them (`SearchText.fingerprint`).
///
/// Ingest cuts them on the worker that read the article, from the words its entity recogniser cut
/// already; a store takes them only when the fingerprint is its own.
public struct IndexWords: Sendable, Hashable {
    public var fingerprint: String
    public var headline: String
    public var body: String
    public var captions: String

    public init(fingerprint: String, headline: String, body: String, captions: String) {
        self.fingerprint = fingerprint
        self.headline = headline
        self.body = body
        self.captions = captions
    }
}
