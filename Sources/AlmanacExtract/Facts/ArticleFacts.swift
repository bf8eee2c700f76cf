import AlmanacModel

/// Where in an article a fact was read.
public enum ArticlePart: String, Sendable, Hashable, Codable {
    case headline, subheadline, caption, body
}

extension FactExtractor {
    /// The facts of an article: its headline, subheadline, captions and body, each read as its own
    /// passage (offsets count scalars of that part); every fact carries the article's `seq`. A place
    /// the article names in full anywhere (岚江市) is recognised by its bare stem (岚江) in every part.
    ///
    /// `pageStems` adds the stems of places named elsewhere on the page (see ``placeStems(in:)``).
    public func facts(in article: Article, pageStems: Set<[UInt32]> = []) -> [(part: ArticlePart, fact: Fact)] {
        // Labelled as the result is: an unlabelled array would be converted element by element (a
        // dynamic cast a fact) on return.
        var found: [(part: ArticlePart, fact: Fact)] = []
        let whole = ([article.headline, article.subheadline] + article.captions + [article.body]).joined(separator: "\n")
        let stems = placeStems(in: whole).union(pageStems)
        func add(_ text: String, _ part: ArticlePart) {
            guard !text.isEmpty else { return }
            for var fact in facts(in: text.scalarValues, knownPlaceStems: stems) {
                fact.seq = article.seq
                found.append((part: part, fact: fact))
            }
        }
        add(article.headline, .headline)
        add(article.subheadline, .subheadline)
        for caption in article.captions { add(caption, .caption) }
        add(article.body, .body)
        return found
    }
}
