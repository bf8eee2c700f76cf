/// Where each rebuilt article begins in its page's raw text: the repair made visible.
///
/// The layout rebuilds articles from the raw lines without keeping offsets, so the start of an
/// article is found again here: the first line at or after the previous article's start that
/// holds its headline (spaces ignored), else its body's first characters. An article found
/// nowhere (its headline and opening rewritten beyond recognition) has no start.
enum ArticleStarts {
    /// For each of `articles` (headline, body) in page order, its start line in `text`, or nil.
    static func find(in text: String, articles: [(headline: String, body: String)]) -> [Int?] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(squeezed)
        var from = 0
        return articles.map { article in
            let probes = [squeezed(article.headline), String(squeezed(article.body).prefix(12))].filter { $0.count >= 2 }
            for probe in probes {
                if let index = lines[from...].firstIndex(where: { $0.contains(probe) }) {
                    from = index
                    return index
                }
            }
            return nil
        }
    }

    static func squeezed(_ text: some StringProtocol) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "#" && $0 != "*" })
        return String(scalars)
    }
}
