import AlmanacModel
import AlmanacStore
import Hummingbird

/// `/search`: hits with marked snippets, narrowed by year and section.
extension Site {
    struct SearchView {
        struct Hit {
            var id: Int64
            var pageID: Int64
            var headline: String
            var date: String
            var page: String
            var section: String?
            var snippetHTML: String
        }
        /// One value to narrow by, with how many of the hits have it.
        struct Facet {
            var label: String
            var count: Int
            var href: String
            var selected: Bool
        }
        // Named apart from the hits' fields: mustache looks a name missing from a hit up in here.
        var q: String
        var fromFilter: String
        var toFilter: String
        var sectionFilter: String
        var hits: [Hit]
        var total: String
        var years: [Facet]
        var sections: [Facet]
        /// Entities named like the query, by kind: each narrows the hits to the articles mentioning it.
        var entityKinds: [EntityKindFacet]
        var entityFilter: String?
        var next: String?
        var hasQuery: Bool
        var problem: String?
    }

    struct EntityKindFacet {
        var label: String
        var entities: [SearchView.Facet]
    }

    /// How many hits the facets are counted over.
    static let facetWindow = 500

    func search(_ request: Request) async throws -> Response {
        let parameters = QueryParameters(request.uri.query)
        let text = parameters["q"] ?? ""
        var view = SearchView(
            q: text, fromFilter: parameters["from"] ?? "", toFilter: parameters["to"] ?? "",
            sectionFilter: parameters["section"] ?? "",
            hits: [], total: "", years: [], sections: [], entityKinds: [], entityFilter: parameters["entity"], next: nil, hasQuery: !text.isEmpty, problem: nil)
        guard !text.isEmpty else { return try render("search", view) }
        let api = ArchiveAPI(store: store, configuration: configuration, openAPIDocument: .init())
        let query: SearchQuery
        let paging: Paging
        do {
            (query, paging) = try api.searchQuery(parameters)
        } catch {
            view.problem = error.detail
            return try render("search", view, searchText: text, status: HTTPResponse.Status(code: error.status))
        }
        // One query serves the facets and, for the first pages, the hits themselves.
        var window = query
        window.limit = Self.facetWindow
        window.offset = 0
        let all: [SearchHit]
        do {
            all = try await store.search(window)
        } catch let error as SearchError {
            view.problem = error.message
            return try render("search", view, searchText: text, status: .unprocessableContent)
        }
        let fetched =
            query.offset + query.limit <= all.count || all.count < Self.facetWindow
            ? Array(all.dropFirst(query.offset).prefix(query.limit)) : try await store.search(query)
        let (hits, next) = paging.page(fetched)
        view.hits = hits.map {
            .init(
                id: $0.id, pageID: $0.pageID, headline: $0.headline.isEmpty ? "（无标题）" : $0.headline, date: $0.date ?? "", page: $0.page,
                section: $0.section.isEmpty ? nil : $0.section, snippetHTML: HTMLText.snippet($0.snippet))
        }
        view.total = all.count < Self.facetWindow ? "\(all.count)" : "\(Self.facetWindow)+"
        let link = { (items: [(String, String?)]) in
            HTMLText.link("/search", items + [("entity", query.entity)])
        }
        view.years = Self.counts(all.compactMap { $0.date.map { String($0.prefix(4)) } }).sorted { $0.0 > $1.0 }.map {
            year, count in
            let selected = query.from == "\(year)-01-01" && query.to == "\(year)-12-31"
            return .init(
                label: year, count: count,
                href: link([("q", text), ("from", "\(year)-01-01"), ("to", "\(year)-12-31"), ("section", query.section)]),
                selected: selected)
        }
        view.sections = Self.counts(all.map { $0.section.isEmpty ? "" : $0.section }).filter { !$0.0.isEmpty }.map {
            section, count in
            .init(
                label: section, count: count,
                href: link([("q", text), ("from", query.from), ("to", query.to), ("section", section)]),
                selected: query.section == section)
        }
        view.entityKinds = try await entityFacets(for: text, query: query)
        view.next = next.map {
            link([("q", text), ("from", query.from), ("to", query.to), ("section", query.section), ("cursor", $0)])
        }
        return try render("search", view, searchText: text)
    }

    /// Entities whose name holds the query's longest word, grouped by kind, most mentioned first.
    func entityFacets(for text: String, query: SearchQuery) async throws -> [EntityKindFacet] {
        guard let word = text.split(separator: " ").max(by: { $0.count < $1.count }), word.count >= 2 else { return [] }
        let entities = try await store.fetchEntities(EntityQuery(name: String(word), limit: 40))
        return EntityKind.allCases.compactMap { kind in
            let named = entities.filter { $0.kind == kind }.prefix(8)
            guard !named.isEmpty else { return nil }
            return .init(
                label: Self.kindLabel(kind),
                entities: named.map { entity in
                    .init(
                        label: entity.name, count: entity.articles,
                        href: HTMLText.link(
                            "/search",
                            [("q", text), ("from", query.from), ("to", query.to), ("section", query.section),
                             ("entity", entity.name)]),
                        selected: query.entity == entity.name)
                })
        }
    }

    /// Each distinct value with its count, most frequent first, then by value.
    static func counts(_ values: [String]) -> [(String, Int)] {
        var counts: [String: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
