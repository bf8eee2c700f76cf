import AlmanacModel
import AlmanacStore
import Hummingbird

/// `/`: what the archive holds and what came in last.
extension Site {
    struct HomeView {
        struct Number {
            var label: String
            var value: Int
        }
        struct PageGroup {
            var pageID: Int64
            var page: String
            var date: String
            var articles: [ArticleLine]
        }
        var numbers: [Number]
        var pages: [PageGroup]
        var indicators: [IndicatorLine]
        var span: String?
        var isEmpty: Bool
    }

    /// An article in a list of links.
    struct ArticleLine {
        var id: Int64
        var headline: String
        /// `nil` when the article sits under no column label (a mustache section treats "" as true).
        var section: String?
        var kind: String
        var date: String
        var page: String
        var pageID: Int64

        init(_ stored: StoredArticle) {
            id = stored.id
            headline = stored.article.headline.isEmpty ? "（无标题）" : stored.article.headline
            section = stored.article.section.isEmpty ? nil : stored.article.section
            kind = stored.article.kind.rawValue
            date = stored.date ?? ""
            page = stored.page
            pageID = stored.pageID
        }
    }

    func home() async throws -> Response {
        let stats = try await store.fetchStats()
        let indicators = try await store.fetchIndicators(limit: 12, offset: 0)
        let latest = try await store.fetchArticles(limit: 40, offset: 0)
        var groups: [HomeView.PageGroup] = []
        for stored in latest {
            if groups.last?.pageID != stored.pageID {
                if groups.count == 6 { break }
                groups.append(.init(pageID: stored.pageID, page: stored.page, date: stored.date ?? "", articles: []))
            }
            groups[groups.count - 1].articles.append(ArticleLine(stored))
        }
        var numbers: [HomeView.Number] = [
            .init(label: "版面 pages", value: stats.pages), .init(label: "文章 articles", value: stats.articles),
            .init(label: "数据 facts", value: stats.facts),
        ]
        for kind in EntityKind.allCases {
            numbers.append(.init(label: Self.kindLabel(kind), value: stats.entities[kind.rawValue] ?? 0))
        }
        var span: String?
        if let first = stats.firstDate, let last = stats.lastDate { span = "\(first) — \(last)" }
        let view = HomeView(
            numbers: numbers, pages: groups, indicators: indicators.map(IndicatorLine.init), span: span,
            isEmpty: stats.articles == 0)
        return try render("home", view)
    }
}
