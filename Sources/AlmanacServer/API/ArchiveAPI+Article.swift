import AlmanacModel
import AlmanacStore
import Hummingbird

/// `GET /api/v1/articles/{id}`: one article whole, with the facts read from it.
extension ArchiveAPI {
    struct ArticleBody: Encodable, Sendable {
        var id: Int64
        var pageId: Int64
        var page: String
        var date: String?
        var seq: Int
        var headline: String
        var subheadline: String
        var section: String
        var kind: Article.Kind
        var bylines: [String]
        var photographers: [String]
        var captions: [String]
        var body: String
        var facts: [StoredFact]
        var url: String
        var pageUrl: String

        init(_ stored: StoredArticle, facts: [StoredFact]) {
            let article = stored.article
            id = stored.id
            pageId = stored.pageID
            page = stored.page
            date = stored.date
            seq = article.seq
            headline = article.headline
            subheadline = article.subheadline
            section = article.section
            kind = article.kind
            bylines = article.bylines
            photographers = article.photographers
            captions = article.captions
            body = article.body
            self.facts = facts
            url = "/articles/\(stored.id)"
            pageUrl = "/pages/\(stored.pageID)"
        }
    }

    /// The article and its facts in reading order; a 404 problem when there is no such article.
    func fetchArticle(id: Int64) async throws -> (StoredArticle, [StoredFact]) {
        guard let stored = try await store.fetchArticle(id: id) else {
            throw Problem.notFound("there is no article \(id)")
        }
        let facts = try await store.fetchFacts(FactQuery(articleID: id, limit: 1000))
        return (stored, facts)
    }

    func article(_ context: BasicRequestContext) async throws -> Response {
        let (stored, facts) = try await fetchArticle(id: try context.pathID())
        return try JSONBody.response(ArticleBody(stored, facts: facts))
    }
}
