import AlmanacModel

/// Where in an article a fact was read.
public enum ArticlePart: String, Sendable, Hashable, Codable {
    case headline, subheadline, caption, body
}

extension FactExtractor {
    /// The facts of an article: its headline, subheadline, captions and body, each read as its own
    /// passage (offsets count scalars of that part); every fact carries the article's `seq`.
    public func facts(in article: Article) -> [(part: ArticlePart, fact: Fact)] {
        var found: [(ArticlePart, Fact)] = []
        func add(_ text: String, _ part: ArticlePart) {
            guard !text.isEmpty else { return }
            for var fact in facts(in: text) {
                fact.seq = article.seq
                found.append((part, fact))
            }
        }
        add(article.headline, .headline)
        add(article.subheadline, .subheadline)
        for caption in article.captions { add(caption, .caption) }
        add(article.body, .body)
        return found
    }
}
