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
        let counts = try await store.fetchCounts()
        let latest = try await store.fetchArticles(limit: 40, offset: 0)
        var groups: [HomeView.PageGroup] = []
        for stored in latest {
            if groups.last?.pageID != stored.pageID {
                if groups.count == 6 { break }
                groups.append(.init(pageID: stored.pageID, page: stored.page, date: stored.date ?? "", articles: []))
            }
            groups[groups.count - 1].articles.append(ArticleLine(stored))
        }
        let view = HomeView(
            numbers: [.init(label: "版面 pages", value: counts.pages), .init(label: "文章 articles", value: counts.articles)],
            pages: groups, isEmpty: counts.articles == 0)
        return try render("home", view)
    }
}
