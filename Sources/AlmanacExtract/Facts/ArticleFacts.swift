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
        facts(in: article, partScalars: article.parts.map(\.text.scalarValues), pageStems: pageStems)
            .map { (part: $0.part, fact: $0.fact) }
    }

    /// ``facts(in:pageStems:)`` with the scalar values of the article's parts already decoded, in the
    /// order ``AlmanacModel/Article/parts`` gives them, for a caller that reads the parts again (their mentions): each
    /// part is decoded once for both. Each fact comes with the scalar range of its sentence in its
    /// part, which a store keeps instead of the sentence (``AlmanacModel/ExtractedArticle/factSentences``).
    public func facts(
        in article: Article, partScalars scalars: [[UInt32]], pageStems: Set<[UInt32]> = []
    ) -> [(part: ArticlePart, fact: Fact, sentence: Range<Int>)] {
        // Labelled as the result is: an unlabelled array would be converted element by element (a
        // dynamic cast a fact) on return.
        var found: [(part: ArticlePart, fact: Fact, sentence: Range<Int>)] = []
        let parts = article.parts
        precondition(scalars.count == parts.count, "the scalars of every part of the article")
        // The whole article's scalars (its parts joined with line breaks, empty parts too) are put
        // together from the parts' rather than joined as text and decoded again.
        var whole: [UInt32] = []
        whole.reserveCapacity(scalars.reduce(parts.count) { $0 + $1.count })
        for (index, part) in scalars.enumerated() {
            if index > 0 { whole.append(0x0A) }
            whole.append(contentsOf: part)
        }
        // The whole is read for places once: each part's findings are its run of them.
        let reading = placeReading(of: whole)
        let stems = placeStems(inScalars: whole, placeReading: reading).union(pageStems)
        var shift = 0
        for (index, (text, part)) in parts.enumerated() {
            let end = shift + scalars[index].count
            if !text.isEmpty {
                appendFacts(
                    in: text, scalars: scalars[index], knownPlaceStems: stems, placeReading: reading.part(shift..<end),
                    seq: article.seq, to: &found
                ) { (part: part, fact: $0, sentence: $1) }
            }
            shift = end + 1  // past the line break
        }
        return found
    }
}

extension Article {
    /// The parts read for facts and mentions, in reading order: headline, subheadline, each caption,
    /// body (empty ones too).
    public var parts: [(text: String, part: ArticlePart)] {
        [(headline, .headline), (subheadline, .subheadline)] + captions.map { ($0, .caption) } + [(body, .body)]
    }
}
