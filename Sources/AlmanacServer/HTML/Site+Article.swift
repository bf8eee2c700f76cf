import AlmanacModel
import AlmanacStore
import Hummingbird

/// `/articles/{id}`: the rebuilt article, each fact highlighted, with its captions, bylines and page.
extension Site {
    struct ArticleView {
        var id: Int64
        var headline: String
        var subheadline: String?
        var section: String?
        var kind: String
        var date: String
        var page: String
        var pageID: Int64
        var seq: Int
        var bylines: String?
        var photographers: String?
        var captions: [String]
        var bodyHTML: String
        var facts: [FactLine]
    }

    func article(_ context: BasicRequestContext) async throws -> Response {
        let api = ArchiveAPI(store: store, configuration: configuration, openAPIDocument: .init())
        let (stored, facts) = try await api.fetchArticle(id: try context.pathID())
        let article = stored.article
        let spans = facts.filter { $0.field == .body }.map { fact in
            AnnotatedText.Span(
                start: fact.fact.quantity.start, end: fact.fact.quantity.end,
                open: "<mark class=\"fact\" id=\"fact-\(fact.id)\" title=\"\(HTMLText.escape(FactLine.summary(fact)))\">",
                close: "</mark>")
        }
        let mentions = try await store.fetchMentions(articleID: stored.id).filter { $0.field == .body }
        let links = mentions.map { mention in
            AnnotatedText.Span(
                start: mention.start, end: mention.end,
                open: "<a class=\"entity \(mention.kind.rawValue)\" href=\"/entities/\(mention.entityID)\" "
                    + "title=\"\(HTMLText.escape(mention.name))\">",
                close: "</a>")
        }
        let view = ArticleView(
            id: stored.id, headline: article.headline.isEmpty ? "（无标题）" : article.headline,
            subheadline: article.subheadline.isEmpty ? nil : article.subheadline,
            section: article.section.isEmpty ? nil : article.section, kind: article.kind.rawValue,
            date: stored.date ?? "", page: stored.page, pageID: stored.pageID, seq: article.seq,
            bylines: article.bylines.isEmpty ? nil : article.bylines.joined(separator: "、"),
            photographers: article.photographers.isEmpty ? nil : article.photographers.joined(separator: "、"),
            captions: article.captions, bodyHTML: AnnotatedText(body: article.body, spans: spans + links).html,
            facts: facts.map(FactLine.init))
        return try render("article", view)
    }
}
