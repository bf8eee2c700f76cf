import AlmanacStore
import Hummingbird

/// `/articles`: every stored article, newest page first, a page of them at a time.
extension Site {
    struct ArticleListView {
        var articles: [ArticleLine]
        var next: String?
        var isFirst: Bool
    }

    func articles(_ request: Request) async throws -> Response {
        let paging = try Paging(QueryParameters(request.uri.query), maxPageSize: configuration.maxPageSize, defaultLimit: 50, filters: [])
        let (items, next) = paging.page(try await store.fetchArticles(limit: paging.fetchLimit, offset: paging.offset))
        let view = ArticleListView(
            articles: items.map(ArticleLine.init), next: next.map { HTMLText.link("/articles", [("cursor", $0)]) },
            isFirst: paging.offset == 0)
        return try render("articles", view)
    }
}
