import AlmanacModel
import AlmanacStore
import Hummingbird

/// `GET /api/v1/pages`: the stored pages, newest first; `GET /api/v1/pages/{id}`: a page's raw text
/// as it arrived, with where each rebuilt article begins.
extension ArchiveAPI {
    /// A page in a list: what it is, without its text.
    struct PageSummaryBody: Encodable, Sendable {
        var id: Int64
        var name: String
        var paper: String
        var date: String?
        var dateSource: String?
        var sha256: String
        var articles: Int
        /// The page's text and article boundaries in the API.
        var api: String
        /// The page beside its rebuilt articles in the web app.
        var url: String

        init(_ page: PageSummary) {
            id = page.id
            name = page.name
            paper = page.paper
            date = page.date
            dateSource = page.dateSource
            sha256 = page.sha256
            articles = page.articles
            api = "/api/v1/pages/\(page.id)"
            url = "/pages/\(page.id)"
        }
    }

    /// Reads `paper`, `from`, `to`, `limit` and `cursor`.
    func pages(_ request: Request) async throws -> Response {
        let parameters = QueryParameters(request.uri.query)
        let paper = try parameters.text("paper", maxLength: 100)
        let from = try parameters.day("from")
        let to = try parameters.day("to")
        if let from, let to, from > to {
            throw Problem.unprocessable("from", "from (\(from)) is after to (\(to)); swap them")
        }
        let paging = try Paging(parameters, maxPageSize: configuration.maxPageSize, filters: [paper, from, to])
        let fetched = try await store.fetchPages(
            PageQuery(paper: paper, from: from, to: to, limit: paging.fetchLimit, offset: paging.offset))
        let (items, next) = paging.page(fetched)
        return try JSONBody.response(ListBody(items: items.map(PageSummaryBody.init), nextCursor: next))
    }

    struct PageBody: Encodable, Sendable {
        struct ArticleStart: Encodable, Sendable {
            var id: Int64
            var seq: Int
            var headline: String
            var kind: Article.Kind
            /// The 0-based line of `text` the article begins on; null when it cannot be placed.
            var line: Int?
            var url: String
        }
        var id: Int64
        var name: String
        var paper: String
        var date: String?
        var dateSource: String?
        var sha256: String
        var text: String
        var articles: [ArticleStart]
    }

    func fetchPage(id: Int64) async throws -> StoredPage {
        guard let page = try await store.fetchPage(id: id) else { throw Problem.notFound("there is no page \(id)") }
        return page
    }

    static func pageBody(_ stored: StoredPage) -> PageBody {
        let starts = ArticleStarts.find(
            in: stored.page.text, articles: stored.articles.map { ($0.article.headline, $0.article.body) })
        return PageBody(
            id: stored.id, name: stored.page.name, paper: stored.page.paper, date: stored.page.date,
            dateSource: stored.page.dateSource?.rawValue, sha256: stored.page.sha256, text: stored.page.text,
            articles: zip(stored.articles, starts).map { article, line in
                .init(
                    id: article.id, seq: article.article.seq, headline: article.article.headline,
                    kind: article.article.kind, line: line, url: "/articles/\(article.id)")
            })
    }

    func page(_ context: BasicRequestContext) async throws -> Response {
        try JSONBody.response(Self.pageBody(try await fetchPage(id: try context.pathID())))
    }
}
