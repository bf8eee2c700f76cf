import AlmanacModel
import AlmanacStore
import Hummingbird

/// `GET /api/v1/articles`: stored articles, newest page first.
extension ArchiveAPI {
    /// An article in a list: where it is and what it is called, without its body.
    struct ArticleSummary: Encodable, Sendable {
        var id: Int64
        var pageId: Int64
        var page: String
        var date: String?
        var seq: Int
        var headline: String
        var section: String
        var kind: Article.Kind
        var url: String

        init(_ stored: StoredArticle) {
            id = stored.id
            pageId = stored.pageID
            page = stored.page
            date = stored.date
            seq = stored.article.seq
            headline = stored.article.headline
            section = stored.article.section
            kind = stored.article.kind
            url = "/articles/\(stored.id)"
        }
    }

    func articles(_ request: Request) async throws -> Response {
        let paging = try Paging(QueryParameters(request.uri.query), maxPageSize: configuration.maxPageSize, filters: [])
        let fetched = try await store.fetchArticles(limit: paging.fetchLimit, offset: paging.offset)
        let (items, next) = paging.page(fetched)
        return try JSONBody.response(ListBody(items: items.map(ArticleSummary.init), nextCursor: next))
    }
}
