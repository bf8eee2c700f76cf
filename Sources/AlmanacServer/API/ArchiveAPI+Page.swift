import AlmanacModel
import AlmanacStore
import Hummingbird

/// `GET /api/v1/pages/{id}`: a page's raw text as it arrived, with where each rebuilt article begins.
extension ArchiveAPI {
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
