import AlmanacStore
import Hummingbird

/// `GET /api/v1/search`: articles holding every word of `q`, best first.
extension ArchiveAPI {
    /// A search hit as the API returns it: the snippet marked `«like this»` and as HTML.
    struct SearchResult: Encodable, Sendable {
        var id: Int64
        var pageId: Int64
        var page: String
        var date: String?
        var paper: String
        var headline: String
        var section: String
        /// The passage around the first match, matches marked «like this».
        var snippet: String
        /// The same passage as escaped HTML, matches in `<mark>`.
        var snippetHtml: String
        var score: Double
        /// The article's page in the web app.
        var url: String

        init(_ hit: SearchHit) {
            id = hit.id
            pageId = hit.pageID
            page = hit.page
            date = hit.date
            paper = hit.paper
            headline = hit.headline
            section = hit.section
            snippet = hit.snippet
            snippetHtml = HTMLText.snippet(hit.snippet)
            score = hit.score
            url = "/articles/\(hit.id)"
        }
    }

    struct SearchBody: Encodable, Sendable {
        var query: SearchQuery
        var items: [SearchResult]
        var nextCursor: String?

        enum CodingKeys: CodingKey {
            case query, items, nextCursor
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(query, forKey: .query)
            try container.encode(items, forKey: .items)
            try container.encode(nextCursor, forKey: .nextCursor)
        }
    }

    /// Reads `q`, `from`, `to`, `section`, `paper`, `entity`, `limit` and `cursor` into a store query.
    func searchQuery(_ parameters: QueryParameters) throws(Problem) -> (SearchQuery, Paging) {
        guard let text = try parameters.text("q", maxLength: configuration.maxQueryLength) else {
            throw Problem.badParameter("q", "q is required: the words to search for, e.g. ?q=岚江+项目")
        }
        let from = try parameters.day("from")
        let to = try parameters.day("to")
        if let from, let to, from > to {
            throw Problem.unprocessable("from", "from (\(from)) is after to (\(to)); swap them")
        }
        let section = try parameters.text("section", maxLength: 100)
        let paper = try parameters.text("paper", maxLength: 100)
        let entity = try parameters.text("entity", maxLength: 100)
        let paging = try Paging(
            parameters, maxPageSize: configuration.maxPageSize, filters: [text, from, to, section, paper, entity])
        let query = SearchQuery(
            text: text, from: from, to: to, section: section, paper: paper, entity: entity, limit: paging.fetchLimit,
            offset: paging.offset)
        return (query, paging)
    }

    func search(_ request: Request) async throws -> Response {
        let (query, paging) = try searchQuery(QueryParameters(request.uri.query))
        let key = [query.text, query.from, query.to, query.section, query.paper, query.entity]
            .map { $0 ?? "\u{0}" }.joined(separator: "\u{1F}") + "\u{1F}\(query.limit)\u{1F}\(query.offset)"
        let store = self.store
        let body = try await cache.body(for: key) {
            let (hits, next) = paging.page(try await store.search(query))
            var echoed = query
            echoed.limit = paging.limit
            return try JSONBody.buffer(SearchBody(query: echoed, items: hits.map(SearchResult.init), nextCursor: next))
        }
        return JSONBody.response(buffer: body)
    }
}
