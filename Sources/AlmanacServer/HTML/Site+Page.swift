import AlmanacStore
import Hummingbird

/// `/pages/{id}`: the raw text as extraction left it, beside the articles rebuilt from it.
extension Site {
    struct PageView {
        struct Rebuilt {
            var id: Int64
            var seq: Int
            var headline: String
            var kind: String
            var line: Int?
            var paragraphs: [String]
            var captions: [String]
            var bylines: String?
        }
        var id: Int64
        var name: String
        var paper: String
        var date: String
        var rawHTML: String
        var articles: [Rebuilt]
    }

    func page(_ context: BasicRequestContext) async throws -> Response {
        let api = ArchiveAPI(store: store, configuration: configuration, openAPIDocument: .init())
        let stored = try await api.fetchPage(id: try context.pathID())
        let body = ArchiveAPI.pageBody(stored)
        var startsByLine: [Int: [ArchiveAPI.PageBody.ArticleStart]] = [:]
        for start in body.articles { if let line = start.line { startsByLine[line, default: []].append(start) } }
        var raw = ""
        for (index, line) in stored.page.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            for start in startsByLine[index] ?? [] {
                raw += "<a class=\"start\" id=\"start-\(start.seq)\" href=\"#article-\(start.seq)\">▶ \(start.seq) "
                    + "\(HTMLText.escape(start.headline))</a>"
            }
            raw += "<span id=\"line-\(index)\">\(HTMLText.escape(line))</span>\n"
        }
        let view = PageView(
            id: stored.id, name: stored.page.name, paper: stored.page.paper, date: stored.page.date ?? "",
            rawHTML: raw,
            articles: zip(stored.articles, body.articles).map { article, start in
                .init(
                    id: article.id, seq: article.article.seq,
                    headline: article.article.headline.isEmpty ? "（无标题）" : article.article.headline,
                    kind: article.article.kind.rawValue, line: start.line.map { $0 + 1 },
                    paragraphs: article.article.paragraphs.map(String.init), captions: article.article.captions,
                    bylines: article.article.bylines.isEmpty ? nil : article.article.bylines.joined(separator: "、"))
            })
        return try render("page", view)
    }
}
