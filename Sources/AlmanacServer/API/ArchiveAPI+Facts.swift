import AlmanacModel
import AlmanacStore
import Hummingbird

/// `GET /api/v1/facts`, `/api/v1/indicators` and `/api/v1/series`: the figures the papers report.
extension ArchiveAPI {
    /// Reads the filters of a fact list.
    func factQuery(_ parameters: QueryParameters) throws(Problem) -> (FactQuery, Paging) {
        let indicator = try parameters.text("indicator", maxLength: 100)
        let place = try parameters.text("place", maxLength: 100)
        let from = try parameters.day("from")
        let to = try parameters.day("to")
        let entity = try parameters.text("entity", maxLength: 100)
        var article: Int64?
        if let text = parameters["article"] {
            guard let id = Int64(text), id > 0 else {
                throw Problem.badParameter("article", "article must be an article id, not '\(text.prefix(40))'")
            }
            article = id
        }
        let paging = try Paging(
            parameters, maxPageSize: configuration.maxPageSize,
            filters: [indicator, place, from, to, entity, article.map { "\($0)" }])
        let query = FactQuery(
            indicator: indicator, place: place, from: from, to: to, articleID: article, entity: entity,
            limit: paging.fetchLimit, offset: paging.offset)
        return (query, paging)
    }

    func facts(_ request: Request) async throws -> Response {
        let (query, paging) = try factQuery(QueryParameters(request.uri.query))
        let (items, next) = paging.page(try await store.fetchFacts(query))
        return try JSONBody.response(ListBody(items: items, nextCursor: next))
    }

    func indicators(_ request: Request) async throws -> Response {
        let paging = try Paging(QueryParameters(request.uri.query), maxPageSize: configuration.maxPageSize, filters: [])
        let (items, next) = paging.page(try await store.fetchIndicators(limit: paging.fetchLimit, offset: paging.offset))
        return try JSONBody.response(ListBody(items: items, nextCursor: next))
    }

    /// The series of one indicator: a required `indicator`, an optional `place`.
    func seriesParameters(_ parameters: QueryParameters) throws(Problem) -> (indicator: String, place: String?) {
        guard let indicator = try parameters.text("indicator", maxLength: 100) else {
            throw Problem.badParameter("indicator", "indicator is required, e.g. ?indicator=工业增加值")
        }
        return (indicator, try parameters.text("place", maxLength: 100))
    }

    struct SeriesBody: Encodable, Sendable {
        var indicator: String
        var place: String?
        var series: [Series]
    }

    func series(_ request: Request) async throws -> Response {
        let (indicator, place) = try seriesParameters(QueryParameters(request.uri.query))
        let series = try await store.fetchSeries(indicator: indicator, place: place)
        return try JSONBody.response(SeriesBody(indicator: indicator, place: place, series: series))
    }
}
