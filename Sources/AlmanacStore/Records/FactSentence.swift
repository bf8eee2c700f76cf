import AlmanacModel

/// Where a fact's sentence lies in the article field it was read from.
///
/// The archive keeps these offsets rather than a copy of the sentence — on a page full of figures
/// the copies weighed more than the articles — and cuts the sentence out of the field when a fact
/// is read (`substr` counts code points, as the offsets do, on both drivers). A sentence that cannot
/// be found in its field, or one read from a caption (a fact does not say which caption), is kept
/// as text.
enum FactSentence {
    /// The stored form of `fact`'s sentence: offsets (and no text) when it is found in `field`,
    /// else its text.
    static func stored(_ fact: Fact, field: ArticleField, of article: Article) -> (
        text: String, start: Int?, end: Int?
    ) {
        guard let text = fieldText(field, of: article),
            let range = locate(
                fact.sentence, in: text, holding: fact.quantity.start..<max(fact.quantity.start, fact.quantity.end))
        else { return (fact.sentence, nil, nil) }
        return ("", range.lowerBound, range.upperBound)
    }

    /// The text of `field`, or nil for captions.
    static func fieldText(_ field: ArticleField, of article: Article) -> String? {
        switch field {
        case .headline: article.headline
        case .subheadline: article.subheadline
        case .body: article.body
        case .caption: nil
        }
    }

    /// The scalar range of an occurrence of `sentence` in `text` that holds `quantity`, if any.
    static func locate(_ sentence: String, in text: String, holding quantity: Range<Int>) -> Range<Int>? {
        let needle = Array(sentence.unicodeScalars)
        let haystack = Array(text.unicodeScalars)
        guard !needle.isEmpty, needle.count <= haystack.count, quantity.upperBound <= haystack.count else { return nil }
        // The occurrence must start at or before the quantity and end at or after it.
        let first = max(0, quantity.upperBound - needle.count)
        let last = min(quantity.lowerBound, haystack.count - needle.count)
        guard first <= last else { return nil }
        for start in first...last where haystack[start..<start + needle.count].elementsEqual(needle) {
            return start..<start + needle.count
        }
        return nil
    }

    /// The figure's text to store: `''` when it is the span of `field` it was read from (a caption's
    /// spans do not say which caption, so a caption's figure keeps its text).
    static func storedText(_ quantity: Quantity, field: ArticleField, of article: Article) -> String {
        guard let text = fieldText(field, of: article) else { return quantity.text }
        let scalars = text.unicodeScalars
        guard quantity.start >= 0, quantity.start <= quantity.end, quantity.end <= scalars.count else {
            return quantity.text
        }
        let start = scalars.index(scalars.startIndex, offsetBy: quantity.start)
        let end = scalars.index(start, offsetBy: quantity.end - quantity.start)
        return scalars[start..<end].elementsEqual(quantity.text.unicodeScalars) ? "" : quantity.text
    }

    /// The SQL expression of a fact row's sentence, for statements that join `fact` to `article`.
    static func expression(_ dialect: SQLDialect) -> String {
        """
        CASE WHEN fact.sentence_start IS NULL THEN fact.sentence
            ELSE substr(\(fieldText(dialect)), fact.sentence_start + 1, fact.sentence_end - fact.sentence_start) END
        """
    }

    /// The SQL expression of the text of a fact row's field (the body for a caption's, whose rows keep
    /// their own text).
    static func fieldText(_ dialect: SQLDialect) -> String {
        """
        CASE fact.field WHEN 'headline' THEN article.headline WHEN 'subheadline' THEN article.subheadline
            ELSE \(dialect.bodyText("article.body")) END
        """
    }
}
