import AlmanacModel
import AlmanacText

/// Rebuilds the articles of a printed page from the raw text that extraction left of it.
///
/// The engine reads the page in linear passes: lines and their features; the page outline
/// (headlines, subheadlines, column labels, inner subheads); each article's body, with cut
/// paragraphs joined and captions, credits, bylines and datelines set apart; then text printed twice
/// on the page is dropped, and each article's kind and column are settled.
///
/// ```swift
/// let articles = PageLayout().articles(in: pageText)
/// for article in articles { print(article.seq, article.headline) }
/// ```
public struct PageLayout: Sendable {
    public init() {}

    /// The page's articles in reading order, `seq` numbered from 1.
    public func articles(in text: String) -> [Article] {
        articles(inScalars: text.scalarValues)
    }

    /// ``articles(in:)`` of a page given as its text's scalar values (`text.scalarValues`), for a
    /// caller that reads them too: the page is decoded once.
    public func articles(inScalars scalars: [UInt32]) -> [Article] {
        let lines = LineReader().lines(ofScalars: scalars).filter { !PageLine.isFurniture($0) }.map(PageLine.init)
        guard !lines.isEmpty else { return [] }
        let outline = PageOutline(lines: lines)
        let builder = ArticleBuilder(lines: lines, gapThreshold: outline.gapThreshold)
        var drafts = outline.articles().map(builder.draft)
        var repeats = RepeatFilter()
        var printedTwice = [Bool](filling: false, count: drafts.count)
        for k in drafts.indices {
            let hadText = !drafts[k].paragraphs.isEmpty
            drafts[k].paragraphs = drafts[k].paragraphs.compactMap { repeats.filter($0) }
            // An article whose whole text was printed before is a repeated block, not an article.
            printedTwice[k] = hadText && drafts[k].paragraphs.isEmpty && drafts[k].captions.isEmpty
        }
        var articles: [Article] = []
        var section = ""
        for (k, draft) in drafts.enumerated() {
            guard !draft.paragraphs.isEmpty || !draft.headline.isEmpty, !printedTwice[k] else { continue }
            if let label = draft.label {
                section = label
            } else if draft.resetsSection {
                section = ""
            }
            var article = ArticleFinisher.finish(draft, seq: articles.count + 1)
            article.section = section
            // A picture column holds one picture story.
            if article.kind == .photo { section = "" }
            articles.append(article)
        }
        return articles
    }
}
