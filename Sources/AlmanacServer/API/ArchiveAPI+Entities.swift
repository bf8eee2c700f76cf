import AlmanacModel
import AlmanacStore
import Hummingbird

/// `GET /api/v1/entities`, `/api/v1/entities/{id}` and `/api/v1/projects`: the named things.
extension ArchiveAPI {
    func entityKind(_ parameters: QueryParameters) throws(Problem) -> EntityKind? {
        guard let text = parameters["kind"] else { return nil }
        guard let kind = EntityKind(rawValue: text) else {
            let kinds = EntityKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw Problem.badParameter("kind", "kind must be one of \(kinds), not '\(text.prefix(40))'")
        }
        return kind
    }

    func entities(_ request: Request) async throws -> Response {
        let parameters = QueryParameters(request.uri.query)
        let kind = try entityKind(parameters)
        let name = try parameters.text("name", maxLength: 100)
        let paging = try Paging(parameters, maxPageSize: configuration.maxPageSize, filters: [kind?.rawValue, name])
        let query = EntityQuery(kind: kind, name: name, limit: paging.fetchLimit, offset: paging.offset)
        let (items, next) = paging.page(try await store.fetchEntities(query))
        return try JSONBody.response(ListBody(items: items, nextCursor: next))
    }

    /// The entity with its mentions and facts; a 404 problem when there is no such entity.
    func fetchEntity(id: Int64, limit: Int) async throws -> EntityDetail {
        guard let detail = try await store.fetchEntity(id: id, limit: limit) else {
            throw Problem.notFound("there is no entity \(id)")
        }
        return detail
    }

    func entity(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let limit = try QueryParameters(request.uri.query).integer("limit", default: 100, in: 1...1000)
        return try JSONBody.response(try await fetchEntity(id: try context.pathID(), limit: limit))
    }

    /// Reads the filters of the project list.
    func projectQuery(_ parameters: QueryParameters) throws(Problem) -> (ProjectQuery, Paging) {
        let minInvestment = try parameters.number("min_investment")
        let stage = try parameters.text("stage", maxLength: 20)
        let place = try parameters.text("place", maxLength: 100)
        let paging = try Paging(
            parameters, maxPageSize: configuration.maxPageSize,
            filters: [minInvestment.map { "\($0)" }, stage, place])
        let query = ProjectQuery(
            minInvestment: minInvestment, stage: stage, place: place, limit: paging.fetchLimit, offset: paging.offset)
        return (query, paging)
    }

    func projects(_ request: Request) async throws -> Response {
        let (query, paging) = try projectQuery(QueryParameters(request.uri.query))
        let (items, next) = paging.page(try await store.fetchProjects(query))
        return try JSONBody.response(ListBody(items: items, nextCursor: next))
    }
}
